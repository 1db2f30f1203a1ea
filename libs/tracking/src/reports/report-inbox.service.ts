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

/**
 * The webhook's fast path: stores verified events (one INSERT, duplicates skipped) and queues their
 * application. The row is the durable record; the job is only a nudge (the worker's sweep applies anything a
 * lost job missed), so a Redis hiccup after the insert loses nothing.
 */
@Injectable()
export class ReportInboxService {
  private readonly log = new Logger('ReportInbox');

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
    @InjectQueue(QueueName.Reports) private readonly queue: Queue<JobPayloads['apply-report']>,
  ) {}

  async store(events: DeliveryEvent[]): Promise<{ stored: number; duplicates: number }> {
    const usable = events.filter((e) => e.providerMessageId || e.requestId);
    if (!usable.length) return { stored: 0, duplicates: 0 };
    const rows: { id: string }[] = await this.ds.query(
      `INSERT INTO delivery_reports (gateway_id, dedupe_key, provider_message_id, request_id, phone, status, carrier, code,
                                     occurred_at, received_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::timestamptz[], $10::timestamptz[])
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        usable.map((e) => e.gatewayId),
        usable.map(reportDedupeKey),
        usable.map((e) => e.providerMessageId ?? null),
        usable.map((e) => e.requestId ?? null),
        usable.map((e) => e.phone ?? null),
        usable.map((e) => e.status),
        usable.map((e) => e.carrier ?? null),
        usable.map((e) => e.code ?? null),
        usable.map((e) => e.at),
        usable.map(() => this.clock.now()),
      ],
    );
    if (rows.length) {
      await this.queue
        .addBulk(
          rows.map((r) => ({
            name: 'apply-report',
            data: { reportId: String(r.id) },
            opts: { jobId: `report-${r.id}`, removeOnComplete: true, removeOnFail: 1000, attempts: 3 },
          })),
        )
        .catch((e) => this.log.warn(`queueing reports failed, the sweep will apply them: ${(e as Error).message}`));
    }
    return { stored: rows.length, duplicates: usable.length - rows.length };
  }
}
