// Escaping for every output format. All text from the workspace (titles, messages, attribute values,
// file names) is hostile until escaped: a requirement titled `<script>` must render as text, a `|` must not
// split a Markdown table, and `=cmd` must not run as a spreadsheet formula.
// @implements STM-1
import type { JsonLocation } from '../export/checkJson';

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/** Collapses line breaks and runs of whitespace: a cell or heading is one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text for Markdown (headings, list items, table cells) on one line. HTML's special characters become
 * entities, so no tag can be formed; Markdown's become backslash escapes, so no emphasis, link, image, code
 * span, table cell break, heading close or math span can be formed. Line breaks become spaces, so the text
 * never starts a line and line-start syntax (lists, headings, `---`) cannot occur.
 */
export function escapeMarkdown(text: string): string {
  return escapeInline(oneLine(text));
}

function escapeInline(text: string): string {
  return text
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c])
    .replace(/[\\`*_[\]#!|~$]/g, (c) => `\\${c}`);
}

/**
 * A finding message or rule text for a Markdown table cell, where `backticked` parts (IDs, attribute
 * values) become code spans. Code span content is literal in Markdown (no tags, no emphasis), so it only
 * needs its line breaks collapsed and its pipes escaped, which GFM undoes inside table cells. With an odd
 * number of backticks the pairing is unclear and the whole text is escaped as plain text instead.
 */
export function escapeMarkdownMessage(text: string): string {
  const parts = oneLine(text).split('`');
  if (parts.length % 2 === 0) return escapeMarkdown(text);
  return parts.map((part, i) => (i % 2 === 0 ? escapeInline(part) : codeSpan(part))).join('');
}

function codeSpan(content: string): string {
  if (!content.trim()) return escapeInline(`\`${content}\``);
  return `\`${content.replace(/\|/g, '\\|')}\``;
}

/** A workspace-relative path as a URL path: each segment percent-encoded, including `(`, `)` and `'`. */
export function encodePath(file: string): string {
  return file.split('/').map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

/** A link from the report to a line of a file; `linkBase` leads from the report's folder to the root. */
export function fileHref(linkBase: string, location: JsonLocation): string {
  return `${linkBase}${encodePath(location.file)}#L${location.line}`;
}

export function locationLabel(location: JsonLocation): string {
  return `${location.file}:${location.line}`;
}

/** Leading characters that make spreadsheet programs evaluate a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180), with formula-looking text neutralised by a leading apostrophe. */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
