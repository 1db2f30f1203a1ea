import { INestApplicationContext } from '@nestjs/common';
import { zaloMac } from '@loa/channels';
import { ApiHarness, startApi, waitFor } from '@loa/testing';
import { fastTracking, seedCampaign, seedDelivery, seedUnits, startTrackingWorker, Units } from './tracking.fixtures';

// Asynchronous application (worker loops) is awaited with waitFor; leave room on a loaded machine.
jest.setTimeout(30_000);

describe('delivery reports, clicks and installs (e2e)', () => {
  let h: ApiHarness;
  let worker: INestApplicationContext;
  let units: Units;
  let camp: { campaignId: number; runId: string };
  const gw = (id: string) => h.cfg.gateways.find((g) => g.id === id)!;
  const delivery = async (id: string) => (await h.sql.query(`SELECT * FROM deliveries WHERE id = $1`, [id])).rows[0];
  /** A Zalo `user_received_message` event, signed as Zalo signs it (or with `mac` given, forged). */
  const zaloReceived = (msgId: string, trackingId: string, timestamp: string, mac?: string) => {
    const z = gw('zalo');
    const body = JSON.stringify({
      event_name: 'user_received_message',
      timestamp,
      message: { msg_id: msgId, tracking_id: trackingId },
    });
    return h
      .http()
      .post('/webhooks/zalo')
      .set('Content-Type', 'application/json')
      .set(
        'X-ZEvent-Signature',
        `mac=${mac ?? zaloMac(z.credentials.appId, body, timestamp, z.credentials.oaSecretKey)}`,
      )
      .send(body);
  };

  beforeAll(async () => {
    h = await startApi(fastTracking);
    worker = await startTrackingWorker(h.cfg);
    units = await seedUnits(h.sql);
    camp = await seedCampaign(h.sql, units.province);
  });
  afterAll(async () => {
    await worker?.close();
    await h?.close();
  });

  describe('eSMS (GET callback)', () => {
    it('applies a delivered report, corrects a ported number, and ignores the gateway retrying it', async () => {
      const d = await seedDelivery(h.sql, {
        ...camp,
        unitId: units.communeA1,
        gatewayId: 'esms',
        providerMessageId: 'SMS-1',
      });
      const url = `/webhooks/esms?secret=${gw('esms').webhookSecret}&SMSID=SMS-1&SendStatus=5&telcoid=2&phonenumber=${d.phone}`;
      const first = await h.http().get(url).expect(200);
      expect(first.body).toMatchObject({ stored: 1, duplicates: 0 });
      await waitFor('delivered', async () => (await delivery(d.id)).status === 'delivered');
      const sub = (await h.sql.query(`SELECT carrier, carrier_source FROM subscribers WHERE id = $1`, [d.subscriberId]))
        .rows[0];
      expect(sub).toEqual({ carrier: 'mobifone', carrier_source: 'report' });
      const msg = (await h.sql.query(`SELECT status, delivered_at FROM messages WHERE delivery_id = $1`, [d.id]))
        .rows[0];
      expect(msg.status).toBe('delivered');
      expect(msg.delivered_at).not.toBeNull();

      const again = await h.http().get(url).expect(200);
      expect(again.body).toMatchObject({ stored: 0, duplicates: 1 });
      const { rows } = await h.sql.query(
        `SELECT count(*)::int AS n FROM delivery_reports WHERE provider_message_id = 'SMS-1'`,
      );
      expect(rows[0].n).toBe(1);
    });

    it('keeps an operator override when the report names another carrier', async () => {
      const d = await seedDelivery(h.sql, {
        ...camp,
        unitId: units.communeA1,
        gatewayId: 'esms',
        providerMessageId: 'SMS-2',
      });
      await h.sql.query(`INSERT INTO carrier_overrides (phone, carrier) VALUES ($1, 'viettel')`, [d.phone]);
      await h
        .http()
        .get(`/webhooks/esms?secret=${gw('esms').webhookSecret}&SMSID=SMS-2&SendStatus=5&telcoid=3`)
        .expect(200);
      await waitFor('delivered', async () => (await delivery(d.id)).status === 'delivered');
      const sub = (await h.sql.query(`SELECT carrier FROM subscribers WHERE id = $1`, [d.subscriberId])).rows[0];
      expect(sub.carrier).toBe('viettel');
    });

    it('refuses a forged report (wrong secret) and a malformed one, changing nothing', async () => {
      const d = await seedDelivery(h.sql, {
        ...camp,
        unitId: units.communeA1,
        gatewayId: 'esms',
        providerMessageId: 'SMS-3',
      });
      const forged = await h.http().get(`/webhooks/esms?secret=guess-guess&SMSID=SMS-3&SendStatus=5`).expect(403);
      expect(forged.body.message).toMatch(/secret/);
      await h.http().get(`/webhooks/esms?SMSID=SMS-3&SendStatus=5`).expect(401);
      await h
        .http()
        .get(`/webhooks/esms?secret=${gw('esms').webhookSecret}&SendStatus=5`)
        .expect(400);
      await h.http().get(`/webhooks/nobody?secret=x`).expect(404);
      const { rows } = await h.sql.query(
        `SELECT count(*)::int AS n FROM delivery_reports WHERE provider_message_id = 'SMS-3'`,
      );
      expect(rows[0].n).toBe(0);
      expect((await delivery(d.id)).status).toBe('sent');
    });

    it('applies a report that arrives before our record of the send, once the message appears', async () => {
      const d = await seedDelivery(h.sql, { ...camp, unitId: units.communeA2, status: 'sending' });
      await h
        .http()
        .get(`/webhooks/esms?secret=${gw('esms').webhookSecret}&SMSID=SMS-EARLY&SendStatus=5`)
        .expect(200);
      // Give the applier a chance to try it while no message matches: it must stay pending, not be dropped.
      await waitFor(
        'an attempt',
        async () =>
          (await h.sql.query(`SELECT tried_at FROM delivery_reports WHERE provider_message_id = 'SMS-EARLY'`)).rows[0]
            ?.tried_at,
      );
      expect((await delivery(d.id)).status).toBe('sending');
      await h.sql.query(
        `INSERT INTO messages (delivery_id, channel_index, channel, gateway_id, request_id, status, provider_message_id, sent_at)
         VALUES ($1, 0, 'sms', 'esms', $2, 'sent', 'SMS-EARLY', now())`,
        [d.id, d.requestId],
      );
      await h.sql.query(`UPDATE deliveries SET status = 'sent', sent_at = now() WHERE id = $1`, [d.id]);
      await waitFor('late apply', async () => (await delivery(d.id)).status === 'delivered');
    });
  });

  it('Viettel (form POST): a failure report fails the delivery with its code; a delivery never moves backwards', async () => {
    const secret = gw('viettel').webhookSecret;
    const a = await seedDelivery(h.sql, { ...camp, unitId: units.communeB1, gatewayId: 'viettel' });
    const b = await seedDelivery(h.sql, {
      ...camp,
      unitId: units.communeB1,
      gatewayId: 'viettel',
      status: 'delivered',
    });
    await h.sql.query(`UPDATE deliveries SET delivered_at = now() WHERE id = $1`, [b.id]);
    for (const d of [a, b]) {
      await h
        .http()
        .post(`/webhooks/viettel?secret=${secret}`)
        .type('form')
        .send(`RequestID=${d.requestId}&ReceiverID=${d.phone}&Status=0&ErrorCode=DLR-7&DoneTime=20210601083000`)
        .expect(200);
    }
    await waitFor('failed', async () => (await delivery(a.id)).status === 'failed');
    expect((await delivery(a.id)).error_code).toBe('DLR-7');
    await waitFor(
      'report b applied',
      async () =>
        (await h.sql.query(`SELECT applied_at FROM delivery_reports WHERE request_id = $1`, [b.requestId])).rows[0]
          ?.applied_at,
    );
    expect((await delivery(b.id)).status).toBe('delivered');
  });

  it('VNPT (JSON POST): applies a delivered report', async () => {
    const d = await seedDelivery(h.sql, { ...camp, unitId: units.communeB1, gatewayId: 'vnpt', carrier: 'vinaphone' });
    await h
      .http()
      .post(`/webhooks/vnpt?secret=${gw('vnpt').webhookSecret}`)
      .send({ RQST: { name: 'dlr', REQID: d.requestId, MOBILE: d.phone, STATUS: '1' } })
      .expect(200);
    await waitFor('delivered', async () => (await delivery(d.id)).status === 'delivered');
  });

  it('Zalo (signed POST): applies a received event, refuses a bad signature', async () => {
    const d = await seedDelivery(h.sql, {
      ...camp,
      unitId: units.communeA1,
      gatewayId: 'zalo',
      channel: 'zns',
      providerMessageId: 'zmsg-1',
    });
    const timestamp = String(Date.now());
    await zaloReceived('zmsg-1', d.requestId, timestamp, '0'.repeat(64)).expect(403);
    expect((await delivery(d.id)).status).toBe('sent');
    await zaloReceived('zmsg-1', d.requestId, timestamp).expect(200);
    await waitFor('delivered', async () => (await delivery(d.id)).status === 'delivered');
  });

  it.each([
    ['dated 2001', Date.parse('2001-01-01T00:00:00Z')],
    ['dated 2100', Date.parse('2100-01-01T00:00:00Z')],
  ])('Zalo (signed POST): a report %s is stored at a time within [sent, received]', async (_when, at) => {
    const sentAt = new Date(Date.now() - 30_000);
    const d = await seedDelivery(h.sql, {
      ...camp,
      unitId: units.communeA1,
      gatewayId: 'zalo',
      channel: 'zns',
      providerMessageId: `zmsg-${at}`,
      sentAt,
    });
    const before = Date.now();
    await zaloReceived(`zmsg-${at}`, d.requestId, String(at)).expect(200);
    await waitFor('delivered', async () => (await delivery(d.id)).status === 'delivered');
    const { rows } = await h.sql.query(
      `SELECT d.delivered_at AS d, m.delivered_at AS m FROM deliveries d JOIN messages m ON m.delivery_id = d.id
        WHERE d.id = $1`,
      [d.id],
    );
    for (const t of [rows[0].d, rows[0].m] as Date[]) {
      expect(t.getTime()).toBeGreaterThanOrEqual(sentAt.getTime());
      expect(t.getTime()).toBeLessThanOrEqual(Date.now());
      if (at > before) expect(t.getTime()).toBeGreaterThanOrEqual(before - 1000); // clamped to its arrival
    }
  });

  describe('click-through', () => {
    it('redirects per platform, counts people and not preview bots, ignores HEAD', async () => {
      const d = await seedDelivery(h.sql, { ...camp, unitId: units.communeA1, gatewayId: 'esms', status: 'delivered' });
      const android = 'Mozilla/5.0 (Linux; Android 10; SM-A505F) AppleWebKit/537.36 Chrome/86.0 Mobile Safari/537.36';
      await h.http().get(`/r/${d.linkCode}`).set('User-Agent', 'facebookexternalhit/1.1').expect(302);
      await h.http().head(`/r/${d.linkCode}`).set('User-Agent', android).expect(302);
      const res = await h.http().get(`/r/${d.linkCode}`).set('User-Agent', android).expect(302);
      expect(res.headers.location).toBe('https://play.google.com/store/apps/details?id=com.mic.bluezone');
      const ios = await h
        .http()
        .get(`/r/${d.linkCode}`)
        .set('User-Agent', 'Mozilla/5.0 (iPhone; CPU iPhone OS 14_0 like Mac OS X)')
        .expect(302);
      expect(ios.headers.location).toMatch(/apps\.apple\.com/);

      await waitFor(
        'clicks written',
        async () =>
          (await h.sql.query(`SELECT count(*)::int AS n FROM clicks WHERE delivery_id = $1`, [d.id])).rows[0].n === 3,
      );
      const { rows } = await h.sql.query(
        `SELECT ua_class, platform, count(*)::int AS n FROM clicks WHERE delivery_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [d.id],
      );
      expect(rows).toEqual([
        { ua_class: 'human', platform: 'android', n: 1 },
        { ua_class: 'human', platform: 'ios', n: 1 },
        { ua_class: 'preview', platform: 'other', n: 1 },
      ]);
      const del = await delivery(d.id);
      const humanFirst = (
        await h.sql.query(`SELECT min(at) AS at FROM clicks WHERE delivery_id = $1 AND ua_class = 'human'`, [d.id])
      ).rows[0].at;
      expect(del.first_clicked_at).toEqual(humanFirst);
      const sub = (await h.sql.query(`SELECT last_clicked_at FROM subscribers WHERE id = $1`, [d.subscriberId]))
        .rows[0];
      expect(sub.last_clicked_at).not.toBeNull();
    });

    it('shows a friendly bilingual page for an unknown code', async () => {
      const res = await h.http().get('/r/doesnotexist').expect(404);
      expect(res.headers['content-type']).toMatch(/html/);
      expect(res.text).toMatch(/Liên kết không tồn tại/);
      expect(res.text).toMatch(/Link not found|does not exist/);
    });
  });

  describe('installs', () => {
    it('records installs in any phone format and attributes them to the last campaign message', async () => {
      const d = await seedDelivery(h.sql, { ...camp, unitId: units.communeA2, gatewayId: 'esms', status: 'delivered' });
      await h.sql.query(`UPDATE deliveries SET delivered_at = now() - interval '1 minute' WHERE id = $1`, [d.id]);
      const national = `0${d.phone.slice(2, 5)} ${d.phone.slice(5, 8)} ${d.phone.slice(8)}`;
      const auth = { Authorization: `Bearer ${h.adminToken}` };
      const res = await h
        .http()
        .post('/api/v1/installs')
        .set(auth)
        .send({ phones: [national, '0912abc', '0971234567'] })
        .expect(200);
      expect(res.body).toMatchObject({ received: 3, installed: 1, attributed: 1, unknown: ['84971234567'] });
      expect(res.body.invalid).toHaveLength(1);
      const inst = (await h.sql.query(`SELECT * FROM installs WHERE subscriber_id = $1`, [d.subscriberId])).rows[0];
      expect(inst).toMatchObject({ campaign_id: camp.campaignId, delivery_id: d.id, via: 'message' });
      const sub = (await h.sql.query(`SELECT installed_at FROM subscribers WHERE id = $1`, [d.subscriberId])).rows[0];
      expect(sub.installed_at).not.toBeNull();

      const again = await h.http().post('/api/v1/installs').set(auth).send([d.phone]).expect(200);
      expect(again.body).toMatchObject({ installed: 0, alreadyInstalled: 1 });
    });

    it('imports a CSV with installed_at, and leaves an install outside the window unattributed', async () => {
      const d = await seedDelivery(h.sql, { ...camp, unitId: units.communeB1, gatewayId: 'esms', status: 'delivered' });
      await h.sql.query(`UPDATE deliveries SET delivered_at = now() - interval '1 minute' WHERE id = $1`, [d.id]);
      const old = await seedDelivery(h.sql, {
        ...camp,
        unitId: units.communeB1,
        gatewayId: 'esms',
        status: 'delivered',
      });
      const csv = `phone,installed_at\n${d.phone},\n0${old.phone.slice(2)},2020-08-20 09:00\n`;
      const res = await h
        .http()
        .post('/api/v1/installs/import')
        .set({ Authorization: `Bearer ${h.adminToken}` })
        .attach('file', Buffer.from(csv), 'installs.csv')
        .expect(200);
      expect(res.body).toMatchObject({ received: 2, installed: 2, attributed: 1 });
      const { rows } = await h.sql.query(
        `SELECT subscriber_id, run_id FROM installs WHERE subscriber_id = ANY($1) ORDER BY id`,
        [[d.subscriberId, old.subscriberId]],
      );
      expect(rows).toEqual([
        { subscriber_id: d.subscriberId, run_id: camp.runId },
        { subscriber_id: old.subscriberId, run_id: null },
      ]);
    });

    it('needs an operator key', async () => {
      const analyst = await h.key('analyst');
      await h
        .http()
        .post('/api/v1/installs')
        .set({ Authorization: `Bearer ${analyst}` })
        .send(['0961234567'])
        .expect(403);
    });
  });
});
