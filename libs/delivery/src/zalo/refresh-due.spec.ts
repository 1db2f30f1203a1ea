import { refreshDueAt } from './zalo-token.service';

const H = 3600_000;

describe('refreshDueAt: refresh ahead of expiry by a share of the lifetime', () => {
  it.each([
    ['a 25 h token, 10 min before expiry', 0, 25 * H, 25 * H - 10 * 60_000],
    ['a 30 s token, at its half-life', 0, 30_000, 15_000],
    ['a 12 min token, at its half-life (6 min)', 0, 12 * 60_000, 6 * 60_000],
    ['a 20 min token, 10 min ahead', 0, 20 * 60_000, 10 * 60_000],
    ['a 4 s token, not before 5 s after issue', 0, 4_000, 5_000],
    ['expires_in 0, not before 5 s after issue', 1_000, 1_000, 6_000],
    ['expired before issue (clock skew), 5 s floor', 10_000, 0, 15_000],
  ])('%s', (_what, issued, expires, due) => {
    expect(refreshDueAt(issued, expires)).toBe(due);
  });

  it('bounds refreshes of a 30 s token to about one per half-life', () => {
    let issued = 0;
    let refreshes = 0;
    for (let now = 0; now < 60_000; now += 100) {
      if (refreshDueAt(issued, issued + 30_000) <= now) {
        refreshes++;
        issued = now;
      }
    }
    expect(refreshes).toBe(3); // at 15 s, 30 s, 45 s
  });
});
