// The layout map: each item of the copybook as a bar on a ruler of the record's bytes,
// groups, REDEFINES alternatives, OCCURS and ODO marked; searchable, with the compiler-style
// listing beside it.
'use strict';

const layoutPage = {
  /** What an item is, in words: "OCCURS 1 TO 5 DEPENDING ON N", "REDEFINES X", ... */
  notes(f) {
    const out = [];
    if (f.occurs) {
      out.push(f.depending_on
        ? 'OCCURS ' + (f.occurs_min || 0) + ' TO ' + f.occurs + ' DEPENDING ON ' + f.depending_on
        : 'OCCURS ' + f.occurs);
    }
    if (f.redefines) out.push('REDEFINES ' + f.redefines.split('.').pop());
    if (f.redefined) out.push('redefined');
    if (f.variably_located) out.push('moves with ODO');
    return out.join(', ');
  },
  kind(f) {
    if (f.redefines || f.redefined) return 'alt';
    if (f.occurs && f.depending_on) return 'odo';
    if (f.occurs) return 'occurs';
    return f.category === 'group' ? 'group' : 'item';
  },
  ruler(f, total) {
    const bar = ui.el('div', { class: 'bar ' + layoutPage.kind(f), title: (f.offset + 1) + '-' + (f.offset + f.length) });
    bar.style.left = (100 * f.offset / total) + '%';
    bar.style.width = Math.max(0.3, 100 * f.length * (f.occurs || 1) / total) + '%';
    return ui.el('div', { class: 'track' }, bar);
  },
  row(f, total) {
    const indent = ui.el('span', { class: 'name' }, f.name);
    indent.style.paddingLeft = (Math.min(f.level, 49) === 1 ? 0 : Math.min(f.level, 49) / 5) + 'em';
    return ui.el('tr', { class: 'field ' + layoutPage.kind(f), 'data-path': f.path },
      ui.el('td', {}, String(f.level).padStart(2, '0')), ui.el('td', {}, indent),
      ui.el('td', { class: 'num' }, f.offset + 1), ui.el('td', { class: 'num' }, f.length),
      ui.el('td', {}, f.picture ? 'PIC ' + f.picture : ''), ui.el('td', {}, f.category === 'group' ? '' : f.usage),
      ui.el('td', {}, layoutPage.notes(f)), ui.el('td', { class: 'ruler' }, layoutPage.ruler(f, total)));
  },
  filter(rows, text) {
    const t = text.trim().toUpperCase();
    let shown = 0;
    for (const tr of rows) {
      const hit = !t || tr.dataset.path.toUpperCase().includes(t);
      tr.classList.toggle('hidden', !hit);
      shown += hit;
    }
    return shown;
  },

  async render(name) {
    const doc = await api.dataset(name, 'layout');
    const rec = doc.layout.records[0];
    const rows = rec.fields.filter((f) => f.level !== 88 && f.level !== 66).map((f) => layoutPage.row(f, rec.length));
    const count = ui.el('span', { id: 'layout-count' }, rows.length + ' items');
    const search = ui.el('input', { id: 'layout-search', type: 'search', placeholder: 'Search names', 'aria-label': 'Search items' });
    search.addEventListener('input', () => { count.textContent = layoutPage.filter(rows, search.value) + ' items'; });
    ui.show(
      ui.el('h1', {}, 'Layout ', ui.el('span', { class: 'mono' }, rec.name), ' of ', name),
      ui.el('p', {}, rec.length + ' bytes' + (rec.min_length !== rec.length ? ' (at least ' + rec.min_length + ')' : ''),
        ' · ', ui.link('Record view', '#/record/' + encodeURIComponent(name) + '?n=1'), ' · ',
        ui.link('Dataset', '#/dataset/' + encodeURIComponent(name))),
      ui.el('div', { class: 'toolbar' }, search, count),
      ui.el('div', { class: 'split' },
        ui.table(['Lvl', 'Name', 'Start', 'Len', 'Picture', 'Usage', 'Notes', 'Bytes'], rows, { id: 'layout-table', class: 'layout' }),
        ui.el('pre', { id: 'layout-listing', class: 'listing' }, doc.listing)));
  },
};
