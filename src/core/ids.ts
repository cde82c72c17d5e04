// Which words are IDs. Only configured prefixes make IDs, so `UTF-8`, `ISO-27001` or `CVE-2024-1234` stay
// plain text unless a team configures those prefixes. The same matcher serves code, Markdown and lookups.
// @implements ST-2
import type { Kind } from './model';

/** `PREFIX-NUMBER` with optional dotted parts: `SR-12`, `MIT-3.1`. Prefixes are letters, digits and `_`, starting with a letter. */
const ID_BODY = String.raw`-\d+(?:\.\d+)*`;
/** Not preceded by a word character, `-` or `.`; not followed by one, nor by `-digit` (so `SR-1-2` is not `SR-1`). */
const BEFORE = String.raw`(?<![\w.\-])`;
const AFTER = String.raw`(?![\w]|-\d)`;

export interface IdMatcher {
  /** Global regex matching configured IDs; group 1 is the prefix. Reset `lastIndex` or use `matchAll`. */
  readonly pattern: RegExp;
  /** Global regex matching any ID-shaped token (`ABC-12`), configured or not; for tag arguments. */
  readonly anyIdPattern: RegExp;
  /** A fast test that a text may contain an ID at all (a superset of `pattern`'s matches). */
  readonly prefilter: RegExp;
  kindOf(id: string): Kind | undefined;
  isId(text: string): boolean;
}

export function createIdMatcher(prefixes: Readonly<Record<string, Kind>>): IdMatcher {
  const names = Object.keys(prefixes).sort((a, b) => b.length - a.length).map(escapeRegExp);
  // With no prefixes configured nothing is an ID: a pattern that never matches keeps every caller simple.
  const alternation = names.length ? names.join('|') : '(?!)';
  const pattern = new RegExp(`${BEFORE}(${alternation})${ID_BODY}${AFTER}`, 'g');
  const exact = new RegExp(`^(${alternation})${ID_BODY}$`);
  return {
    pattern,
    anyIdPattern: new RegExp(`${BEFORE}([A-Za-z][A-Za-z0-9_]*)${ID_BODY}${AFTER}`, 'g'),
    prefilter: new RegExp(`(?:${alternation})-\\d`),
    kindOf(id) {
      const match = exact.exec(id);
      return match ? prefixes[match[1]] : undefined;
    },
    isId(text) {
      return exact.test(text);
    },
  };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
