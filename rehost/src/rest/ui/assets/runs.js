// The job run history: a timeline per run with a bar per step (records, seconds, outcome)
// and a chart of throughput (records per second of each load step) over time.
'use strict';

const runsPage = {
  svg(tag, attrs, ...children) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  },
  records(step) {
    const s = step.summary || {};
    return s.records_read !== undefined ? s.records_read : s.records_written !== undefined ? s.records_written : null;
  },
  timeline(run) {
    const t0 = Date.parse(run.started_at);
    const end = Math.max(...run.steps.map((s) => Date.parse(s.ended_at || s.started_at) || t0), Date.parse(run.ended_at) || t0, t0 + 1);
    const bars = run.steps.map((s) => {
      const start = Date.parse(s.started_at) || t0;
      const n = runsPage.records(s);
      const label = s.name + ': ' + s.status + ', ' + (s.seconds || 0).toFixed(2) + ' s' + (n !== null ? ', ' + n + ' records' : '');
      const bar = ui.el('div', { class: 'step ' + s.status, title: label, 'data-step': s.name }, ui.el('span', {}, label));
      bar.style.left = (100 * (start - t0) / (end - t0)) + '%';
      bar.style.width = Math.max(0.5, 100 * (s.seconds || 0) * 1000 / (end - t0)) + '%';
      return ui.el('div', { class: 'lane' }, bar);
    });
    return ui.el('div', { class: 'run', 'data-run': run.id },
      ui.el('h3', {}, 'Run ' + run.id + ' \u2014 ' + run.job + ', ' + run.started_at + ', ' + run.status + ' (exit ' + run.exit_code + ')'),
      ui.el('div', { class: 'timeline' }, bars));
  },
  chart(runs) {
    const points = [];
    for (const run of runs) for (const s of run.steps) {
      const n = runsPage.records(s);
      if (n !== null && s.seconds > 0 && s.kind === 'load') points.push({ t: Date.parse(s.started_at), rate: n / s.seconds, name: run.id + '/' + s.name });
    }
    if (!points.length) return ui.el('p', { id: 'throughput-none' }, 'No load step with records yet.');
    points.sort((a, b) => a.t - b.t);
    const w = 640, h = 160, tMin = points[0].t, tMax = Math.max(points[points.length - 1].t, tMin + 1);
    const top = Math.max(...points.map((p) => p.rate));
    const xy = points.map((p, i) => [points.length === 1 ? w / 2 : 20 + (w - 40) * (p.t - tMin) / (tMax - tMin) || 20 + i, h - 20 - (h - 40) * p.rate / top]);
    return runsPage.svg('svg', { id: 'throughput', viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': 'Records per second of load steps' },
      runsPage.svg('polyline', { points: xy.map((p) => p.join(',')).join(' '), class: 'line' }),
      ...xy.map((p, i) => runsPage.svg('circle', { cx: p[0], cy: p[1], r: 3 }, runsPage.svg('title', {}, points[i].name + ': ' + Math.round(points[i].rate) + ' records/s'))),
      runsPage.svg('text', { x: 4, y: 14 }, Math.round(top) + ' records/s'));
  },

  async render() {
    const runs = (await api.json('/v1/runs?limit=50')).runs;
    ui.show(ui.el('h1', {}, 'Runs'),
      ui.el('h2', {}, 'Throughput of load steps'), runsPage.chart(runs),
      ui.el('h2', {}, 'Timeline'), runs.length ? runs.map(runsPage.timeline) : ui.el('p', {}, 'No job has run against this database.'));
  },
};
