import { vietnamDayLabel } from '@loa/core';
import { ProgressRow } from '@loa/stats';
import { esc, page } from './dashboard.html';

const n = (v: number) => v.toLocaleString('vi-VN');
const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');

/** The printable progress report: one row per unit, indented by level, each with its subtree's totals. */
export function progressPage(q: { from: string; to: string }, rows: ProgressRow[]): string {
  const top = rows.length ? Math.min(...rows.map((r) => r.depth)) : 0;
  const body = rows
    .map(
      (
        r,
      ) => `<tr data-unit="${r.unitId}"><td class="l" style="padding-left:${(r.depth - top) * 1.5 + 0.5}rem">${esc(r.name)}</td>
<td class="l">${esc(r.level)}</td><td>${n(r.targeted)}</td><td>${n(r.sent)}</td><td>${n(r.delivered)}</td><td>${pct(r.delivered, r.sent)}</td>
<td>${n(r.clicked)}</td><td>${n(r.installed)}</td></tr>`,
    )
    .join('\n');
  return page(
    `Báo cáo tiến độ ${vietnamDayLabel(q.from)} – ${vietnamDayLabel(q.to)}`,
    `<main><section><h1>Báo cáo kết quả nhắc cài đặt Bluezone / Bluezone reminder progress report</h1>
<p>Từ ngày / From <b>${vietnamDayLabel(q.from)}</b> đến ngày / to <b>${vietnamDayLabel(q.to)}</b> (giờ Việt Nam / Asia/Ho_Chi_Minh)</p>
<table><thead><tr><th>Đơn vị / Unit</th><th>Cấp / Level</th><th>Tin nhắn / Targeted</th><th>Đã gửi / Sent</th>
<th>Đã nhận / Delivered</th><th>Tỉ lệ / Rate</th><th>Nhấp / Clicked</th><th>Cài đặt / Installs</th></tr></thead>
<tbody>${body || '<tr><td colspan="8">Không có dữ liệu / No data</td></tr>'}</tbody></table>
<p class="noprint"><a href="/api/v1/reports/progress.csv?from=${esc(q.from)}&amp;to=${esc(q.to)}">CSV</a></p></section></main>`,
  );
}
