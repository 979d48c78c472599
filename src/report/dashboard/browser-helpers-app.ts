/**
 * What the dashboard's browser scripts share (written to dashboard/helpers.js, loaded first):
 * window.ecouteUi with `el(tag, class, text)` (an element whose text goes in through textContent,
 * never innerHTML), `money(value, lang, currency)` in the reader's scale (€15.2M, 15,2 M €),
 * `csv(head, rows)` — RFC 4180 quoting, CRLF, text cells that a spreadsheet would evaluate prefixed
 * with a quote (the same trigger as the call-back CSV, FORMULA_TRIGGER) — and `download(name, text)`,
 * a UTF-8 file with a byte-order mark so spreadsheets read the accents.
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
  function download(name, content) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob(['\ufeff' + content], { type: 'text/csv;charset=utf-8' }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
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
  window.ecouteUi = { el: el, money: money, csv: text, download: download };
}());
`;
