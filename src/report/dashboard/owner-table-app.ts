/**
 * The owners' panel (dashboard/owners.js): the headline score (NPS, else CSAT, else CES) by account owner
 * as a sortable table instead of a chart of 60 bars — the five best and five worst owners with their 95 % CI and n, owners
 * below the minimum sample size flagged and never ranked, every owner one click away ("show all"),
 * each owner's name opening the verbatim explorer filtered to that owner. Reads the rows of the
 * <score>-by-owner chart (payload.ownerChart: metric cells per period); it answers the period filter and says it does not
 * answer the others. Its CSV (owners.csv) holds the rows the table shows, in its order. Registers in window.ecoutePanels.
 */
export const OWNER_TABLE_SCRIPT = 'owners.js';

export const OWNER_TABLE_JS = String.raw`(function () {
  'use strict';
  var payload = JSON.parse(document.getElementById('ecoute-data').textContent);
  var t = payload.text;
  var chart = payload.charts.filter(function (c) { return c.id === payload.ownerChart; })[0];
  var section = document.getElementById('owners');
  if (!chart) { section.remove(); return; }
  var DIMS = ['segment', 'region', 'journey_stage', 'touchpoint', 'survey_type', 'arr_band', 'language'];
  var sort = { key: 'score', desc: true };
  // the score's decimals: CES, a mean on 1–7, takes two
  var digits = payload.text.score === 'CES' ? 2 : 1;
  var showAll = false;
  var rows = [];
  var locale = payload.lang === 'fr' ? 'fr-FR' : 'en-GB';
  function num(v, digits) { return v === null || v === undefined ? '' : new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v); }
  var el = window.ecouteUi.el;

  var head = el('h2', null, t.owners.title);
  var note = el('p', 'note');
  var tableWrap = el('div');
  var toggle = el('button', null, '');
  toggle.type = 'button';
  toggle.id = 'owners-toggle';
  toggle.addEventListener('click', function () { showAll = !showAll; draw(); });
  var shown = [];
  /** The rows the table shows, in its order (top and bottom five, or every owner after "show all"). */
  function csv() {
    return window.ecouteUi.csv(['owner', t.score.toLowerCase(), 'ci_low', 'ci_high', 'n', 'small_n'], shown.map(function (r) {
      return [r.group, r.score, r.score === null ? null : r.ci_low, r.score === null ? null : r.ci_high, r.n, r.small_n ? 'true' : 'false'];
    }));
  }
  section.appendChild(head);
  section.appendChild(window.ecouteUi.exportBar('owners', t.owners.title, [{ format: 'csv', run: csv }]));
  section.appendChild(el('p', 'note', t.owners.note));
  section.appendChild(note);
  section.appendChild(tableWrap);
  section.appendChild(toggle);

  var COLUMNS = [
    { key: 'group', label: t.owners.owner }, { key: 'score', label: t.score }, { key: 'ci', label: t.owners.ci }, { key: 'n', label: 'n' }, { key: 'flag', label: '' },
  ];
  function compare(a, b) {
    var key = sort.key === 'ci' ? 'ci_low' : sort.key === 'flag' ? 'small_n' : sort.key;
    var x = a[key];
    var y = b[key];
    if (x === null && y === null) return a.group < b.group ? -1 : 1;
    if (x === null) return 1;
    if (y === null) return -1;
    var c = typeof x === 'string' ? x.localeCompare(y) : x - y;
    return (sort.desc ? -c : c) || (a.group < b.group ? -1 : 1);
  }

  function draw() {
    var ranked = rows.filter(function (r) { return r.score !== null; });
    var small = rows.length - ranked.length;
    section.dataset.rows = String(rows.length);
    if (showAll || rows.length <= 10) shown = rows.slice().sort(compare);
    else {
      var byScore = ranked.slice().sort(function (a, b) { return b.score - a.score || (a.group < b.group ? -1 : 1); });
      shown = byScore.slice(0, 5).concat(byScore.slice(Math.max(5, byScore.length - 5)));
      if (sort.key !== 'score' || !sort.desc) shown.sort(compare);
    }
    toggle.textContent = showAll ? t.owners.showTop : t.owners.showAll.replace('{n}', String(rows.length));
    toggle.style.display = rows.length <= 10 ? 'none' : '';
    tableWrap.textContent = '';
    var table = el('table', 'owners');
    var tr = el('tr');
    COLUMNS.forEach(function (c) {
      var th = el('th', 'sortable', c.label + (sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''));
      th.dataset.key = c.key;
      th.addEventListener('click', function () { sort = { key: c.key, desc: sort.key === c.key ? !sort.desc : c.key !== 'group' }; draw(); });
      tr.appendChild(th);
    });
    var thead = el('thead');
    thead.appendChild(tr);
    table.appendChild(thead);
    var body = el('tbody');
    shown.forEach(function (r, i) {
      var row = el('tr');
      if (!showAll && rows.length > 10 && sort.key === 'score' && sort.desc && i === 5) row.className = 'gap';
      var name = el('td');
      var link = el('button', 'link', r.group);
      link.type = 'button';
      link.addEventListener('click', function () { if (window.ecouteExplorer) window.ecouteExplorer.open({ owner: r.group }); });
      name.appendChild(link);
      row.appendChild(name);
      row.appendChild(el('td', 'num', r.score === null ? t.owners.suppressed : num(r.score, digits)));
      row.appendChild(el('td', 'num', r.score === null ? '' : num(r.ci_low, digits) + ' – ' + num(r.ci_high, digits)));
      row.appendChild(el('td', 'num', num(r.n, 0)));
      row.appendChild(el('td', 'flag', r.small_n ? t.owners.smallN : ''));
      body.appendChild(row);
    });
    table.appendChild(body);
    tableWrap.appendChild(table);
    return small;
  }

  function update(filters) {
    var period = filters.period && filters.period !== 'custom' ? filters.period : 'all';
    rows = chart.rows.filter(function (r) { return (r.f_period === undefined ? 'all' : r.f_period) === period; });
    var ignored = [];
    if (filters.period === 'custom' && (filters.from || filters.to)) ignored.push(t.filterNames.custom);
    DIMS.forEach(function (d) { if (filters[d]) ignored.push(t.filterNames[d]); });
    var small = draw();
    section.dataset.ignored = ignored.join('|');
    note.textContent = (small > 0 ? t.owners.unranked.replace('{n}', String(small)) + ' ' : '') +
      (ignored.length > 0 ? t.notFiltered.replace('{filters}', ignored.join(', ')) + ' ' + t.whyNotFiltered[chart.id] : '');
  }

  window.ecoutePanels = (window.ecoutePanels || []).concat([{ id: 'owners', update: update }]);
}());
`;
