import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ImportProgress } from './import.pipeline';

/** Advisory lock class of running imports (second key: the import id). */
export const IMPORT_LOCK_CLASS = 0x10a1;

export type ImportStatus = 'pending' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface ImportView {
  id: number;
  kind: string;
  status: ImportStatus;
  filename: string | null;
  unitId: number | null;
  apiKeyId: number | null;
  /** Data rows read so far (all of them once completed). */
  rowsTotal: number;
  rowsAccepted: number;
  rowsRejected: number;
  inserted: number;
  updated: number;
  /** 0…1: bytes of the file read, 1 when completed. */
  progress: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface Rejection {
  line: number;
  raw: string | null;
  reason: string;
}

const VIEW = `id::int, kind, status, filename, unit_id AS "unitId", api_key_id AS "apiKeyId",
  rows_total AS "rowsTotal", rows_accepted AS "rowsAccepted", rows_rejected AS "rowsRejected", inserted, updated,
  progress, error, created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

/** The `imports` and `import_rejections` rows (state changes are conditional on the current status). */
@Injectable()
export class ImportsRepository {
  constructor(private readonly ds: DataSource) {}

  async view(id: number): Promise<ImportView | null> {
    const [v] = await this.ds.query(`SELECT ${VIEW} FROM imports WHERE id = $1`, [id]);
    return v ?? null;
  }

  async markRunning(id: number): Promise<boolean> {
    const [rows] = await this.ds.query(
      `UPDATE imports SET status = 'running', started_at = now() WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Records progress; returns true when the import has been cancelled meanwhile. */
  async progress(id: number, p: ImportProgress): Promise<boolean> {
    const [rows] = await this.ds.query(
      `UPDATE imports SET rows_total = $2::int, rows_rejected = $3::int, rows_accepted = $2::int - $3::int, progress = $4
        WHERE id = $1 RETURNING status`,
      [id, p.rowsTotal, p.rowsRejected, p.progress],
    );
    return rows[0]?.status === 'cancelled';
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.ds.query(
      `UPDATE imports SET status = 'failed', error = $2, finished_at = now(), inserted = 0, updated = 0
        WHERE id = $1 AND status IN ('pending', 'running')`,
      [id, error],
    );
  }

  async cancel(id: number): Promise<boolean> {
    const [rows] = await this.ds.query(
      `UPDATE imports SET status = 'cancelled', finished_at = now()
        WHERE id = $1 AND status IN ('pending', 'running') RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /**
   * Imports left 'pending'/'running' by a process that died: nobody holds their advisory lock any more
   * (a live run holds it on its connection for the whole run).
   */
  async failAbandoned(): Promise<number[]> {
    const [rows] = await this.ds.query(
      `UPDATE imports SET status = 'failed', finished_at = now(),
              error = 'Interrupted: the server stopped while this import was running; nothing was stored, upload the file again'
        WHERE status IN ('pending', 'running') AND pg_try_advisory_xact_lock($1, id::int)
        RETURNING id::int`,
      [IMPORT_LOCK_CLASS],
    );
    return rows.map((r: { id: number }) => r.id);
  }

  async rejections(id: number, after: number, limit: number): Promise<Rejection[]> {
    return this.ds.query(
      `SELECT line, raw, reason FROM import_rejections WHERE import_id = $1 AND line > $2 ORDER BY line LIMIT $3`,
      [id, after, limit],
    );
  }
}
