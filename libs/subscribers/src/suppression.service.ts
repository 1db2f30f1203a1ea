import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CARRIERS, Carrier, CsvTable, ImportFileError, openCsvTable } from '@loa/core';
import { AuditService, Principal } from '@loa/access';
import { normalizePhone } from './phone/phone-normalizer';
import { foldHeader, mapColumns } from './import/csv-columns';
import { phoneOr400 } from './subscribers.service';

export interface ListUploadResult {
  rows: number;
  added: number;
  /** Already listed with the same value. */
  unchanged: number;
  /** Subscribers whose carrier changed (overrides only). */
  subscribersUpdated?: number;
  rejectedCount: number;
  /** The first 1,000 rejected rows. */
  rejected: { line: number; raw: string; reason: string }[];
}

const BATCH = 5_000;
const MAX_REPORTED = 1_000;

const CARRIER_ALIASES: Record<string, Carrier> = {
  vnmobile: 'vietnamobile',
  vietnammobile: 'vietnamobile',
  gtel: 'gmobile',
  vina: 'vinaphone',
  vnpt: 'vinaphone',
  mobi: 'mobifone',
};

export function parseCarrier(v: string | undefined): Carrier | null {
  const k = foldHeader(v ?? '').replace(/\s/g, '');
  if ((CARRIERS as readonly string[]).includes(k)) return k as Carrier;
  return CARRIER_ALIASES[k] ?? null;
}

function requireNational(who: Principal, what: string): void {
  if (who.unitPath) {
    throw new ForbiddenException(`${what} apply nationwide: use a key that is not scoped to a unit`);
  }
}

/**
 * The Do-Not-Call list and operator carrier overrides (ported numbers), both keyed by canonical phone and
 * independent of whether the number is a subscriber. Uploads stream (bounded memory) and commit in one transaction.
 */
@Injectable()
export class SuppressionService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Adds numbers (any shape) to the DNC list. Anyone who may write can add: it only ever stops messages. */
  async addDnc(who: Principal, phones: string[], source: string | null): Promise<ListUploadResult> {
    const res: ListUploadResult = { rows: phones.length, added: 0, unchanged: 0, rejectedCount: 0, rejected: [] };
    const good: string[] = [];
    phones.forEach((raw, i) => {
      const r = normalizePhone(raw);
      if (r.ok) good.push(r.phone);
      else {
        res.rejectedCount++;
        if (res.rejected.length < MAX_REPORTED) res.rejected.push({ line: i + 1, raw, reason: r.reason });
      }
    });
    await this.ds.transaction(async (m) => {
      res.added = await this.insertDnc(m, good, source);
      res.unchanged = good.length - res.added;
      await this.audit.record(who, 'add', 'dnc', null, { count: res.added, source }, m);
    });
    return res;
  }

  async addDncCsv(who: Principal, path: string, source: string | null): Promise<ListUploadResult> {
    const res: ListUploadResult = { rows: 0, added: 0, unchanged: 0, rejectedCount: 0, rejected: [] };
    await this.ds.transaction(async (m) => {
      await readPhoneRows(path, false, res, async (batch) => {
        res.added += await this.insertDnc(
          m,
          batch.map((b) => b.phone),
          source,
        );
      });
      res.unchanged = res.rows - res.rejectedCount - res.added;
      await this.audit.record(who, 'upload', 'dnc', null, { added: res.added, source }, m);
    });
    return res;
  }

  async removeDnc(who: Principal, raw: string): Promise<void> {
    requireNational(who, 'DNC removals');
    const phone = phoneOr400(raw);
    await this.ds.transaction(async (m) => {
      const [, count] = await m.query(`DELETE FROM dnc_numbers WHERE phone = $1`, [phone]);
      if (!count) throw new NotFoundException(`${phone} is not on the DNC list`);
      await this.audit.record(who, 'remove', 'dnc', phone, {}, m);
    });
  }

  /**
   * Uploads `phone,carrier` overrides: they win over the prefix on every later import, and stored subscribers with
   * those numbers take the carrier at once (carrier_source 'override').
   */
  async uploadOverrides(who: Principal, path: string): Promise<ListUploadResult> {
    requireNational(who, 'Carrier overrides');
    const res: ListUploadResult = {
      rows: 0,
      added: 0,
      unchanged: 0,
      subscribersUpdated: 0,
      rejectedCount: 0,
      rejected: [],
    };
    await this.ds.transaction(async (m) => {
      await readPhoneRows(path, true, res, async (batch) => {
        const phones = batch.map((b) => b.phone);
        const carriers = batch.map((b) => b.carrier!);
        // Within one file the last line for a number wins (DISTINCT ON keeps the first of a descending order).
        const rows: unknown[] = await m.query(
          `INSERT INTO carrier_overrides AS o (phone, carrier)
           SELECT DISTINCT ON (p) p, c FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(p, c, n)
            ORDER BY p, n DESC
           ON CONFLICT (phone) DO UPDATE SET carrier = EXCLUDED.carrier, created_at = now()
             WHERE o.carrier <> EXCLUDED.carrier
           RETURNING 1`,
          [phones, carriers],
        );
        res.added += rows.length;
        const [, updated] = await m.query(
          `UPDATE subscribers s SET carrier = o.carrier, carrier_source = 'override', updated_at = now()
             FROM carrier_overrides o
            WHERE o.phone = s.phone AND o.phone = ANY($1::text[])
              AND (s.carrier, s.carrier_source) IS DISTINCT FROM (o.carrier, 'override')`,
          [phones],
        );
        res.subscribersUpdated! += updated;
      });
      res.unchanged = res.rows - res.rejectedCount - res.added;
      await this.audit.record(
        who,
        'upload',
        'carrier_override',
        null,
        { changed: res.added, subscribersUpdated: res.subscribersUpdated },
        m,
      );
    });
    return res;
  }

  private async insertDnc(m: EntityManager, phones: string[], source: string | null): Promise<number> {
    if (!phones.length) return 0;
    const rows = await m.query(
      `INSERT INTO dnc_numbers (phone, source) SELECT DISTINCT unnest($1::text[]), $2
       ON CONFLICT (phone) DO NOTHING RETURNING 1`,
      [phones, source],
    );
    return rows.length;
  }
}

/**
 * Streams a CSV of numbers (a phone column by the import's aliases, or a single headerless column) and, with
 * `withCarrier`, a `carrier` column; hands valid rows over in batches and collects rejections (first 1,000).
 * Read strictly (`openCsvTable`): a malformed file is refused naming the line, and every row is either handed over
 * or rejected with its reason (empty and ragged rows included).
 */
async function readPhoneRows(
  path: string,
  withCarrier: boolean,
  res: ListUploadResult,
  onBatch: (batch: { phone: string; carrier?: Carrier }[]) => Promise<void>,
): Promise<void> {
  let batch: { phone: string; carrier?: Carrier }[] = [];
  const reject = (line: number, raw: string, reason: string) => {
    res.rejectedCount++;
    if (res.rejected.length < MAX_REPORTED) res.rejected.push({ line, raw, reason });
  };
  const take = async (line: number, cells: string[], fault: string | null, phoneCol: number, carrierCol: number) => {
    res.rows++;
    const raw = cells[phoneCol] ?? '';
    const r = normalizePhone(raw);
    if (fault || !r.ok) return reject(line, raw, fault ?? (r as { reason: string }).reason);
    let carrier: Carrier | undefined;
    if (withCarrier) {
      const c = parseCarrier(cells[carrierCol]);
      if (!c) return reject(line, cells[carrierCol] ?? '', `unknown carrier; expected one of ${CARRIERS.join(', ')}`);
      carrier = c;
    }
    batch.push({ phone: (r as { phone: string }).phone, carrier });
    if (batch.length >= BATCH) {
      await onBatch(batch);
      batch = [];
    }
  };
  let file: CsvTable | null = null;
  try {
    file = await openCsvTable(path);
    const { header } = file;
    const cols = mapColumns(header);
    const carrierCol = header.findIndex((h) => ['carrier', 'nha mang', 'mang'].includes(foldHeader(h)));
    let phoneCol: number;
    if (cols && (!withCarrier || carrierCol >= 0)) phoneCol = cols.phone;
    else if (!withCarrier && header.length === 1 && normalizePhone(header[0]).ok) {
      phoneCol = 0; // headerless: the first line is a number
      await take(file.headerLine, header, null, 0, -1);
    } else {
      const need = withCarrier ? 'a phone column and a carrier column' : 'a phone column';
      throw new ImportFileError(`Expected ${need}; found ${header.map((h) => `"${h}"`).join(', ')}`);
    }
    for await (const { line, cells, fault } of file.rows()) await take(line, cells, fault, phoneCol, carrierCol);
    if (batch.length) await onBatch(batch);
  } catch (e) {
    file?.close();
    if (e instanceof ImportFileError) throw new BadRequestException(e.message);
    throw e;
  }
}
