// Trace tags inside comments. Two spellings are accepted: the annotation form (an at sign and the tag
// word, then IDs) and the prose form (the tag word and a colon, then IDs). In the prose form only the
// first letter may be upper case, so a banner written in capitals is not a tag. A tag word must be a
// whole word: with a letter right before or after it, it is part of another word and not a tag. A tag
// word right after a backtick is prose about the tag (`@implements` in a sentence), not a tag.
//
// The arguments are the ID-shaped tokens that follow on the same line, separated by spaces, commas or
// `and`; the list ends at the first other token. Stopping at the line end keeps prose on the next line
// of a block comment from being read as arguments. ID-shaped tokens with an unconfigured prefix are
// kept (as foreign) so the checker can report them instead of silently dropping them. An ID may carry a
// pin right after it (`SR-12#3fa9c1`, see impact/pins.ts).
// @implements ST-15, ST-51
import type { IdMatcher } from '../../ids';
import { readPin } from '../../impact/pins';
import type { TagName } from '../../model';

export interface TagWord {
  readonly name: TagName;
  /** The tag as written (at sign and word, or word and colon), for messages. */
  readonly label: string;
  readonly start: number;
  /** Where the arguments start (after the word and its colon, if any). */
  readonly end: number;
}

export interface TagArgument {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** Whether the prefix is configured; otherwise the token is a foreign ID. */
  readonly configured: boolean;
  /** The fingerprint pinned after the ID (`SR-12#3fa9c1`), if any. */
  readonly pin?: string;
  /** Something glued to the ID with `#` that is not a pin, and where it ends. */
  readonly badPin?: { readonly text: string; readonly end: number };
}

/**
 * The distinctive part of every tag word. Searching for it first is about twice as fast as a regex whose
 * alternatives start with lookbehinds or with common letters.
 */
const TAG_STEMS = /mplements|erifies|itigates/g;
const TAG_STEM = new RegExp(TAG_STEMS.source);
/** The whole tag word, tried where a stem was found: the annotation form, then the prose form. */
const TAG_WORD = /@(implements|verifies|mitigates)(?![\w-]):?|([Ii]mplements|[Vv]erifies|[Mm]itigates):/y;
const WORD_BEFORE = /[\w@`]/;

/** Whether the text may hold a tag word anywhere (in code or strings too): a cheap test before any work. */
export function mayHoldTagWord(text: string): boolean {
  return TAG_STEM.test(text);
}

/** Every tag word in the text, in order; the caller keeps those that lie inside comments. */
export function findTagWords(text: string): TagWord[] {
  const words: TagWord[] = [];
  TAG_STEMS.lastIndex = 0;
  let stem: RegExpExecArray | null;
  while ((stem = TAG_STEMS.exec(text)) !== null) {
    const word = tagWordAt(text, text.charCodeAt(stem.index - 2) === 64 /* @ */ ? stem.index - 2 : stem.index - 1);
    if (word) words.push(word);
  }
  return words;
}

function tagWordAt(text: string, start: number): TagWord | undefined {
  // Whole words only: a letter or an at sign right before the tag makes it part of another word, and a
  // backtick quotes it. A dash does not, so a tag right after a Lua or SQL comment opener counts.
  if (start < 0 || WORD_BEFORE.test(text.charAt(start - 1))) return undefined;
  TAG_WORD.lastIndex = start;
  const match = TAG_WORD.exec(text);
  if (!match) return undefined;
  const annotation = match[1];
  const word = annotation ?? match[2];
  return {
    name: word.toLowerCase() as TagName,
    label: annotation !== undefined ? `@${annotation}` : `${word}:`,
    start,
    end: TAG_WORD.lastIndex,
  };
}

/** Spaces, tabs and commas, optionally with one `and`, between two arguments. Always matches. */
const SEPARATOR = /[ \t,]*(?:and[ \t,]+)?/y;
const stickyIds = new WeakMap<IdMatcher, RegExp>();

/** The arguments of a tag whose word ends at `from`; none may end after `limit` (the comment's end). */
export function readArguments(text: string, from: number, limit: number, ids: IdMatcher): TagArgument[] {
  const anyId = stickyAnyId(ids);
  const args: TagArgument[] = [];
  let position = from;
  for (;;) {
    SEPARATOR.lastIndex = position;
    SEPARATOR.exec(text);
    anyId.lastIndex = SEPARATOR.lastIndex;
    const match = anyId.exec(text);
    if (match === null || anyId.lastIndex > limit) break;
    const arg: TagArgument = { id: match[0], start: match.index, end: anyId.lastIndex, configured: ids.isId(match[0]) };
    position = anyId.lastIndex;
    const pin = readPin(text, position);
    if (pin && pin.end <= limit) {
      args.push('pin' in pin ? { ...arg, pin: pin.pin } : { ...arg, badPin: { text: pin.bad, end: pin.end } });
      position = pin.end;
    } else args.push(arg);
  }
  return args;
}

/** A sticky copy of the matcher's ID shape, made once per matcher, to test for an ID at one offset. */
function stickyAnyId(ids: IdMatcher): RegExp {
  let sticky = stickyIds.get(ids);
  if (!sticky) {
    sticky = new RegExp(ids.anyIdPattern.source, 'y');
    stickyIds.set(ids, sticky);
  }
  return sticky;
}
