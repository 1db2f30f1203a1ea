import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppConfig, CoreModule } from '@loa/core';
import { DeliveryModule, GatewayBreakers, requestIdFor, SendQueues } from '@loa/delivery';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '@loa/testing';
import { DeliveryMetrics } from '../../libs/delivery/src/metrics/delivery.metrics';
import { DeliveryRepository } from '../../libs/delivery/src/send/delivery.repository';
import { InDoubtRepository } from '../../libs/delivery/src/send/in-doubt.repository';
import { DispatchRunRepository } from '../../libs/delivery/src/dispatch/dispatch-run.repository';
import { SendRouter } from '../../libs/delivery/src/send/send-router';
import { seedDispatchRun } from '../../libs/delivery/src/testing/seed-run';

@Module({})
class RoutingOnly {
  static forRoot(cfg: AppConfig): DynamicModule {
    return {
      module: RoutingOnly,
      imports: [CoreModule.forRoot(cfg), DeliveryModule],
      providers: [DeliveryRepository, InDoubtRepository, DispatchRunRepository, DeliveryMetrics, SendRouter],
    };
  }
}

/**
 * Exactly once across gateways (PostgreSQL + Redis, no workers): an attempt that a gateway may already hold never
 * goes to another gateway — not by the claim, not by the router, whatever the breakers say; an attempt known not to
 * have been taken moves, with the same request id.
 */
describe('failover and the in-doubt gateway guard (integration)', () => {
  let cfg: AppConfig;
  let app: INestApplicationContext;
  let sql: Client;
  let repo: DeliveryRepository;
  let inDoubt: InDoubtRepository;
  let viettelIds: string[];

  const claim = (deliveryId: string, gatewayId: string) =>
    repo.claim({
      deliveryId,
      channelIndex: 0,
      channel: 'sms',
      gatewayId,
      requestId: requestIdFor(deliveryId, 0),
      segments: 1,
      cost: 750,
    });
  const message = async (deliveryId: string) =>
    (
      await sql.query(
        `SELECT gateway_id AS gw, attempts, request_id AS "requestId", pinned_gateway_id AS pinned
           FROM messages WHERE delivery_id = $1`,
        [deliveryId],
      )
    ).rows[0];

  beforeAll(async () => {
    cfg = testConfig(uniqueName(), (c) => {
      c.dispatch.breaker = { ...c.dispatch.breaker, minFailures: 2, coolDownMs: 60_000 };
    });
    await createTestDatabase(cfg);
    app = await NestFactory.createApplicationContext(RoutingOnly.forRoot(cfg), { logger: ['error'] });
    sql = await sqlClient(cfg);
    repo = app.get(DeliveryRepository);
    inDoubt = app.get(InDoubtRepository);
    const run = await seedDispatchRun(sql, { count: 60, firstNumber: 1, channels: ['sms'] });
    viettelIds = (
      await sql.query(`SELECT id::text FROM deliveries WHERE run_id = $1 AND carrier = 'viettel' ORDER BY id`, [
        run.runId,
      ])
    ).rows.map((r) => r.id);
  });
  afterAll(async () => {
    await sql.end();
    await app.close();
    await dropTestDatabase(cfg);
  });

  it('never claims an attempt left without an outcome on gateway A for gateway B', async () => {
    const id = viettelIds[0];
    expect(await claim(id, 'viettel')).toEqual({ kind: 'claimed', attempts: 1, inDoubt: false });
    // The process dies mid-send: no outcome recorded. eSMS may not take it; Viettel may, as an in-doubt attempt.
    expect(await claim(id, 'esms')).toEqual({ kind: 'elsewhere', gatewayId: 'viettel' });
    expect(await message(id)).toMatchObject({ gw: 'viettel', attempts: 1 });
    expect((await repo.loadContext(id))?.pinnedGatewayId).toBe('viettel');
    expect(await claim(id, 'viettel')).toEqual({ kind: 'claimed', attempts: 2, inDoubt: true });
  });

  it('keeps the pin once a send was in doubt, even after a later attempt is known not to have been taken', async () => {
    const id = viettelIds[1];
    await claim(id, 'viettel');
    await inDoubt.pin(id, 0); // the answer was lost: policy resend, on this gateway only
    await repo.recordRetry(id, 0, 'http-503', 'HTTP 503'); // the resend was refused: the first may still be there
    expect(await claim(id, 'esms')).toEqual({ kind: 'elsewhere', gatewayId: 'viettel' });
    expect((await repo.loadContext(id))?.pinnedGatewayId).toBe('viettel');
    // Awaiting a report: not claimable anywhere; its deadline resolution keeps the pin.
    await claim(id, 'viettel');
    await inDoubt.markInDoubt(id, 0, 'timeout', new Date(Date.now() - 1000));
    await inDoubt.resolveExpiredInDoubt(new Date());
    expect(await claim(id, 'esms')).toEqual({ kind: 'elsewhere', gatewayId: 'viettel' });
    expect(await message(id)).toMatchObject({ gw: 'viettel', pinned: 'viettel' });
  });

  it('moves an attempt known not to have been taken to the next gateway, with the same request id', async () => {
    const id = viettelIds[2];
    await claim(id, 'viettel');
    await repo.recordRetry(id, 0, 'network', 'ECONNREFUSED: connect ECONNREFUSED');
    expect((await repo.loadContext(id))?.pinnedGatewayId).toBeNull();
    expect(await claim(id, 'esms')).toEqual({ kind: 'claimed', attempts: 2, inDoubt: false });
    expect(await message(id)).toEqual({ gw: 'esms', attempts: 2, requestId: requestIdFor(id, 0), pinned: null });
  });

  it('gives back the attempt of a failed probe (or of a send that never left) once, and only a claimed one', async () => {
    const id = viettelIds[4];
    await claim(id, 'viettel');
    await inDoubt.pin(id, 0); // in doubt on Viettel: later attempts go there only, as probes while it is down
    for (let probe = 0; probe < 8; probe++) {
      expect(await claim(id, 'viettel')).toMatchObject({ kind: 'claimed', attempts: 2 });
      await repo.recordRetry(id, 0, 'network', 'ECONNREFUSED', true);
      expect(await message(id)).toMatchObject({ attempts: 1, pinned: 'viettel' });
    }
    // Recorded again without a new claim (a repeated write): nothing more is given back.
    await repo.recordRetry(id, 0, 'network', 'ECONNREFUSED', true);
    expect(await message(id)).toMatchObject({ attempts: 1 });
    // An ordinary failure counts.
    await claim(id, 'viettel');
    await repo.recordRetry(id, 0, 'http-503', 'HTTP 503');
    expect(await message(id)).toMatchObject({ attempts: 2, pinned: 'viettel' });
  });

  it('routes around an open breaker, except a pinned attempt, which goes back to its gateway and waits there', async () => {
    const router = app.get(SendRouter);
    const breakers = app.get(GatewayBreakers);
    const gw = (id: string) => cfg.gateways.find((g) => g.id === id)!;
    const down = { kind: 'retry', code: 'http-503', text: 'HTTP 503' } as const;
    await breakers.observe('viettel', down, null);
    await breakers.observe('viettel', down, null);
    await breakers.refresh();
    expect(breakers.state('viettel').state).toBe('open');

    const fresh = viettelIds[3];
    const moved = await router.route(gw('viettel'), { ...(await repo.loadContext(fresh))! }, 'sms');
    expect(moved).toEqual({ kind: 'moved', result: 'rerouted to esms' });
    const onEsms = await router.route(gw('esms'), { ...(await repo.loadContext(fresh))! }, 'sms');
    expect(onEsms).toMatchObject({ kind: 'send', gateway: { id: 'esms' }, probe: null });

    const pinned = viettelIds[1];
    const back = await router.route(gw('esms'), { ...(await repo.loadContext(pinned))! }, 'sms');
    expect(back).toEqual({ kind: 'moved', result: 'rerouted to viettel' });
    // Its gateway is down: it waits for the breaker (no attempt spent on a refused connection), never moves.
    const stays = await router.route(gw('viettel'), { ...(await repo.loadContext(pinned))! }, 'sms');
    expect(stays).toMatchObject({ kind: 'wait', gatewayId: 'viettel' });
    const q = app.get(SendQueues);
    expect(await q.forGateway('esms').getJob(`d${fresh}c0`)).toBeTruthy();
    expect(await q.forGateway('viettel').getJob(`d${pinned}c0`)).toBeTruthy();
  });
  it('expires a lapsed run: waiting deliveries and their deferred messages, never one with a gateway', async () => {
    const run = await seedDispatchRun(sql, { count: 3, firstNumber: 900_000, channels: ['sms'], name: 'lapsed' });
    const [waiting, deferred, withGateway] = (
      await sql.query(`SELECT id::text FROM deliveries WHERE run_id = $1 ORDER BY id`, [run.runId])
    ).rows.map((r) => r.id);
    await claim(deferred, 'esms');
    await repo.recordRetry(deferred, 0, 'http-503', 'HTTP 503'); // waiting for its retry
    await claim(withGateway, 'esms'); // sent, no outcome yet
    await sql.query(`UPDATE campaign_runs SET expires_at = now() - interval '1 minute' WHERE id = $1`, [run.runId]);
    const sweeps = app.get(DispatchRunRepository);
    expect(await sweeps.sweepRuns(new Date())).toMatchObject({ expired: 2 });
    const state = async () =>
      (
        await sql.query(
          `SELECT d.id::text, d.status, d.error_code AS code, m.status AS message, m.error_code AS "messageCode"
             FROM deliveries d LEFT JOIN messages m ON m.delivery_id = d.id WHERE d.run_id = $1 ORDER BY d.id`,
          [run.runId],
        )
      ).rows;
    expect(await state()).toEqual([
      { id: waiting, status: 'expired', code: 'EXPIRED', message: null, messageCode: null },
      { id: deferred, status: 'expired', code: 'EXPIRED', message: 'failed', messageCode: 'EXPIRED' },
      { id: withGateway, status: 'sending', code: null, message: 'sending', messageCode: null },
    ]);
    // The run stays open while one delivery is with a gateway; repeating the sweep changes nothing.
    expect(await sweeps.sweepRuns(new Date())).toEqual({ expired: 0, completed: 0 });
    const { rows } = await sql.query(`SELECT status FROM campaign_runs WHERE id = $1`, [run.runId]);
    expect(rows[0].status).toBe('dispatching');
  });
});
