import { SendOutcome } from '@loa/channels';
import { admission, afterProbe, breakerSignal, BreakerSignal, BreakerState, bucketMs, shouldOpen } from './breaker';

describe('breaker policy', () => {
  const signals: [string, SendOutcome, BreakerSignal][] = [
    ['accepted', { kind: 'accepted' }, 'success'],
    ['rejected by the gateway', { kind: 'rejected', code: '146', text: 'template' }, 'success'],
    ['refused (our fault)', { kind: 'refused', code: '101', text: 'auth' }, 'success'],
    ['fallback', { kind: 'fallback', code: '-118', text: 'no Zalo' }, 'success'],
    ['pause', { kind: 'pause', code: '-144', text: 'quota', reason: 'quota' }, 'success'],
    ['throttled HTTP 429', { kind: 'retry', code: 'http-429', text: 'HTTP 429', throttled: true }, 'success'],
    ['throttled by protocol', { kind: 'retry', code: 'TPS_LIMIT_EXCEEDED', text: 'tps', throttled: true }, 'success'],
    ['protocol "busy" answer', { kind: 'retry', code: 'SYSTEM_BUSY', text: 'busy' }, 'success'],
    ['HTTP 503', { kind: 'retry', code: 'http-503', text: 'HTTP 503' }, 'failure'],
    ['HTTP 500', { kind: 'retry', code: 'http-500', text: 'HTTP 500' }, 'failure'],
    ['HTTP 408', { kind: 'retry', code: 'http-408', text: 'HTTP 408' }, 'failure'],
    ['timeout', { kind: 'retry', code: 'timeout', text: 'no answer within 10000 ms' }, 'failure'],
    ['connection refused', { kind: 'retry', code: 'network', text: 'ECONNREFUSED: connect' }, 'failure'],
    ['connection reset', { kind: 'retry', code: 'network', text: 'ECONNRESET: socket hang up' }, 'failure'],
    ['unreadable answer', { kind: 'retry', code: 'unreadable', text: 'not XML: <html>' }, 'failure'],
    ['exception in our adapter', { kind: 'retry', code: 'EXCEPTION', text: 'boom' }, 'none'],
    ['aborted by us', { kind: 'retry', code: 'aborted', text: 'send aborted by the caller' }, 'none'],
  ];
  it.each(signals)('%s → %s', (_name, o, expected) => expect(breakerSignal(o)).toBe(expected));

  const s = { minFailures: 10, failurePercent: 50 };
  it.each([
    [{ attempts: 0, failures: 0 }, false],
    [{ attempts: 9, failures: 9 }, false], // every send failed, but too few to tell
    [{ attempts: 10, failures: 10 }, true],
    [{ attempts: 20, failures: 10 }, true], // exactly 50 %
    [{ attempts: 21, failures: 10 }, false],
    [{ attempts: 2000, failures: 10 }, false], // 0.5 % of a busy gateway: noise, not an outage
    [{ attempts: 2000, failures: 1000 }, true],
  ])('window %j → open %s', (w, expected) => expect(shouldOpen(w, s)).toBe(expected));

  const st = (state: BreakerState['state'], untilMs: number | null = null): BreakerState => ({
    state,
    gen: 1,
    sinceMs: 0,
    untilMs,
  });
  it.each([
    ['closed', st('closed'), true, 'yes'],
    ['open, cooling down', st('open', 2000), true, 'no'],
    ['open, cool-down over', st('open', 1000), true, 'probe'],
    ['half-open', st('half-open'), true, 'probe'],
    ['open but the breaker is disabled', st('open', 2000), false, 'yes'],
  ] as const)('admission %s → %s', (_n, state, enabled, expected) => {
    expect(admission(state, 1000, { enabled })).toBe(expected);
  });

  it.each([
    ['success', 'closed'],
    ['failure', 'open'],
    ['none', null],
  ] as const)('a probe with %s → %s', (signal, expected) => expect(afterProbe(signal)).toBe(expected));

  it('slides the window in tenths', () => {
    expect(bucketMs({ windowMs: 20_000 })).toBe(2000);
    expect(bucketMs({ windowMs: 1000 })).toBe(100);
  });
});
