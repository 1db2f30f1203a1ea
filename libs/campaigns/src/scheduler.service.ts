import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  Clock,
  COMPLETE_DRAINED_RUNS_SQL,
  EXPIRE_LAPSED_DELIVERIES_SQL,
  JobPayloads,
  QueueName,
  vietnamDateTime,
} from '@loa/core';
import { toCampaign } from './campaigns.repository';
import { MAX_SKIPPED_RECORDED, planFires } from './schedule';

/** BullMQ job ids may not contain ':'; one id per run makes duplicate enqueues collapse. */
export const fanoutJobId = (runId: string): string => `fanout-${runId}`;

/**
 * One scheduler pass. Safe with any number of workers ticking at once: a campaign row is taken with
 * FOR UPDATE SKIP LOCKED, runs are inserted with ON CONFLICT (campaign_id, fire_time) DO NOTHING, and
 * next_fire_at only moves by compare-and-set, so every fire time yields exactly one run.
 */
@Injectable()
export class SchedulerService {
  private readonly log = new Logger('Scheduler');

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    @InjectQueue(QueueName.Fanout) private readonly fanout: Queue<JobPayloads['fanout-run']>,
  ) {}

  async tick(): Promise<void> {
    const now = this.clock.now();
    const due: { id: number }[] = await this.ds.query(
      `SELECT id FROM campaigns WHERE status IN ('scheduled', 'running') AND next_fire_at <= $1
        ORDER BY next_fire_at LIMIT 50`,
      [now],
    );
    for (const { id } of due) await this.fire(id, now);
    await this.resumeStrandedFanouts();
    await this.closeFinishedWork(now);
  }

  /** Creates the due run(s) of one campaign and advances its schedule; returns the ids of runs to fan out. */
  async fire(campaignId: number, now: Date): Promise<string[]> {
    const toFan = await this.ds.transaction(async (m) => {
      const [row] = await m.query(
        `SELECT * FROM campaigns WHERE id = $1 AND status IN ('scheduled', 'running') AND next_fire_at <= $2
           FOR UPDATE SKIP LOCKED`,
        [campaignId, now],
      );
      if (!row) return [];
      const c = toCampaign(row);
      const plan = planFires(c, c.nextFireAt!, now, c.validityHours);
      if (!plan) return [];
      const times: Date[] = [];
      const statuses: string[] = [];
      const notes: (string | null)[] = [];
      plan.skipped.forEach((t, i) => {
        times.push(t);
        statuses.push('skipped');
        const earlier =
          i === 0 && (plan.unrecorded || plan.truncated)
            ? ` Earlier missed fire times not recorded: ${plan.truncated ? 'those before the lookback window and ' : ''}${plan.unrecorded} more (at most ${MAX_SKIPPED_RECORDED} are recorded).`
            : '';
        notes.push(
          (t === plan.latest
            ? `missed: already past its ${c.validityHours} h validity when the scheduler saw it at ${vietnamDateTime(now)}`
            : `missed: a later fire time was due when the scheduler saw it at ${vietnamDateTime(now)}; only the most recent runs`) +
            earlier,
        );
      });
      if (plan.run) {
        times.push(plan.run);
        statuses.push('pending');
        notes.push(null);
      }
      const inserted: { id: string; status: string }[] = await m.query(
        `INSERT INTO campaign_runs (campaign_id, fire_time, status, expires_at, note, finished_at)
         SELECT $1, f, s, f + make_interval(hours => $5::int), n, CASE WHEN s = 'skipped' THEN $6::timestamptz END
           FROM unnest($2::timestamptz[], $3::text[], $4::text[]) AS x(f, s, n)
         ON CONFLICT (campaign_id, fire_time) DO NOTHING
         RETURNING id::text AS id, status`,
        [c.id, times, statuses, notes, c.validityHours, now],
      );
      const [, moved] = await m.query(
        `UPDATE campaigns SET next_fire_at = $3, last_fire_at = $4, status = 'running', updated_at = now()
          WHERE id = $1 AND next_fire_at = $2`,
        [c.id, c.nextFireAt, plan.next, plan.latest],
      );
      if (!moved) throw new Error(`campaign ${c.id}: next_fire_at moved under a row lock`);
      if (plan.skipped.length) this.log.warn(`campaign ${c.id}: ${plan.skipped.length} missed fire time(s) skipped`);
      return inserted.filter((r) => r.status === 'pending').map((r) => r.id);
    });
    for (const runId of toFan) await this.enqueueFanout(runId);
    return toFan;
  }

  enqueueFanout(runId: string): Promise<unknown> {
    return this.fanout.add(
      'fanout-run',
      { runId },
      {
        jobId: fanoutJobId(runId),
        attempts: 5,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { age: 3600, count: 1000 },
        removeOnFail: false,
      },
    );
  }

  /**
   * Runs whose fan-out is not finished while their campaign is active: never enqueued (the process died between
   * commit and enqueue) or stopped by a pause since resumed. The job id makes this a no-op for queued ones.
   */
  private async resumeStrandedFanouts(): Promise<void> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT r.id::text AS id FROM campaign_runs r JOIN campaigns c ON c.id = r.campaign_id
        WHERE r.status IN ('pending', 'fanning_out') AND c.status IN ('scheduled', 'running')
        ORDER BY r.id LIMIT 100`,
    );
    for (const r of rows) {
      const job = await this.fanout.getJob(fanoutJobId(r.id));
      // A finished job of a run still open (stopped by a pause, now resumed) is replaced by a fresh one.
      if (job && (await job.isCompleted())) await job.remove();
      await this.enqueueFanout(r.id);
    }
  }

  /**
   * Bookkeeping that needs no event: deliveries still waiting when their run's validity ends are expired (never
   * sent stale); a dispatching run with nothing left to send is completed; a campaign with no fire time left and
   * no open run is completed. Dispatch may do the same; each statement is idempotent.
   */
  private async closeFinishedWork(now: Date): Promise<void> {
    // The same statements as the dispatcher's sweep (libs/core delivery-states): one rule, whoever runs it.
    await this.ds.query(EXPIRE_LAPSED_DELIVERIES_SQL, [now]);
    await this.ds.query(COMPLETE_DRAINED_RUNS_SQL, [now]);
    await this.ds.query(
      `UPDATE campaigns c SET status = 'completed', updated_at = now()
        WHERE c.status = 'running' AND c.next_fire_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM campaign_runs r WHERE r.campaign_id = c.id
                           AND r.status IN ('pending', 'fanning_out', 'dispatching'))`,
    );
  }
}
