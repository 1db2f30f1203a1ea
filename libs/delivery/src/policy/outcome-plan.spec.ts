import { SendOutcome } from '@loa/channels';
import { OutcomeContext, planOutcome } from './outcome-plan';

const NOW = Date.UTC(2026, 10, 24, 5, 0); // 12:00 in Vietnam
const ctx = (over: Partial<OutcomeContext> = {}): OutcomeContext => ({
  attempts: 1,
  maxAttempts: 6,
  nowMs: NOW,
  expiresAtMs: NOW + 6 * 3600_000,
  hasNextChannel: true,
  fallbackOnQuotaPause: true,
  ...over,
});
const r = () => 0;

describe('planOutcome', () => {
  it.each<[string, SendOutcome, Partial<OutcomeContext>, object]>([
    ['accepted → sent', { kind: 'accepted', providerMessageId: 'p1' }, {}, { do: 'sent', providerMessageId: 'p1' }],
    [
      'rejected → fail with the gateway code',
      { kind: 'rejected', code: '103', text: 'bad' },
      {},
      { do: 'fail', code: '103' },
    ],
    ['retry → delayed retry', { kind: 'retry', code: '503', text: 'x' }, {}, { do: 'retry', delayMs: 500 }],
    [
      'throttled → short retry',
      { kind: 'retry', code: '429', text: 'x', throttled: true },
      {},
      { do: 'retry', throttled: true, delayMs: 125 },
    ],
    ['retry after hint', { kind: 'retry', code: '429', text: 'x', afterMs: 3000 }, {}, { do: 'retry', delayMs: 3000 }],
    [
      'retry, attempts used up → fail',
      { kind: 'retry', code: '503', text: 'x' },
      { attempts: 6 },
      { do: 'fail', code: '503' },
    ],
    [
      'failed probe, attempts used up → retry, the attempt given back',
      { kind: 'retry', code: 'network', text: 'ECONNREFUSED' },
      { attempts: 6, probe: true },
      { do: 'retry', refund: true },
    ],
    [
      'failed probe past validity → expire',
      { kind: 'retry', code: 'network', text: 'ECONNREFUSED' },
      { attempts: 6, probe: true, expiresAtMs: NOW + 100 },
      { do: 'expire' },
    ],
    [
      'retry, not a probe → attempt kept',
      { kind: 'retry', code: '503', text: 'x' },
      {},
      { do: 'retry', refund: false },
    ],
    [
      'retry past validity → expire',
      { kind: 'retry', code: '503', text: 'x' },
      { expiresAtMs: NOW + 100 },
      { do: 'expire' },
    ],
    [
      'token → refresh and retry now',
      { kind: 'token', code: '-124', text: 'x' },
      {},
      { do: 'retry', delayMs: 0, refreshToken: true },
    ],
    [
      'fallback (-118) → next channel',
      { kind: 'fallback', code: '-118', text: 'x' },
      {},
      { do: 'nextChannel', breakChannel: false },
    ],
    [
      'fallback, last channel → fail',
      { kind: 'fallback', code: '-118', text: 'x' },
      { hasNextChannel: false },
      { do: 'fail', code: '-118' },
    ],
    [
      'channelBroken → next channel, channel stopped',
      { kind: 'channelBroken', code: '-131', text: 'x' },
      {},
      { do: 'nextChannel', breakChannel: true },
    ],
    [
      'quota pause → pause then next channel',
      { kind: 'pause', code: '-144', text: 'x', reason: 'quota' },
      {},
      { do: 'pause', reason: 'quota', thenNext: true, untilMs: Date.UTC(2026, 10, 24, 17, 0) },
    ],
    [
      'quota pause, no next, past validity → expire',
      { kind: 'pause', code: '-144', text: 'x', reason: 'quota' },
      { hasNextChannel: false },
      { do: 'expire' },
    ],
    [
      'night (-133) → wait to 06:00',
      { kind: 'pause', code: '-133', text: 'x', reason: 'night' },
      { nowMs: Date.UTC(2026, 10, 24, 16, 0), expiresAtMs: NOW + 48 * 3600_000 },
      { do: 'pause', reason: 'night', thenNext: false, untilMs: Date.UTC(2026, 10, 24, 23, 0) },
    ],
  ])('%s', (_, outcome, over, expected) => {
    expect(planOutcome(outcome, ctx(over), r)).toMatchObject(expected);
  });
});
