import { INestApplicationContext, Module, DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppConfig, CoreModule } from '@loa/core';
import { DeliveryModule, SendQueues } from '@loa/delivery';
import { createTestDatabase, dropTestDatabase, sqlClient, testConfig, uniqueName } from '@loa/testing';
import { DispatchRunProcessor } from '../../libs/delivery/src/dispatch/dispatch-run.processor';
import { DispatchRunRepository } from '../../libs/delivery/src/dispatch/dispatch-run.repository';
import { seedDispatchRun } from '../../libs/delivery/src/testing/seed-run';

@Module({})
class DispatchOnly {
  static forRoot(cfg: AppConfig): DynamicModule {
    return {
      module: DispatchOnly,
      imports: [CoreModule.forRoot(cfg), DeliveryModule],
      providers: [DispatchRunRepository, DispatchRunProcessor],
    };
  }
}

describe('dispatch-run (PostgreSQL + BullMQ, no workers)', () => {
  let cfg: AppConfig;
  let app: INestApplicationContext;
  let sql: Client;

  beforeAll(async () => {
    cfg = testConfig(uniqueName(), (c) => {
      c.dispatch.batchSize = 700;
      c.routes = { ...c.routes, itel: undefined };
    });
    await createTestDatabase(cfg);
    app = await NestFactory.createApplicationContext(DispatchOnly.forRoot(cfg), { logger: ['error'] });
    sql = await sqlClient(cfg);
  });
  afterAll(async () => {
    await sql.end();
    await app.close();
    await dropTestDatabase(cfg);
  });

  it('routes every open delivery to its gateway queue once, in keyset batches, and is idempotent', async () => {
    const run = await seedDispatchRun(sql, { count: 3000, firstNumber: 1, channels: ['sms'] });
    const p = app.get(DispatchRunProcessor);
    const first = await p.process(run.runId);
    // itel has no route in this config: its share fails with NO_ROUTE instead of waiting forever.
    expect(first).toEqual({ enqueued: 2500, unroutable: 500 });
    const again = await p.process(run.runId);
    expect(again.enqueued).toBe(2500);
    const q = app.get(SendQueues);
    const counts = await Promise.all(['viettel', 'vnpt', 'esms', 'zalo'].map((g) => q.forGateway(g).getWaitingCount()));
    expect(counts).toEqual([500, 500, 1500, 0]);
    const { rows } = await sql.query(
      `SELECT status, error_code, count(*)::int AS n FROM deliveries GROUP BY 1, 2 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { status: 'failed', error_code: 'NO_ROUTE', n: 500 },
      { status: 'queued', error_code: null, n: 2500 },
    ]);
    const job = await q.forGateway('viettel').getJobs(['waiting'], 0, 0);
    expect(job[0].id).toMatch(/^d\d+c0$/);
  });
});
