import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, JobPayloads, QueueName } from '@loa/core';
import { DeliveryEvent } from '@loa/channels';

/** The same report retried by a gateway must land on the same key (its time may differ: some carry none). */
export function reportDedupeKey(e: DeliveryEvent): string {
  return [e.gatewayId, e.providerMessageId ?? '', e.requestId ?? '', e.status].join('|');
}

/** Events in one INSERT at most. */
const BATCH_MAX_EVENTS = 1000;
/** INSERTs in flight at once; requests arriving meanwhile wait for the next one (group commit). */
const MAX_IN_FLIGHT = 2;
/** Reports per apply job: one applier transaction each. */
const JOB_IDS = 500;

interface Caller {
  events: DeliveryEvent[];
  resolve: (r: { stored: number; duplicates: number }) => void;
  reject: (e: unknown) => void;
}

/**
 * The webhook's fast path: stores verified events and queues their application. Concurrent webhook requests are
 * gathered into one multi-row INSERT (duplicates skipped on the dedupe key) and one apply job per 500 stored
 * reports, and each request is answered once the INSERT holding its events has committed, so a 200 still means
 * "stored durably". Group commit: the events of one event-loop turn go out at once if fewer than MAX_IN_FLIGHT
 * INSERTs are running, else they wait for one to finish and go together; so a lone report waits for nothing, and
 * under a burst one commit (one WAL flush) and one Redis round trip serve hundreds of reports.
 * The row is the durable record; the job is only a nudge (the worker's sweep applies anything a lost job missed),
 * so a Redis hiccup after the insert loses nothing.
 */
@Injectable()
export class ReportInboxService {
  private readonly log = new Logger('ReportInbox');
  private pending: Caller[] = [];
  private pendingEvents = 0;
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    @InjectQueue(QueueName.Reports) private readonly queue: Queue,
  ) {}

  /** Stores these events (with those of concurrent callers); resolves once they are committed. */
  store(events: DeliveryEvent[]): Promise<{ stored: number; duplicates: number }> {
    const usable = events.filter((e) => e.providerMessageId || e.requestId);
    if (!usable.length) return Promise.resolve({ stored: 0, duplicates: 0 });
    return new Promise((resolve, reject) => {
      this.pending.push({ events: usable, resolve, reject });
      this.pendingEvents += usable.length;
      if (this.inFlight >= MAX_IN_FLIGHT) return; // taken when a running INSERT finishes
      if (this.pendingEvents >= BATCH_MAX_EVENTS) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush()); // gathers the requests parsed in this turn
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    if (!this.pending.length || this.inFlight >= MAX_IN_FLIGHT) return;
    const callers: Caller[] = [];
    let n = 0;
    while (this.pending.length && n < BATCH_MAX_EVENTS) {
      const c = this.pending.shift()!;
      callers.push(c);
      n += c.events.length;
    }
    this.pendingEvents -= n;
    this.inFlight++;
    this.write(callers)
      .catch((e) => callers.forEach((c) => c.reject(e)))
      .finally(() => {
        this.inFlight--;
        this.flush();
      });
  }

  private async write(callers: Caller[]): Promise<void> {
    // One row per dedupe key: the first caller holding a key owns it; any other holder counts it as a duplicate.
    const owner = new Map<string, Caller>();
    const events: DeliveryEvent[] = [];
    const keys: string[] = [];
    for (const c of callers) {
      for (const e of c.events) {
        const key = reportDedupeKey(e);
        if (owner.has(key)) continue;
        owner.set(key, c);
        events.push(e);
        keys.push(key);
      }
    }
    const now = this.clock.now();
    const rows: { id: string; dedupe_key: string }[] = await this.ds.query(
      `INSERT INTO delivery_reports (gateway_id, dedupe_key, provider_message_id, request_id, phone, status, carrier, code,
                                     occurred_at, received_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::timestamptz[], $10::timestamptz[])
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id, dedupe_key`,
      [
        events.map((e) => e.gatewayId),
        keys,
        events.map((e) => e.providerMessageId ?? null),
        events.map((e) => e.requestId ?? null),
        events.map((e) => e.phone ?? null),
        events.map((e) => e.status),
        events.map((e) => e.carrier ?? null),
        events.map((e) => e.code ?? null),
        events.map((e) => e.at),
        events.map(() => now),
      ],
    );
    const stored = new Map<Caller, number>();
    for (const r of rows) {
      const c = owner.get(r.dedupe_key)!;
      stored.set(c, (stored.get(c) ?? 0) + 1);
    }
    // Answer first, and let the next INSERT go: the rows are committed; the jobs only speed up their application.
    for (const c of callers) {
      const n = stored.get(c) ?? 0;
      c.resolve({ stored: n, duplicates: c.events.length - n });
    }
    if (rows.length) void this.enqueue(rows.map((r) => String(r.id)));
  }

  private async enqueue(ids: string[]): Promise<void> {
    const jobs = [];
    for (let i = 0; i < ids.length; i += JOB_IDS) {
      const reportIds = ids.slice(i, i + JOB_IDS);
      const data: JobPayloads['apply-reports'] = { reportIds };
      jobs.push({
        name: 'apply-reports',
        data,
        opts: { jobId: `reports-${reportIds[0]}`, removeOnComplete: true, removeOnFail: 1000, attempts: 3 },
      });
    }
    await this.queue
      .addBulk(jobs)
      .catch((e) => this.log.warn(`queueing reports failed, the sweep will apply them: ${(e as Error).message}`));
  }
}
