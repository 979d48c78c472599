/**
 * Chart rows the browser recomputes from the explorer's columns for any selection of verbatims
 * (written to dashboard/derived-rows.js as window.ecouteDerivedRows), so these charts answer
 * every filter of the page. Each function gives the rows of the chart's SQL file for the
 * selected verbatims, field for field (the browser test checks they equal the SQL rows of the
 * whole run):
 *   theme-sentiment        — sql/charts/select-theme-sentiment.sql: mentions per theme and sentiment
 *   segment-theme-heatmap  — sql/charts/select-segment-theme-heatmap.sql: per segment and theme, the
 *                            commented responses, those mentioning the theme, those mentioning it
 *                            negatively, and the two rates (rounded to 4 decimals)
 * (arguments: data = window.ecouteVerbatims, rows = indices of the selected verbatims,
 * label = theme id → display label).
 */
export const DERIVED_ROWS_SCRIPT = 'derived-rows.js';

/** Chart ids whose rows derived-rows.js can compute. */
export const DERIVED_CHARTS = ['theme-sentiment', 'segment-theme-heatmap'] as const;
export type DerivedChart = (typeof DERIVED_CHARTS)[number];

export const DERIVED_ROWS_JS = String.raw`(function () {
  'use strict';
  var SENTIMENTS = ['negative', 'neutral', 'positive'];
  function round4(x) { return Math.round(x * 10000) / 10000; }

  function themeSentiment(data, rows, label) {
    var m = data.mention;
    var counts = {};
    rows.forEach(function (i) {
      for (var j = m.offsets[i]; j < m.offsets[i + 1]; j++) {
        var key = m.theme[j] + '|' + m.sentiment[j];
        counts[key] = (counts[key] || 0) + 1;
      }
    });
    return Object.keys(counts).map(function (key) {
      var parts = key.split('|');
      var id = data.themes[Number(parts[0])];
      var s = Number(parts[1]);
      return { theme_id: id, sentiment_label: s >= 0 ? SENTIMENTS[s] : null, mentions: counts[key], theme: label(id) };
    });
  }

  function heatmap(data, rows, label) {
    var m = data.mention;
    var seg = data.dims.segment;
    var commented = {};
    var mentioning = {};
    var negative = {};
    rows.forEach(function (i) {
      var s = seg.codes[i];
      commented[s] = (commented[s] || 0) + 1;
      var seen = {};
      var neg = {};
      for (var j = m.offsets[i]; j < m.offsets[i + 1]; j++) {
        seen[m.theme[j]] = true;
        if (m.sentiment[j] === 0) neg[m.theme[j]] = true;
      }
      Object.keys(seen).forEach(function (t) { mentioning[s + '|' + t] = (mentioning[s + '|' + t] || 0) + 1; });
      Object.keys(neg).forEach(function (t) { negative[s + '|' + t] = (negative[s + '|' + t] || 0) + 1; });
    });
    var out = [];
    Object.keys(commented).forEach(function (s) {
      data.themes.forEach(function (id, t) {
        var c = commented[s];
        var k = s + '|' + t;
        out.push({ segment: seg.values[Number(s)], theme_id: id, commented: c, mentioning: mentioning[k] || 0, negative: negative[k] || 0,
          mention_rate: round4((mentioning[k] || 0) / c), negative_rate: round4((negative[k] || 0) / c), theme: label(id) });
      });
    });
    return out;
  }

  window.ecouteDerivedRows = { 'theme-sentiment': themeSentiment, 'segment-theme-heatmap': heatmap };
}());
`;
