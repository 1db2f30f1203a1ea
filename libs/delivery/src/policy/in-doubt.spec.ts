import { SendOutcome } from '@loa/channels';
import { maybeAccepted } from './in-doubt';

describe('maybeAccepted', () => {
  const cases: [string, SendOutcome, boolean][] = [
    ['accepted', { kind: 'accepted' }, false],
    ['timeout after the request went out', { kind: 'retry', code: 'timeout', text: 'no answer within 1000 ms' }, true],
    ['aborted mid-request', { kind: 'retry', code: 'aborted', text: 'send aborted by the caller' }, true],
    ['unreadable answer', { kind: 'retry', code: 'unreadable', text: 'not XML: <html>' }, true],
    ['exception in the adapter', { kind: 'retry', code: 'EXCEPTION', text: 'boom' }, true],
    ['connection reset', { kind: 'retry', code: 'network', text: 'ECONNRESET: socket hang up' }, true],
    ['socket closed (undici)', { kind: 'retry', code: 'network', text: 'UND_ERR_SOCKET: other side closed' }, true],
    ['connection refused', { kind: 'retry', code: 'network', text: 'ECONNREFUSED: connect ECONNREFUSED' }, false],
    ['unknown host', { kind: 'retry', code: 'network', text: 'ENOTFOUND: getaddrinfo ENOTFOUND gw' }, false],
    ['HTTP 503 answer', { kind: 'retry', code: 'http-503', text: 'HTTP 503' }, false],
    ['throttled', { kind: 'retry', code: 'http-429', text: 'HTTP 429', throttled: true }, false],
    ['rejected', { kind: 'rejected', code: '103', text: 'bad' }, false],
    ['fallback', { kind: 'fallback', code: '-118', text: 'no Zalo' }, false],
  ];
  it.each(cases)('%s', (_name, outcome, expected) => {
    expect(maybeAccepted(outcome)).toBe(expected);
  });
});
