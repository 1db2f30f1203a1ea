import { finishWithinWindow, sendingSeconds, windowOpensAt } from './preview-estimate';

const at = (iso: string) => new Date(iso);
// Window 07:00–22:00 Vietnam = 00:00–15:00 UTC.
const W = [420, 1320] as const;

describe('finishWithinWindow', () => {
  it.each([
    ['inside the window, fits', '2025-03-01T02:00:00Z', 3600, '2025-03-01T03:00:00Z'],
    ['before the window opens: starts at 07:00', '2025-02-28T22:00:00Z', 600, '2025-03-01T00:10:00Z'],
    ['after it closes: next morning', '2025-03-01T15:30:00Z', 60, '2025-03-02T00:01:00Z'],
    ['spills over the night', '2025-03-01T14:30:00Z', 3600, '2025-03-02T00:30:00Z'],
    ['several days', '2025-03-01T00:00:00Z', 3 * 15 * 3600, '2025-03-03T15:00:00Z'],
    ['nothing to send', '2025-03-01T20:00:00Z', 0, '2025-03-01T20:00:00Z'],
  ])('%s', (_what, start, seconds, end) => {
    expect(finishWithinWindow(at(start), seconds, W[0], W[1]).toISOString()).toBe(at(end).toISOString());
  });
});

describe('sendingSeconds', () => {
  it('is set by the slowest gateway', () => {
    expect(
      sendingSeconds([
        { gatewayId: 'a', messages: 1000, ratePerSecond: 100 },
        { gatewayId: 'b', messages: 1000, ratePerSecond: 50 },
      ]),
    ).toBe(20);
    expect(sendingSeconds([])).toBe(0);
  });
});

describe('windowOpensAt (07:00–22:00 in Vietnam)', () => {
  it.each([
    ['01:31 VN: that morning 07:00', '2026-03-03T18:31:00Z', '2026-03-04T00:00:00.000Z'],
    ['07:00 VN: at once', '2026-03-04T00:00:00Z', '2026-03-04T00:00:00.000Z'],
    ['21:59 VN: at once', '2026-03-04T14:59:00Z', '2026-03-04T14:59:00.000Z'],
    ['22:00 VN: the next morning', '2026-03-04T15:00:00Z', '2026-03-05T00:00:00.000Z'],
    ['23:30 VN: the next morning', '2026-03-04T16:30:00Z', '2026-03-05T00:00:00.000Z'],
  ])('%s', (_what, at, opens) => {
    expect(windowOpensAt(new Date(at), 420, 1320).toISOString()).toBe(opens);
  });
});
