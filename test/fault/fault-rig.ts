import { Queue } from 'bullmq';
import { Client } from 'pg';
import { AppConfig, QueueName } from '@loa/core';
import { bullConnection, bullPrefix } from '@loa/delivery';
import {
  createTestDatabase,
  dropTestDatabase,
  sqlClient,
  startWorkerProcess,
  testConfig,
  uniqueName,
  waitFor,
  WorkerProcess,
} from '@loa/testing';
import { pointGatewaysAt, registerAtSimulators, Simulators, startSimulators } from '../../apps/carrier-sim/src';
import { SEED_TEMPLATES } from '../../libs/delivery/src/testing/seed-run';

export { seedDispatchRun, maxInSlidingWindow } from '../../libs/delivery/src/testing/seed-run';

/**
 * What every fault test needs: the four simulators (reports off: no api runs here), a migrated database, a config
 * pointing at both, and worker processes spawned from dist/. SMS gateways only, each at `smsRate`.
 */
export interface FaultRig {
  cfg: AppConfig;
  sql: Client;
  sims: Simulators;
  workers: WorkerProcess[];
  /** Spawns a worker process with `cfg` (or a variant of it). */
  spawnWorker(cfg?: AppConfig, name?: string): Promise<WorkerProcess>;
  /** Waits until `n` worker processes consume the dispatch queue (booted; boot takes seconds under load). */
  waitForConsumers(n: number, cfg?: AppConfig): Promise<void>;
  /** Adds a dispatch-run job (as the campaigns fan-out does when a run is ready). */
  dispatch(runId: string): Promise<void>;
  /** Waits until the runs are `completed` (every delivery final), with the workers' logs on timeout. */
  waitForRuns(runIds: string[], timeoutMs: number): Promise<void>;
  /** Worker log tails, for assertion messages. */
  logs(): string;
  close(): Promise<void>;
}

export interface FaultRigOptions {
  smsRate: number;
  /** Changes to the config after the simulators are pointed at (e.g. a private Redis, a fake clock). */
  patch?: (cfg: AppConfig) => void;
}

export async function startFaultRig(opts: FaultRigOptions): Promise<FaultRig> {
  const sims = await startSimulators({
    overrides: {
      viettel: { dlr: { enabled: false } },
      vnpt: { dlr: { enabled: false } },
      esms: { dlr: { enabled: false } },
    },
  });
  const cfg = testConfig(uniqueName('loa_fault'), (c) => {
    pointGatewaysAt(c, sims);
    for (const gw of c.gateways) gw.ratePerSecond = opts.smsRate;
    // Delivery reports are off here (no api runs), so an attempt left in doubt by a fault is resolved by the
    // grace deadline, not by a report: keep it short. Claimed-but-never-sent attempts are then resent once.
    c.dispatch.inDoubtGraceMs = 3_000;
    c.log.level = 'info';
    opts.patch?.(c);
  });
  // Each simulator polices the configured rate and checks the configured credentials.
  for (const s of sims.all) {
    const gw = cfg.gateways.find((g) => g.endpoint.startsWith(s.url));
    if (gw) s.configure({ rate: gw.ratePerSecond, credentials: { ...gw.credentials } });
  }
  // The seeded campaign's templates, registered as an operator registers them with the real gateways.
  registerAtSimulators(sims, cfg, SEED_TEMPLATES);
  await createTestDatabase(cfg);
  const sql = await sqlClient(cfg);
  const workers: WorkerProcess[] = [];
  const rig: FaultRig = {
    cfg,
    sql,
    sims,
    workers,
    async spawnWorker(c = cfg, name) {
      const w = await startWorkerProcess(c, { name: name ?? uniqueName('fault-worker') });
      workers.push(w);
      return w;
    },
    async waitForConsumers(n, c = cfg) {
      const q = new Queue(QueueName.Dispatch, { connection: bullConnection(c), prefix: bullPrefix(c) });
      try {
        await waitFor(`${n} workers to consume`, async () => (await q.getWorkersCount()) === n, 60_000, 100);
      } catch (e) {
        throw new Error(`${(e as Error).message}\n${rig.logs()}`);
      } finally {
        await q.close();
      }
    },
    async dispatch(runId) {
      const q = new Queue(QueueName.Dispatch, { connection: bullConnection(cfg), prefix: bullPrefix(cfg) });
      try {
        await q.add('dispatch-run', { runId }, { removeOnComplete: true, removeOnFail: 1000 });
      } finally {
        await q.close();
      }
    },
    async waitForRuns(runIds, timeoutMs) {
      try {
        await waitFor(
          `runs ${runIds.join(', ')} to complete`,
          async () => {
            const { rows } = await sql.query(
              `SELECT count(*)::int AS n FROM campaign_runs WHERE id = ANY($1) AND status = 'completed'`,
              [runIds],
            );
            return rows[0].n === runIds.length;
          },
          timeoutMs,
          250,
        );
      } catch (e) {
        const { rows } = await sql.query(
          `SELECT status, count(*)::int AS n FROM deliveries WHERE run_id = ANY($1) GROUP BY status ORDER BY status`,
          [runIds],
        );
        throw new Error(`${(e as Error).message}\ndeliveries: ${JSON.stringify(rows)}\n${rig.logs()}`);
      }
    },
    logs: () => workers.map((w) => w.tail(25)).join('\n'),
    async close() {
      await Promise.all(workers.map((w) => w.stop()));
      await sql.end();
      await sims.close();
      await dropTestDatabase(cfg);
    },
  };
  return rig;
}

export interface OnceReport {
  byStatus: Record<string, number>;
  /** Phones with more than one message sent, by PostgreSQL. */
  sentTwiceInDb: number;
  /** Phones any simulator accepted more than once (any content). */
  receivedTwice: number;
  /** The simulators' own duplicate counters (repeated request id, repeated phone + content); eSMS 124s excluded. */
  simDuplicates: number;
  /** Messages the gateways accepted that PostgreSQL does not show as sent (sent but not recorded). */
  acceptedNotRecorded: number;
  /** Deliveries PostgreSQL shows as sent that no gateway accepted (recorded but never sent). */
  recordedNotAccepted: number;
  /** Sent messages per attempts count, e.g. {1: 590, 2: 10}. */
  attempts: Record<string, number>;
  /** Throttled answers per simulator (informational: a throttled send is retried, not lost). */
  throttled: Record<string, number>;
}

/** Everything needed to say "nothing lost, nothing twice" for the runs, from PostgreSQL and the simulators. */
export async function onceReport(rig: Pick<FaultRig, 'sql' | 'sims'>, runIds: string[]): Promise<OnceReport> {
  const byStatus = Object.fromEntries(
    (
      await rig.sql.query(`SELECT status, count(*)::int AS n FROM deliveries WHERE run_id = ANY($1) GROUP BY status`, [
        runIds,
      ])
    ).rows.map((r) => [r.status, r.n]),
  );
  const twice = await rig.sql.query(
    `SELECT count(*)::int AS n FROM (
       SELECT d.phone FROM messages m JOIN deliveries d ON d.id = m.delivery_id
        WHERE d.run_id = ANY($1) AND m.status IN ('sent', 'delivered') GROUP BY d.phone HAVING count(*) > 1) t`,
    [runIds],
  );
  const sentPhones = new Set<string>(
    (
      await rig.sql.query(
        `SELECT d.phone FROM deliveries d WHERE d.run_id = ANY($1) AND d.status IN ('sent', 'delivered')`,
        [runIds],
      )
    ).rows.map((r) => r.phone),
  );
  const received = new Map<string, number>();
  let simDuplicates = 0;
  for (const s of rig.sims.all) {
    for (const m of s.messages()) received.set(m.phone, (received.get(m.phone) ?? 0) + 1);
    const d = s.stats().duplicates;
    simDuplicates += d.requestId + d.phoneContent;
  }
  const attempts = Object.fromEntries(
    (
      await rig.sql.query(
        `SELECT m.attempts, count(*)::int AS n FROM messages m JOIN deliveries d ON d.id = m.delivery_id
          WHERE d.run_id = ANY($1) AND m.status IN ('sent', 'delivered') GROUP BY m.attempts ORDER BY m.attempts`,
        [runIds],
      )
    ).rows.map((r) => [String(r.attempts), r.n]),
  );
  return {
    byStatus,
    sentTwiceInDb: twice.rows[0].n,
    receivedTwice: [...received.values()].filter((n) => n > 1).length,
    simDuplicates,
    acceptedNotRecorded: [...received.keys()].filter((p) => !sentPhones.has(p)).length,
    recordedNotAccepted: [...sentPhones].filter((p) => !received.has(p)).length,
    attempts,
    throttled: Object.fromEntries(rig.sims.all.map((s) => [s.name, s.stats().throttled])),
  };
}
