// A tiny HTML builder where escaping is the default: plain strings given as children or attribute values
// are always escaped, and only `Html` values built here (or the report's own constant assets) are
// inserted as markup. So no path from workspace text to unescaped output exists in the HTML renderer.
import { escapeHtml } from './escape';

export interface Html {
  readonly html: string;
}

export type Child = string | Html | undefined | false;

export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

const VOID = new Set(['meta', 'input', 'br', 'link']);
/** Followed by a line break, so the file reads (and diffs) line by line; browsers ignore it there. */
const BLOCK = new Set(['html', 'head', 'body', 'meta', 'title', 'style', 'script', 'header', 'nav', 'section', 'article', 'h1', 'h2', 'h3', 'p', 'div', 'dl', 'dt', 'dd', 'ul', 'li', 'table', 'thead', 'tbody', 'tr']);

export function el(tag: string, attributes: Attributes = {}, ...children: Child[]): Html {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`))
    .join('');
  const end = BLOCK.has(tag) ? '\n' : '';
  if (VOID.has(tag)) return { html: `<${tag}${attrs}>${end}` };
  return { html: `<${tag}${attrs}>${join(children).html}</${tag}>${end}` };
}

export function join(children: readonly Child[], separator = ''): Html {
  return { html: children.filter((c): c is string | Html => c !== undefined && c !== false).map(toHtml).join(separator) };
}

/** Markup the renderer itself wrote (constant CSS, script, doctype); never pass workspace text here. */
export function trusted(html: string): Html {
  return { html };
}

function toHtml(child: string | Html): string {
  return typeof child === 'string' ? escapeHtml(child) : child.html;
}
