import { loadConfig } from '@loa/core';
import { gatewayFor } from '../gateway.registry';
import { GatewayHttp, HttpResult } from '../http/gateway-http.client';
import { ZaloTokenError, ZaloZnsAdapter } from './zalo-zns.adapter';

const gw = gatewayFor(loadConfig({}), 'zalo');
/** The OAuth server's answer, as the client would get it (no network: the answer is what is under test). */
const answering = (status: number, body: string) =>
  ({ post: async (): Promise<HttpResult> => ({ status, headers: {}, text: body }) }) as unknown as GatewayHttp;
const refreshWith = (status: number, body: string) =>
  new ZaloZnsAdapter(answering(status, body), { nowMs: () => 0 }).refreshToken(gw, 'rt');

/**
 * Which refusals of a token refresh need the OA's consent again (no retry can fix them: issue 18) and which are a
 * passing trouble of the server. Zalo's OAuth answers its own errors with an `error` code (docs/gateways.md, Zalo).
 */
describe('Zalo token refresh: final refusals vs passing ones', () => {
  it.each<[string, number, string, boolean]>([
    [
      'refresh token used, expired or revoked (-14014)',
      200,
      '{"error":-14014,"error_name":"Invalid refresh token"}',
      true,
    ],
    ['wrong secret_key (-14002)', 200, '{"error":-14002,"error_description":"Invalid secret_key"}', true],
    ['wrong app_id (-14001)', 200, '{"error":-14001,"error_description":"Invalid app_id"}', true],
    ['an OAuth error answered with a 400', 400, '{"error":-14003,"error_description":"Invalid grant_type"}', true],
    ['a server error', 503, '{"error":-1,"message":"busy"}', false],
    ['a server error without JSON', 502, '<html>Bad gateway</html>', false],
    ['a 200 without the pair and without an error code', 200, '{"message":"?"}', false],
  ])('%s (HTTP %i) → needs re-authorisation: %s', async (_name, status, body, final) => {
    const e = await refreshWith(status, body).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ZaloTokenError);
    expect((e as ZaloTokenError).needsReauthorisation).toBe(final);
  });

  it('a pair is a pair, with expires_in as a string', async () => {
    const pair = await refreshWith(200, '{"access_token":"a","refresh_token":"r","expires_in":"90000"}');
    expect(pair).toMatchObject({ accessToken: 'a', refreshToken: 'r', expiresAt: new Date(90_000_000) });
  });
});
