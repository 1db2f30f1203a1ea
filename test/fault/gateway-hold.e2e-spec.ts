import { registerAtSimulators } from '../../apps/carrier-sim/src';
import { SEED_TEMPLATES } from '../../libs/delivery/src/testing/seed-run';
import { FaultRig, onceReport, seedDispatchRun, startFaultRig } from './fault-rig';

/**
 * A gateway that refuses the campaign's own request (here Viettel: the brandname is not registered there) is no
 * person's fault: the campaign is held on that gateway, its people are not failed — they go by the next gateway of
 * their route, or wait for an operator to fix the registration and lift the hold (issue 10).
 */
describe.each([
  ['with a failover route (viettel → viettel, esms)', ['viettel', 'esms']],
  ['without one (viettel → viettel)', ['viettel']],
])('a gateway refusing our request, %s (fault)', (_name, viettelRoute) => {
  let rig: FaultRig;

  beforeAll(async () => {
    rig = await startFaultRig({ smsRate: 200, patch: (c) => (c.routes.viettel = viettelRoute) });
    // Viettel forgets the campaign's brandname: every request is refused as ours to fix (ALIAS_INVALID).
    rig.sims.viettel.configure({ registry: { brandnames: {} } });
    await rig.spawnWorker();
    await rig.waitForConsumers(1);
  });
  afterAll(() => rig?.close());

  it('holds the campaign on Viettel and fails nobody; its people go by eSMS or wait for the hold to lift', async () => {
    const run = await seedDispatchRun(rig.sql, { count: 60, firstNumber: 1, channels: ['sms'] });
    await rig.dispatch(run.runId);
    const viettelPeople = 10; // seedDispatchRun spreads 60 people over the six carriers
    const holds = () => rig.sql.query(`SELECT gateway_id, code FROM campaign_gateway_holds`);
    const status = async () =>
      Object.fromEntries(
        (
          await rig.sql.query(
            `SELECT carrier || ':' || status AS k, count(*)::int AS n FROM deliveries GROUP BY 1 ORDER BY 1`,
          )
        ).rows.map((r) => [r.k, r.n]),
      );
    if (viettelRoute.length > 1) {
      await rig.waitForRuns([run.runId], 60_000);
      expect((await holds()).rows).toEqual([{ gateway_id: 'viettel', code: expect.stringMatching(/ALIAS_INVALID/) }]);
      const r = await onceReport(rig, [run.runId]);
      expect(r).toMatchObject({ byStatus: { sent: 60 }, receivedTwice: 0, simDuplicates: 0 });
      expect(rig.sims.viettel.stats().accepted).toBe(0);
      const viettelByEsms = rig.sims.esms.messages().filter((m) => m.phone.startsWith('8496')).length;
      expect(viettelByEsms).toBe(viettelPeople);
      return;
    }
    // No other route: Viettel's people wait (queued, never failed) while everyone else is sent.
    let seen: Record<string, number> = {};
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      seen = await status();
      const others = Object.entries(seen).filter(([k]) => !k.startsWith('viettel:'));
      if ((await holds()).rows.length && others.every(([k]) => k.endsWith(':sent'))) {
        if (others.reduce((n, [, v]) => n + v, 0) === 60 - viettelPeople && seen['viettel:queued'] === viettelPeople)
          break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(seen['viettel:queued']).toBe(viettelPeople);
    expect(seen['viettel:failed']).toBeUndefined();

    // The operator registers the brandname at Viettel and lifts the hold (DELETE /campaigns/:id/holds/viettel
    // does this and hands the run to dispatch again).
    registerAtSimulators(rig.sims, rig.cfg, SEED_TEMPLATES);
    await rig.sql.query(`DELETE FROM campaign_gateway_holds`);
    await rig.dispatch(run.runId);
    await rig.waitForRuns([run.runId], 60_000);
    const r = await onceReport(rig, [run.runId]);
    expect(r).toMatchObject({ byStatus: { sent: 60 }, receivedTwice: 0, simDuplicates: 0 });
    expect(rig.sims.viettel.stats().accepted).toBe(viettelPeople);
  }, 150_000);
});
