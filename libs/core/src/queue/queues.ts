/**
 * Queue names. Never rename one: jobs already in Redis under the old name would be stranded.
 * Sending has one queue per gateway (see sendQueueName) so that each gateway's throughput is one setting.
 */
export enum QueueName {
  Fanout = 'fanout',
  /** Runs whose deliveries are ready to go out (after fan-out, and again on resume). */
  Dispatch = 'dispatch',
  Reports = 'reports',
  Imports = 'imports',
}

/** The per-gateway send queue. Never change the format, for the same reason. */
export const sendQueueName = (gatewayId: string): string => `send-${gatewayId}`;

/** Typed payloads, keyed by job name. Payloads carry ids; state lives in PostgreSQL. */
export interface JobPayloads {
  'fanout-run': { runId: string };
  'dispatch-run': { runId: string };
  'send-delivery': { deliveryId: string };
  'apply-report': { reportId: string };
  /** The reports stored by one webhook batch (the api's inbox batches concurrent webhook requests). */
  'apply-reports': { reportIds: string[] };
  'import-file': { importId: string };
}
export type JobName = keyof JobPayloads;
export type JobOf<N extends JobName> = { name: N; data: JobPayloads[N] };
