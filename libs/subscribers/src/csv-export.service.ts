import { Inject, Injectable } from '@nestjs/common';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { APP_CONFIG, AppConfig, CARRIERS, Carrier, csvSafeSql } from '@loa/core';
import { Principal } from '@loa/access';

export interface ExportFilter {
  unitId?: number;
  carrier?: Carrier;
  tag?: string;
}

/**
 * CSV downloads streamed straight from PostgreSQL with COPY … TO STDOUT (constant memory for millions of rows).
 * COPY takes no bind parameters, so every value put in the SQL is validated or escaped by the driver first.
 * A UTF-8 BOM is written first so Excel shows Vietnamese names correctly (our importer accepts it back).
 */
@Injectable()
export class CsvExportService {
  constructor(@Inject(APP_CONFIG) private readonly cfg: AppConfig) {}

  async subscribers(who: Principal, f: ExportFilter, out: Writable): Promise<void> {
    await this.copyOut(out, (c) => {
      const where: string[] = [];
      if (who.unitPath) where.push(`u.path LIKE ${c.escapeLiteral(`${safePath(who.unitPath)}%`)}`);
      if (f.unitId !== undefined) {
        where.push(`u.path LIKE (SELECT path FROM units WHERE id = ${Math.trunc(Number(f.unitId))}) || '%'`);
      }
      if (f.carrier) where.push(`s.carrier = ${c.escapeLiteral(checkCarrier(f.carrier))}`);
      if (f.tag) where.push(`s.tags @> ARRAY[${c.escapeLiteral(f.tag)}]`);
      return `COPY (
        SELECT s.phone, s.carrier, s.carrier_source, ${csvSafeSql('u.code')} AS unit_code,
               ${csvSafeSql('u.name')} AS unit_name, ${csvSafeSql('s.name')} AS name,
               ${csvSafeSql("array_to_string(s.tags, ';')")} AS tags, s.attributes::text AS attributes,
               s.opted_out_at, s.installed_at, s.last_clicked_at,
               EXISTS (SELECT 1 FROM dnc_numbers d WHERE d.phone = s.phone) AS dnc, s.created_at
          FROM subscribers s ${who.unitPath || f.unitId !== undefined ? 'JOIN' : 'LEFT JOIN'} units u ON u.id = s.unit_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         ORDER BY s.id) TO STDOUT (FORMAT csv, HEADER)`;
    });
  }

  async rejections(importId: number, out: Writable): Promise<void> {
    await this.copyOut(
      out,
      () => `COPY (SELECT line, ${csvSafeSql('raw')} AS raw, ${csvSafeSql('reason')} AS reason
                     FROM import_rejections WHERE import_id = ${Math.trunc(importId)}
               ORDER BY line) TO STDOUT (FORMAT csv, HEADER)`,
    );
  }

  private async copyOut(out: Writable, sql: (c: Client) => string): Promise<void> {
    const client = new Client({ connectionString: this.cfg.database.url, application_name: 'loa-export' });
    // A backend terminated while this client waits between statements must not kill the process: the next
    // statement on it fails with the error instead, and the caller handles that.
    client.on('error', () => undefined);
    await client.connect();
    try {
      out.write('\uFEFF');
      await pipeline(client.query(copyTo(sql(client))), out);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function safePath(p: string): string {
  if (!/^\/(\d+\/)*$/.test(p)) throw new Error(`unexpected unit path ${p}`);
  return p;
}

function checkCarrier(c: string): string {
  if (!(CARRIERS as readonly string[]).includes(c)) throw new Error(`unknown carrier ${c}`);
  return c;
}
