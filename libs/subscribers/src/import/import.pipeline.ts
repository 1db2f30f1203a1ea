import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { normalizePhone } from '../phone/phone-normalizer';
import { ImportFileError, openCsvTable } from '@loa/core';
import { ColumnMap, mapColumns } from './csv-columns';
import { StagingRowEncoder } from './staging-row.encoder';
import * as SQL from './import-merge.sql';

export interface ImportJob {
  id: number;
  path: string;
  /** Unit code for rows without a unit_code column/value. */
  defaultUnitCode: string | null;
  /** Added to every row. */
  tags: string[];
  /** The caller's unit path ("/1/7/") or null for a national key. */
  scopePath: string | null;
}

export interface ImportCounts {
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  inserted: number;
  updated: number;
  /** Where the time went: streaming into staging, the set-based checks, the merge into `subscribers`. */
  timings?: { stageMs: number; checksMs: number; mergeMs: number };
}

export interface ImportProgress {
  rowsTotal: number;
  rowsRejected: number;
  progress: number;
}

/** Thrown when the import was cancelled while it ran; the transaction is rolled back. */
export class ImportCancelled extends Error {}

const PROGRESS_EVERY = 10_000;
const FLUSH_BYTES = 256 * 1024;
// Per-operation memory for the checks' joins and sort and the ordered insert (the server's default is 4 MB).
const MERGE_WORK_MEM = '64MB';
const PHONE_ALIASES = 'phone, số điện thoại, sdt, sđt, msisdn, mobile';

/**
 * Runs one subscriber import on `client` (a dedicated connection) inside ONE transaction: stream the file through
 * csv-parse and the phone normalizer, COPY every row (valid or not) into a temporary staging table, reject by unit,
 * scope and duplicates with set-based SQL, store the rejections, merge into `subscribers`, mark the import
 * completed, commit. Any failure or a cancellation rolls back, so stored data is untouched.
 *
 * `onProgress` is called every 10k rows (from another connection, so it is visible while the transaction runs) and
 * returns true when the import has been cancelled.
 */
export async function runSubscriberImport(
  client: Client,
  job: ImportJob,
  onProgress: (p: ImportProgress) => Promise<boolean>,
): Promise<ImportCounts> {
  await client.query('BEGIN');
  try {
    const counts = await stageAndMerge(client, job, onProgress);
    const done = await client.query(
      `UPDATE imports SET status = 'completed', finished_at = clock_timestamp(), progress = 1, error = NULL,
              rows_total = $2, rows_accepted = $3, rows_rejected = $4, inserted = $5, updated = $6
        WHERE id = $1 AND status = 'running'`,
      [job.id, counts.rowsTotal, counts.rowsAccepted, counts.rowsRejected, counts.inserted, counts.updated],
    );
    // Cancelled while merging: the cancel committed first, so nothing of this import may be kept.
    if (done.rowCount === 0) throw new ImportCancelled('The import was cancelled');
    await client.query('COMMIT');
    return counts;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

async function stageAndMerge(
  client: Client,
  job: ImportJob,
  onProgress: (p: ImportProgress) => Promise<boolean>,
): Promise<ImportCounts> {
  const timings = { stageMs: 0, checksMs: 0, mergeMs: 0 };
  const startedAt = performance.now();
  await client.query(SQL.CREATE_STAGING);
  const file = await openCsvTable(job.path);
  let cols: ColumnMap | null;
  try {
    cols = mapColumns(file.header);
    if (!cols) {
      const found = file.header.map((h) => `"${h.trim()}"`).join(', ');
      throw new ImportFileError(`No phone column: expected one of ${PHONE_ALIASES}; found ${found}`);
    }
  } catch (e) {
    file.close();
    throw e;
  }
  const encode = new StagingRowEncoder(cols, job.tags);
  const copy = client.query(copyFrom(SQL.COPY_STAGING));
  let copyError: Error | null = null;
  copy.on('error', (e: Error) => (copyError = e));

  // Every data row goes to staging, accepted or with its reason: accepted + rejected = rows of the file.
  let rows = 0;
  let rejected = 0;
  let buf = '';
  const flush = async (): Promise<void> => {
    if (copyError) throw copyError;
    if (!buf) return;
    const ok = copy.write(buf);
    buf = '';
    if (!ok) await once(copy, 'drain');
  };
  try {
    for await (const { line, cells, fault } of file.rows()) {
      rows++;
      const rawPhone = (cells[cols.phone] ?? '').slice(0, 200);
      const unit = (cols.unitCode !== null ? cells[cols.unitCode]?.trim() : '') || job.defaultUnitCode;
      const phone = normalizePhone(rawPhone);
      const name = encode.name(cells);
      if (fault || !phone.ok || !name.ok) {
        rejected++;
        const reason = fault ?? (!phone.ok ? phone.reason : (name as { reason: string }).reason);
        buf += encode.rejected(line, rawPhone, reason);
      } else {
        buf += encode.accepted(line, rawPhone, phone.phone, phone.carrier, unit, name.name, cells);
      }
      if (buf.length > FLUSH_BYTES) await flush();
      if (rows % PROGRESS_EVERY === 0) {
        const cancelled = await onProgress({ rowsTotal: rows, rowsRejected: rejected, progress: progressOf(file) });
        if (cancelled) throw new ImportCancelled('The import was cancelled');
      }
    }
    await flush();
  } catch (e) {
    copy.destroy();
    await finished(copy).catch(() => undefined);
    throw e;
  }
  copy.end();
  await finished(copy);
  if (rows === 0) throw new ImportFileError('The file has a header but no rows');
  if (await onProgress({ rowsTotal: rows, rowsRejected: rejected, progress: 0.99 })) {
    throw new ImportCancelled('The import was cancelled');
  }

  const checksAt = performance.now();
  timings.stageMs = Math.round(checksAt - startedAt);
  await client.query('ANALYZE import_staging'); // temp tables get no statistics otherwise: plans for 1 row
  // Joins against `subscribers` and the duplicate window sort run in memory rather than in temp files.
  await client.query(`SET LOCAL work_mem = '${MERGE_WORK_MEM}'`);
  await client.query(SQL.CHECK_ROWS, [job.scopePath ? `${job.scopePath}%` : null]);
  await client.query(SQL.STORE_REJECTIONS, [job.id]);
  const { rows: c } = await client.query(SQL.COUNT_ROWS);
  const mergeAt = performance.now();
  const { inserted, updated } = await merge(client);
  timings.checksMs = Math.round(mergeAt - checksAt);
  timings.mergeMs = Math.round(performance.now() - mergeAt);
  return {
    rowsTotal: c[0].total,
    rowsRejected: c[0].rejected,
    rowsAccepted: c[0].total - c[0].rejected,
    inserted,
    updated,
    timings,
  };
}

/**
 * New numbers with a plain INSERT, then the stored ones that change with an UPDATE. If someone else inserted one
 * of the new numbers meanwhile (unique violation), that part is undone and the one-statement ON CONFLICT merge
 * runs instead: slower, same result.
 */
async function merge(client: Client): Promise<{ inserted: number; updated: number }> {
  await client.query('SAVEPOINT import_merge');
  try {
    const ins = await client.query(SQL.INSERT_NEW);
    await client.query('RELEASE SAVEPOINT import_merge');
    const upd = await client.query(SQL.UPDATE_CHANGED);
    return { inserted: ins.rowCount ?? 0, updated: upd.rowCount ?? 0 };
  } catch (e) {
    if ((e as { code?: string }).code !== '23505') throw e;
    await client.query('ROLLBACK TO SAVEPOINT import_merge');
    const { rows } = await client.query(SQL.MERGE_ALL);
    return rows[0];
  }
}

function progressOf(file: { size: number; bytesRead(): number }): number {
  return Math.min(0.99, file.bytesRead() / file.size);
}
