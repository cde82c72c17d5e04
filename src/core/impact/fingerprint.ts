// Content fingerprints of spec items: a short, stable hash of what an item says, so a trace tag can pin
// the version of the item it was written against and a review stamp can record the version reviewed.
// The hash is FNV-1a 64 over a normalised form of the title, the description and the attributes:
// whitespace and Markdown formatting do not count (runs of whitespace collapse to one space, emphasis,
// code and strike-through markers are dropped, attribute keys are compared in lower case and in sorted
// order), while any changed word, number or punctuation does.
// Pure TypeScript (no crypto module): the engine runs in the browser-like extension host as well.
// @implements ST-50
import type { TraceItem } from '../model';

/** What a fingerprint is computed from: an item's title, description and attributes. */
export interface ItemContent {
  readonly title: string;
  readonly description: string;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Hex digits a pin written by sectrace has; pins may be longer (up to the full 16), never shorter. */
export const PIN_LENGTH = 6;
export const MIN_PIN_LENGTH = 6;
export const MAX_PIN_LENGTH = 16;

/** The 16-hex-digit fingerprint of an item's content. */
export function fingerprintOf(content: ItemContent): string {
  const attributes = normalisedAttributes(content.attributes);
  const parts = [normaliseText(content.title), ...attributes.map(([key, value]) => `${key}\u0001${value}`), normaliseText(content.description)];
  // Separators no text can contain keep `a` + `bc` apart from `ab` + `c`.
  return fnv1a64(`${parts.length}\u0000${parts.join('\u0000')}`);
}

const cache = new WeakMap<TraceItem, string>();

/** The fingerprint of a graph item, computed once per item object (items are replaced when their file changes). */
export function itemFingerprint(item: TraceItem): string {
  let fingerprint = cache.get(item);
  if (fingerprint === undefined) {
    fingerprint = fingerprintOf(item);
    cache.set(item, fingerprint);
  }
  return fingerprint;
}

/** The pin sectrace writes for a fingerprint: its first PIN_LENGTH digits, or as many as `like` has. */
export function pinOf(fingerprint: string, like?: string): string {
  const length = like === undefined ? PIN_LENGTH : Math.min(MAX_PIN_LENGTH, Math.max(MIN_PIN_LENGTH, like.length));
  return fingerprint.slice(0, length);
}

/** A pin holds when it is a prefix of the item's current fingerprint. */
export function pinMatches(pin: string, fingerprint: string): boolean {
  return pin.length >= MIN_PIN_LENGTH && fingerprint.startsWith(pin);
}

/**
 * The item's content as people read it, one fact per line: the title, the attributes in sorted order,
 * then the description with one line per paragraph. Stored with review stamps and shown in diffs; the
 * fingerprint of the same item does not depend on the line breaks.
 */
export function itemText(content: ItemContent): string {
  const lines = [normaliseText(content.title)];
  for (const [key, value] of normalisedAttributes(content.attributes)) lines.push(`${key}: ${value}`);
  const paragraphs = content.description.split(/\r\n|\r|\n/).map(normaliseText).filter(Boolean);
  if (paragraphs.length) lines.push('', ...paragraphs);
  return lines.join('\n');
}

/** Collapses whitespace, drops Markdown emphasis, code and strike-through markers, unifies quotes and dashes. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[`*~]+/g, '')
    // Underscores mark emphasis only at word edges (`_word_`); inside a word (`snake_case`) they are content.
    .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    // Spacing around list punctuation is formatting: `SR-1,SR-2` says what `SR-1, SR-2` says.
    .replace(/ ?([,;]) ?/g, '$1 ')
    .trim();
}

function normalisedAttributes(attributes: Readonly<Record<string, string>>): [string, string][] {
  const byKey = new Map<string, string>();
  for (const [key, value] of Object.entries(attributes)) {
    const normalKey = key.trim().toLowerCase().replace(/[\s_]+/g, '-');
    if (!byKey.has(normalKey)) byKey.set(normalKey, normaliseText(value));
  }
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const encoder = new TextEncoder();

/**
 * FNV-1a, 64 bits, over the UTF-8 bytes of the text, as 16 lower-case hex digits. The 64-bit product is
 * computed on two 32-bit halves: the prime is 2^40 + 0x1b3, so h * prime = h * 0x1b3 + (h << 40).
 */
export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    const product = lo * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(product / 0x1_0000_0000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = product >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
