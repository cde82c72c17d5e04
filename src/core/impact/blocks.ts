// Which lines a trace tag speaks for: the function, class or statement it annotates, not the whole file,
// so a change elsewhere in the file does not make its item's implementation "changed". A heuristic per
// language family (docs/impact.md), on the text with comments and strings blanked out:
// - a tag in the comments at the top of a file, before any code, covers the whole file, unless the
//   comment sits directly above a declaration (not an import), which it then annotates;
// - a tag comment directly above code (no blank line between) covers the comment and the construct that
//   follows: in brace languages up to the matching `}` of its first top-level `{`, or to the `;` or line
//   end that ends a statement; in indentation languages (Python, YAML, Ruby, Lua, ...) the header line(s)
//   and every following line indented deeper (and a closing `end` at the header's indentation);
// - a tag at the end of a code line covers that line's construct the same way;
// - a tag comment that stands apart (a blank line after it) inside a block covers the enclosing block;
//   at the top level, the next construct.
// @implements ST-54
import { syntaxOf, type LanguageId } from '../scan/code/languages';

/** Zero-based, inclusive. */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

/** What follows a file's header comment without being the construct a tag is about: imports and the like. */
const PREAMBLE = /^\s*(?:import|from|package|using|#\s*include|#!|require|use|library|module|namespace|extern\s+crate|[;\s]*$)|^\s*(?:const|let|var)\s+\w+\s*=\s*require\(/;

const BRACE_LANGUAGES: ReadonlySet<LanguageId> = new Set<LanguageId>([
  'typescript', 'javascript', 'java', 'kotlin', 'c', 'cpp', 'csharp', 'go', 'rust', 'swift', 'php', 'scala', 'dart',
  'groovy', 'css', 'scss', 'hcl', 'protobuf', 'powershell', 'r', 'shell',
]);

export function usesBraces(language: LanguageId): boolean {
  return BRACE_LANGUAGES.has(language);
}

/** What a file looks like to the heuristic; build once per file and ask for several tags. */
export class BlockFinder {
  /** Code with comments and strings replaced by spaces (line breaks kept), one entry per line. */
  private readonly code: string[];
  private readonly original: string[];
  /** Lines that hold a comment and nothing else but whitespace. */
  private readonly commentOnly: boolean[];
  private readonly braces: boolean;
  private pairs: { open: number; close: number }[] | undefined;

  constructor(text: string, language: LanguageId) {
    const { code, commentLines } = blank(text, language);
    this.code = code.split(/\r\n|\r|\n/);
    this.original = text.split(/\r\n|\r|\n/);
    this.commentOnly = this.code.map((line, i) => line.trim() === '' && commentLines.has(i));
    this.braces = usesBraces(language);
  }

  get lineCount(): number {
    return this.code.length;
  }

  /** The lines the tag on `line` (zero-based) speaks for. */
  blockOf(line: number): LineSpan {
    let last = this.code.length - 1;
    while (last > 0 && this.original[last].trim() === '') last--; // a final line break ends no line
    if (line < 0 || line > last) return { start: 0, end: Math.max(0, last) };
    if (!this.commentOnly[line]) return { start: line, end: this.constructEnd(line) };
    let runStart = line;
    while (runStart > 0 && this.commentOnly[runStart - 1]) runStart--;
    let runEnd = line;
    while (runEnd < last && this.commentOnly[runEnd + 1]) runEnd++;
    const after = runEnd + 1;
    const fileHeader = !this.code.slice(0, runStart).some((text) => text.trim() !== '');
    const above = after <= last && this.isCode(after) && !(fileHeader && PREAMBLE.test(this.code[after]));
    if (above) return { start: runStart, end: this.constructEnd(after) };
    if (fileHeader) return { start: 0, end: last };
    const enclosing = this.enclosing(line);
    if (enclosing) return enclosing;
    const next = this.nextCode(after);
    return next === undefined ? { start: runStart, end: runEnd } : { start: runStart, end: this.constructEnd(next) };
  }

  private isCode(line: number): boolean {
    return this.code[line].trim() !== '';
  }

  private nextCode(from: number): number | undefined {
    for (let i = from; i < this.code.length; i++) if (this.isCode(i)) return i;
    return undefined;
  }

  private constructEnd(start: number): number {
    return this.braces ? this.braceConstructEnd(start) : this.indentConstructEnd(start);
  }

  /**
   * From `start`, follows brackets: the construct ends where its first top-level `{` closes, at a `;` with
   * nothing open, or at a line end with nothing open when the next line does not continue it.
   */
  private braceConstructEnd(start: number): number {
    const stack: string[] = [];
    let head = '';
    for (let i = start; i < this.code.length; i++) {
      const text = this.code[i];
      for (let c = 0; c < text.length; c++) {
        const ch = text[c];
        if (ch === '(' || ch === '[' || ch === '{') stack.push(ch);
        else if (ch === ')' || ch === ']' || ch === '}') {
          const open = stack.pop();
          if (open === '{' && ch === '}' && stack.length === 0) return this.closingLineEnd(i, c);
          if (open === undefined) return Math.max(start, i - 1); // closes a block we are inside of
        } else if (ch === ';' && stack.length === 0) return i;
      }
      head += text;
      if (stack.length === 0 && text.trim() !== '' && !this.continues(i, head)) return i;
    }
    return this.code.length - 1;
  }

  /** `}` ends the construct, but `} else {`, `})` and `};` on the same line belong to it too. */
  private closingLineEnd(line: number, column: number): number {
    const rest = this.code[line].slice(column + 1);
    return /\{\s*$/.test(rest) ? this.braceConstructEnd(line + 1) : line;
  }

  /** Whether the statement on `line` (nothing open at its end) goes on to the next code line. */
  private continues(line: number, head: string): boolean {
    const text = this.code[line].trim();
    const next = this.nextCode(line + 1);
    if (next === undefined) return false;
    const following = this.code[next].trim();
    if (text.startsWith('@') || text.startsWith('#[') || text.startsWith('[')) return true; // decorators, attributes
    if (/(?:[=,(+\-*/%&|^<>?:.!]|=>|\b(?:extends|implements|with|where|throws))$/.test(text)) return true;
    if (/^(?:[{.)?:]|=>|&&|\|\||\+|-(?!-)|\*|\/(?![/*])|\b(?:extends|implements|throws|where)\b)/.test(following)) return true;
    // A declaration head split over lines (`static int` / `parse(...)`): no call, assignment or end yet.
    return !/[(=;{}]/.test(head) && /^[\w<>[\],*&:\s]+$/.test(text);
  }

  /** Indentation languages: header lines (decorators, open brackets) and everything indented deeper. */
  private indentConstructEnd(start: number): number {
    let header = start;
    while (header < this.code.length - 1 && /^\s*@/.test(this.code[header])) header++; // decorators
    let depth = 0;
    for (; header < this.code.length; header++) {
      depth += bracketBalance(this.code[header]);
      if (depth <= 0) break;
    }
    header = Math.min(header, this.code.length - 1);
    const indent = indentOf(this.code[start]);
    let end = header;
    for (let i = header + 1; i < this.code.length; i++) {
      if (!this.isCode(i)) continue;
      const level = indentOf(this.code[i]);
      if (level > indent) end = i;
      else {
        if (level === indent && /^\s*end\b/.test(this.code[i])) end = i;
        break;
      }
    }
    return end;
  }

  /** The innermost block around `line`: a `{ }` pair, or an indented body and its header. */
  private enclosing(line: number): LineSpan | undefined {
    if (this.braces) {
      let best: { open: number; close: number } | undefined;
      for (const pair of this.bracePairs()) {
        if (pair.open < line && line < pair.close && (!best || pair.open >= best.open)) best = pair;
      }
      return best && { start: best.open, end: best.close };
    }
    const own = indentOf(this.original[line] ?? '');
    for (let i = line - 1; i >= 0; i--) {
      if (!this.isCode(i)) continue;
      if (indentOf(this.code[i]) < own) return { start: i, end: this.indentConstructEnd(i) };
    }
    return undefined;
  }

  private bracePairs(): { open: number; close: number }[] {
    if (this.pairs) return this.pairs;
    const pairs: { open: number; close: number }[] = [];
    const open: number[] = [];
    this.code.forEach((text, i) => {
      for (const ch of text) {
        if (ch === '{') open.push(i);
        else if (ch === '}' && open.length) pairs.push({ open: open.pop() as number, close: i });
      }
    });
    return (this.pairs = pairs);
  }
}

function indentOf(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function bracketBalance(text: string): number {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return depth;
}

/**
 * The text with every comment and string replaced by spaces, line breaks kept (so lines and columns stay
 * where they were), and the lines a comment touches. Uses the scanner's own lexer for the language.
 */
function blank(text: string, language: LanguageId): { code: string; commentLines: Set<number> } {
  const { lexer, nested } = syntaxOf(language);
  const out: string[] = [];
  const commentLines = new Set<number>();
  let line = 0;
  let last = 0;
  const advance = (part: string, comment: boolean) => {
    if (comment) commentLines.add(line);
    for (let i = 0; i < part.length; i++) {
      const ch = part.charCodeAt(i);
      if (ch === 10 || (ch === 13 && part.charCodeAt(i + 1) !== 10)) {
        line++;
        if (comment) commentLines.add(line);
      }
    }
  };
  const copy = (end: number) => {
    const part = text.slice(last, end);
    out.push(part);
    advance(part, false);
    last = end;
  };
  const erase = (end: number, comment: boolean) => {
    const part = text.slice(last, end);
    out.push(part.replace(/[^\r\n]/g, ' '));
    advance(part, comment);
    last = end;
  };
  lexer.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = lexer.exec(text)) !== null) {
    if (match[0].length === 0) {
      lexer.lastIndex++;
      continue;
    }
    const comment = match[1] !== undefined;
    const end = comment && nested && match[1] === '/*' ? nestedEnd(text, lexer.lastIndex) : lexer.lastIndex;
    copy(match.index);
    erase(end, comment);
    lexer.lastIndex = end;
  }
  lexer.lastIndex = 0;
  copy(text.length);
  return { code: out.join(''), commentLines };
}

function nestedEnd(text: string, from: number): number {
  const tokens = /\/\*|\*\//g;
  tokens.lastIndex = from;
  let depth = 1;
  for (let token = tokens.exec(text); token; token = tokens.exec(text)) {
    depth += token[0] === '/*' ? 1 : -1;
    if (depth === 0) return tokens.lastIndex;
  }
  return text.length;
}
