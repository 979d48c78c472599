/**
 * The dashboard's browser script (plain ES5-level JavaScript, written to dashboard/app.js).
 * It reads the JSON payload, builds the period and segment filters, filters each chart's rows and
 * draws it with vega-embed (SVG renderer, no actions), and fills the tables. Every piece of data
 * goes into the page through textContent: never innerHTML, so a verbatim is always just text.
 * When everything is drawn it sets document.body.dataset.rendered = 'true' (browser tests wait on it).
 */
export const DASHBOARD_APP_JS = String.raw`(function () {
  'use strict';
  var payload = JSON.parse(document.getElementById('ecoute-data').textContent);
  var t = payload.text;
  var state = readHash();

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function select(id, label, options) {
    var wrap = el('label', 'filter');
    wrap.appendChild(el('span', null, label));
    var s = el('select');
    s.id = id;
    options.forEach(function (o) {
      var opt = el('option', null, o.label);
      opt.value = o.key;
      s.appendChild(opt);
    });
    wrap.appendChild(s);
    return { wrap: wrap, select: s };
  }

  // the dashboard's filters live in the URL's hash (beside the explorer's v_* keys): a view can be shared
  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    var s = { period: 'all', segment: 'all' };
    Object.keys(s).forEach(function (k) {
      var v = params.get(k);
      var options = k === 'period' ? payload.periods : payload.segments;
      if (v !== null && options.some(function (o) { return o.key === v; })) s[k] = v;
    });
    return s;
  }
  function writeHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    Object.keys(state).forEach(function (k) { if (state[k] === 'all') params.delete(k); else params.set(k, state[k]); });
    var hash = params.toString();
    history.replaceState(null, '', hash === '' ? location.pathname + location.search : '#' + hash);
  }

  /** First and last day of a period key ('month:2026-10-01', 'quarter:2026-07-01'), for the explorer's date filter. */
  function periodRange(key) {
    var m = /^(month|quarter|year):(\d{4})-(\d{2})-(\d{2})$/.exec(key);
    if (!m) return { from: '', to: '' };
    var months = m[1] === 'month' ? 1 : m[1] === 'quarter' ? 3 : 12;
    var end = new Date(Date.UTC(Number(m[2]), Number(m[3]) - 1 + months, 0));
    return { from: m[2] + '-' + m[3] + '-' + m[4], to: end.toISOString().slice(0, 10) };
  }

  /** A click on a mark of a chart that drills: the explorer filtered to the clicked row and the dashboard's filters. */
  function drill(chart, datum) {
    var filters = {};
    var any = false;
    Object.keys(chart.drill).forEach(function (key) {
      var v = datum[chart.drill[key]];
      if (v !== undefined && v !== null && v !== '') { filters[key] = String(v); any = true; }
    });
    if (!any || !window.ecouteExplorer) return;
    if (state.segment !== 'all' && filters.segment === undefined) filters.segment = state.segment;
    if (state.period !== 'all') {
      var range = periodRange(state.period);
      filters.from = range.from;
      filters.to = range.to;
    }
    window.ecouteExplorer.open(filters);
  }

  function rowsFor(chart) {
    return chart.rows.filter(function (r) {
      var p = chart.filters.period ? r.f_period === state.period : true;
      var s = chart.filters.segment ? r.f_segment === state.segment : true;
      return p && s && (chart.filters.period || r.f_period === undefined || r.f_period === 'all') &&
        (chart.filters.segment || r.f_segment === undefined || r.f_segment === 'all');
    });
  }

  function drawChart(chart) {
    var card = document.getElementById('card-' + chart.id);
    var target = card.querySelector('.chart');
    var note = card.querySelector('.note');
    var notes = [];
    if (!chart.filters.period && state.period !== 'all') notes.push(t.notFilteredPeriod);
    if (!chart.filters.segment && state.segment !== 'all') notes.push(t.notFilteredSegment);
    var rows = rowsFor(chart);
    if (rows.length === 0) notes.push(t.noRows);
    note.textContent = notes.join(' ');
    var spec = Object.assign({}, chart.spec, { data: { values: rows } });
    return vegaEmbed(target, spec, { actions: false, renderer: 'svg' }).then(function (result) {
      card.dataset.rows = String(rows.length);
      if (Object.keys(chart.drill).length > 0) {
        result.view.addEventListener('click', function (event, item) {
          if (item && item.datum) drill(chart, item.datum);
        });
      }
      return result;
    });
  }

  function drawAll() {
    document.body.dataset.rendered = 'false';
    writeHash();
    return Promise.all(payload.charts.map(drawChart)).then(function () {
      document.body.dataset.rendered = 'true';
    }, function (error) {
      document.body.dataset.rendered = 'error';
      console.error(error);
    });
  }

  function table(head, rows) {
    var tableNode = el('table');
    var thead = el('thead');
    var tr = el('tr');
    head.forEach(function (h) { tr.appendChild(el('th', null, h)); });
    thead.appendChild(tr);
    tableNode.appendChild(thead);
    var tbody = el('tbody');
    rows.forEach(function (r) {
      var row = el('tr');
      r.forEach(function (c) { row.appendChild(el('td', null, c)); });
      tbody.appendChild(row);
    });
    tableNode.appendChild(tbody);
    return tableNode;
  }

  function money(v) {
    if (v === null || v === undefined) return '';
    try {
      return new Intl.NumberFormat(payload.lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: payload.currency, maximumFractionDigits: 0 }).format(v);
    } catch (e) {
      return String(Math.round(v));
    }
  }

  function build() {
    document.getElementById('title').textContent = t.title + ' — ' + payload.pipeline;
    document.getElementById('as-of').textContent = t.asOf + ' ' + payload.asOf;
    var filters = document.getElementById('filters');
    var period = select('filter-period', t.period, payload.periods);
    var segment = select('filter-segment', t.segment, payload.segments);
    filters.appendChild(period.wrap);
    filters.appendChild(segment.wrap);
    period.select.value = state.period;
    segment.select.value = state.segment;
    var langs = document.getElementById('languages');
    payload.languages.forEach(function (l) {
      var a = el('a', null, l.lang.toUpperCase());
      a.href = l.file;
      a.hreflang = l.lang;
      langs.appendChild(a);
    });
    period.select.addEventListener('change', function () { state.period = period.select.value; drawAll(); });
    segment.select.addEventListener('change', function () { state.segment = segment.select.value; drawAll(); });

    var grid = document.getElementById('charts');
    payload.charts.forEach(function (chart) {
      var card = el('section', 'card');
      card.id = 'card-' + chart.id;
      if (Object.keys(chart.drill).length > 0) card.dataset.drill = Object.keys(chart.drill).join(' ');
      card.appendChild(el('div', 'chart'));
      card.appendChild(el('p', 'note'));
      grid.appendChild(card);
    });

    var cb = document.getElementById('callbacks');
    cb.appendChild(el('h2', null, t.callbacks));
    cb.appendChild(el('p', 'note', t.callbackNote));
    if (payload.callbacks.length === 0) cb.appendChild(el('p', null, t.noCallbacks));
    else cb.appendChild(table(
      [t.columns.due_by, t.columns.status, t.columns.account, t.columns.owner, t.columns.arr_at_risk, t.columns.nps, t.columns.themes, t.columns.verbatim],
      payload.callbacks.map(function (r) {
        return [r.due_by.replace('T', ' ').replace('Z', ' UTC'), r.status, (r.account_name || '') + ' (' + (r.account_id || '') + ')', r.owner || '',
          money(r.arr_at_risk), r.nps, r.negative_themes.join(', '), r.verbatim || ''];
      })));

    var ex = document.getElementById('examples');
    ex.appendChild(el('h2', null, t.examples));
    ex.appendChild(table([t.columns.theme, t.columns.nps, t.columns.date, t.segment, t.columns.verbatim],
      payload.examples.map(function (v) { return [v.theme, v.nps === null ? '' : v.nps, v.submitted, v.segment, v.text]; })));

    var hist = document.getElementById('history');
    var runs = window.ecouteRunHistory || [];
    hist.appendChild(el('h2', null, t.history));
    if (runs.length === 0) hist.appendChild(el('p', null, t.noHistory));
    else hist.appendChild(table(
      [t.historyColumns.asOf, t.historyColumns.status, t.historyColumns.exitCode, t.historyColumns.startedAt, t.historyColumns.seconds, t.historyColumns.rows, t.historyColumns.error],
      runs.map(function (r) {
        return [r.asOf, r.status, r.exitCode, r.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), r.seconds, r.rowsAccepted + ' / ' + r.rowsRead, r.error || ''];
      })));

    var about = document.getElementById('about');
    about.appendChild(el('h2', null, t.classifier));
    var ul = el('ul');
    payload.engines.forEach(function (e) { ul.appendChild(el('li', null, e)); });
    about.appendChild(ul);
    if (payload.omitted.length > 0) {
      about.appendChild(el('h2', null, t.omitted));
      var om = el('ul');
      payload.omitted.forEach(function (o) { om.appendChild(el('li', null, o.id + ': ' + o.reason)); });
      about.appendChild(om);
    }
  }

  build();
  drawAll();
}());
`;
