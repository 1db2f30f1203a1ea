import { ApiHarness, startApi } from '@loa/testing';

/**
 * Operator ways back without SQL (issue 10): lift a gateway pause, give Zalo a new refresh token, lift a campaign's
 * gateway hold. Gateway settings are national: a district admin is refused.
 */
describe('gateway administration (e2e)', () => {
  let h: ApiHarness;
  let admin: Record<string, string>;
  let districtAdmin: Record<string, string>;
  let operator: Record<string, string>;
  let unitId: number;

  const unit = async (code: string, name: string): Promise<number> => {
    const u = await h.sql.query(
      `INSERT INTO units (code, name, level, path, depth) VALUES ($1, $2, 'district', '/', 0) RETURNING id`,
      [code, name],
    );
    await h.sql.query(`UPDATE units SET path = '/' || id || '/' WHERE id = $1`, [u.rows[0].id]);
    return u.rows[0].id;
  };

  beforeAll(async () => {
    h = await startApi();
    admin = { Authorization: `Bearer ${h.adminToken}` };
    operator = { Authorization: `Bearer ${await h.key('operator')}` };
    unitId = await unit('D1', 'Huyện Một');
    districtAdmin = { Authorization: `Bearer ${await h.key('admin', unitId)}` };
  });
  afterAll(() => h?.close());

  const paused = async (id: string) =>
    (await h.sql.query(`SELECT paused_until FROM gateway_settings WHERE gateway_id = $1`, [id])).rows[0]?.paused_until;

  it('lifts a pause (national admin only), audited with old and new values', async () => {
    const until = new Date(Date.now() + 3600_000);
    await h.sql.query(
      `INSERT INTO gateway_settings (gateway_id, paused_until, pause_reason) VALUES ('zalo', $1, 'night')`,
      [until],
    );
    await h.http().delete('/api/v1/gateways/zalo/pause').set(operator).expect(403);
    const refused = await h.http().delete('/api/v1/gateways/zalo/pause').set(districtAdmin).expect(403);
    expect(refused.body.message).toMatch(/national setting/);
    expect(await paused('zalo')).toEqual(until);
    await h.http().delete('/api/v1/gateways/nope/pause').set(admin).expect(404);
    const ok = await h.http().delete('/api/v1/gateways/zalo/pause').set(admin).expect(200);
    expect(ok.body).toMatchObject({ id: 'zalo', pausedUntil: null, pauseReason: null });
    expect(await paused('zalo')).toBeNull();
    await h.http().delete('/api/v1/gateways/zalo/pause').set(admin).expect(404); // nothing left to lift
    const audit = await h.sql.query(`SELECT details FROM audit_log WHERE action = 'unpause' AND entity_id = 'zalo'`);
    expect(audit.rows).toEqual([
      { details: { pausedUntil: { from: until.toISOString(), to: null }, pauseReason: { from: 'night', to: null } } },
    ]);
  });

  it('stores a new Zalo refresh token (national admin only), never echoing or auditing its value', async () => {
    const body = { refreshToken: 'new-refresh-token-from-consent' };
    await h.http().put('/api/v1/gateways/zalo/refresh-token').set(districtAdmin).send(body).expect(403);
    await h.http().put('/api/v1/gateways/viettel/refresh-token').set(admin).send(body).expect(400);
    const bad = await h.http().put('/api/v1/gateways/zalo/refresh-token').set(admin).send({ refreshToken: 'a b' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/refreshToken/);
    const ok = await h.http().put('/api/v1/gateways/zalo/refresh-token').set(admin).send(body).expect(200);
    expect(JSON.stringify(ok.body)).not.toContain(body.refreshToken);
    const row = await h.sql.query(
      `SELECT refresh_token, access_token, access_expires_at <= now() AS expired, version FROM gateway_tokens`,
    );
    expect(row.rows).toEqual([{ refresh_token: body.refreshToken, access_token: '', expired: true, version: 1 }]);
    // The gateway needed re-authorisation (its refresh token refused): the new token ends that pause at once.
    await h.sql.query(
      `INSERT INTO gateway_settings (gateway_id, paused_until, pause_reason) VALUES ('zalo', now() + interval '10 years', 'credentials')
       ON CONFLICT (gateway_id) DO UPDATE SET paused_until = EXCLUDED.paused_until, pause_reason = EXCLUDED.pause_reason`,
    );
    await h.http().put('/api/v1/gateways/zalo/refresh-token').set(admin).send({ refreshToken: 'second' }).expect(200);
    const again = await h.sql.query(`SELECT refresh_token, version FROM gateway_tokens`);
    expect(again.rows).toEqual([{ refresh_token: 'second', version: 2 }]);
    const { body: gateways } = await h.http().get('/api/v1/gateways').set(admin).expect(200);
    expect(gateways.find((g: { id: string }) => g.id === 'zalo')).toMatchObject({ pausedUntil: null });
    const audit = await h.sql.query(`SELECT details::text FROM audit_log WHERE action = 'set-refresh-token'`);
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows.map((r) => r.details).join()).not.toMatch(/new-refresh-token|second/);
  });

  it('changing a rate and the queue dashboard (pause a queue) are national too', async () => {
    await h.http().patch('/api/v1/gateways/viettel').set(districtAdmin).send({ ratePerSecond: 5 }).expect(403);
    await h.http().get('/admin/queues').set(districtAdmin).expect(403);
    await h.http().get('/admin/queues').set(admin).expect(200);
  });

  it('lists and lifts a campaign’s gateway hold within the key’s scope', async () => {
    const seg = await h.sql.query(`INSERT INTO segments (name, filter, unit_id) VALUES ('s', '{}', $1) RETURNING id`, [
      unitId,
    ]);
    const c = await h.sql.query(
      `INSERT INTO campaigns (name, segment_id, status, brandname, channels, unit_id)
       VALUES ('c', $1, 'running', 'SO TTTT', '[]', $2) RETURNING id`,
      [seg.rows[0].id, unitId],
    );
    const id = c.rows[0].id;
    await h.sql.query(
      `INSERT INTO campaign_gateway_holds (campaign_id, gateway_id, code, text)
       VALUES ($1, 'viettel', 'CONTENT_NOT_MATCH_TEMPLATE', 'Check template: CONTENT_NOT_MATCH_TEMPLATE')`,
      [id],
    );
    const otherOperator = { Authorization: `Bearer ${await h.key('operator', await unit('D2', 'Huyện Hai'))}` };
    await h.http().get(`/api/v1/campaigns/${id}/holds`).set(otherOperator).expect(403);
    await h.http().delete(`/api/v1/campaigns/${id}/holds/viettel`).set(otherOperator).expect(403);
    const districtOperator = { Authorization: `Bearer ${await h.key('operator', unitId)}` };
    const list = await h.http().get(`/api/v1/campaigns/${id}/holds`).set(districtOperator).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ gatewayId: 'viettel', code: 'CONTENT_NOT_MATCH_TEMPLATE' })]);
    const analyst = { Authorization: `Bearer ${await h.key('analyst', unitId)}` };
    await h.http().delete(`/api/v1/campaigns/${id}/holds/viettel`).set(analyst).expect(403);
    const lifted = await h.http().delete(`/api/v1/campaigns/${id}/holds/viettel`).set(districtOperator).expect(200);
    expect(lifted.body.lifted).toMatchObject({ gatewayId: 'viettel' });
    await h.http().delete(`/api/v1/campaigns/${id}/holds/viettel`).set(districtOperator).expect(404);
    const audit = await h.sql.query(`SELECT details FROM audit_log WHERE action = 'lift-hold'`);
    expect(audit.rows).toEqual([
      { details: { gatewayId: 'viettel', code: 'CONTENT_NOT_MATCH_TEMPLATE', text: expect.any(String) } },
    ]);
  });
});
