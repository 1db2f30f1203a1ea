import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { csvSafeCell } from '@loa/core';

/**
 * Sends rows as a CSV download (UTF-8 with BOM so Excel shows Vietnamese correctly); text cells neutralised against
 * formula injection (`csvSafeCell`).
 */
export function sendCsv(res: Response, filename: string, header: string[], rows: unknown[][]): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.send('\uFEFF' + stringify([header, ...rows.map((r) => r.map(csvSafeCell))]));
}
