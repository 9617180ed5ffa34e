// Small DOM helpers. Every piece of data reaches the page as a text node or an attribute
// value set through the DOM, never as markup: there is no innerHTML in the inspector.
'use strict';

const ui = {
  /** Make an element: attributes (class, on<event> handlers, others) and children (text or nodes). */
  el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, String(v));
    }
    ui.add(e, children);
    return e;
  },
  add(parent, children) {
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return parent;
  },
  clear(e) {
    while (e.firstChild) e.removeChild(e.firstChild);
    return e;
  },
  /** Replace the page's content. */
  show(...children) {
    return ui.add(ui.clear(document.getElementById('main')), children);
  },
  /** A table from a header row and rows of cells (text or nodes). */
  table(head, rows, attrs) {
    return ui.el('table', attrs,
      ui.el('thead', {}, ui.el('tr', {}, head.map((h) => ui.el('th', {}, h)))),
      ui.el('tbody', {}, rows));
  },
  problem(err) {
    return ui.el('p', { class: 'problem', role: 'alert' }, err.message || String(err));
  },
  /** The hash route's parts: "#/record/paye?n=3" -> {path: ['record', 'paye'], query}. */
  route() {
    const hash = location.hash.replace(/^#\/?/, '');
    const [path, query] = hash.split('?');
    return { path: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query || '') };
  },
  link(text, hash, attrs) {
    return ui.el('a', Object.assign({ href: hash }, attrs || {}), text);
  },
};
