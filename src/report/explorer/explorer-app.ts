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
  var data = window.ecouteVerbatims;
  var payload = JSON.parse(document.getElementById('ecoute-data').textContent);
  var t = payload.explorer.text;
  var themeLabels = data.themes.map(function (id) { return payload.explorer.themeLabels[id] || id; });
  var SENTIMENTS = ['negative', 'neutral', 'positive'];
  var DIMS = ['segment', 'region', 'owner', 'journey_stage', 'touchpoint', 'survey_type', 'language', 'arr_band'];
  var SORTS = ['date-desc', 'date-asc', 'arr-desc', 'arr-asc', 'nps-asc', 'nps-desc'];
  var PAGE = 20;
  var DAY = 86400000;
  var n = data.n;
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

  function mentionText(j) {
    var m = data.mention;
    var words = [themeLabels[m.theme[j]]];
    if (m.sentiment[j] >= 0) words.push(t.sentiments[SENTIMENTS[m.sentiment[j]]]);
    var source = data.sources[m.source[j]];
    words.push((t.sources[source] || source) + (m.evidence[j] ? ' (' + m.evidence[j] + ')' : ''));
    return words.join(' · ');
  }

  function mentionShown(j, theme, sentiment) {
    var m = data.mention;
    return (theme < 0 || m.theme[j] === theme) && (sentiment < 0 || m.sentiment[j] === sentiment);
  }

  /** The verbatim as text nodes and <mark> elements: matched clauses (class clause) and search hits (class hit). */
  function highlighted(i, words, theme, sentiment) {
    var text = data.text[i];
    var kind = new Uint8Array(text.length);
    var titles = {};
    var m = data.mention;
    for (var j = m.offsets[i]; j < m.offsets[i + 1]; j++) {
      if (m.from[j] < 0 || !mentionShown(j, theme, sentiment)) continue;
      for (var c = m.from[j]; c < m.to[j]; c++) kind[c] |= 1;
      titles[m.from[j]] = (titles[m.from[j]] ? titles[m.from[j]] + '\n' : '') + mentionText(j);
    }
    if (words.length > 0) {
      var f = foldedTexts()[i];
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

  function draw() {
    var started = performance.now();
    selected = sortRows(matchRows(state));
    var pages = Math.max(1, Math.ceil(selected.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var words = terms(state);
    var theme = state.theme === '' ? -1 : data.themes.indexOf(state.theme);
    var sentiment = state.sentiment === '' ? -1 : SENTIMENTS.indexOf(state.sentiment);
    var list = controls.list;
    list.textContent = '';
    var m = data.mention;
    selected.slice(state.page * PAGE, state.page * PAGE + PAGE).forEach(function (i) {
      var item = el('li', 'verbatim-item');
      item.dataset.id = data.id[i];
      var meta = [dayString(data.day[i]), data.dims.segment.values[data.dims.segment.codes[i]]];
      if (data.arr[i] !== null) meta.push(t.arr + ' ' + money(data.arr[i]));
      if (data.nps[i] !== null) meta.push('NPS ' + data.nps[i]);
      if (data.csat[i] !== null) meta.push('CSAT ' + data.csat[i]);
      if (data.ces[i] !== null) meta.push('CES ' + data.ces[i]);
      meta.push(data.dims.owner.values[data.dims.owner.codes[i]]);
      item.appendChild(el('div', 'meta', meta.join(' · ')));
      item.appendChild(highlighted(i, words, theme, sentiment));
      var tags = el('div', 'tags');
      for (var j = m.offsets[i]; j < m.offsets[i + 1]; j++) {
        var tag = el('span', 'tag ' + (SENTIMENTS[m.sentiment[j]] || 'none') + (mentionShown(j, theme, sentiment) ? '' : ' dim'), mentionText(j));
        tags.appendChild(tag);
      }
      item.appendChild(tags);
      list.appendChild(item);
    });
    controls.count.textContent = t.matches.replace('{n}', count(selected.length)).replace('{total}', count(n));
    controls.page.textContent = t.page.replace('{page}', String(state.page + 1)).replace('{pages}', String(pages));
    controls.prev.disabled = state.page === 0;
    controls.next.disabled = state.page >= pages - 1;
    if (selected.length === 0) list.appendChild(el('li', 'empty', n === 0 ? t.noVerbatims : t.noMatch));
    var section = document.getElementById('explorer');
    section.dataset.matches = String(selected.length);
    void section.offsetHeight;
    document.body.dataset.explorerMs = String(performance.now() - started);
    writeHash();
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

  function build() {
    var section = document.getElementById('explorer');
    section.appendChild(el('h2', null, t.title));
    section.appendChild(el('p', 'note', t.note));
    var bar = el('div', 'explorer-filters');
    var search = el('input');
    search.type = 'search';
    search.id = 'explorer-search';
    search.placeholder = t.search;
    search.setAttribute('aria-label', t.search);
    search.addEventListener('input', function () { state.q = search.value; state.page = 0; draw(); });
    controls.q = search;
    bar.appendChild(search);
    var themeOptions = data.themes.map(function (id, k) { return { key: id, label: themeLabels[k] }; })
      .sort(function (a, b) { return a.label.localeCompare(b.label); });
    bar.appendChild(select('theme', t.theme, all(t.all).concat(themeOptions)));
    bar.appendChild(select('sentiment', t.sentiment, all(t.all).concat(SENTIMENTS.map(function (s) { return { key: s, label: t.sentiments[s] }; }))));
    bar.appendChild(select('nps_category', t.npsCategory, all(t.all).concat(['detractor', 'passive', 'promoter', 'none'].map(function (c) { return { key: c, label: t.npsCategories[c] }; }))));
    DIMS.forEach(function (d) {
      if (data.dims[d].values.length < 2 && d !== 'segment') return;
      bar.appendChild(select(d, t.dims[d], all(t.all).concat(data.dims[d].values.map(function (v) { return { key: v, label: v }; }))));
    });
    bar.appendChild(dateInput('from', t.from));
    bar.appendChild(dateInput('to', t.to));
    bar.appendChild(select('sort', t.sort, SORTS.map(function (s) { return { key: s, label: t.sorts[s] }; })));
    var reset = el('button', 'reset', t.reset);
    reset.type = 'button';
    reset.id = 'explorer-reset';
    reset.addEventListener('click', function () { state = emptyState(); sync(); draw(); });
    bar.appendChild(reset);
    bar.appendChild(window.ecouteUi.exportBar('explorer', t.title, [{ format: 'csv', run: csv }]));
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

  window.ecouteExplorer = {
    open: function (filters) {
      state = emptyState();
      set(filters);
      document.getElementById('explorer').scrollIntoView();
    },
    set: set,
    state: function () { return JSON.parse(JSON.stringify(state)); },
    selection: function () { return selected.slice(); },
    csv: csv,
    dims: DIMS,
    /** indices of the verbatims passing filters (segment, region, ..., from, to, theme, ...), newest first */
    rowsWhere: function (filters) { return matchRows(Object.assign(emptyState(), filters || {})); },
    data: data,
  };
  // a panel of the dashboard: the page's filters (dimensions and dates) that change become the explorer's
  window.ecoutePanels = (window.ecoutePanels || []).concat([{ id: 'explorer', update: function (filters, changed) { if (Object.keys(changed).length > 0) set(changed); } }]);

  build();
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
