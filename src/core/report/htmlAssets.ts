// The HTML report's inline style and script: constants, no workspace data. The script only sorts and
// filters existing rows (it moves and hides nodes, never parses markup), so it cannot turn escaped text
// back into HTML. Colours follow the system (prefers-color-scheme) and VS Code's theme classes.

export const STYLE = `
body { --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --head: #f6f8fa; --link: #0969da;
  --gap-bg: #ffebe9; --gap-fg: #82071e; --pass: #1a7f37; --fail: #cf222e; }
@media (prefers-color-scheme: dark) {
  body { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --head: #151b23; --link: #4493f8;
    --gap-bg: #3c1618; --gap-fg: #ff9492; --pass: #3fb950; --fail: #f85149; }
}
body.vscode-light { --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --head: #f6f8fa; --link: #0969da;
  --gap-bg: #ffebe9; --gap-fg: #82071e; --pass: #1a7f37; --fail: #cf222e; }
body.vscode-dark, body.vscode-high-contrast { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --head: #151b23;
  --link: #4493f8; --gap-bg: #3c1618; --gap-fg: #ff9492; --pass: #3fb950; --fail: #f85149; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 3rem; background: var(--bg); color: var(--fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--border); padding-bottom: 0.25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
a { color: var(--link); }
nav a { margin-right: 1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0.5rem 0; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.note, .muted { color: var(--muted); }
.verdict { display: inline-block; font-weight: 600; padding: 0.3rem 0.7rem; border-radius: 6px; border: 1px solid; }
.verdict.pass { color: var(--pass); }
.verdict.fail { color: var(--fail); }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid var(--border); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--head); overflow-wrap: normal; }
th button { all: inherit; cursor: pointer; border: 0; padding: 0; background: none; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
td.num, th.num { text-align: right; }
td.nowrap { white-space: nowrap; overflow-wrap: normal; }
.via { white-space: nowrap; color: var(--muted); }
code { font: 0.92em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--head); padding: 0 0.2em; border-radius: 3px; }
table.compact { width: auto; min-width: 24rem; }
#evidence-table td:first-child { white-space: nowrap; }
.gap { background: var(--gap-bg); color: var(--gap-fg); font-weight: 600; padding: 0 0.3rem; border-radius: 4px; }
.filter { display: flex; gap: 0.5rem; align-items: center; margin-top: 0.5rem; }
.filter input { padding: 0.25rem 0.5rem; min-width: 16rem; background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 4px; }
article.threat { border: 1px solid var(--border); border-radius: 6px; padding: 0 1rem 0.5rem; margin: 1rem 0; }
pre.diff { white-space: pre-wrap; background: var(--head); padding: 0.5rem; border-radius: 4px; }
pre.diff .added { color: #1a7f37; } pre.diff .removed { color: #cf222e; text-decoration: line-through; }
@media print { nav, .filter { display: none; } article.threat { break-inside: avoid; } }
`;

export const SCRIPT = `
(function () {
  'use strict';
  function key(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    var sortKey = cell.getAttribute('data-sort');
    return sortKey !== null ? sortKey : cell.textContent.trim();
  }
  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
  }
  function sortable(table) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r, s) { var d = compare(key(r, index), key(s, index)); return ascending ? d : -d; });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function filterable(input) {
    var table = document.getElementById(input.getAttribute('data-filter'));
    var count = document.getElementById(input.getAttribute('data-count'));
    if (!table) return;
    input.addEventListener('input', function () {
      var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
        if (!row.hidden) shown++;
      });
      if (count) count.textContent = shown + ' of ' + table.tBodies[0].rows.length + ' rows';
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), sortable);
  Array.prototype.forEach.call(document.querySelectorAll('input[data-filter]'), filterable);
})();
`;
