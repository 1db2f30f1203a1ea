import { Redis } from 'ioredis';
import { redisKey } from '@loa/core';
import { FaultRig, onceReport, seedDispatchRun, startFaultRig } from './fault-rig';

jest.setTimeout(180_000);

/**
 * The Zalo OA's permission is withdrawn mid-run (an OA administrator revokes the app, or the 3-month refresh token
 * expires): every token is refused and no retry can fix it (issue 18.1, 18.3). The gateway goes into "needs
 * re-authorisation" at once — paused for `credentials`, alerted — Loa stops asking Zalo for tokens, the Zalo-first
 * people still waiting go by SMS and the run completes; a new refresh token (what the operator gives after the
 * consent) resumes Zalo for the next run.
 */
describe('Zalo credentials revoked mid-run (fault)', () => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await startFaultRig({ smsRate: 40 });
    // Short-lived access tokens: refreshed every few seconds, as a long run would every day.
    const zalo = rig.cfg.gateways.find((g) => g.id === 'zalo')!;
    rig.sims.zalo.configure({ zalo: { tokenTtlSec: 12, seedRefreshTokens: [zalo.credentials.refreshToken!] } });
    await rig.spawnWorker();
    await rig.waitForConsumers(1);
  });
  afterAll(() => rig?.close());

  const zaloState = async () =>
    (await rig.sql.query(`SELECT pause_reason AS reason FROM gateway_settings WHERE gateway_id = 'zalo'`)).rows[0]
      ?.reason ?? null;

  it('stops asking for tokens, sends the waiting people by SMS, completes the run, and resumes with a new token', async () => {
    const run = await seedDispatchRun(rig.sql, { count: 400, firstNumber: 1, channels: ['zns', 'sms'] });
    await rig.dispatch(run.runId);
    // Some go by Zalo first; then the permission is withdrawn.
    const deadline = Date.now() + 60_000;
    while (rig.sims.zalo.stats().accepted < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    rig.sims.zalo.revokeAuthorisation();
    const byZalo = rig.sims.zalo.stats().accepted;
    expect(byZalo).toBeGreaterThanOrEqual(40);
    expect(byZalo).toBeLessThan(400);

    await rig.waitForRuns([run.runId], 120_000);
    expect(await zaloState()).toBe('credentials');
    const r = await onceReport(rig, [run.runId]);
    expect(r).toMatchObject({ byStatus: { sent: 400 }, sentTwiceInDb: 0, receivedTwice: 0, simDuplicates: 0 });
    // Everyone Zalo did not take went by SMS; nobody failed or waited.
    const { rows } = await rig.sql.query(
      `SELECT m.channel, m.status, m.error_code AS code, count(*)::int AS n FROM messages m
         JOIN deliveries d ON d.id = m.delivery_id WHERE d.run_id = $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      [run.runId],
    );
    const count = (channel: string, status: string) =>
      rows.filter((x) => x.channel === channel && x.status === status).reduce((n, x) => n + x.n, 0);
    const zaloSent = count('zns', 'sent');
    expect(zaloSent + count('sms', 'sent')).toBe(400);
    expect(count('sms', 'sent')).toBeGreaterThanOrEqual(400 - byZalo);
    expect(
      rows.filter((x) => x.channel === 'zns' && x.status === 'failed').every((x) => x.code === 'CREDENTIALS'),
    ).toBe(true);
    // Loa asked Zalo for a token with the dead chain only a few times (one refusal puts the gateway in the state).
    const oauth = (rig.sims.zalo.stats() as unknown as { protocol: { oauth: { revoked: number } } }).protocol.oauth;
    process.stderr.write(`zalo oauth: ${JSON.stringify(oauth)}, by Zalo before the revocation: ${byZalo}\n`);
    expect(oauth.revoked).toBeGreaterThan(0);
    expect(oauth.revoked).toBeLessThanOrEqual(3);
    expect(rig.workers[0].log()).toMatch(/ALERT gateway zalo needs re-authorisation/);

    // The way back: the OA administrator consents again; the operator gives Loa the new refresh token (what
    // PUT /api/v1/gateways/zalo/refresh-token stores, in one transaction: gateway-admin e2e).
    const { refreshToken } = rig.sims.zalo.reauthorise();
    await rig.sql.query('BEGIN');
    await rig.sql.query(
      `UPDATE gateway_tokens SET access_token = '', refresh_token = $1, access_expires_at = now(), issued_at = now(),
              version = version + 1 WHERE gateway_id = 'zalo'`,
      [refreshToken],
    );
    await rig.sql.query(
      `UPDATE gateway_settings SET paused_until = NULL, pause_reason = NULL WHERE gateway_id = 'zalo' AND pause_reason = 'credentials'`,
    );
    await rig.sql.query('COMMIT');
    // …and announces it, as the route does (GatewaySettingsService.changed): every process reloads its settings.
    const redis = new Redis(rig.cfg.redis.url);
    await redis.publish(redisKey(rig.cfg, 'gateway-settings'), 'zalo');
    await redis.quit();
    await new Promise((r) => setTimeout(r, 2000)); // well past the worker's own once-a-second reload, under load too
    const next = await seedDispatchRun(rig.sql, { count: 60, firstNumber: 10_000, channels: ['zns', 'sms'] });
    await rig.dispatch(next.runId);
    await rig.waitForRuns([next.runId], 60_000);
    const { rows: again } = await rig.sql.query(
      `SELECT m.channel, count(*)::int AS n FROM messages m JOIN deliveries d ON d.id = m.delivery_id
        WHERE d.run_id = $1 AND m.status = 'sent' GROUP BY 1`,
      [next.runId],
    );
    // Zalo again (the seeded audience has a few people without a Zalo account: they fall back to SMS as usual).
    expect(again.find((x) => x.channel === 'zns')?.n ?? 0).toBeGreaterThan(0);
    expect(await zaloState()).toBeNull();
  });
});
