/**
 * The dashboard's browser script (plain ES5-level JavaScript, written to dashboard/app.js).
 * It reads the JSON payload, builds the page's filters (period or a custom date range, segment,
 * region, journey stage, touchpoint, survey type, ARR band, language; kept in the URL's hash, reset
 * in one click), and draws each chart with vega-embed (SVG renderer, no actions):
 *   - charts listed in payload.derived are recomputed from the explorer's columns for the selection
 *     (derived-rows.js): they answer every filter; on a served run (payload.explorer.served: no verbatims in
 *     the page) the explorer asks ecoute serve's API for their rows, and the card says in words while they
 *     load, or why they could not be;
 *   - the other charts select their precomputed rows (f_period, f_segment, or the dimension they
 *     are drawn by) and say in words which active filters they do not answer and why.
 * Panels registered in window.ecoutePanels (the explorer, the call-back list, and any panel module
 * added later) get `update(filters, changed)` on every change (changed: the filters that differ
 * from the last call). A click on a chart's mark opens the explorer
 * filtered to it (chart.drill) and to the page's filters. Every piece of data goes into the page
 * through textContent: never innerHTML, so a verbatim is always just text. Every chart card has
 * download buttons (window.ecouteUi.exportBar): SVG and PNG of the chart as drawn (the vega View's
 * toSVG / toImageURL) and CSV of the rows it was drawn from; every table panel a CSV of what it shows. When everything is drawn
 * it sets document.body.dataset.rendered = 'true' (browser tests wait on it).
 */
export const DASHBOARD_APP_JS = String.raw`(function () {
  'use strict';
  var payload = JSON.parse(document.getElementById('ecoute-data').textContent);
  var t = payload.text;
  var DIMS = ['segment', 'region', 'journey_stage', 'touchpoint', 'survey_type', 'arr_band', 'language'];
  // the filters' values: the embedded verbatims' dictionaries, or those a served run's page carries
  var columns = window.ecouteVerbatims || payload.explorer.served || { dims: {} };
  var state = readHash();
  var controls = {};
  var last = null;
  // charts a panel module shows instead (e.g. the owners' table) get no chart card
  var charts = payload.charts.filter(function (c) { return payload.panelCharts.indexOf(c.id) < 0; });
  var drawn = {};
  var views = {};
  // the latest request of each served derived chart, and the latest drawAll: older answers are dropped
  var asked = {};
  var draws = 0;

  function blank() {
    var s = { period: 'all', from: '', to: '' };
    DIMS.forEach(function (d) { s[d] = ''; });
    return s;
  }

  var el = window.ecouteUi.el;

  /** The values a dimension can take: the explorer's dictionary, and the segments of the charts. */
  function dimValues(d) {
    var values = (columns.dims[d] && columns.dims[d].values) || [];
    if (d === 'segment') payload.segments.forEach(function (o) { if (o.key !== 'all' && values.indexOf(o.key) < 0) values = values.concat([o.key]); });
    return values;
  }

  // ---- the URL's hash: period, from, to and the dimensions (the explorer keeps its own v_* keys beside them) ----
  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    var s = blank();
    var period = params.get('period');
    if (period === 'custom' || payload.periods.some(function (o) { return o.key === period; })) s.period = period;
    if (s.period === 'custom') {
      s.from = /^\d{4}-\d{2}-\d{2}$/.test(params.get('from') || '') ? params.get('from') : '';
      s.to = /^\d{4}-\d{2}-\d{2}$/.test(params.get('to') || '') ? params.get('to') : '';
    }
    DIMS.forEach(function (d) {
      var v = params.get(d);
      if (v !== null && dimValues(d).indexOf(v) >= 0) s[d] = v;
    });
    return s;
  }
  function writeHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    var b = blank();
    Object.keys(state).forEach(function (k) { if (state[k] === b[k]) params.delete(k); else params.set(k, state[k]); });
    var hash = params.toString();
    history.replaceState(null, '', hash === '' ? location.pathname + location.search : '#' + hash);
  }

  /** First and last day of a period key ('month:2026-10-01', 'quarter:2026-07-01'). */
  function periodRange(key) {
    var m = /^(month|quarter|year):(\d{4})-(\d{2})-(\d{2})$/.exec(key);
    if (!m) return { from: '', to: '' };
    var months = m[1] === 'month' ? 1 : m[1] === 'quarter' ? 3 : 12;
    var end = new Date(Date.UTC(Number(m[2]), Number(m[3]) - 1 + months, 0));
    return { from: m[2] + '-' + m[3] + '-' + m[4], to: end.toISOString().slice(0, 10) };
  }

  /** The page's filters as panels read them: dates (from the period or the custom range) and dimensions. */
  function filters() {
    var range = state.period === 'custom' ? { from: state.from, to: state.to } : periodRange(state.period);
    var f = { period: state.period, from: range.from, to: range.to };
    DIMS.forEach(function (d) { f[d] = state[d]; });
    return f;
  }

  function label(id) { return payload.explorer.themeLabels[id] || id; }

  /** A click on a mark of a chart that drills: the explorer filtered to the clicked row and the page's filters. */
  function drill(chart, datum) {
    var f = filters();
    var any = false;
    Object.keys(chart.drill).forEach(function (key) {
      var v = datum[chart.drill[key]];
      if (v !== undefined && v !== null && v !== '') { f[key] = String(v); any = true; }
    });
    if (any && window.ecouteExplorer) window.ecouteExplorer.open(f);
  }

  function isDerived(chart) {
    return payload.derived.indexOf(chart.id) >= 0 && window.ecouteDerivedRows && window.ecouteExplorer;
  }

  /** Rows of a chart for the page's filters, and the active filters it does not answer. */
  function rowsFor(chart) {
    if (isDerived(chart) && window.ecouteExplorer.served) {
      return { pending: window.ecouteExplorer.derived(chart.id, filters()), ignored: [] };
    }
    if (isDerived(chart)) {
      return { rows: window.ecouteDerivedRows[chart.id](columns, window.ecouteExplorer.rowsWhere(filters()), label), ignored: [] };
    }
    var ignored = [];
    var periodKey = 'all';
    if (state.period === 'custom' && (state.from || state.to)) ignored.push(t.filterNames.custom);
    else if (state.period !== 'all') {
      if (chart.filters.period) periodKey = state.period; else ignored.push(t.filterNames.period);
    }
    var segmentKey = 'all';
    var fieldFilters = [];
    DIMS.forEach(function (d) {
      if (!state[d]) return;
      if (d === 'segment' && chart.filters.segment) segmentKey = state[d];
      else if (chart.drill[d]) fieldFilters.push({ field: chart.drill[d], value: state[d] });
      else ignored.push(t.filterNames[d]);
    });
    var rows = chart.rows.filter(function (r) {
      if ((r.f_period === undefined ? 'all' : r.f_period) !== periodKey) return false;
      if ((r.f_segment === undefined ? 'all' : r.f_segment) !== segmentKey) return false;
      return fieldFilters.every(function (f) { return r[f.field] === f.value; });
    });
    return { rows: rows, ignored: ignored };
  }

  function drawChart(chart) {
    var result = rowsFor(chart);
    if (result.pending) return drawPending(chart, result.pending);
    return drawRows(chart, result);
  }

  /** A served derived chart: "loading" in words until its rows come, then drawn; a failure said in words. */
  function drawPending(chart, pending) {
    var card = document.getElementById('card-' + chart.id);
    var mine = (asked[chart.id] || 0) + 1;
    asked[chart.id] = mine;
    card.dataset.state = 'loading';
    card.querySelector('.note').textContent = payload.explorer.served.text.chartLoading;
    return pending.then(function (rows) {
      if (asked[chart.id] !== mine) return null;
      card.dataset.state = 'ready';
      return drawRows(chart, { rows: rows.map(function (r) { return Object.assign({}, r, { theme: label(r.theme_id) }); }), ignored: [] });
    }, function (error) {
      if (asked[chart.id] !== mine) return null;
      card.dataset.state = 'error';
      card.dataset.rows = '0';
      drawn[chart.id] = [];
      views[chart.id] = null;
      Array.prototype.forEach.call(card.querySelectorAll('.exports button'), function (b) { b.disabled = true; });
      card.querySelector('.chart').textContent = '';
      card.querySelector('.note').textContent = error.message;
      return null;
    });
  }

  function drawRows(chart, result) {
    var card = document.getElementById('card-' + chart.id);
    var target = card.querySelector('.chart');
    var note = card.querySelector('.note');
    var notes = [];
    if (result.ignored.length > 0) notes.push(t.notFiltered.replace('{filters}', result.ignored.join(', ')) + ' ' + (t.whyNotFiltered[chart.id] || t.whyNotFiltered.default));
    card.dataset.rows = String(result.rows.length);
    card.dataset.ignored = result.ignored.join('|');
    drawn[chart.id] = result.rows;
    views[chart.id] = null;
    Array.prototype.forEach.call(card.querySelectorAll('.exports button'), function (b) { b.disabled = result.rows.length === 0; });
    if (result.rows.length === 0) {
      notes.unshift(t.noRows);
      note.textContent = notes.join(' ');
      target.textContent = '';
      return Promise.resolve();
    }
    note.textContent = notes.join(' ');
    var spec = Object.assign({}, chart.spec, { data: { values: result.rows } });
    return vegaEmbed(target, spec, { actions: false, renderer: 'svg' }).then(function (embedded) {
      views[chart.id] = embedded.view;
      if (Object.keys(chart.drill).length > 0) {
        embedded.view.addEventListener('click', function (event, item) {
          if (item && item.datum) drill(chart, item.datum);
        });
      }
      return embedded;
    });
  }

  function drawAll() {
    var mine = ++draws;
    document.body.dataset.rendered = 'false';
    writeHash();
    var f = filters();
    // changed: the filters that differ from the last draw (on the first, the ones set), so a panel keeps what its own URL keys say
    var changed = {};
    Object.keys(f).forEach(function (k) { if (last === null ? f[k] !== '' : f[k] !== last[k]) changed[k] = f[k]; });
    last = f;
    (window.ecoutePanels || []).forEach(function (p) { p.update(f, changed); });
    return Promise.all(charts.map(drawChart)).then(function () {
      if (mine === draws) document.body.dataset.rendered = 'true';
    }, function (error) {
      document.body.dataset.rendered = 'error';
      console.error(error);
    });
  }

  /** A chart's drawn rows as CSV: every field of its data but the precomputed rows' filter keys (f_period, f_segment). */
  function chartCsv(id) {
    var rows = drawn[id] || [];
    var head = [];
    rows.forEach(function (r) { Object.keys(r).forEach(function (k) { if (!/^f_/.test(k) && head.indexOf(k) < 0) head.push(k); }); });
    return window.ecouteUi.csv(head, rows.map(function (r) { return head.map(function (k) { return r[k]; }); }));
  }
  /** A chart as drawn: SVG text, or a PNG data URL at twice the size on screen. */
  function chartImage(id, format) {
    var view = views[id];
    if (!view) return null;
    return format === 'svg' ? view.toSVG() : view.toImageURL('png', 2);
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

  // ---- the filter bar ----
  function select(key, labelText, options) {
    var wrap = el('label', 'filter');
    wrap.appendChild(el('span', null, labelText));
    var s = el('select');
    s.id = 'filter-' + key.replace(/_/g, '-');
    options.forEach(function (o) {
      var opt = el('option', null, o.label);
      opt.value = o.key;
      s.appendChild(opt);
    });
    s.addEventListener('change', function () { state[key] = s.value; syncCustom(); drawAll(); });
    wrap.appendChild(s);
    controls[key] = s;
    return wrap;
  }
  function dateInput(key, labelText) {
    var wrap = el('label', 'filter custom-range');
    wrap.appendChild(el('span', null, labelText));
    var input = el('input');
    input.type = 'date';
    input.id = 'filter-' + key;
    input.addEventListener('change', function () { state[key] = input.value; drawAll(); });
    wrap.appendChild(input);
    controls[key] = input;
    return wrap;
  }
  function syncCustom() {
    var custom = state.period === 'custom';
    if (!custom) { state.from = ''; state.to = ''; }
    Array.prototype.forEach.call(document.querySelectorAll('.custom-range'), function (node) { node.style.display = custom ? '' : 'none'; });
  }
  function syncControls() {
    Object.keys(controls).forEach(function (k) { controls[k].value = k === 'period' || k === 'from' || k === 'to' ? state[k] : state[k]; });
    syncCustom();
  }

  function build() {
    document.getElementById('title').textContent = t.title + ' — ' + payload.pipeline;
    document.getElementById('as-of').textContent = t.asOf + ' ' + payload.asOf;
    var bar = document.getElementById('filters');
    bar.appendChild(select('period', t.period, payload.periods.concat([{ key: 'custom', label: t.customRange }])));
    bar.appendChild(dateInput('from', t.from));
    bar.appendChild(dateInput('to', t.to));
    DIMS.forEach(function (d) {
      var values = dimValues(d);
      if (values.length < 2) return;
      bar.appendChild(select(d, t.filterNames[d], [{ key: '', label: t.all }].concat(values.map(function (v) { return { key: v, label: v }; }))));
    });
    var reset = el('button', 'reset', t.reset);
    reset.type = 'button';
    reset.id = 'filter-reset';
    reset.addEventListener('click', function () { state = blank(); syncControls(); drawAll(); });
    bar.appendChild(reset);
    syncControls();
    var langs = document.getElementById('languages');
    payload.languages.forEach(function (l) {
      var a = el('a', null, l.lang.toUpperCase());
      a.href = l.file;
      a.hreflang = l.lang;
      langs.appendChild(a);
    });

    // the page before the explorer keeps what a CX lead works from; the rest goes to "More charts" below it
    var grid = document.getElementById('charts');
    var more = document.getElementById('charts-more');
    var moreSection = document.getElementById('more-charts');
    moreSection.querySelector('h2').textContent = t.moreCharts;
    if (payload.moreCharts.length === 0 && payload.omitted.length === 0) moreSection.hidden = true;
    charts.forEach(function (chart) {
      var card = el('section', 'card');
      card.id = 'card-' + chart.id;
      if (Object.keys(chart.drill).length > 0) card.dataset.drill = Object.keys(chart.drill).join(' ');
      card.appendChild(window.ecouteUi.exportBar(chart.id, t.chartNames[chart.id] || chart.id, [
        { format: 'svg', run: function () { return chartImage(chart.id, 'svg'); } },
        { format: 'png', run: function () { return chartImage(chart.id, 'png'); } },
        { format: 'csv', run: function () { return chartCsv(chart.id); } },
      ]));
      card.appendChild(el('div', 'chart'));
      card.appendChild(el('p', 'note'));
      (payload.moreCharts.indexOf(chart.id) >= 0 ? more : grid).appendChild(card);
    });
    // a chart the run cannot feed keeps its place and says why, in words
    payload.omitted.forEach(function (o) {
      var card = el('section', 'card omitted');
      card.id = 'card-' + o.id;
      card.appendChild(el('h3', null, t.chartNames[o.id] || o.id));
      card.appendChild(el('p', 'note', t.notDrawn + ' ' + o.reason + '.'));
      more.appendChild(card);
    });

    if (payload.examples.length > 0) {
      var ex = el('section', 'panel');
      ex.id = 'examples';
      ex.appendChild(el('h2', null, t.examples));
      ex.appendChild(window.ecouteUi.exportBar('examples', t.examples, [{ format: 'csv', run: function () {
        return window.ecouteUi.csv(['theme', 'nps', 'date', 'segment', 'verbatim'], payload.examples.map(function (v) { return [v.theme, v.nps, v.submitted, v.segment, v.text]; }));
      } }]));
      ex.appendChild(table([t.columns.theme, t.columns.nps, t.columns.date, t.segment, t.columns.verbatim],
        payload.examples.map(function (v) { return [v.theme, v.nps === null ? '' : v.nps, v.submitted, v.segment, v.text]; })));
      var anchor = document.getElementById('explorer') || document.getElementById('history');
      anchor.before(ex);
    }
    var hist = document.getElementById('history');
    var runs = window.ecouteRunHistory || [];
    hist.appendChild(el('h2', null, t.history));
    if (runs.length === 0) hist.appendChild(el('p', null, t.noHistory));
    else hist.appendChild(window.ecouteUi.exportBar('history', t.history, [{ format: 'csv', run: function () {
      return window.ecouteUi.csv(['as_of', 'status', 'exit_code', 'started_at', 'seconds', 'rows_accepted', 'rows_read', 'error'],
        runs.map(function (r) { return [r.asOf, r.status, r.exitCode, r.startedAt, r.seconds, r.rowsAccepted, r.rowsRead, r.error || '']; }));
    } }]));
    if (runs.length > 0) hist.appendChild(table(
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

  /** What each chart was last drawn from (tests and exports read it). */
  window.ecouteDashboard = { rows: function (id) { return drawn[id] || null; }, filters: filters, csv: chartCsv };

  build();
  drawAll();
}());
`;
