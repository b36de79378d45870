"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.renderViewHtml = renderViewHtml;
function esc(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
/** JSON that cannot end the script element it sits in. */
function scriptJson(v) {
    return JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
const CSS = `
:root { --bad: #b00020; --changed: #fff1a8; --sel: #dbe9ff; --line: #d0d4da; --muted: #5f6670; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2125; background: #fafbfc; }
header { padding: 12px 20px 8px; border-bottom: 1px solid var(--line); background: #fff; }
h1 { font-size: 18px; margin: 0 0 4px; }
.meaning { margin: 0 0 4px; }
.about, .notes, .keys { margin: 0; color: var(--muted); font-size: 12px; }
main { display: grid; grid-template-columns: minmax(0, max-content) minmax(30em, 1fr); gap: 16px; padding: 12px 20px; align-items: start; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow-x: auto; }
h2 { font-size: 15px; margin: 0 0 8px; }
table { border-collapse: collapse; font: 13px/1.3 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; white-space: nowrap; }
th { background: #f1f3f5; font-weight: 600; }
th small { display: block; font-weight: 400; color: var(--muted); font: 11px system-ui, sans-serif; white-space: normal; max-width: 10em; }
#lanes tr.step { cursor: pointer; }
#lanes tr.step:hover td { background: #f3f7ff; }
#lanes tr.step td.num { color: var(--muted); text-align: right; }
#lanes tr.step td.act { font-weight: 600; }
#lanes tr.selected td { background: var(--sel) !important; }
#lanes tr.breaking td.act { color: var(--bad); }
#lanes tr.breaking td.mark { color: var(--bad); font-weight: 600; }
td.mark, th.mark { border: none; background: none; font: 12px system-ui, sans-serif; white-space: normal; min-width: 9em; }
.grid { margin-bottom: 12px; }
.grid td.changed, #vars li.changed { background: var(--changed); font-weight: 600; }
.grid td.bad { color: var(--bad); }
#current { font: 600 13px ui-monospace, "DejaVu Sans Mono", monospace; }
#vars { list-style: none; margin: 0; padding: 0; font: 12px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; columns: 26em; }
#vars li { padding: 0 4px; break-inside: avoid; }
details summary { cursor: pointer; font-weight: 600; margin: 6px 0; }
kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; background: #f6f8fa; font-size: 11px; }
`;
/** The page's script: renders the lanes once, the state panel on each selection. */
const SCRIPT = `
(function () {
  var doc = JSON.parse(document.getElementById('trace-data').textContent);
  var cur = -1;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  var lanes = document.getElementById('lanes');
  var head = el('tr');
  head.appendChild(el('th', '', 'step'));
  doc.lanes.forEach(function (l) {
    var th = el('th', '', l.name);
    th.appendChild(el('small', '', l.role));
    head.appendChild(th);
  });
  head.appendChild(el('th', 'mark', ''));
  lanes.appendChild(head);
  doc.steps.forEach(function (s, i) {
    var tr = el('tr', 'step' + (i === doc.breaking ? ' breaking' : ''));
    tr.setAttribute('data-step', String(i));
    tr.appendChild(el('td', 'num', String(i)));
    doc.lanes.forEach(function (l, j) {
      var td = el('td', s && s.lane === j ? 'act' : '', s === null ? (j === 0 ? 'initial state' : '') : s.lane === j ? s.label : '');
      if (s && s.lane === j) td.title = s.text;
      tr.appendChild(td);
    });
    tr.appendChild(el('td', 'mark', i === doc.breaking ? '\\u25c0 ' + doc.breakingText : ''));
    tr.addEventListener('click', function () { select(i); });
    lanes.appendChild(tr);
  });
  function select(i) {
    if (i < 0 || i >= doc.steps.length) return;
    cur = i;
    var rows = lanes.querySelectorAll('tr.step');
    for (var k = 0; k < rows.length; k++) rows[k].classList.toggle('selected', k === i);
    rows[i].scrollIntoView({ block: 'nearest' });
    var s = doc.steps[i];
    document.getElementById('current').textContent = i === 0 ? 'Initial state' : 'After step ' + i + ': ' + s.text +
      (i === doc.breaking ? '  \\u2014 ' + doc.breakingText : '');
    var st = doc.states[i];
    var grids = document.getElementById('grids');
    grids.textContent = '';
    st.grids.forEach(function (g) {
      var t = el('table', 'grid');
      t.setAttribute('data-grid', g.title);
      var h = el('tr');
      h.appendChild(el('th', '', g.title));
      g.columns.forEach(function (c) { h.appendChild(el('th', '', c)); });
      t.appendChild(h);
      g.rows.forEach(function (r) {
        var tr = el('tr');
        tr.setAttribute('data-row', r.name);
        tr.appendChild(el('th', '', r.name));
        r.cells.forEach(function (c, k) {
          var td = el('td', [c.changed ? 'changed' : '', c.alarm ? 'bad' : ''].join(' ').trim(), c.text);
          td.setAttribute('data-col', g.columns[k]);
          tr.appendChild(td);
        });
        t.appendChild(tr);
      });
      grids.appendChild(t);
    });
    var vars = document.getElementById('vars');
    vars.textContent = '';
    st.vars.forEach(function (v) {
      var li = el('li', v[2] ? 'changed' : '', v[0] + ' = ' + v[1]);
      vars.appendChild(li);
    });
    var n = st.vars.filter(function (v) { return v[2]; }).length;
    document.getElementById('nchanged').textContent = i === 0 ? '' : ' (' + n + ' changed by this step, highlighted)';
    if (history.replaceState) history.replaceState(null, '', '#step-' + i);
  }
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var k = e.key, next = null;
    if (k === 'ArrowDown' || k === 'ArrowRight' || k === 'j') next = cur + 1;
    else if (k === 'ArrowUp' || k === 'ArrowLeft' || k === 'k') next = cur - 1;
    else if (k === 'Home' || k === 'g') next = 0;
    else if (k === 'End' || k === 'G') next = doc.steps.length - 1;
    else if (k === 'b' && doc.breaking >= 0) next = doc.breaking;
    if (next === null) return;
    e.preventDefault();
    select(Math.max(0, Math.min(doc.steps.length - 1, next)));
  });
  var m = /^#step-(\\d+)$/.exec(location.hash);
  select(m ? Math.min(Number(m[1]), doc.steps.length - 1) : 0);
})();
`;
/** The page. */
function renderViewHtml(doc) {
    const lines = [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        // nothing from the network: the page works offline and leaks nothing when opened
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${esc(doc.title)}</title>`,
        `<style>${CSS}</style>`,
        '</head>',
        '<body>',
        '<header>',
        `<h1 id="title">${esc(doc.title)}</h1>`,
        `<p class="meaning" id="meaning">${doc.property ? `<b>${esc(doc.property)}</b>: ` : ''}${esc(doc.meaning)}</p>`,
        ...doc.about.map((a) => `<p class="about">${esc(a)}</p>`),
        ...doc.notes.map((n) => `<p class="notes">${esc(n)}</p>`),
        `<p class="keys">Click a step, or <kbd>&darr;</kbd>/<kbd>j</kbd> next, <kbd>&uarr;</kbd>/<kbd>k</kbd> previous, <kbd>Home</kbd>/<kbd>g</kbd> initial state, <kbd>End</kbd>/<kbd>G</kbd> last step${doc.breaking >= 0 ? ', <kbd>b</kbd> the breaking step' : ''}.</p>`,
        '</header>',
        '<main>',
        '<section><h2>Steps, one lane per thread, puncher and monitor</h2><table id="lanes"></table></section>',
        '<section><h2 id="current"></h2><div id="grids"></div>',
        '<details open><summary>Every variable<span id="nchanged"></span></summary><ul id="vars"></ul></details></section>',
        '</main>',
        `<script type="application/json" id="trace-data">${scriptJson(doc)}</script>`,
        `<script>${SCRIPT}</script>`,
        '</body>',
        '</html>',
        '',
    ];
    return lines.join('\n');
}
//# sourceMappingURL=html.js.map