import { HttpResult, TransportError } from './gateway-http.client';
import { httpStatusOutcome, retryAfterMs, transportOutcome } from './http-outcome';

const NOW = Date.UTC(2020, 7, 20, 3, 0, 0);
const res = (status: number, headers: HttpResult['headers'] = {}): HttpResult => ({ status, headers, text: 'x' });

describe('HTTP-level outcomes', () => {
  it.each([
    [res(200), null],
    [res(429), { kind: 'retry', code: 'http-429', throttled: true, afterMs: undefined }],
    [res(429, { 'retry-after': '3' }), { kind: 'retry', throttled: true, afterMs: 3000 }],
    [res(429, { 'retry-after': new Date(NOW + 5000).toUTCString() }), { kind: 'retry', afterMs: 5000 }],
    [res(503), { kind: 'retry', code: 'http-503' }],
    [res(500), { kind: 'retry', code: 'http-500' }],
    [res(408), { kind: 'retry', code: 'http-408' }],
    [res(400), { kind: 'refused', code: 'http-400' }],
    [res(401), { kind: 'refused', code: 'http-401' }],
    [res(403), { kind: 'refused', code: 'http-403' }],
    [res(404), { kind: 'refused', code: 'http-404' }],
  ])('%j → %j', (r, expected) => {
    const out = httpStatusOutcome(r, NOW);
    if (expected === null) expect(out).toBeNull();
    else expect(out).toMatchObject(expected);
  });

  it.each([
    [undefined, undefined],
    ['0', 0],
    ['12', 12000],
    ['soon', undefined],
    [['2', '9'], 2000],
  ])('Retry-After %j → %j ms', (v, ms) => expect(retryAfterMs(v, NOW)).toBe(ms));

  it.each(['timeout', 'network', 'aborted'] as const)('a %s is retried', (kind) => {
    expect(transportOutcome(new TransportError(kind, 'm'))).toEqual({ kind: 'retry', code: kind, text: 'm' });
  });

  it('rethrows anything that is not a transport error', () => {
    expect(() => transportOutcome(new TypeError('bug'))).toThrow('bug');
  });
});
