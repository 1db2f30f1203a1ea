import { BadRequestException } from '@nestjs/common';
import { ImportFileError, openCsvTable } from '@loa/core';
import { InstallInput } from '@loa/tracking';

/**
 * A date as people write it: ISO 8601 with zone, or a local Vietnamese date/time ("2021-06-01 08:30",
 * "01/06/2021 08:30", "2021-06-01") taken as Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
 */
export function parseVnDate(s: string): Date | null {
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(t)) {
    const d = new Date(t);
    return isNaN(d.getTime()) ? null : d;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  let parts: string[] | undefined;
  if (m) parts = [m[1], m[2], m[3], m[4], m[5], m[6]];
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) parts = [m[3], m[2], m[1], m[4], m[5], m[6]];
  if (!parts) return null;
  const [y, mo, d, h = '0', mi = '0', se = '0'] = parts.map((x) => x ?? undefined) as string[];
  const ms = Date.UTC(+y, +mo - 1, +d, +(h ?? 0) - 7, +(mi ?? 0), +(se ?? 0));
  const check = new Date(ms + 7 * 3_600_000);
  if (check.getUTCFullYear() !== +y || check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d) return null;
  return new Date(ms);
}

function fromItem(x: unknown, i: number, problems: string[]): InstallInput | undefined {
  if (typeof x === 'string' || typeof x === 'number') return { phone: x };
  if (x && typeof x === 'object' && 'phone' in x) {
    const o = x as { phone: unknown; installedAt?: unknown };
    if (o.installedAt === undefined || o.installedAt === null) return { phone: o.phone };
    const at = typeof o.installedAt === 'string' ? parseVnDate(o.installedAt) : null;
    if (!at) problems.push(`[${i}].installedAt: not a date ("${String(o.installedAt)}")`);
    return at ? { phone: o.phone, installedAt: at } : undefined;
  }
  problems.push(`[${i}]: expected a phone number or {"phone", "installedAt"?}`);
  return undefined;
}

/** Accepts `["0912…", …]`, `{"phones": […]}` or `{"installs": [{"phone", "installedAt"}]}`. */
export function installsFromJson(body: unknown): InstallInput[] {
  const list = Array.isArray(body)
    ? body
    : body && typeof body === 'object'
      ? ((body as Record<string, unknown>).phones ?? (body as Record<string, unknown>).installs)
      : undefined;
  if (!Array.isArray(list) || !list.length) {
    throw new BadRequestException(
      'Send a non-empty JSON list of phone numbers, {"phones": [...]}, or {"installs": [{"phone", "installedAt"}]}',
    );
  }
  if (list.length > 100_000)
    throw new BadRequestException('At most 100,000 installs per request: use /installs/import');
  const problems: string[] = [];
  const out = list.map((x, i) => fromItem(x, i, problems)).filter((x): x is InstallInput => !!x);
  if (problems.length) throw new BadRequestException(`Invalid installs: ${problems.slice(0, 50).join('; ')}`);
  return out;
}

const PHONE_HEADERS = ['phone', 'sdt', 'so_dien_thoai', 'số điện thoại', 'dien_thoai', 'mobile'];
const AT_HEADERS = ['installed_at', 'installedat', 'ngay_cai', 'ngày cài', 'date'];

/**
 * CSV with a header row: a phone column (phone/sdt/…) and an optional installed_at column. Read by the shared
 * strict reader (`openCsvTable`): a malformed file, and any empty or ragged row, is refused (400) naming the line.
 */
export async function installsFromCsv(buf: Buffer): Promise<InstallInput[]> {
  const problems: string[] = [];
  const out: InstallInput[] = [];
  try {
    const file = await openCsvTable(buf);
    const head = file.header.map((h) => h.trim().toLowerCase());
    const pi = head.findIndex((h) => PHONE_HEADERS.includes(h));
    const ai = head.findIndex((h) => AT_HEADERS.includes(h));
    if (pi < 0) {
      file.close();
      throw new BadRequestException(
        `The CSV needs a header row with a "phone" column (found: ${file.header.join(', ')})`,
      );
    }
    for await (const { line, cells, fault } of file.rows()) {
      if (fault) {
        problems.push(`line ${line}: ${fault}`);
        continue;
      }
      const raw = ai >= 0 ? (cells[ai] ?? '').trim() : '';
      const phone = cells[pi].trim();
      if (!raw) out.push({ phone });
      else {
        const at = parseVnDate(raw);
        if (at) out.push({ phone, installedAt: at });
        else problems.push(`line ${line}: installed_at "${raw}" is not a date`);
      }
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw new BadRequestException(e.message);
    throw e;
  }
  if (problems.length) throw new BadRequestException(`Invalid CSV: ${problems.slice(0, 50).join('; ')}`);
  if (!out.length) throw new BadRequestException('The CSV file has a header but no rows');
  return out;
}
