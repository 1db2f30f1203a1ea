/**
 * The delivery state machine's vocabulary, in one place for every library that reads or moves deliveries
 * (docs/dispatch.md, "States"): pending → queued → sending → sent → delivered, or failed / expired / cancelled.
 */
export const FINAL_DELIVERY_STATUSES = ['sent', 'delivered', 'failed', 'expired', 'cancelled'] as const;

/**
 * Statuses still owed an outcome, as an SQL list. Written exactly as the partial index `deliveries_run_open_idx`
 * (migration 1764000500000) is, so the planner uses it.
 */
export const OPEN_DELIVERY_SQL = `('pending', 'queued', 'sending')`;

/**
 * Housekeeping ($1 = now): deliveries of a dispatching run past its validity that are not with a gateway
 * (`pending`, `queued`: a `sending` one waits for its outcome or its in-doubt deadline) expire, and the message of
 * an attempt waiting for its retry (`deferred`) fails with them, so that no message waits for a retry that will
 * never come. Returns `expired`. Run by the dispatcher's sweep and by the scheduler; idempotent.
 */
export const EXPIRE_LAPSED_DELIVERIES_SQL = `
  WITH e AS (
    UPDATE deliveries d SET status = 'expired', error_code = 'EXPIRED', error_text = 'run validity ended', final_at = $1
      FROM campaign_runs r
     WHERE r.id = d.run_id AND r.status = 'dispatching' AND r.expires_at <= $1 AND d.status IN ('pending', 'queued')
    RETURNING d.id, d.channel_index
  ), m AS (
    UPDATE messages m SET status = 'failed', error_code = 'EXPIRED', error_text = 'run validity ended'
      FROM e WHERE m.delivery_id = e.id AND m.channel_index = e.channel_index AND m.status = 'deferred'
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM e)::int AS expired`;

/** Housekeeping ($1 = now): a dispatching run with no open delivery left is completed. Idempotent. */
export const COMPLETE_DRAINED_RUNS_SQL = `
  UPDATE campaign_runs r SET status = 'completed', finished_at = $1
   WHERE r.status = 'dispatching'
     AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.run_id = r.id AND d.status IN ${OPEN_DELIVERY_SQL})`;
