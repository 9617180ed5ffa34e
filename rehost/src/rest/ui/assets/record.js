// The record view: one record of a dataset's input as hex, each field's bytes coloured, the
// decoded value beside each field and the reason beside each bad one. Step through records
// (by number, by offset, next bad record) and switch between REDEFINES alternatives.
'use strict';

const recordPage = {
  /** REDEFINES groups from the layout: [{base, alternatives: [path...]}], in layout order. */
  alternativeGroups(layout) {
    const groups = [];
    for (const f of layout.fields) {
      if (f.redefined) groups.push({ base: f.path, name: f.name, alternatives: [f.path] });
    }
    for (const f of layout.fields) {
      const g = f.redefines && groups.find((x) => x.base === f.redefines);
      if (g) g.alternatives.push(f.path);
    }
    return groups;
  },
  within(path, prefix) {
    return path === prefix || path.startsWith(prefix + '.') || path.startsWith(prefix + '(');
  },
  /** The alternative shown first: the record type's, else the first that decodes, else the base. */
  defaultChoice(group, fields, recordType) {
    const named = group.alternatives.find((a) => a.split('.').pop() === recordType);
    if (named) return named;
    const clean = group.alternatives.slice(1).find((a) => fields.some((f) => recordPage.within(f.path, a)) &&
      !fields.some((f) => recordPage.within(f.path, a) && f.error));
    return clean || group.base;
  },
  hidden(path, groups, choice) {
    for (const g of groups) {
      const alt = g.alternatives.find((a) => recordPage.within(path, a));
      if (alt && alt !== choice[g.base]) return true;
    }
    return false;
  },

  hexView(doc, visible) {
    const bytes = doc.hex ? doc.hex.split(' ') : [];
    const owner = new Array(bytes.length).fill(-1);
    visible.forEach((f, i) => {
      for (let b = f.offset; b < Math.min(f.offset + f.length, bytes.length); b++) owner[b] = i;
    });
    // One span per run of a field's bytes on a line (not one per byte): a 32 KB record
    // stays a few thousand elements.
    const lines = [];
    for (let at = 0; at < bytes.length; at += 16) {
      const runs = [];
      for (let b = at; b < Math.min(at + 16, bytes.length);) {
        let e = b;
        while (e < Math.min(at + 16, bytes.length) && owner[e] === owner[b]) e++;
        const f = owner[b] >= 0 ? visible[owner[b]] : null;
        const cls = 'byte' + (f ? ' c' + (owner[b] % 6) : ' none') + (f && f.error ? ' bad' : '');
        runs.push(ui.el('span', { class: cls, title: f ? f.path : 'no field' }, bytes.slice(b, e).join(' ')), ' ');
        b = e;
      }
      lines.push(ui.el('div', { class: 'hexline' }, ui.el('span', { class: 'addr' }, at.toString(16).padStart(6, '0')), runs));
    }
    return ui.el('div', { id: 'hex', class: 'hex mono' }, lines);
  },
  fieldRows(visible) {
    return visible.map((f, i) => ui.el('tr', { class: 'field c' + (i % 6) + (f.error ? ' bad' : ''), 'data-path': f.path },
      ui.el('td', { class: 'mono' }, f.path), ui.el('td', { class: 'num' }, f.offset), ui.el('td', { class: 'num' }, f.length),
      ui.el('td', {}, f.type), ui.el('td', { class: 'mono' }, f.hex || ''),
      f.error ? ui.el('td', { class: 'reason' }, '\u2716 ' + f.error) : ui.el('td', { class: 'value' }, f.value)));
  },
  switches(groups, choice, redraw) {
    return groups.map((g) => {
      const select = ui.el('select', { 'data-base': g.base, 'aria-label': 'Alternative of ' + g.name },
        g.alternatives.map((a) => ui.el('option', { value: a, selected: a === choice[g.base] ? 'selected' : null }, a.split('.').pop())));
      select.addEventListener('change', () => { choice[g.base] = select.value; redraw(); });
      return ui.el('label', { class: 'alt' }, g.name + ' as ', select);
    });
  },
  navigation(name, doc) {
    const go = (query) => { location.hash = '#/record/' + encodeURIComponent(name) + '?' + new URLSearchParams(query); };
    const n = doc.record;
    const number = ui.el('input', { id: 'record-number', type: 'number', min: 1, value: n || '' });
    const offset = ui.el('input', { id: 'record-offset', type: 'number', min: 0, placeholder: 'byte offset' });
    return ui.el('div', { class: 'toolbar' },
      ui.el('button', { id: 'record-prev', type: 'button', disabled: !n || n <= 1, onclick: () => go({ n: n - 1 }) }, '\u25c0 Previous'),
      ui.el('button', { id: 'record-next', type: 'button', disabled: !n, onclick: () => go({ n: n + 1 }) }, 'Next \u25b6'),
      ui.el('button', { id: 'record-next-bad', type: 'button', onclick: () => go({ bad_after: n || 0 }) }, 'Next bad record \u25b6'),
      ui.el('label', {}, 'Record ', number), ui.el('button', { id: 'record-go', type: 'button', onclick: () => go({ n: number.value }) }, 'Go'),
      ui.el('label', {}, 'Offset ', offset), ui.el('button', { id: 'offset-go', type: 'button', onclick: () => go({ offset: offset.value }) }, 'Go'));
  },

  async render(name, query) {
    const ask = query.has('offset') ? { offset: query.get('offset') }
      : query.has('bad_after') ? { bad_after: query.get('bad_after') } : { record: query.get('n') || '1' };
    const [doc, layoutDoc] = await Promise.all([api.dataset(name, 'inspect', ask), api.dataset(name, 'layout')]);
    const groups = recordPage.alternativeGroups(layoutDoc.layout.records[0]);
    const choice = {};
    for (const g of groups) choice[g.base] = recordPage.defaultChoice(g, doc.fields, doc.record_type);
    const view = ui.el('div', { id: 'record-body' });
    const redraw = () => {
      const visible = doc.fields.filter((f) => !recordPage.hidden(f.path, groups, choice));
      ui.add(ui.clear(view), [recordPage.hexView(doc, visible),
        ui.table(['Field', 'Offset', 'Length', 'Type', 'Bytes', 'Value'], recordPage.fieldRows(visible), { id: 'fields', class: 'fields' })]);
    };
    const where = doc.record ? 'record ' + doc.record : 'the record at offset ' + doc.file_offset;
    ui.show(
      ui.el('h1', {}, name + ': ', ui.el('span', { id: 'record-title' }, where)),
      ui.el('p', { id: 'record-summary' }, doc.input + ', file offset ' + doc.file_offset + ', ' + doc.size + ' bytes, layout ' +
        doc.layout + ' (' + doc.record_type + '), ' + (doc.bad_fields ? doc.bad_fields + ' bad field' + (doc.bad_fields > 1 ? 's' : '') : 'no bad field'),
        doc.selection ? ' \u2014 ' + doc.selection : '', ' · ', ui.link('Layout', '#/layout/' + encodeURIComponent(name))),
      recordPage.navigation(name, doc),
      ui.el('div', { class: 'toolbar', id: 'alternatives' }, recordPage.switches(groups, choice, redraw)),
      view);
    redraw();
  },
};
