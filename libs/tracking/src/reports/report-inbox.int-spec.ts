import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DeliveryEvent } from '@loa/channels';
import { QueueName } from '@loa/core';
import { ApiHarness, startApi, waitFor } from '@loa/testing';
import { ReportInboxService } from './report-inbox.service';

/** The inbox batches concurrent callers into shared INSERTs: each caller must still get its own exact counts. */
describe('ReportInboxService batching (integration)', () => {
  let h: ApiHarness;
  let inbox: ReportInboxService;
  const ev = (id: string, status: DeliveryEvent['status'] = 'delivered'): DeliveryEvent => ({
    gatewayId: 'esms',
    providerMessageId: id,
    status,
    at: new Date('2026-01-05T03:00:00Z'),
  });

  beforeAll(async () => {
    h = await startApi();
    inbox = h.app.get(ReportInboxService);
  });
  afterAll(() => h.close());

  it('stores each report once across concurrent callers and counts duplicates per caller', async () => {
    const calls = [
      [ev('A1'), ev('A2')],
      [ev('A2'), ev('A3')], // A2 again, in the same burst
      [ev('A1', 'failed')], // another status of A1 is another report
      [{ ...ev('x'), providerMessageId: undefined }], // nothing to match it by: ignored
      ...Array.from({ length: 300 }, (_, i) => [ev(`B${i % 150}`)]), // each B twice, across batches
    ];
    const results = await Promise.all(calls.map((c) => inbox.store(c)));
    expect(results.slice(0, 4)).toEqual([
      { stored: 2, duplicates: 0 },
      { stored: 1, duplicates: 1 },
      { stored: 1, duplicates: 0 },
      { stored: 0, duplicates: 0 },
    ]);
    const b = results.slice(4);
    expect(b.reduce((n, r) => n + r.stored, 0)).toBe(150);
    expect(b.reduce((n, r) => n + r.duplicates, 0)).toBe(150);
    const { rows } = await h.sql.query(
      `SELECT count(*)::int AS n, count(DISTINCT dedupe_key)::int AS k FROM delivery_reports`,
    );
    expect(rows[0]).toEqual({ n: 154, k: 154 });

    // A gateway retrying later stores nothing new.
    expect(await inbox.store([ev('A3'), ev('B7')])).toEqual({ stored: 0, duplicates: 2 });
  });

  it('queues the stored reports for the worker in batch jobs, not one job per report', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => inbox.store([ev(`C${i}`)])));
    expect(results.every((r) => r.stored === 1)).toBe(true);
    const { rows } = await h.sql.query(`SELECT id::text FROM delivery_reports WHERE provider_message_id LIKE 'C%'`);
    // No worker runs here, so the jobs stay queued and can be read back.
    const queue = h.app.get<Queue>(getQueueToken(QueueName.Reports));
    const queuedFor = async () => {
      const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized']);
      return jobs.filter((j) =>
        (j.data.reportIds as string[] | undefined)?.some((id) => rows.some((r) => r.id === id)),
      );
    };
    await waitFor('jobs queued', async () => {
      const ids = (await queuedFor()).flatMap((j) => j.data.reportIds as string[]);
      return rows.every((r) => ids.includes(r.id));
    });
    const jobs = await queuedFor();
    expect(jobs.every((j) => j.name === 'apply-reports')).toBe(true);
    expect(jobs.length).toBeLessThan(rows.length / 2); // batched, not one per report
  });
});
