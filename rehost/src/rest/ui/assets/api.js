// The REST API as the page uses it: the key entered once is kept in sessionStorage (this
// tab only) and sent as a Bearer token. Read-only: the page only ever sends GET.
'use strict';

const api = {
  storageName: 'mfbridge-api-key',
  key() { return sessionStorage.getItem(api.storageName) || ''; },
  setKey(k) { sessionStorage.setItem(api.storageName, k); },
  forget() { sessionStorage.removeItem(api.storageName); },

  async fetch(path, accept) {
    const r = await fetch(path, { headers: { Authorization: 'Bearer ' + api.key(), Accept: accept } });
    if (r.ok) return r;
    let detail = r.status + ' ' + r.statusText;
    try {
      const p = await r.json();
      if (p && p.detail) detail = p.detail;
    } catch (e) { /* not problem+json */ }
    const err = new Error(detail);
    err.status = r.status;
    throw err;
  },
  async json(path) { return (await api.fetch(path, 'application/json')).json(); },
  async bytes(path) { return new Uint8Array(await (await api.fetch(path, 'application/octet-stream')).arrayBuffer()); },
  dataset(name, what, query) {
    const q = query ? '?' + new URLSearchParams(query).toString() : '';
    return api.json('/v1/datasets/' + encodeURIComponent(name) + (what ? '/' + what : '') + q);
  },
};

/** Bytes as spaced upper-case hex, as `mfbridge inspect` shows them. */
function hexOf(bytes) {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}
