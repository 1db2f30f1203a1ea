/**
 * The dashboard's script (served as /dashboard/app.js). Plain browser JavaScript: reads the JSON API with the
 * HttpOnly cookie (GET only), draws charts with chart.js, and polls a running campaign every few seconds.
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
  function sum(rows, k) { return rows.reduce(function (a, r) { return a + (r[k] || 0); }, 0); }
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
  function kpis(rows) {
    var box = document.getElementById('kpi');
    [['targeted', 'Mục tiêu / Targeted'], ['sent', 'Đã gửi / Sent'], ['delivered', 'Đã nhận / Delivered'],
     ['failed', 'Lỗi / Failed'], ['clicked', 'Nhấp / Clicked'], ['installed', 'Cài đặt / Installed']].forEach(function (k) {
      var d = document.createElement('div');
      d.setAttribute('data-kpi', k[0]);
      d.appendChild(text(document.createElement('b'), fmt.format(sum(rows, k[0]))));
      d.appendChild(text(document.createElement('span'), k[1]));
      box.appendChild(d);
    });
  }
  var liveTimer;
  function live(c) {
    document.getElementById('live').classList.remove('hidden');
    text(document.getElementById('live-name'), '— ' + c.name);
    function poll() {
      get('/api/v1/stats/live?runId=' + encodeURIComponent(c.lastRunId)).then(function (l) {
        var total = 0, done = 0;
        Object.keys(l.counts).forEach(function (s) {
          total += l.counts[s];
          if (['sent', 'delivered', 'failed', 'expired', 'cancelled'].indexOf(s) >= 0) done += l.counts[s];
        });
        var bar = document.getElementById('live-bar');
        bar.max = Math.max(total, 1); bar.value = done;
        text(document.getElementById('live-text'), fmt.format(done) + ' / ' + fmt.format(total) + ' — ' +
          Object.keys(l.counts).map(function (s) { return s + ': ' + fmt.format(l.counts[s]); }).join(', '));
      }).catch(function () {});
    }
    poll();
    clearInterval(liveTimer);
    liveTimer = setInterval(poll, 5000);
  }
  get('/api/v1/stats/campaigns').then(function (list) {
    var tb = document.querySelector('#campaigns tbody');
    list.forEach(function (c) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-campaign', c.id);
      cell(tr, c.id, 'l'); cell(tr, c.name, 'l'); cell(tr, c.status, 'l');
      cell(tr, fmt.format(c.targeted)); cell(tr, fmt.format(c.delivered)); cell(tr, fmt.format(c.clicked)); cell(tr, fmt.format(c.installed));
      tb.appendChild(tr);
    });
    var running = list.filter(function (c) { return c.status === 'running' && c.lastRunId; })[0];
    if (running) live(running);
  });
  get('/api/v1/stats?groupBy=day').then(function (rows) { kpis(rows); chart('chart-day', 'line', rows); });
  get('/api/v1/stats?groupBy=carrier').then(function (rows) { chart('chart-carrier', 'bar', rows); });
  get('/api/v1/stats?groupBy=unit').then(function (rows) { chart('chart-unit', 'bar', rows); });
  var to = new Date(), from = new Date(Date.now() - 30 * 86400000);
  function day(d) { return d.toISOString().slice(0, 10); }
  document.getElementById('progress-link').href = '/dashboard/reports/progress?from=' + day(from) + '&to=' + day(to);
})();
`;
