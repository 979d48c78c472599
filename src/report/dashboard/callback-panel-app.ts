/**
 * The call-back panel's browser script (dashboard/callbacks.js): registers in window.ecoutePanels
 * and, for the page's filters (period or custom dates on the response date, segment, region,
 * journey stage, touchpoint, survey type, ARR band, language), shows how many call-backs the
 * selection holds (overdue, open, called back: the status of callback-list.ts), the five with the most ARR at risk, and a CSV download of the
 * whole filtered list (callbacks.csv, window.ecouteUi.exportBar). The full list is never drawn inline (it is in callback-list.csv beside the run).
 */
export const CALLBACK_PANEL_SCRIPT = 'callbacks.js';

export const CALLBACK_PANEL_JS = String.raw`(function () {
  'use strict';
  var payload = JSON.parse(document.getElementById('ecoute-data').textContent);
  var t = payload.text;
  var DIMS = ['segment', 'region', 'journey_stage', 'touchpoint', 'survey_type', 'arr_band', 'language'];
  var TOP = 5;
  var section = document.getElementById('callbacks');
  var selected = payload.callbacks;

  var el = window.ecouteUi.el;
  function money(v) { return window.ecouteUi.money(v, payload.lang, payload.currency); }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, k) { return String(values[k]); });
  }

  function matches(r, f) {
    var day = r.submitted_at.slice(0, 10);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    for (var k = 0; k < DIMS.length; k++) {
      var want = f[DIMS[k]];
      if (want && (r[DIMS[k]] === null || r[DIMS[k]] === undefined ? '(unknown)' : r[DIMS[k]]) !== want) return false;
    }
    return true;
  }

  function csv() {
    var head = ['due_by', 'status', 'account_id', 'account_name', 'segment', 'region', 'owner', 'arr', 'arr_at_risk', 'nps', 'nps_category', 'negative_themes', 'journey_stage', 'touchpoint', 'submitted_at', 'response_id', 'verbatim', 'called_at', 'call_outcome'];
    return window.ecouteUi.csv(head, selected.map(function (r) {
      return head.map(function (h) { return Array.isArray(r[h]) ? r[h].join('; ') : r[h]; });
    }));
  }

  var summary = el('p', 'count');
  summary.id = 'callbacks-count';
  var tableWrap = el('div');
  function draw() {
    var count = function (status) { return selected.filter(function (r) { return r.status === status; }).length; };
    var overdue = count('overdue');
    var open = count('open');
    summary.textContent = fill(t.callbackCount, { n: selected.length, total: payload.callbacks.length, overdue: overdue, open: open, called: selected.length - overdue - open, top: Math.min(TOP, selected.length) });
    section.dataset.rows = String(selected.length);
    tableWrap.textContent = '';
    if (selected.length === 0) {
      tableWrap.appendChild(el('p', null, payload.callbacks.length === 0 ? t.noCallbacks : t.noCallbacksSelected));
      return;
    }
    var table = el('table');
    var head = el('tr');
    [t.columns.due_by, t.columns.status, t.columns.account, t.columns.owner, t.columns.arr_at_risk, t.columns.nps, t.columns.themes, t.columns.verbatim]
      .forEach(function (h) { head.appendChild(el('th', null, h)); });
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el('tbody');
    selected.slice(0, TOP).forEach(function (r) {
      var tr = el('tr');
      [r.due_by.replace('T', ' ').replace('Z', ' UTC'), r.status, (r.account_name || '') + ' (' + (r.account_id || '') + ')', r.owner || '',
        money(r.arr_at_risk), r.nps, r.negative_themes.join(', '), r.verbatim || ''].forEach(function (c) { tr.appendChild(el('td', null, c)); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    tableWrap.appendChild(table);
  }

  section.appendChild(el('h2', null, t.callbacks));
  section.appendChild(el('p', 'note', t.callbackNote));
  var bar = el('div', 'explorer-filters');
  bar.appendChild(summary);
  bar.appendChild(window.ecouteUi.exportBar('callbacks', t.callbacks, [{ format: 'csv', run: csv }]));
  section.appendChild(bar);
  section.appendChild(tableWrap);
  draw();

  window.ecoutePanels = (window.ecoutePanels || []).concat([{
    id: 'callbacks',
    update: function (filters) {
      selected = payload.callbacks.filter(function (r) { return matches(r, filters); });
      draw();
    },
  }]);
}());
`;
