/**
 * The dashboard's script (served as /dashboard/app.js). Plain browser JavaScript: reads the JSON API with the
 * HttpOnly cookie (GET only), draws charts with chart.js, and redraws the totals, the campaigns and the live bar of a
 * running campaign together every few seconds, from one response. Computes no figure itself (docs/stats.md).
 */
export const DASHBOARD_JS = `'use strict';
(function () {
  var fmt = new Intl.NumberFormat('vi-VN');
  function get(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (r.status === 401) { location.href = '/dashboard/login'; throw new Error('signed out'); }
      if (!r.ok) throw new Error(path + ': ' + r.status);
      return r.json();
    });
  }
  function text(el, v) { el.textContent = v; return el; }
  function cell(tr, v, cls) { var td = document.createElement('td'); if (cls) td.className = cls; text(td, v); tr.appendChild(td); }
  var COLORS = { sent: '#6c8ebf', delivered: '#2e7d32', clicked: '#f57c00' };
  function chart(id, type, rows) {
    var ctx = document.getElementById(id);
    return new Chart(ctx, {
      type: type,
      data: {
        labels: rows.map(function (r) { return r.label; }),
        datasets: ['sent', 'delivered', 'clicked'].map(function (k) {
          return { label: { sent: 'Đã gửi / Sent', delivered: 'Đã nhận / Delivered', clicked: 'Nhấp / Clicked' }[k],
                   data: rows.map(function (r) { return r[k]; }), backgroundColor: COLORS[k], borderColor: COLORS[k] };
        })
      },
      options: { animation: false, responsive: true }
    });
  }
  var KPIS = [['targeted', 'Mục tiêu / Targeted'], ['sent', 'Đã gửi / Sent'], ['delivered', 'Đã nhận / Delivered'],
    ['failed', 'Lỗi / Failed'], ['clicked', 'Nhấp / Clicked'], ['installed', 'Cài đặt / Installed']];
  function kpis(totals) {
    var box = document.getElementById('kpi');
    box.textContent = '';
    KPIS.forEach(function (k) {
      var d = document.createElement('div');
      d.setAttribute('data-kpi', k[0]);
      d.appendChild(text(document.createElement('b'), fmt.format(totals[k[0]])));
      d.appendChild(text(document.createElement('span'), k[1]));
      box.appendChild(d);
    });
  }
  function table(list) {
    var tb = document.querySelector('#campaigns tbody');
    tb.textContent = '';
    list.forEach(function (c) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-campaign', c.id);
      cell(tr, c.id, 'l'); cell(tr, c.name + (c.unitId === null ? ' · toàn quốc / national' : ''), 'l'); cell(tr, c.status, 'l');
      cell(tr, fmt.format(c.targeted)); cell(tr, fmt.format(c.delivered)); cell(tr, fmt.format(c.clicked)); cell(tr, fmt.format(c.installed));
      tb.appendChild(tr);
    });
  }
  // The latest run of the first running campaign, from the same snapshot as the table and the totals.
  function live(list) {
    var c = list.filter(function (x) { return x.status === 'running' && x.lastRun; })[0];
    document.getElementById('live').classList.toggle('hidden', !c);
    if (!c) return;
    var r = c.lastRun;
    text(document.getElementById('live-name'), '— ' + c.name + ' (lượt / run ' + r.id + ')');
    var bar = document.getElementById('live-bar');
    bar.max = Math.max(r.targeted, 1); bar.value = r.sent;
    text(document.getElementById('live-text'), fmt.format(r.sent) + ' / ' + fmt.format(r.targeted) + ' đã gửi / sent — ' +
      'đã nhận / delivered ' + fmt.format(r.delivered) + ', lỗi / failed ' + fmt.format(r.failed) +
      ', hết hạn / expired ' + fmt.format(r.expired));
  }
  // Totals, table and live bar come from one response and are redrawn together: they cannot disagree.
  function refresh() {
    return get('/api/v1/stats/overview').then(function (o) { kpis(o.totals); table(o.campaigns); live(o.campaigns); });
  }
  refresh().catch(function () {});
  setInterval(function () { refresh().catch(function () {}); }, 5000);
  get('/api/v1/stats?groupBy=day').then(function (rows) { chart('chart-day', 'line', rows); });
  get('/api/v1/stats?groupBy=carrier').then(function (rows) { chart('chart-carrier', 'bar', rows); });
  get('/api/v1/stats?groupBy=unit').then(function (rows) { chart('chart-unit', 'bar', rows); });
})();
`;
