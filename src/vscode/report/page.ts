// The webview page around the engine's HTML report: a strict Content-Security-Policy with a per-render
// nonce and only the extension's own media. The report's inline style and script blocks are carried over
// under the nonce: the engine writes those blocks itself and escapes all workspace text, so no workspace
// content can become a block. Inline `style` attributes and event handlers stay blocked by the policy.
// @implements STM-7
import * as vscode from 'vscode';
import { REPORT_FORMATS } from './renderer';

export interface PageInput {
  readonly webview: vscode.Webview;
  readonly mediaRoot: vscode.Uri;
  /** The engine's HTML report, or undefined when no renderer is available. */
  readonly reportHtml: string | undefined;
  /** Why there is no report, shown instead of it. */
  readonly error?: string;
  readonly canExport: boolean;
}

export function pageHtml(input: PageInput): string {
  const { webview, mediaRoot } = input;
  const nonce = makeNonce();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const css = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'report.css'));
  const js = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot, 'report.js'));
  const { styles, scripts, body } = input.reportHtml ? splitReport(input.reportHtml) : { styles: [], scripts: [], body: unavailable(input.error) };
  const buttons = REPORT_FORMATS.map((format) => `<button type="button" data-export="${format}"${input.canExport ? '' : ' disabled'}>${format.toUpperCase()}</button>`).join('');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${css}" nonce="${nonce}">
${styles.map((style) => `<style nonce="${nonce}">${style}</style>`).join('\n')}
<title>${escapeHtml(vscode.l10n.t('Traceability Report'))}</title>
</head>
<body>
<nav class="sectrace-toolbar" aria-label="${escapeHtml(vscode.l10n.t('Export'))}"><span>${escapeHtml(vscode.l10n.t('Export as'))}</span>${buttons}</nav>
<main class="sectrace-report">${body}</main>
${scripts.map((script) => `<script nonce="${nonce}">${script}</script>`).join('\n')}
<script nonce="${nonce}" src="${js}"></script>
</body>
</html>`;
}

/** Takes the report document apart: its `<style>` and `<script>` blocks, and its body without them. */
export function splitReport(html: string): { styles: string[]; scripts: string[]; body: string } {
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
  const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
  const bodyMatch = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  const body = (bodyMatch ? bodyMatch[1] : html.replace(/<head[\s\S]*?<\/head>/i, ''))
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<style[\s\S]*?<\/style>/gi, '');
  return { styles, scripts, body };
}

function unavailable(error: string | undefined): string {
  const text = error ? vscode.l10n.t('The report could not be rendered: {0}', error) : vscode.l10n.t('The report is not ready yet.');
  return `<p class="sectrace-unavailable">${escapeHtml(text)}</p>`;
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
