import { cleanSubscriberName, NameResult } from '../subscriber-name';
import { ColumnMap, splitTags } from './csv-columns';

const NO_NAME: NameResult = { ok: true, name: null };

/**
 * One line of `COPY import_staging … FROM STDIN` (text format: tab-separated, `\N` is NULL) per CSV record. Written
 * for the hot loop: no per-row objects beyond the strings themselves, and the tags cell (the same few values on
 * most rows) encoded once per distinct value.
 */
export class StagingRowEncoder {
  private readonly tagCache = new Map<string, string>();
  private readonly attributeKeys: [number, string][];

  constructor(
    private readonly cols: ColumnMap,
    private readonly extraTags: string[],
  ) {
    this.attributeKeys = cols.attributes.map(([i, h]) => [i, `${JSON.stringify(h)}:`]);
  }

  rejected(line: number, raw: string, reason: string): string {
    return `${line}\t${text(raw)}\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t${text(reason)}\n`;
  }

  /** The row's name cell, cleaned and checked (cleanSubscriberName); no name column is no name. */
  name(record: string[]): NameResult {
    return this.cols.name === null ? NO_NAME : cleanSubscriberName(record[this.cols.name]);
  }

  accepted(
    line: number,
    raw: string,
    phone: string,
    carrier: string,
    unit: string | null,
    name: string | null,
    record: string[],
  ): string {
    const { cols } = this;
    return (
      `${line}\t${text(raw)}\t${phone}\t${carrier}\t${unit ? text(unit) : '\\N'}\t${name ? text(name) : '\\N'}\t` +
      `${this.tags(cols.tags !== null ? record[cols.tags] : undefined)}\t${text(this.attributes(record))}\t\\N\n`
    );
  }

  /** The row's tags plus the import's, as an escaped array literal (cached by cell value, bounded). */
  private tags(cell: string | undefined): string {
    const key = cell ?? '';
    let v = this.tagCache.get(key);
    if (v === undefined) {
      const tags = splitTags(cell);
      for (const t of this.extraTags) if (!tags.includes(t)) tags.push(t);
      v = text(pgArray(tags));
      if (this.tagCache.size >= 10_000) this.tagCache.clear(); // a column of free text: keep memory bounded
      this.tagCache.set(key, v);
    }
    return v;
  }

  /** Every other non-empty column as a JSON object, header as written. */
  private attributes(record: string[]): string {
    let json = '';
    for (const [i, key] of this.attributeKeys) {
      const v = record[i]?.trim();
      if (v) json += `${json ? ',' : ''}${key}${JSON.stringify(v)}`;
    }
    return `{${json}}`;
  }
}

const SPECIAL = /[\\\t\n\r\0]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '' };

/** A field for COPY text format: backslash, tab and line breaks escaped; NUL (never valid in text) dropped. */
export function text(v: string): string {
  return SPECIAL.test(v) ? v.replace(/[\\\t\n\r\0]/g, (c) => ESCAPES[c]) : v;
}

export function pgArray(items: string[]): string {
  return `{${items.map((t) => `"${t.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
