// The datasets: row counts, the last load's control totals and reconciliation; one dataset's
// rejects (a click opens the record view) and a record by key as JSON and as EBCDIC hex.
'use strict';

const datasetsPage = {
  reconciled(status) {
    const r = status.reconciliation;
    if (!status.last_load) return 'no load';
    if (!r || !r.performed) return status.last_load.status === 'done' ? 'not checked' : 'load ' + status.last_load.status;
    return r.ok ? 'matches' : 'MISMATCH';
  },
  mainRows(status) {
    return (status.rows || {})[status.table] || 0;
  },

  async renderList() {
    const list = (await api.json('/v1/datasets')).datasets;
    const statuses = await Promise.all(list.map((d) => api.dataset(d.name, 'status').catch((e) => ({ error: e }))));
    const rows = list.map((d, i) => {
      const s = statuses[i];
      const load = s.last_load || {};
      const recon = s.error ? s.error.message : datasetsPage.reconciled(s);
      const enc = encodeURIComponent(d.name);
      return ui.el('tr', { 'data-dataset': d.name },
        ui.el('td', {}, ui.link(d.name, '#/dataset/' + enc, { class: 'dataset-link' })),
        ui.el('td', { class: 'num rows' }, s.error ? '' : datasetsPage.mainRows(s)),
        ui.el('td', { class: 'num' }, load.records !== undefined ? load.records : ''),
        ui.el('td', { class: 'num rejected' }, load.rejected !== undefined ? load.rejected : ''),
        ui.el('td', { class: 'recon ' + (recon === 'MISMATCH' ? 'bad' : '') }, recon),
        ui.el('td', {}, ui.link('layout', '#/layout/' + enc), ' · ', ui.link('records', '#/record/' + enc + '?n=1')));
    });
    ui.show(ui.el('h1', {}, 'Datasets'),
      rows.length ? ui.table(['Dataset', 'Rows', 'Last load: records', 'rejected', 'Reconciliation', ''], rows, { id: 'datasets' })
        : ui.el('p', {}, 'No dataset this key may read.'));
  },

  totalsTable(recon) {
    const rows = (recon && recon.checks || []).map((c) => ui.el('tr', { class: c.ok ? '' : 'bad' },
      ui.el('td', {}, c.what), ui.el('td', { class: 'num' }, c.expected), ui.el('td', { class: 'num' }, c.actual),
      ui.el('td', {}, c.ok ? 'ok' : 'MISMATCH')));
    return ui.table(['Control total', 'Expected (load)', 'In the tables now', ''], rows, { id: 'totals' });
  },
  rejectsTable(name, rej) {
    if (!rej.kept) return ui.el('p', { id: 'no-rejects' }, rej.rejected + ' bad records; the load kept no reject file.');
    const enc = encodeURIComponent(name);
    const rows = rej.rejects.map((r) => ui.el('tr', { class: 'reject' },
      ui.el('td', { class: 'num' }, ui.link(String(r.record), '#/record/' + enc + '?n=' + r.record, { class: 'reject-link' })),
      ui.el('td', { class: 'num' }, r.file_offset), ui.el('td', { class: 'mono' }, r.field || '(record)'),
      ui.el('td', { class: 'mono' }, r.bytes), ui.el('td', { class: 'reason' }, r.reason)));
    return ui.table(['Record', 'File offset', 'Field', 'Bytes', 'Reason'], rows, { id: 'rejects' });
  },
  keyForm(name) {
    const input = ui.el('input', { id: 'key-value', placeholder: 'key value(s), comma-separated' });
    const out = ui.el('div', { id: 'by-key' });
    const show = async (ev) => {
      ev.preventDefault();
      ui.clear(out);
      const path = 'records/' + encodeURIComponent(input.value);
      try {
        const [json, bytes] = await Promise.all([api.dataset(name, path), api.bytes('/v1/datasets/' + encodeURIComponent(name) + '/' + path)]);
        ui.add(out, [ui.el('h3', {}, 'JSON'), ui.el('pre', { id: 'by-key-json' }, JSON.stringify(json, null, 2)),
          ui.el('h3', {}, 'EBCDIC (' + bytes.length + ' bytes)'), ui.el('pre', { id: 'by-key-hex', class: 'mono' }, hexOf(bytes))]);
      } catch (e) { ui.add(out, [ui.problem(e)]); }
    };
    return ui.el('form', { id: 'key-lookup', onsubmit: show }, ui.el('label', {}, 'Record by key ', input), ui.el('button', { type: 'submit' }, 'Show'), out);
  },

  async renderOne(name) {
    const [status, rej] = await Promise.all([api.dataset(name, 'status'), api.dataset(name, 'rejects', { limit: 200 })]);
    const load = status.last_load;
    const enc = encodeURIComponent(name);
    ui.show(ui.el('h1', {}, 'Dataset ', name),
      ui.el('p', {}, ui.link('Layout map', '#/layout/' + enc), ' · ', ui.link('Record view', '#/record/' + enc + '?n=1'),
        ' · ', ui.link('First bad record', '#/record/' + enc + '?bad_after=0')),
      ui.el('p', { id: 'load-summary' }, load ? 'Last load (' + load.job + ', ' + load.mode + ', ' + load.status + '): ' +
        load.records + ' records read, ' + load.rejected + ' rejected. Reconciliation: ' + datasetsPage.reconciled(status) : 'Never loaded.'),
      ui.el('h2', {}, 'Control totals'), datasetsPage.totalsTable(status.reconciliation),
      ui.el('h2', {}, 'Rejects (' + rej.rejected + ')'), datasetsPage.rejectsTable(name, rej),
      ui.el('h2', {}, 'Record by key'), datasetsPage.keyForm(name));
  },
};
