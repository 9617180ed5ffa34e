// The router: #/datasets, #/dataset/NAME, #/layout/NAME, #/record/NAME?n=|offset=|bad_after=,
// #/runs. Asks for the API key once (kept for this tab in sessionStorage).
'use strict';

const app = {
  keyForm: () => document.getElementById('key-form'),
  askForKey(why) {
    app.keyForm().classList.remove('hidden');
    document.getElementById('key-forget').classList.add('hidden');
    ui.show(ui.el('p', { id: 'key-needed' }, why || 'Enter an API key to see the data.'));
    document.getElementById('key-input').focus();
  },
  async route() {
    if (!api.key()) return app.askForKey();
    app.keyForm().classList.add('hidden');
    document.getElementById('key-forget').classList.remove('hidden');
    const { path, query } = ui.route();
    document.body.dataset.page = path[0] || 'datasets';
    try {
      if (path[0] === 'dataset' && path[1]) await datasetsPage.renderOne(path[1]);
      else if (path[0] === 'layout' && path[1]) await layoutPage.render(path[1]);
      else if (path[0] === 'record' && path[1]) await recordPage.render(path[1], query);
      else if (path[0] === 'runs') await runsPage.render();
      else await datasetsPage.renderList();
      document.body.dataset.ready = location.hash;
    } catch (e) {
      if (e.status === 401) {
        api.forget();
        return app.askForKey('The key was refused: ' + e.message);
      }
      ui.show(ui.problem(e));
      document.body.dataset.ready = location.hash;
    }
  },
  start() {
    app.keyForm().addEventListener('submit', (ev) => {
      ev.preventDefault();
      api.setKey(document.getElementById('key-input').value.trim());
      document.getElementById('key-input').value = '';
      app.route();
    });
    document.getElementById('key-forget').addEventListener('click', () => { api.forget(); app.askForKey(); });
    window.addEventListener('hashchange', () => app.route());
    app.route();
  },
};

document.addEventListener('DOMContentLoaded', app.start);
