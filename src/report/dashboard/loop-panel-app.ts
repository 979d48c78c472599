/**
 * The closed-loop panel's browser script (dashboard/loop.js): draws payload.loop, the blocks of the report's
 * "Closed loop" section (closed-loop-section.ts, formatted once on the server, so the panel and the report
 * say the same): compliance with its interval and n, median time to call back, overdue backlog, the table per
 * owner and per segment (scrolled inside the panel, downloadable as loop.csv), the effect of a call-back with its interval, n and caveat. Whole-run figures: the
 * page's filters do not apply to them.
 */
export const LOOP_PANEL_SCRIPT = 'loop.js';

export const LOOP_PANEL_JS = String.raw`(function () {
  'use strict';
  var payload = JSON.parse(document.getElementById('ecoute-data').textContent);
  var section = document.getElementById('loop');
  if (!section || !payload.loop) return;
  var el = window.ecouteUi.el;
  payload.loop.forEach(function (b) {
    if (b.kind === 'list') {
      var ul = el('ul');
      b.items.forEach(function (item) { ul.appendChild(el('li', null, item)); });
      section.appendChild(ul);
    } else if (b.kind === 'table') {
      var table = el('table');
      var thead = el('thead');
      var head = el('tr');
      b.head.forEach(function (h, i) {
        var th = el('th', null, h);
        if (i > 0) th.style.textAlign = 'right';
        head.appendChild(th);
      });
      thead.appendChild(head);
      table.appendChild(thead);
      var body = el('tbody');
      b.rows.forEach(function (r) {
        var tr = el('tr');
        r.forEach(function (c, i) { tr.appendChild(el('td', i === 0 ? null : 'num', c)); });
        body.appendChild(tr);
      });
      table.appendChild(body);
      var rows = b.rows;
      section.appendChild(window.ecouteUi.exportBar('loop', payload.loop[0].text, [{ format: 'csv', run: function () { return window.ecouteUi.csv(b.head, rows); } }]));
      // compact: one owner per row can be a long table, scrolled inside the panel
      var box = el('div');
      box.style.maxHeight = '260px';
      box.style.overflowY = 'auto';
      box.appendChild(table);
      section.appendChild(box);
    } else if (b.kind === 'note') {
      section.appendChild(el('p', 'note', b.text));
    } else if (b.kind === 'h2' || b.kind === 'h3' || b.kind === 'p') {
      section.appendChild(el(b.kind, null, b.text));
    }
  });
  section.dataset.rows = String(payload.loop.length);
}());
`;
