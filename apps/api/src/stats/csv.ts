import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';

/** Sends rows as a CSV download (UTF-8 with BOM so Excel shows Vietnamese correctly). */
export function sendCsv(res: Response, filename: string, header: string[], rows: unknown[][]): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.send('\uFEFF' + stringify([header, ...rows]));
}
