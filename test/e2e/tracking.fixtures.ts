import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AppConfig, CoreModule } from '@loa/core';
import { TrackingWorkerModule } from '@loa/tracking';
import { requestIdFor } from '@loa/delivery';

/** Fast loops for tests: the sweep, the click writer and the roll-up run every few hundred milliseconds. */
export function fastTracking(cfg: AppConfig): void {
  cfg.tracking = { ...cfg.tracking, reportSweepMs: 200, statsRollupMs: 300, clickBatchSize: 100 };
}

/** The worker's tracking part (report applier, sweep, click writer, stats roll-up) on the test's database. */
export async function startTrackingWorker(cfg: AppConfig): Promise<INestApplicationContext> {
  @Module({ imports: [CoreModule.forRoot(cfg), TrackingWorkerModule] })
  class TestWorkerModule {}
  const app = await NestFactory.createApplicationContext(TestWorkerModule, { logger: ['error', 'warn'] });
  await app.init();
  return app;
}

export interface Units {
  province: number;
  districtA: number;
  districtB: number;
  communeA1: number;
  communeA2: number;
  communeB1: number;
}

/** Province → two districts → three communes, with materialised paths. */
export async function seedUnits(sql: Client): Promise<Units> {
  const add = async (code: string, name: string, level: string, parent: number | null) => {
    const { rows } = await sql.query(
      `INSERT INTO units (code, name, level, parent_id, path, depth)
       VALUES ($1, $2, $3, $4, '', 0) RETURNING id`,
      [code, name, level, parent],
    );
    const id = rows[0].id;
    await sql.query(
      `UPDATE units u SET path = coalesce((SELECT p.path FROM units p WHERE p.id = u.parent_id), '/') || u.id || '/',
              depth = coalesce((SELECT p.depth + 1 FROM units p WHERE p.id = u.parent_id), 0)
        WHERE u.id = $1`,
      [id],
    );
    return id as number;
  };
  const province = await add('P34', 'Tỉnh Thái Bình', 'province', null);
  const districtA = await add('D336', 'Huyện Hưng Hà', 'district', province);
  const districtB = await add('D337', 'Huyện Đông Hưng', 'district', province);
  const communeA1 = await add('C12', 'Xã Tân Lễ', 'commune', districtA);
  const communeA2 = await add('C13', 'Xã Canh Tân', 'commune', districtA);
  const communeB1 = await add('C14', 'Xã Đông La', 'commune', districtB);
  return { province, districtA, districtB, communeA1, communeA2, communeB1 };
}

export interface SeededDelivery {
  id: string;
  subscriberId: string;
  phone: string;
  linkCode: string;
  requestId: string;
}

/** A campaign with one run; returns ids. */
export async function seedCampaign(
  sql: Client,
  unitId: number | null,
  fire = new Date(),
): Promise<{ campaignId: number; runId: string }> {
  const seg = await sql.query(`INSERT INTO segments (name, filter) VALUES ('all', '{}') RETURNING id`);
  const camp = await sql.query(
    `INSERT INTO campaigns (name, unit_id, segment_id, status, brandname, channels, target_url, target_android, target_ios)
     VALUES ('Nhắc cài Bluezone', $1, $2, 'running', 'SOTTTT', '["sms"]', 'https://bluezone.gov.vn/taiapp',
             'https://play.google.com/store/apps/details?id=com.mic.bluezone', 'https://apps.apple.com/vn/app/bluezone/id1508062685')
     RETURNING id`,
    [unitId, seg.rows[0].id],
  );
  const run = await sql.query(
    `INSERT INTO campaign_runs (campaign_id, fire_time, status, expires_at) VALUES ($1, $2, 'dispatching', $2::timestamptz + interval '12 hours') RETURNING id`,
    [camp.rows[0].id, fire],
  );
  return { campaignId: camp.rows[0].id, runId: String(run.rows[0].id) };
}

let seq = 0;

/** A subscriber and their delivery in a run, optionally already sent through a gateway (a messages row). */
export async function seedDelivery(
  sql: Client,
  o: {
    campaignId: number;
    runId: string;
    unitId: number | null;
    carrier?: string;
    status?: string;
    gatewayId?: string;
    providerMessageId?: string | null;
    channel?: 'sms' | 'zns';
    cost?: number;
    sentAt?: Date;
  },
): Promise<SeededDelivery> {
  seq++;
  const phone = `8496${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`;
  const carrier = o.carrier ?? 'viettel';
  const sub = await sql.query(
    `INSERT INTO subscribers (phone, carrier, unit_id, name) VALUES ($1, $2, $3, $4) RETURNING id`,
    [phone, carrier, o.unitId, `Người ${seq}`],
  );
  const linkCode = `c${process.pid.toString(36)}${seq.toString(36)}x`.slice(0, 12);
  const status = o.status ?? 'sent';
  const sentAt = o.sentAt ?? new Date(Date.now() - 60_000);
  const d = await sql.query(
    `INSERT INTO deliveries (run_id, campaign_id, subscriber_id, phone, carrier, unit_id, link_code, status, sent_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8 IN ('sent', 'delivered', 'failed') THEN $9::timestamptz END)
     RETURNING id`,
    [o.runId, o.campaignId, sub.rows[0].id, phone, carrier, o.unitId, linkCode, status, sentAt],
  );
  const id = String(d.rows[0].id);
  const requestId = requestIdFor(id, 0);
  if (o.gatewayId) {
    await sql.query(
      `INSERT INTO messages (delivery_id, channel_index, channel, gateway_id, request_id, status, provider_message_id, cost, sent_at)
       VALUES ($1, 0, $2, $3, $4, 'sent', $5, $6, $7)`,
      [id, o.channel ?? 'sms', o.gatewayId, requestId, o.providerMessageId ?? null, o.cost ?? 750, sentAt],
    );
  }
  return { id, subscriberId: String(sub.rows[0].id), phone, linkCode, requestId };
}
