import { Logger } from '@nestjs/common';
import { DelayedError } from 'bullmq';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long a write that records what a gateway said is retried (PostgreSQL or Redis briefly down). */
export interface WriteRetry {
  tries: number;
  baseMs: number;
}

/** One statement of an outcome: 10 tries, ≈ 25 s in all. */
export const STATEMENT_RETRY: WriteRetry = { tries: 10, baseMs: 200 };
/** The whole recording of a gateway's answer (each statement already retried): 15 tries, ≈ 1 min in all. */
export const OUTCOME_RETRY: WriteRetry = { tries: 15, baseMs: 250 };

/**
 * Runs `write` until it succeeds, with exponential backoff capped at 5 s, and rethrows after `policy.tries`. Once
 * a gateway has answered, the job must not fail on a database error: its rerun would find the attempt without an
 * outcome (in doubt) and send again, a duplicate at gateways that do not dedupe. So every statement given here is
 * guarded by the state it leaves, which makes a repeat harmless. A BullMQ `DelayedError` (the job was re-queued)
 * is not an error and passes through at once.
 */
export async function retryWrite<T>(
  log: Logger,
  what: string,
  write: () => Promise<T>,
  policy: WriteRetry,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (e instanceof DelayedError || attempt >= policy.tries) throw e;
      log.warn(`${what} failed (attempt ${attempt}, retrying): ${(e as Error).message}`);
      await sleep(Math.min(5000, policy.baseMs * 2 ** (attempt - 1)));
    }
  }
}
