import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, Clock, JobPayloads, QueueName } from '@loa/core';
import { audienceSelectSql, AudienceSpec, linkCodeSql, needsSecondUuid } from './audience.sql';
import { emptyExclusions, ExclusionCounts } from './campaign.types';
import { PreviewService } from './preview.service';

export type FanoutOutcome = 'done' | 'stopped' | 'gone';

/** Thrown inside a batch transaction when another worker moved the run's cursor first: roll back, stand down. */
class LostRace extends Error {}

const MAX_CODE_RETRIES = 5;

/**
 * Fan-out of one run: one delivery per person, created inside PostgreSQL with INSERT … SELECT, in batches of
 * subscriber ids. Each batch commits its deliveries together with the run's cursor and counters, so a killed
 * worker resumes after the last committed batch and nothing is counted twice.
 */
@Injectable()
export class FanoutService {
  private readonly log = new Logger('Fanout');

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly preview: PreviewService,
    @Inject(APP_CONFIG) private readonly cfg: AppConfig,
    @InjectQueue(QueueName.Dispatch) private readonly dispatch: Queue<JobPayloads['dispatch-run']>,
  ) {}

  async fanOut(runId: string): Promise<FanoutOutcome> {
    const run = await this.load(runId);
    if (!run || !['pending', 'fanning_out'].includes(run.status)) return 'gone';
    if (!['scheduled', 'running'].includes(run.campaign_status)) return 'stopped';
    if (run.status === 'pending') {
      // The audience, cap and stop rules are evaluated at one instant for the whole run, kept for resumption.
      await this.ds.query(
        `UPDATE campaign_runs SET status = 'fanning_out', started_at = $2, fanout_now = $2
          WHERE id = $1 AND status = 'pending'`,
        [runId, this.clock.now()],
      );
      return this.fanOut(runId);
    }
    const audience: AudienceSpec = {
      ...(await this.preview.audienceOf({
        segmentId: run.segment_id,
        unitId: run.campaign_unit_id,
        frequencyCap: run.frequency_cap,
        capWindowHours: run.cap_window_hours,
        stopOnClick: run.stop_on_click,
        stopOnInstall: run.stop_on_install,
      })),
      runId,
    };
    let cursor = String(run.fanout_cursor);
    const excluded: ExclusionCounts = { ...emptyExclusions(), ...run.excluded };
    for (;;) {
      if (!(await this.stillWanted(runId))) return 'stopped';
      const [{ upper }] = await this.ds.query(
        `SELECT max(id)::text AS upper FROM (SELECT id FROM subscribers WHERE id > $1 ORDER BY id LIMIT $2) b`,
        [cursor, this.cfg.worker.fanoutBatchSize],
      );
      if (!upper) break;
      try {
        await this.batchWithRetry(run, audience, cursor, upper, excluded);
      } catch (e) {
        if (e instanceof LostRace) return 'stopped';
        throw e;
      }
      cursor = upper;
    }
    const [, handed] = await this.ds.query(
      `UPDATE campaign_runs SET status = 'dispatching' WHERE id = $1 AND status = 'fanning_out'`,
      [runId],
    );
    if (handed) await this.dispatch.add('dispatch-run', { runId }, { jobId: `dispatch-${runId}` });
    return 'done';
  }

  private async batchWithRetry(
    run: RunRow,
    audience: AudienceSpec,
    lower: string,
    upper: string,
    excluded: ExclusionCounts,
  ): Promise<void> {
    let onConflict = false;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ds.transaction((m) => this.batch(m, run, audience, lower, upper, excluded, onConflict));
        return;
      } catch (e) {
        const err = e as { code?: string; constraint?: string; driverError?: { constraint?: string } };
        const constraint = err.code === '23505' ? (err.constraint ?? err.driverError?.constraint) : undefined;
        // A link code collided with an existing one (≈ never): the batch rolled back, so redo only this batch.
        if (constraint === 'deliveries_link_code' && attempt < MAX_CODE_RETRIES) {
          this.log.warn(`run ${run.id}: link code collision in batch (${lower}, ${upper}], retrying`);
          continue;
        }
        // Someone already holds deliveries of this run in the range: another worker that ran the same batch (its
        // cursor moved, so the redo stands down), or rows left by hand. Redo it skipping existing rows.
        if (constraint === 'deliveries_once' && !onConflict) {
          onConflict = true;
          continue;
        }
        throw e;
      }
    }
  }

  private async batch(
    m: EntityManager,
    run: RunRow,
    audience: AudienceSpec,
    lower: string,
    upper: string,
    excluded: ExclusionCounts,
    onConflict: boolean,
  ): Promise<void> {
    // Safe without waiting for the WAL flush: the run's status change after the last batch is a normal commit,
    // which flushes every batch before it; a crash before that loses only batches that are then redone.
    // And no JIT: a large batch's estimate can pass jit_above_cost; compiling costs more than it saves here.
    await m.query(`SELECT set_config('synchronous_commit', 'off', true), set_config('jit', 'off', true)`);
    const params: unknown[] = [run.fanout_now, run.id, run.campaign_id];
    const select = audienceSelectSql(audience, params, '$1::timestamptz', { lower, upper });
    const len = this.cfg.links.codeLength;
    const uuids = `uuid_send(gen_random_uuid()) AS u1${needsSecondUuid(len) ? ', uuid_send(gen_random_uuid()) AS u2' : ''}`;
    // No ON CONFLICT on the normal path: the cursor commits with the rows, so a batch's range holds none of this
    // run's deliveries yet, and a speculative insert costs an extra index probe and WAL record per row. A
    // duplicate (deliveries_once) rolls the batch back and it is redone with ON CONFLICT (batchWithRetry). Without
    // it every selected row is inserted (or the statement fails), so they are counted without RETURNING.
    const [res] = await m.query(
      `WITH a AS MATERIALIZED (${select}),
       ins AS (
         INSERT INTO deliveries (run_id, campaign_id, subscriber_id, phone, carrier, unit_id, link_code, created_at)
         SELECT $2::bigint, $3::int, x.id, x.phone, x.carrier, x.unit_id, ${linkCodeSql(len, 'x.u1', 'x.u2')}, $1::timestamptz
           FROM (SELECT a.*, ${uuids} FROM a WHERE a.reason IS NULL OFFSET 0) x
         ${onConflict ? 'ON CONFLICT (run_id, subscriber_id) DO NOTHING RETURNING 1' : ''})
       SELECT (SELECT count(*) FROM ${onConflict ? 'ins' : 'a WHERE reason IS NULL'})::int AS inserted,
              (SELECT coalesce(json_object_agg(reason, n), '{}') FROM
                 (SELECT reason, count(*)::int AS n FROM a WHERE reason IS NOT NULL GROUP BY reason) r) AS excluded`,
      params,
    );
    const next = { ...excluded };
    for (const [k, n] of Object.entries(res.excluded as Record<string, number>)) {
      next[k as keyof ExclusionCounts] = (next[k as keyof ExclusionCounts] ?? 0) + n;
    }
    const [, moved] = await m.query(
      `UPDATE campaign_runs SET fanout_cursor = $3, targeted = targeted + $4, excluded = $5
        WHERE id = $1 AND fanout_cursor = $2 AND status = 'fanning_out'`,
      [run.id, lower, upper, res.inserted, JSON.stringify(next)],
    );
    if (!moved) throw new LostRace();
    Object.assign(excluded, next);
  }

  /** A paused or cancelled campaign (or a cancelled run) stops fan-out between batches. */
  private async stillWanted(runId: string): Promise<boolean> {
    const [row] = await this.ds.query(
      `SELECT 1 FROM campaign_runs r JOIN campaigns c ON c.id = r.campaign_id
        WHERE r.id = $1 AND r.status = 'fanning_out' AND c.status IN ('scheduled', 'running')`,
      [runId],
    );
    return !!row;
  }

  private async load(runId: string): Promise<RunRow | undefined> {
    const [row] = await this.ds.query(
      `SELECT r.id::text AS id, r.status, r.fanout_cursor::text AS fanout_cursor, r.fanout_now, r.excluded,
              r.campaign_id, c.status AS campaign_status, c.segment_id, c.unit_id AS campaign_unit_id,
              c.frequency_cap, c.cap_window_hours, c.stop_on_click, c.stop_on_install
         FROM campaign_runs r JOIN campaigns c ON c.id = r.campaign_id WHERE r.id = $1`,
      [runId],
    );
    return row;
  }
}

interface RunRow {
  id: string;
  status: string;
  fanout_cursor: string;
  fanout_now: Date;
  excluded: Partial<ExclusionCounts>;
  campaign_id: number;
  campaign_status: string;
  segment_id: number;
  campaign_unit_id: number | null;
  frequency_cap: number;
  cap_window_hours: number;
  stop_on_click: boolean;
  stop_on_install: boolean;
}
