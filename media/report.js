// The report webview's only script. It asks the extension to open files and to export; the extension
// checks every message, so this script holds no privileges of its own.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();

  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    const button = target && target.closest('button[data-export]');
    if (button) {
      vscode.postMessage({ type: 'export', format: button.getAttribute('data-export') });
      return;
    }
    const link = target && target.closest('a[href]');
    if (!link) return;
    const href = link.getAttribute('href') || '';
    if (href.startsWith('#')) return;
    // The webview must not navigate anywhere: a file link becomes a request, anything else is ignored.
    event.preventDefault();
    const file = link.getAttribute('data-file');
    const open = file ? { file: file, line: Number(link.getAttribute('data-line')) || 1 } : parseFileLink(href);
    if (open) vscode.postMessage({ type: 'open', file: open.file, line: open.line });
  });

  // Links without data-file: `src/pump.ts#L12`, `src/pump.ts:12` or `src/pump.ts`; URLs with a scheme are not files.
  function parseFileLink(href) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined;
    const match = /^([^#?]+?)(?::(\d+)(?::\d+)?)?(?:#L(\d+)(?:[,:]\d+)?)?$/.exec(href);
    if (!match) return undefined;
    let file;
    try {
      file = decodeURIComponent(match[1]).replace(/^\.\//, '');
    } catch (e) {
      return undefined;
    }
    return { file: file, line: Number(match[2] || match[3] || 1) };
  }
})();
