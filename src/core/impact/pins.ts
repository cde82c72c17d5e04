// Pins: a trace tag may record the fingerprint of the item it was written against, right after the ID:
// `@implements SR-12#3fa9c1`. The pin is `#` and 6 to 16 lower-case hex digits, with no space on either
// side of the `#`, and ends where a word does. Anything else glued to an ID with `#` (`SR-12#L4`,
// `SR-12#3FA9C1`) is reported, never silently read as a pin or dropped.
// @implements ST-51
import { MAX_PIN_LENGTH, MIN_PIN_LENGTH } from './fingerprint';

const PIN = new RegExp(`#([0-9a-f]{${MIN_PIN_LENGTH},${MAX_PIN_LENGTH}})(?![\\w#-])`, 'y');
/** What someone may have meant as a pin: `#` and the word-ish run after it. */
const PIN_LIKE = /#[\w-]*/y;

export type PinRead =
  | { readonly pin: string; readonly end: number }
  | { readonly bad: string; readonly end: number };

/** The pin (or the malformed one) at `at`, right after an ID; undefined when no `#` is there. */
export function readPin(text: string, at: number): PinRead | undefined {
  if (text.charCodeAt(at) !== 35 /* # */) return undefined;
  PIN.lastIndex = at;
  const match = PIN.exec(text);
  if (match) return { pin: match[1], end: PIN.lastIndex };
  PIN_LIKE.lastIndex = at;
  const like = PIN_LIKE.exec(text) as RegExpExecArray;
  return { bad: like[0], end: PIN_LIKE.lastIndex };
}

/** The message for a malformed pin. */
export function badPinMessage(id: string, written: string): string {
  return `\`${written}\` after \`${id}\` is not a pin: a pin is \`#\` and ${MIN_PIN_LENGTH} to ${MAX_PIN_LENGTH} lower-case hex digits, as in \`${id}#3fa9c1\` (run \`sectrace pin\` to write it)`;
}
