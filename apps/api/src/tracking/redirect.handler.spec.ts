import type { IncomingMessage } from 'node:http';
import { clientIp } from './hot-paths';
import { codeOf } from './redirect.handler';

describe('codeOf', () => {
  it.each([
    ['/abc123', 'abc123'],
    ['/abc123/', 'abc123'],
    ['/abc123?utm=sms', 'abc123'],
    ['/ab%43d', 'abCd'],
    ['/bad%zz', 'bad%zz'],
    ['/', undefined],
    ['', undefined],
    ['/a/b', undefined],
  ])('%j → %j', (path, code) => expect(codeOf(path)).toBe(code));
});

describe('clientIp (as Express req.ip)', () => {
  const loopback = (addr: string) => addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
  const req = (peer: string, xff?: string) =>
    ({ socket: { remoteAddress: peer }, headers: xff ? { 'x-forwarded-for': xff } : {} }) as unknown as IncomingMessage;

  it.each([
    ['no proxy header: the peer', req('10.1.1.1'), loopback, '10.1.1.1'],
    ['untrusted peer: its header is ignored', req('10.1.1.1', '1.2.3.4'), loopback, '10.1.1.1'],
    ['behind a local proxy: the forwarded client', req('127.0.0.1', '1.2.3.4'), loopback, '1.2.3.4'],
    ['client-supplied hops before it are not believed', req('127.0.0.1', '6.6.6.6, 1.2.3.4'), loopback, '1.2.3.4'],
    ['all hops trusted: the farthest', req('127.0.0.1', '127.0.0.1'), loopback, '127.0.0.1'],
    ['trust not configured: the peer', req('127.0.0.1', '1.2.3.4'), undefined, '127.0.0.1'],
  ])('%s', (_name, r, trust, ip) => expect(clientIp(r, trust)).toBe(ip));
});
