/** HTML escaping for server-rendered pages. */
export const esc = (v: unknown): string =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1d2733;background:#f5f7fa}
header{background:#0b5394;color:#fff;padding:.7rem 1.2rem;display:flex;justify-content:space-between;align-items:center}
header h1{font-size:1.1rem;margin:0}main{padding:1rem 1.2rem;max-width:1200px;margin:auto}
section{background:#fff;border-radius:6px;padding:1rem;margin-bottom:1rem;box-shadow:0 1px 2px #0001}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{padding:.35rem .5rem;border-bottom:1px solid #e3e7ec;text-align:right}
th:first-child,td:first-child,td.l{text-align:left}.grid{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.kpi{display:flex;gap:1rem;flex-wrap:wrap}.kpi div{background:#eef4fb;padding:.6rem 1rem;border-radius:6px}.kpi b{display:block;font-size:1.4rem}
.hidden{display:none}button,input{font:inherit;padding:.35rem .6rem}progress{width:100%;height:1.2rem}
@media print{header,form,.noprint{display:none}body{background:#fff}section{box-shadow:none}}`;

export function page(title: string, body: string, scripts: string[] = []): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>${esc(title)}</title>
<style>${STYLE}</style></head><body>${body}${scripts.map((s) => `<script src="${s}"></script>`).join('')}</body></html>`;
}

export function loginPage(error?: string): string {
  return page(
    'Loa — Đăng nhập / Sign in',
    `<header><h1>Loa — Bảng theo dõi / Dashboard</h1></header><main><section>
<h2>Đăng nhập / Sign in</h2>
${error ? `<p id="login-error" style="color:#b00">${esc(error)}</p>` : ''}
<form method="post" action="/dashboard/login">
<label>Khoá API / API key <input name="key" type="password" autocomplete="off" size="60" required></label>
<button type="submit">Đăng nhập</button></form></section></main>`,
  );
}

/** The dashboard; `progress` is the report link's range, in Vietnam dates (computed by the server's clock). */
export function dashboardPage(progress: { from: string; to: string }): string {
  return page(
    'Loa — Bảng theo dõi',
    `<header><h1>Loa — Bảng theo dõi chiến dịch / Campaign dashboard</h1>
<form method="post" action="/dashboard/logout"><button type="submit">Đăng xuất / Sign out</button></form></header>
<main>
<section><h2>Tổng quan / Overview</h2><div class="kpi" id="kpi"></div></section>
<section id="live" class="hidden"><h2>Đang gửi / Live progress <span id="live-name"></span></h2>
<progress id="live-bar" max="1" value="0"></progress><p id="live-text"></p></section>
<section><h2>Chiến dịch / Campaigns</h2><table id="campaigns"><thead><tr><th>#</th><th>Tên / Name</th><th>Trạng thái / Status</th>
<th>Mục tiêu / Targeted</th><th>Đã nhận / Delivered</th><th>Nhấp / Clicked</th><th>Cài đặt / Installed</th></tr></thead><tbody></tbody></table></section>
<section><h2>Theo ngày / Over time</h2><canvas id="chart-day" height="90"></canvas></section>
<div class="grid"><section><h2>Theo nhà mạng / By carrier</h2><canvas id="chart-carrier"></canvas></section>
<section><h2>Theo đơn vị / By unit</h2><canvas id="chart-unit"></canvas></section></div>
<section class="noprint"><a href="/dashboard/reports/progress?from=${esc(progress.from)}&amp;to=${esc(progress.to)}" id="progress-link">Báo cáo tiến độ theo đơn vị (in) / Progress report by unit (printable)</a></section>
</main>`,
    ['/dashboard/vendor/chart.umd.js', '/dashboard/app.js'],
  );
}
