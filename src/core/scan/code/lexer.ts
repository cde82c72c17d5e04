// Finds the comments of a source file. Only comments can carry traces: an ID inside a string literal is
// data, not a claim about the code. The language's combined regex does the work (see languages.ts); this
// loop only records comment matches, and counts depth for the languages whose block comments nest,
// which no regex can do.
// @implements ST-15, STM-2
import { syntaxOf, type LanguageId } from './languages';

/** A whole comment, delimiters included, as offsets into the text. */
export interface CommentSpan {
  readonly start: number;
  readonly end: number;
}

export function lexComments(text: string, language: LanguageId): CommentSpan[] {
  return lexCommentsBefore(text, language, text.length);
}

/** A comment or (when asked for) a string literal, as offsets into the text. */
export interface LexedSpan extends CommentSpan {
  readonly comment: boolean;
}

/**
 * The comments that start before `limit`. Scanning stops there, so a file whose last candidate ID sits
 * early is not lexed to its end.
 */
export function lexCommentsBefore(text: string, language: LanguageId, limit: number): CommentSpan[] {
  return lexSpans(text, language, limit, false);
}

/**
 * Comments, and string literals too when `withStrings` is set (the interface detectors need to know
 * what is code), in order, up to `limit`.
 */
export function lexSpans(text: string, language: LanguageId, limit: number, withStrings: boolean): LexedSpan[] {
  const { lexer, nested } = syntaxOf(language);
  const spans: LexedSpan[] = [];
  lexer.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = lexer.exec(text)) !== null && match.index < limit) {
    const comment = match[1];
    if (comment !== undefined) {
      // In a nesting language group 1 is only ever the `/*` opener or a whole line comment.
      const end = nested && comment === '/*' ? nestedCommentEnd(text, lexer.lastIndex) : lexer.lastIndex;
      spans.push({ start: match.index, end, comment: true });
      lexer.lastIndex = end;
    } else if (match[0].length === 0) {
      lexer.lastIndex++; // No alternative matches empty; this only guards against an endless loop.
    } else if (withStrings) {
      spans.push({ start: match.index, end: lexer.lastIndex, comment: false });
    }
  }
  lexer.lastIndex = 0;
  return spans;
}

const NESTING_TOKENS = /\/\*|\*\//g;

/** The end of a nesting block comment whose opener ends at `from`; the end of the text if it never closes. */
function nestedCommentEnd(text: string, from: number): number {
  let depth = 1;
  NESTING_TOKENS.lastIndex = from;
  let token: RegExpExecArray | null;
  while ((token = NESTING_TOKENS.exec(text)) !== null) {
    depth += token[0] === '/*' ? 1 : -1;
    if (depth === 0) return NESTING_TOKENS.lastIndex;
  }
  return text.length;
}
