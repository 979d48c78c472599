/**
 * The verbatim explorer's browser script (plain ES5-level JavaScript, written to dashboard/explorer.js).
 * It reads the columns of verbatims.js (window.ecouteVerbatims, see explorer-columns.ts) and the
 * page payload's `explorer` part (words, theme labels), and exposes `window.ecouteExplorer`:
 *
 *   open(filters)  — reset, apply the given filters (a chart click, a table row), scroll to the explorer
 *   set(filters)   — change some filters and redraw
 *   state()        — the current filters;  selection() — indices of the matching verbatims, sorted
 *   csv()          — the CSV text of the current selection (formula-safe cells, CRLF)
 *
 * A served run (`payload.explorer.served`: more verbatims than settings.dashboard.embed_max_verbatims, no
 * verbatims.js) has the same explorer answered by `ecoute serve`'s API on the page's own origin: the filter values
 * from /api/explorer/meta, each page from /api/explorer?<filters>&page=&page_size= (drawn by the same code, the
 * page's rows turned into columns), the CSV button a link to /api/explorer.csv?<filters>; `derived(chart, filters)`
 * gives a promise of a derived chart's rows (/api/explorer/derived). Opened from disk, or with the API out of reach,
 * the panel says in words to run `ecoute serve`; while a page loads, or when it fails, it says so too.
 *
 * Search folds case and accents one character for one character ("decue" finds "déçue"), so a
 * match found in the folded text is highlighted at the same place in the text. Filtering is a loop
 * over arrays; each redraw records its duration in document.body.dataset.explorerMs. Every piece
 * of data goes into the page through textContent: a verbatim is always just text. The filters are
 * kept in the URL's hash (v_* keys) beside the dashboard's, so a view can be shared.
 */
import { SEARCH_APOSTROPHES_JS } from './fold-search-text.ts';

export const EXPLORER_APP_JS = String.raw`(function () {
  'use strict';
  var initStarted = performance.now();
  var payload = JSON.parse(document.getElementById('ecoute-data').textContent);
  var t = payload.explorer.text;
  // a served run: no verbatims.js, the API of ecoute serve answers (meta: its filter values, once fetched)
  var served = payload.explorer.served || null;
  var data = served ? null : window.ecouteVerbatims;
  var meta = null;
  function labelsOf(ids) { return ids.map(function (id) { return payload.explorer.themeLabels[id] || id; }); }
  var themeLabels = served ? [] : labelsOf(data.themes);
  var SENTIMENTS = ['negative', 'neutral', 'positive'];
  var DIMS = ['segment', 'region', 'owner', 'journey_stage', 'touchpoint', 'survey_type', 'language', 'arr_band'];
  var SORTS = ['date-desc', 'date-asc', 'arr-desc', 'arr-asc', 'nps-asc', 'nps-desc'];
  var PAGE = 20;
  var DAY = 86400000;
  var n = served ? served.n : data.n;
  var state = emptyState();
  var selected = [];
  var controls = {};

  function emptyState() {
    var s = { q: '', theme: '', sentiment: '', nps_category: '', from: '', to: '', sort: 'date-desc', page: 0 };
    DIMS.forEach(function (d) { s[d] = ''; });
    return s;
  }

  // ---- accent folding, one character for one character ----
  var foldCache = ${SEARCH_APOSTROPHES_JS};
  function foldChar(c) {
    var f = foldCache[c];
    if (f === undefined) {
      f = c.normalize('NFD').charAt(0).toLowerCase();
      if (f.length !== 1) f = c;
      foldCache[c] = f;
    }
    return f;
  }
  function fold(s) {
    return s.replace(/[A-Z]+/g, function (m) { return m.toLowerCase(); }).replace(/[^\x00-\x7f]/g, foldChar);
  }
  var folded = null;
  function foldedTexts() {
    if (folded === null) folded = data.text.map(fold);
    return folded;
  }
  /** The folded text of verbatim i of cols (a served page folds its own texts). */
  function foldedAt(cols, i) { return cols.folded ? cols.folded[i] : foldedTexts()[i]; }

  function dayString(d) { return new Date(d * DAY).toISOString().slice(0, 10); }
  function dayNumber(s) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
    var ms = Date.parse(s + 'T00:00:00Z');
    return isFinite(ms) ? Math.round(ms / DAY) : null;
  }
  function npsCategory(v) {
    if (v === null || v === undefined) return 'none';
    return v <= 6 ? 'detractor' : v <= 8 ? 'passive' : 'promoter';
  }

  // ---- filtering ----
  function terms(s) {
    return fold((s || state).q || '').split(/\s+/).filter(function (w) { return w.length > 0; });
  }

  /** Indices of the verbatims that pass the filters s (the explorer's state or a panel's), newest first. */
  function matchRows(s) {
    var state = s;
    var words = terms(s);
    var texts = words.length > 0 ? foldedTexts() : null;
    var theme = !state.theme ? -1 : data.themes.indexOf(state.theme);
    var sentiment = !state.sentiment ? -1 : SENTIMENTS.indexOf(state.sentiment);
    var wantMentions = !!state.theme || !!state.sentiment;
    var codes = DIMS.map(function (d) {
      return !state[d] ? -1 : data.dims[d].values.indexOf(state[d]);
    });
    var missing = (!!state.theme && theme < 0) || codes.some(function (c, k) { return !!state[DIMS[k]] && c < 0; });
    var from = dayNumber(state.from);
    var to = dayNumber(state.to);
    var m = data.mention;
    var out = [];
    if (missing) return out;
    for (var i = 0; i < n; i++) {
      var ok = true;
      for (var k = 0; k < DIMS.length; k++) {
        if (codes[k] >= 0 && data.dims[DIMS[k]].codes[i] !== codes[k]) { ok = false; break; }
      }
      if (!ok) continue;
      if (from !== null && data.day[i] < from) continue;
      if (to !== null && data.day[i] > to) continue;
      if (state.nps_category && npsCategory(data.nps[i]) !== state.nps_category) continue;
      if (wantMentions) {
        var found = false;
        for (var j = m.offsets[i]; j < m.offsets[i + 1]; j++) {
          if ((theme < 0 || m.theme[j] === theme) && (sentiment < 0 || m.sentiment[j] === sentiment)) { found = true; break; }
        }
        if (!found) continue;
      }
      if (texts !== null) {
        var text = texts[i];
        for (var w = 0; w < words.length; w++) {
          if (text.indexOf(words[w]) < 0) { ok = false; break; }
        }
        if (!ok) continue;
      }
      out.push(i);
    }
    return out;
  }

  function sortRows(rows) {
    if (state.sort === 'date-desc') return rows;
    if (state.sort === 'date-asc') return rows.reverse();
    var column = state.sort.indexOf('arr') === 0 ? data.arr : data.nps;
    var sign = /-desc$/.test(state.sort) ? -1 : 1;
    return rows.sort(function (a, b) {
      var x = column[a];
      var y = column[b];
      if (x === null && y === null) return a - b;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x - y) * sign || a - b;
    });
  }

  // ---- drawing ----
  var el = window.ecouteUi.el;
  function money(v) { return window.ecouteUi.money(v, payload.lang, payload.currency); }
  function count(v) { return new Intl.NumberFormat(payload.lang === 'fr' ? 'fr-FR' : 'en-GB').format(v); }

  function mentionText(cols, j) {
    var m = cols.mention;
    var words = [themeLabels[m.theme[j]]];
    if (m.sentiment[j] >= 0) words.push(t.sentiments[SENTIMENTS[m.sentiment[j]]]);
    var source = cols.sources[m.source[j]];
    words.push((t.sources[source] || source) + (m.evidence[j] ? ' (' + m.evidence[j] + ')' : ''));
    return words.join(' · ');
  }

  function mentionShown(cols, j, theme, sentiment) {
    var m = cols.mention;
    return (theme < 0 || m.theme[j] === theme) && (sentiment < 0 || m.sentiment[j] === sentiment);
  }

  /** The verbatim as text nodes and <mark> elements: matched clauses (class clause) and search hits (class hit). */
  function highlighted(cols, i, words, theme, sentiment) {
    var text = cols.text[i];
    var kind = new Uint8Array(text.length);
    var titles = {};
    var m = cols.mention;
    for (var j = m.offsets[i]; j < m.offsets[i + 1]; j++) {
      if (m.from[j] < 0 || !mentionShown(cols, j, theme, sentiment)) continue;
      for (var c = m.from[j]; c < m.to[j]; c++) kind[c] |= 1;
      titles[m.from[j]] = (titles[m.from[j]] ? titles[m.from[j]] + '\n' : '') + mentionText(cols, j);
    }
    if (words.length > 0) {
      var f = foldedAt(cols, i);
      words.forEach(function (w) {
        for (var at = f.indexOf(w); at >= 0; at = f.indexOf(w, at + w.length)) {
          for (var c = at; c < at + w.length; c++) kind[c] |= 2;
        }
      });
    }
    var p = el('p', 'verbatim');
    var start = 0;
    var title = '';
    for (var c = 0; c <= text.length; c++) {
      if (titles[c] !== undefined && kind[c] & 1) title = titles[c];
      if ((c === text.length && c > start) || (c > start && kind[c] !== kind[start])) {
        var piece = text.slice(start, c);
        if (kind[start] === 0) p.appendChild(document.createTextNode(piece));
        else {
          var mark = el('mark', kind[start] === 1 ? 'clause' : kind[start] === 2 ? 'hit' : 'clause hit', piece);
          if (kind[start] & 1) mark.title = title;
          p.appendChild(mark);
        }
        start = c;
      }
    }
    return p;
  }

  /** Draws the verbatims rows (indices into the columns cols) of the page state.page, of the matched ones passing the filters. */
  function render(cols, rows, matched) {
    var pages = Math.max(1, Math.ceil(matched / PAGE));
    var words = terms(state);
    var theme = state.theme === '' ? -1 : cols.themes.indexOf(state.theme);
    var sentiment = state.sentiment === '' ? -1 : SENTIMENTS.indexOf(state.sentiment);
    var list = controls.list;
    list.textContent = '';
    var m = cols.mention;
    rows.forEach(function (i) {
      var item = el('li', 'verbatim-item');
      item.dataset.id = cols.id[i];
      var meta = [dayString(cols.day[i]), cols.dims.segment.values[cols.dims.segment.codes[i]]];
      if (cols.arr[i] !== null) meta.push(t.arr + ' ' + money(cols.arr[i]));
      if (cols.nps[i] !== null) meta.push('NPS ' + cols.nps[i]);
      if (cols.csat[i] !== null) meta.push('CSAT ' + cols.csat[i]);
      if (cols.ces[i] !== null) meta.push('CES ' + cols.ces[i]);
      meta.push(cols.dims.owner.values[cols.dims.owner.codes[i]]);
      item.appendChild(el('div', 'meta', meta.join(' · ')));
      item.appendChild(highlighted(cols, i, words, theme, sentiment));
      var tags = el('div', 'tags');
      for (var j = m.offsets[i]; j < m.offsets[i + 1]; j++) {
        var tag = el('span', 'tag ' + (SENTIMENTS[m.sentiment[j]] || 'none') + (mentionShown(cols, j, theme, sentiment) ? '' : ' dim'), mentionText(cols, j));
        tags.appendChild(tag);
      }
      item.appendChild(tags);
      list.appendChild(item);
    });
    controls.count.textContent = t.matches.replace('{n}', count(matched)).replace('{total}', count(n));
    controls.page.textContent = t.page.replace('{page}', String(state.page + 1)).replace('{pages}', String(pages));
    controls.prev.disabled = state.page === 0;
    controls.next.disabled = state.page >= pages - 1;
    if (matched === 0) list.appendChild(el('li', 'empty', n === 0 ? t.noVerbatims : t.noMatch));
    var section = document.getElementById('explorer');
    section.dataset.matches = String(matched);
    void section.offsetHeight;
  }

  function draw() {
    if (served) return drawServed();
    var started = performance.now();
    selected = sortRows(matchRows(state));
    var pages = Math.max(1, Math.ceil(selected.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    render(data, selected.slice(state.page * PAGE, state.page * PAGE + PAGE), selected.length);
    document.body.dataset.explorerMs = String(performance.now() - started);
    writeHash();
  }

  // ---- a served run: ecoute serve's API on the page's own origin ----
  var sw = served ? served.text : null;
  var seq = 0;
  var inFlight = null;
  var ready = false;
  var reachable = /^https?:$/.test(location.protocol);
  var apiError = null;
  function fill(text) { return text.replace('{n}', count(n)).replace('{max}', count(served.max)); }
  function reason(error) { return error && error.message ? error.message : String(error); }

  /** The API's parameters for the filters of s (dates only when valid: a hash may carry anything). */
  function filterParams(s, params) {
    ['q', 'theme', 'sentiment', 'nps_category'].concat(DIMS).forEach(function (k) { if (s[k]) params.set(k, s[k]); });
    if (s.from && dayNumber(s.from) !== null) params.set('from', s.from);
    if (s.to && dayNumber(s.to) !== null) params.set('to', s.to);
    return params;
  }
  function csvUrl() {
    var params = filterParams(state, new URLSearchParams());
    if (state.sort !== 'date-desc') params.set('sort', state.sort);
    var query = params.toString();
    return '/api/explorer.csv' + (query === '' ? '' : '?' + query);
  }

  /** GET a JSON answer of the API; its { error } (or the HTTP status) as the Error's message. */
  function getJson(url, signal) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: signal }).then(function (res) {
      return res.json().then(function (body) {
        if (!res.ok) throw new Error((body && body.error) || 'HTTP ' + res.status);
        return body;
      }, function () { throw new Error('HTTP ' + res.status); });
    });
  }

  /** A page of the API's rows as the columns render() reads (themes and sources: the API's dictionaries). */
  function pageColumns(rows) {
    var cols = { n: rows.length, id: [], day: [], nps: [], csat: [], ces: [], arr: [], dims: {}, text: [], folded: [], themes: meta.themes, sources: meta.sources,
      mention: { offsets: [0], theme: [], sentiment: [], from: [], to: [], source: [], evidence: [] } };
    DIMS.forEach(function (d) { cols.dims[d] = { values: [], codes: [] }; });
    rows.forEach(function (r) {
      cols.id.push(r.id);
      cols.day.push(dayNumber(r.day));
      cols.nps.push(r.nps);
      cols.csat.push(r.csat);
      cols.ces.push(r.ces);
      cols.arr.push(r.arr);
      DIMS.forEach(function (d) {
        var dim = cols.dims[d];
        var code = dim.values.indexOf(r.dims[d]);
        if (code < 0) { code = dim.values.length; dim.values.push(r.dims[d]); }
        dim.codes.push(code);
      });
      cols.text.push(r.text);
      cols.folded.push(fold(r.text));
      var m = cols.mention;
      r.mentions.forEach(function (x) {
        m.theme.push(meta.themes.indexOf(x.theme));
        m.sentiment.push(SENTIMENTS.indexOf(x.sentiment));
        m.from.push(x.from);
        m.to.push(x.to);
        m.source.push(meta.sources.indexOf(x.source));
        m.evidence.push(x.evidence);
      });
      m.offsets.push(m.theme.length);
    });
    return cols;
  }

  /** Asks the API for the page of the filters, then draws it (an answer to filters since changed is dropped). */
  function drawServed() {
    if (!ready) return;
    var started = performance.now();
    var mine = ++seq;
    if (inFlight !== null) inFlight.abort();
    inFlight = new AbortController();
    var section = document.getElementById('explorer');
    section.dataset.state = 'loading';
    controls.count.textContent = sw.loading;
    controls.csvLink.href = csvUrl();
    writeHash();
    var params = filterParams(state, new URLSearchParams());
    params.set('sort', state.sort);
    params.set('page', String(state.page + 1));
    params.set('page_size', String(PAGE));
    getJson('/api/explorer?' + params.toString(), inFlight.signal).then(function (body) {
      if (mine !== seq) return;
      inFlight = null;
      var pages = Math.max(1, Math.ceil(body.n / PAGE));
      if (state.page >= pages) {
        state.page = pages - 1;
        drawServed();
        return;
      }
      render(pageColumns(body.rows), body.rows.map(function (r, i) { return i; }), body.n);
      section.dataset.state = 'ready';
      document.body.dataset.explorerMs = String(performance.now() - started);
      document.body.dataset.explorerDraws = String(Number(document.body.dataset.explorerDraws || 0) + 1);
      document.body.dataset.explorer = 'ready';
    }, function (error) {
      if (mine !== seq || (error && error.name === 'AbortError')) return;
      inFlight = null;
      section.dataset.state = 'error';
      controls.list.textContent = '';
      controls.count.textContent = '';
      controls.list.appendChild(el('li', 'empty', sw.failed.replace('{error}', reason(error)) + ' ' + fill(sw.unavailable)));
      document.body.dataset.explorer = 'error';
    });
  }

  /** No API to ask (the page opened from disk, or the API out of reach): the panel says what to run, in words. */
  function unavailable(error) {
    var section = document.getElementById('explorer');
    var p = el('p', 'unavailable', (error ? sw.failed.replace('{error}', reason(error)) + ' ' : '') + fill(sw.unavailable));
    p.id = 'explorer-unavailable';
    section.appendChild(p);
    section.dataset.state = 'unavailable';
    reachable = false;
    apiError = error;
    document.body.dataset.explorer = 'unavailable';
  }

  /** A derived chart's rows for the page's filters, from the API (theme labels added by the caller). */
  function derived(chart, filters) {
    if (!reachable) return Promise.reject(new Error((apiError ? sw.chartFailed.replace('{error}', reason(apiError)) + ' ' : '') + fill(sw.unavailable)));
    var params = new URLSearchParams();
    params.set('chart', chart);
    filterParams(Object.assign(emptyState(), filters || {}), params);
    return getJson('/api/explorer/derived?' + params.toString()).then(function (body) { return body.rows; }, function (error) {
      throw new Error(sw.chartFailed.replace('{error}', reason(error)));
    });
  }

  // ---- URL hash (shared with the dashboard's filters) ----
  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    var s = emptyState();
    Object.keys(s).forEach(function (k) {
      var v = params.get('v_' + k);
      if (v !== null) s[k] = k === 'page' ? Math.max(0, parseInt(v, 10) - 1 || 0) : v;
    });
    if (SORTS.indexOf(s.sort) < 0) s.sort = 'date-desc';
    return s;
  }
  function writeHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    var blank = emptyState();
    Object.keys(state).forEach(function (k) {
      var v = k === 'page' ? state.page + 1 : state[k];
      if (state[k] === blank[k]) params.delete('v_' + k); else params.set('v_' + k, String(v));
    });
    var hash = params.toString();
    if (hash !== location.hash.replace(/^#/, '')) history.replaceState(null, '', hash === '' ? location.pathname + location.search : '#' + hash);
  }

  // ---- CSV of the selection ----
  function csv() {
    var head = ['response_id', 'date', 'nps', 'csat', 'ces', 'nps_category'].concat(DIMS).concat(['arr', 'themes', 'verbatim']);
    var m = data.mention;
    return window.ecouteUi.csv(head, selected.map(function (i) {
      var themes = [];
      for (var j = m.offsets[i]; j < m.offsets[i + 1]; j++) themes.push(data.themes[m.theme[j]] + ':' + (SENTIMENTS[m.sentiment[j]] || ''));
      return [data.id[i], dayString(data.day[i]), data.nps[i], data.csat[i], data.ces[i], npsCategory(data.nps[i])]
        .concat(DIMS.map(function (d) { return data.dims[d].values[data.dims[d].codes[i]]; }))
        .concat([data.arr[i], themes.join('; '), data.text[i]]);
    }));
  }

  // ---- controls ----
  function select(key, label, options) {
    var wrap = el('label', 'filter');
    wrap.appendChild(el('span', null, label));
    var s = el('select');
    s.id = 'explorer-' + key.replace(/_/g, '-');
    options.forEach(function (o) {
      var opt = el('option', null, o.label);
      opt.value = o.key;
      s.appendChild(opt);
    });
    s.addEventListener('change', function () { state[key] = s.value; state.page = 0; draw(); });
    wrap.appendChild(s);
    controls[key] = s;
    return wrap;
  }
  function dateInput(key, label) {
    var wrap = el('label', 'filter');
    wrap.appendChild(el('span', null, label));
    var input = el('input');
    input.type = 'date';
    input.id = 'explorer-' + key;
    input.addEventListener('change', function () { state[key] = input.value; state.page = 0; draw(); });
    wrap.appendChild(input);
    controls[key] = input;
    return wrap;
  }
  function all(label) { return [{ key: '', label: label }]; }
  function sync() {
    Object.keys(controls).forEach(function (k) {
      if (state[k] !== undefined && controls[k].value !== undefined && k !== 'page') controls[k].value = state[k];
    });
  }

  function heading() {
    var section = document.getElementById('explorer');
    section.appendChild(el('h2', null, t.title));
    section.appendChild(el('p', 'note', t.note));
  }

  /** The filters, list and pager, for the run's themes and the values of each dimension (dimValues(d)). */
  function build(themes, dimValues) {
    var section = document.getElementById('explorer');
    var bar = el('div', 'explorer-filters');
    var search = el('input');
    search.type = 'search';
    search.id = 'explorer-search';
    search.placeholder = t.search;
    search.setAttribute('aria-label', t.search);
    search.addEventListener('input', function () { state.q = search.value; state.page = 0; draw(); });
    controls.q = search;
    bar.appendChild(search);
    var themeOptions = themes.map(function (id, k) { return { key: id, label: themeLabels[k] }; })
      .sort(function (a, b) { return a.label.localeCompare(b.label); });
    bar.appendChild(select('theme', t.theme, all(t.all).concat(themeOptions)));
    bar.appendChild(select('sentiment', t.sentiment, all(t.all).concat(SENTIMENTS.map(function (s) { return { key: s, label: t.sentiments[s] }; }))));
    bar.appendChild(select('nps_category', t.npsCategory, all(t.all).concat(['detractor', 'passive', 'promoter', 'none'].map(function (c) { return { key: c, label: t.npsCategories[c] }; }))));
    DIMS.forEach(function (d) {
      if (dimValues(d).length < 2 && d !== 'segment') return;
      bar.appendChild(select(d, t.dims[d], all(t.all).concat(dimValues(d).map(function (v) { return { key: v, label: v }; }))));
    });
    bar.appendChild(dateInput('from', t.from));
    bar.appendChild(dateInput('to', t.to));
    bar.appendChild(select('sort', t.sort, SORTS.map(function (s) { return { key: s, label: t.sorts[s] }; })));
    var reset = el('button', 'reset', t.reset);
    reset.type = 'button';
    reset.id = 'explorer-reset';
    reset.addEventListener('click', function () { state = emptyState(); sync(); draw(); });
    bar.appendChild(reset);
    if (!served) bar.appendChild(window.ecouteUi.exportBar('explorer', t.title, [{ format: 'csv', run: csv }]));
    else {
      // the whole selection, streamed by the server: a link, not a file built in the page
      var exports = window.ecouteUi.exportBar('explorer', t.title, []);
      var link = el('a', 'export', 'CSV');
      link.id = 'explorer-csv';
      link.download = 'explorer.csv';
      link.href = csvUrl();
      link.setAttribute('aria-label', payload.text.exports.label.replace('{name}', t.title).replace('{format}', 'CSV'));
      exports.appendChild(link);
      controls.csvLink = link;
      bar.appendChild(exports);
    }
    section.appendChild(bar);
    controls.count = el('p', 'count');
    controls.count.id = 'explorer-count';
    section.appendChild(controls.count);
    controls.list = el('ol', 'verbatims');
    controls.list.id = 'explorer-list';
    section.appendChild(controls.list);
    var pager = el('div', 'pager');
    controls.prev = el('button', null, t.prev);
    controls.prev.type = 'button';
    controls.prev.id = 'explorer-prev';
    controls.prev.addEventListener('click', function () { state.page -= 1; draw(); });
    controls.page = el('span', 'page');
    controls.next = el('button', null, t.next);
    controls.next.type = 'button';
    controls.next.id = 'explorer-next';
    controls.next.addEventListener('click', function () { state.page += 1; draw(); });
    pager.appendChild(controls.prev);
    pager.appendChild(controls.page);
    pager.appendChild(controls.next);
    section.appendChild(pager);
  }

  function set(filters) {
    Object.keys(filters || {}).forEach(function (k) {
      if (k in state && k !== 'page') state[k] = filters[k] === null || filters[k] === undefined ? '' : String(filters[k]);
    });
    state.page = 0;
    sync();
    draw();
  }

  function open(filters) {
    state = emptyState();
    set(filters);
    document.getElementById('explorer').scrollIntoView();
  }
  function copyState() { return JSON.parse(JSON.stringify(state)); }

  window.ecouteExplorer = served ? { open: open, set: set, state: copyState, dims: DIMS, served: true, derived: derived, csvUrl: csvUrl } : {
    open: open,
    set: set,
    state: copyState,
    selection: function () { return selected.slice(); },
    csv: csv,
    dims: DIMS,
    /** indices of the verbatims passing filters (segment, region, ..., from, to, theme, ...), newest first */
    rowsWhere: function (filters) { return matchRows(Object.assign(emptyState(), filters || {})); },
    data: data,
  };
  // a panel of the dashboard: the page's filters (dimensions and dates) that change become the explorer's
  window.ecoutePanels = (window.ecoutePanels || []).concat([{ id: 'explorer', update: function (filters, changed) { if (Object.keys(changed).length > 0) set(changed); } }]);

  heading();
  if (served) {
    state = readHash();
    if (!/(^|[#&])v_/.test(location.hash)) Object.keys(payload.explorer.filters || {}).forEach(function (k) { if (k in state) state[k] = payload.explorer.filters[k]; });
    document.body.dataset.explorerInitMs = String(performance.now() - initStarted);
    document.body.dataset.explorerLoadedAt = String(performance.now());
    if (!reachable) return unavailable(null);
    var status = el('p', 'count', sw.loading);
    status.id = 'explorer-status';
    document.getElementById('explorer').appendChild(status);
    getJson('/api/explorer/meta').then(function (body) {
      meta = body;
      n = meta.n;
      themeLabels = labelsOf(meta.themes);
      status.remove();
      build(meta.themes, function (d) { return meta.dims[d] || []; });
      ready = true;
      sync();
      drawServed();
    }, function (error) {
      status.remove();
      unavailable(error);
    });
    return;
  }
  build(data.themes, function (d) { return data.dims[d].values; });
  state = readHash();
  if (!/(^|[#&])v_/.test(location.hash)) Object.keys(payload.explorer.filters || {}).forEach(function (k) { if (k in state) state[k] = payload.explorer.filters[k]; });
  sync();
  draw();
  document.body.dataset.explorerInitMs = String(performance.now() - initStarted);
  document.body.dataset.explorerLoadedAt = String(performance.now());
  document.body.dataset.explorer = 'ready';
  // fold the texts for search once the page is drawn, so the first search does not pay for it
  setTimeout(foldedTexts, 0);
}());
`;
