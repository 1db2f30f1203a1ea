/** Numbers and dates as Vietnam writes them: 1.234.567, dd/MM/yyyy, times in Asia/Ho_Chi_Minh. */
const numbers = new Intl.NumberFormat('vi-VN');
const TZ = 'Asia/Ho_Chi_Minh';

export function formatNumber(n: number): string {
  return numbers.format(n);
}

function parts(d: Date, withTime: boolean): Record<string, string> {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  });
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));
}

/** dd/MM/yyyy in Vietnam. */
export function formatDate(iso: string | Date): string {
  const p = parts(new Date(iso), false);
  return `${p.day}/${p.month}/${p.year}`;
}

/** dd/MM/yyyy HH:mm in Vietnam. */
export function formatDateTime(iso: string | Date): string {
  const p = parts(new Date(iso), true);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
