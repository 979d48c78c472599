/**
 * What the dashboard's browser scripts share (written to dashboard/helpers.js, loaded first):
 * window.ecouteUi with `el(tag, class, text)` (an element whose text goes in through textContent,
 * never innerHTML), `money(value, lang, currency)` in the reader's scale (€15.2M, 15,2 M €),
 * `csv(head, rows)` — RFC 4180 quoting, CRLF, text cells that a spreadsheet would evaluate prefixed
 * with a quote (the same trigger as the call-back CSV, FORMULA_TRIGGER) — and `download(name, text)`,
 * a UTF-8 file with a byte-order mark so spreadsheets read the accents — and `exportBar(panelId, name,
 * actions)`: the download buttons of a panel or chart (one per format: CSV, SVG, PNG; the button's
 * id `<panelId>-<format>`, its file `<panelId>.<format>`, its accessible name "Download <name> as
 * CSV" in the page's language: payload.text.exports). `action.run()` gives the file's content: CSV
 * text (written with the byte-order mark), SVG text, or a data URL (PNG), or a promise of one.
 */
import { FORMULA_TRIGGER } from '../callback/callback-csv.ts';

export const HELPERS_SCRIPT = 'helpers.js';

export const HELPERS_APP_JS = String.raw`(function () {
  'use strict';
  var FORMULA = new RegExp(${JSON.stringify(FORMULA_TRIGGER.source)});
  function cell(v) {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return isFinite(v) ? String(v) : '';
    var s = String(v);
    if (FORMULA.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function text(head, rows) {
    return [head.join(',')].concat(rows.map(function (r) { return r.map(cell).join(','); })).join('\r\n') + '\r\n';
  }
  function save(name, blob) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
  function download(name, content) {
    save(name, new Blob(['\ufeff' + content], { type: 'text/csv;charset=utf-8' }));
  }
  /** A data URL (the PNG vega draws) as a Blob: no fetch, the page's policy allows no connection. */
  function dataUrlBlob(url) {
    var comma = url.indexOf(',');
    var bytes = atob(url.slice(comma + 1));
    var out = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) out[i] = bytes.charCodeAt(i);
    return new Blob([out], { type: url.slice(5, comma).replace(/;base64$/, '') });
  }
  var FORMATS = {
    csv: function (name, content) { download(name, content); },
    svg: function (name, content) { save(name, new Blob([content], { type: 'image/svg+xml;charset=utf-8' })); },
    png: function (name, content) { save(name, dataUrlBlob(content)); },
  };
  var words = null;
  function exportWords() {
    if (words === null) words = JSON.parse(document.getElementById('ecoute-data').textContent).text.exports;
    return words;
  }
  function exportBar(panelId, name, actions) {
    var w = exportWords();
    var bar = el('div', 'exports');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', w.group.replace('{name}', name));
    actions.forEach(function (action) {
      var format = action.format;
      var button = el('button', 'export', format.toUpperCase());
      button.type = 'button';
      button.id = panelId + '-' + format;
      button.dataset.export = format;
      button.setAttribute('aria-label', w.label.replace('{name}', name).replace('{format}', format.toUpperCase()));
      button.addEventListener('click', function () {
        Promise.resolve(action.run()).then(function (content) {
          if (content !== null && content !== undefined) FORMATS[format](panelId + '.' + format, content);
        }, function (error) { console.error(error); });
      });
      bar.appendChild(button);
    });
    return bar;
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function money(v, lang, currency) {
    if (v === null || v === undefined) return '';
    try {
      return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: currency, notation: 'compact', maximumSignificantDigits: 3 }).format(v);
    } catch (e) {
      return String(v) + ' ' + currency;
    }
  }
  window.ecouteUi = { el: el, money: money, csv: text, download: download, exportBar: exportBar };
}());
`;
