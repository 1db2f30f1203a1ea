/**
 * CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or
 * a tab or carriage return before one) as a formula. Every text cell an export writes passes through here: such a
 * cell gets a leading apostrophe, which spreadsheets show as text and do not evaluate. Numbers are left as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvSafeCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The same rule in SQL, for exports streamed by PostgreSQL's COPY: wraps a text expression. */
export function csvSafeSql(expr: string): string {
  return `(CASE WHEN (${expr}) ~ '^[=+@\\t\\r-]' THEN '''' || (${expr}) ELSE (${expr}) END)`;
}
