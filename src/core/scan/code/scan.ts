// Scanning one code file: tags and bare ID mentions, taken from comments only.
// Most files of a workspace name no ID at all, so a cheap search rejects them before any lexing.
// Otherwise the candidates (tag words and configured IDs) are found by two whole-text regex passes, the
// comments are lexed only up to the last candidate, and the sorted lists are merged: a candidate counts
// only inside a comment. Positions are computed only for what is reported, by a cursor that counts line
// breaks only as far as the last thing reported.
// @implements ST-15, STM-2
import type { IdMatcher } from '../../ids';
import type { IdRef, Range, ScanProblem, TagFact } from '../../model';
import { LineCursor } from '../../text/lines';
import type { LanguageId } from './languages';
import { lexCommentsBefore, type CommentSpan } from './lexer';
import { findTagWords, mayHoldTagWord, readArguments, type TagArgument, type TagWord } from './tags';
import { badPinMessage } from '../../impact/pins';

export interface CodeScanResult {
  tags: TagFact[];
  mentions: IdRef[];
  problems: ScanProblem[];
}

interface IdHit {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

export function scanCode(text: string, language: LanguageId, ids: IdMatcher): CodeScanResult {
  if (!mayHoldTraces(text, ids)) return { tags: [], mentions: [], problems: [] };
  const words = findTagWords(text);
  const hits = findIds(text, ids.pattern);
  const limit = Math.max(words.at(-1)?.start ?? -1, hits.at(-1)?.start ?? -1) + 1;
  const comments = limit > 0 ? lexCommentsBefore(text, language, limit) : [];
  return new Collector(text, ids).collect(comments, words, hits);
}

/**
 * Whether the text may hold a trace at all: a configured ID or a tag word anywhere. Two plain searches
 * run about twice as fast as one regex alternating between them, because each can skip ahead on its own
 * rarer leading characters.
 */
function mayHoldTraces(text: string, ids: IdMatcher): boolean {
  return ids.prefilter.test(text) || mayHoldTagWord(text);
}

function findIds(text: string, pattern: RegExp): IdHit[] {
  const hits: IdHit[] = [];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) hits.push({ id: match[0], start: match.index, end: pattern.lastIndex });
  pattern.lastIndex = 0;
  return hits;
}

class Collector {
  private readonly result: CodeScanResult = { tags: [], mentions: [], problems: [] };
  private lines: LineCursor | undefined;

  constructor(private readonly text: string, private readonly ids: IdMatcher) {}

  /** Merges the sorted comments with the sorted candidates; candidates outside comments are dropped. */
  collect(comments: readonly CommentSpan[], words: readonly TagWord[], hits: readonly IdHit[]): CodeScanResult {
    let w = 0;
    let h = 0;
    for (const { start, end } of comments) {
      while (w < words.length && words[w].start < start) w++;
      while (h < hits.length && hits[h].start < start) h++;
      // Offsets of the IDs that are tag arguments: those are not mentions as well.
      let taken: Set<number> | undefined;
      for (; w < words.length && words[w].start < end; w++) {
        if (words[w].end <= end) this.addTag(words[w], readArguments(this.text, words[w].end, end, this.ids), (taken ??= new Set()));
      }
      for (; h < hits.length && hits[h].start < end; h++) {
        if (hits[h].end <= end && !taken?.has(hits[h].start)) this.result.mentions.push(this.ref(hits[h]));
      }
    }
    return this.result;
  }

  private addTag(word: TagWord, args: readonly TagArgument[], taken: Set<number>): void {
    if (args.length === 0) {
      // `What this file implements:` is prose; only the annotation form promises an ID.
      if (word.label.endsWith(':')) return;
      const message = `\`${word.label}\` names no ID`;
      this.result.problems.push({ code: 'invalid-attribute', message, range: this.range(word.start, word.end) });
      return;
    }
    for (const arg of args) {
      taken.add(arg.start);
      if (arg.badPin) this.result.problems.push({ code: 'invalid-attribute', message: badPinMessage(arg.id, arg.badPin.text), range: this.range(arg.end, arg.badPin.end) });
    }
    this.result.tags.push({
      tag: word.name,
      refs: args.filter((arg) => arg.configured).map((arg) => (arg.pin ? { ...this.ref(arg), pin: arg.pin } : this.ref(arg))),
      foreign: args.filter((arg) => !arg.configured).map((arg) => this.ref(arg)),
      range: this.range(word.start, args[args.length - 1].end),
    });
  }

  private ref(hit: IdHit): IdRef {
    return { id: hit.id, range: this.range(hit.start, hit.end) };
  }

  private range(start: number, end: number): Range {
    this.lines ??= new LineCursor(this.text);
    return this.lines.rangeAt(start, end);
  }
}
