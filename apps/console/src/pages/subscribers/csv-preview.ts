import { COLUMN_ALIASES, foldHeader } from '@loa/column-aliases';

export type Field = keyof typeof COLUMN_ALIASES | 'attribute';

export interface CsvPreview {
  header: string[];
  /** The field each column goes to, as the import will read the header. */
  fields: Field[];
  rows: string[][];
  hasPhone: boolean;
}

/** One line split on the delimiter, with "quoted, values" and "" for a quote (enough to preview a few rows). */
function splitLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  out.push(cell);
  return out.map((v) => v.trim());
}

/**
 * The first rows of a file and the column mapping the import will use (the same header names as the API's
 * reader: libs/subscribers column-aliases). A preview only: the API reads the whole file strictly and decides.
 */
export function previewCsv(text: string, maxRows = 5): CsvPreview {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const first = lines[0] ?? '';
  const delimiter = [',', ';', '\t'].reduce((best, d) => (first.split(d).length > first.split(best).length ? d : best));
  const header = splitLine(first, delimiter);
  const fields = header.map((h): Field => {
    const folded = foldHeader(h);
    const found = (Object.keys(COLUMN_ALIASES) as (keyof typeof COLUMN_ALIASES)[]).find((f) =>
      COLUMN_ALIASES[f].includes(folded),
    );
    return found ?? 'attribute';
  });
  return {
    header,
    fields,
    rows: lines.slice(1, 1 + maxRows).map((l) => splitLine(l, delimiter)),
    hasPhone: fields.includes('phone'),
  };
}
