// Patterns of custom detectors come from the workspace, and opening a workspace must never hang the
// scan. JavaScript has no linear-time regex engine, so a pattern is accepted only when a static look at
// it shows that backtracking stays bounded:
// - no backreferences;
// - no repeated group that holds a quantifier or alternatives (`(a+)+`, `(a|a)*`: exponential);
// - no two unbounded repeats that can hand characters to each other (`.*x.*`, `\w+\s*\w+`: polynomial),
//   unless a mandatory character that the earlier repeats cannot match separates them;
// - at most MAX_PATTERN_LENGTH characters, and it must not match an empty line.
// With that, one test of the pattern against one line costs at most about the square of the line's
// length, and the scan caps lines (see custom.ts), so the work per file is linear in its size.
// @implements ST-20, STM-2
export const MAX_PATTERN_LENGTH = 200;

/** At least this many repetitions count as unbounded. */
const UNBOUNDED = 16;

/** Why a pattern is refused, or undefined when it may be used. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length === 0) return 'the pattern is empty';
  if (pattern.length > MAX_PATTERN_LENGTH) return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  let compiled: RegExp;
  try {
    compiled = new RegExp(pattern);
  } catch (error) {
    return `not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  let tree: Alternation;
  try {
    tree = new Parser(pattern).parse();
  } catch {
    return 'the pattern uses syntax that cannot be checked for safety; simplify it';
  }
  const problem = checkTree(tree);
  if (problem) return problem;
  if (compiled.test('')) return 'the pattern matches an empty line, so it would report every line';
  return undefined;
}

/** The longest literal text every match must contain, for a cheap `includes` test before any line is tried. */
export function requiredLiteral(pattern: string): string | undefined {
  let tree: Alternation;
  try {
    tree = new Parser(pattern).parse();
  } catch {
    return undefined;
  }
  if (tree.branches.length !== 1) return undefined;
  let best = '';
  let current = '';
  const flush = () => {
    if (current.length > best.length) best = current;
    current = '';
  };
  const walk = (terms: readonly Term[]) => {
    for (const term of terms) {
      const { atom } = term;
      if (atom.type === 'char' && atom.literal !== undefined && term.min === 1 && term.max === 1) {
        current += atom.literal;
      } else if (atom.type === 'group' && !atom.look && atom.alt.branches.length === 1 && term.min === 1 && term.max === 1) {
        walk(atom.alt.branches[0]);
      } else if (atom.type === 'assert' || (atom.type === 'group' && atom.look)) {
        continue;
      } else {
        flush();
      }
    }
  };
  walk(tree.branches[0]);
  flush();
  return best.length >= 3 ? best : undefined;
}

// ---- A parser for JavaScript regex syntax (without the u flag), enough to reason about backtracking.

/** Characters 0-127 as bits, plus one flag for everything beyond ASCII. */
class CharSet {
  constructor(
    readonly bits: readonly number[] = [0, 0, 0, 0],
    readonly other = false,
  ) {}

  static of(code: number): CharSet {
    if (code > 127) return new CharSet([0, 0, 0, 0], true);
    const bits = [0, 0, 0, 0];
    bits[code >> 5] |= 1 << (code & 31);
    return new CharSet(bits);
  }

  static range(from: number, to: number): CharSet {
    const bits = [0, 0, 0, 0];
    for (let c = from; c <= Math.min(to, 127); c++) bits[c >> 5] |= 1 << (c & 31);
    return new CharSet(bits, to > 127);
  }

  union(other: CharSet): CharSet {
    return new CharSet(this.bits.map((b, i) => b | other.bits[i]), this.other || other.other);
  }

  intersects(other: CharSet): boolean {
    return (this.other && other.other) || this.bits.some((b, i) => (b & other.bits[i]) !== 0);
  }

  complement(): CharSet {
    return new CharSet(this.bits.map((b) => ~b), true);
  }
}

const DIGIT = CharSet.range(48, 57);
const WORD = DIGIT.union(CharSet.range(65, 90)).union(CharSet.range(97, 122)).union(CharSet.of(95));
const SPACE = [9, 10, 11, 12, 13, 32].map((c) => CharSet.of(c)).reduce((a, b) => a.union(b), new CharSet([0, 0, 0, 0], true));
/** Complements include everything beyond ASCII: an over-approximation, which only makes the checks stricter. */
const DOT = CharSet.of(10).union(CharSet.of(13)).complement();

type Atom =
  | { readonly type: 'char'; readonly set: CharSet; readonly literal?: string }
  | { readonly type: 'group'; readonly alt: Alternation; readonly look: boolean }
  | { readonly type: 'assert' }
  | { readonly type: 'backref' };

interface Term {
  readonly atom: Atom;
  readonly min: number;
  readonly max: number;
}

interface Alternation {
  readonly branches: readonly (readonly Term[])[];
}

class Parser {
  private at = 0;

  constructor(private readonly source: string) {}

  parse(): Alternation {
    const alt = this.alternation();
    if (this.at < this.source.length) throw new Error('unbalanced parenthesis');
    return alt;
  }

  private alternation(): Alternation {
    const branches: Term[][] = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    return { branches };
  }

  private sequence(): Term[] {
    const terms: Term[] = [];
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      const [min, max] = this.quantifier();
      terms.push({ atom, min, max });
    }
    return terms;
  }

  private atom(): Atom {
    const c = this.source[this.at++];
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return { type: 'char', set: this.charClass() };
      case '.':
        return { type: 'char', set: DOT };
      case '^':
      case '$':
        return { type: 'assert' };
      case '\\':
        return this.escape();
      default:
        return { type: 'char', set: CharSet.of(c.charCodeAt(0)), literal: c };
    }
  }

  private group(): Atom {
    const ahead = /^\?(?:[:=!]|<[=!])?/.exec(this.source.slice(this.at, this.at + 3))?.[0] ?? '';
    const look = ahead === '?=' || ahead === '?!' || ahead === '?<=' || ahead === '?<!';
    if (ahead === '?:' || look) this.at += ahead.length;
    else if (this.source.startsWith('?<', this.at)) {
      const close = this.source.indexOf('>', this.at);
      if (close < 0) throw new Error('unterminated group name');
      this.at = close + 1;
    }
    const alt = this.alternation();
    if (this.source[this.at++] !== ')') throw new Error('unterminated group');
    return { type: 'group', alt, look };
  }

  private escape(): Atom {
    const c = this.source[this.at++];
    if (c === undefined) throw new Error('trailing backslash');
    if (c === 'b' || c === 'B') return { type: 'assert' };
    if (/[1-9]/.test(c) || (c === 'k' && this.peek() === '<')) return { type: 'backref' };
    const set = this.classEscape(c);
    return /\w/.test(c) ? { type: 'char', set } : { type: 'char', set, literal: c };
  }

  /** The set of an escape (after the backslash, whose letter has been consumed). */
  private classEscape(c: string): CharSet {
    switch (c) {
      case 'd': return DIGIT;
      case 'D': return DIGIT.complement();
      case 'w': return WORD;
      case 'W': return WORD.complement();
      case 's': return SPACE;
      case 'S': return SPACE.complement();
      case 't': return CharSet.of(9);
      case 'n': return CharSet.of(10);
      case 'v': return CharSet.of(11);
      case 'f': return CharSet.of(12);
      case 'r': return CharSet.of(13);
      case '0': return CharSet.of(0);
      case 'x': {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.source.slice(this.at));
        if (!hex) return CharSet.of(120);
        this.at += 2;
        return CharSet.of(parseInt(hex[0], 16));
      }
      case 'u': {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.source.slice(this.at));
        if (!hex) return CharSet.of(117);
        this.at += 4;
        return CharSet.of(parseInt(hex[0], 16));
      }
      case 'c': {
        const letter = this.source[this.at];
        if (letter && /[A-Za-z]/.test(letter)) {
          this.at++;
          return CharSet.of(letter.charCodeAt(0) % 32);
        }
        return CharSet.of(92);
      }
      default:
        return CharSet.of(c.charCodeAt(0));
    }
  }

  private charClass(): CharSet {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.at++;
    }
    let set = new CharSet();
    for (;;) {
      const c = this.source[this.at++];
      if (c === undefined) throw new Error('unterminated class');
      if (c === ']') break;
      let from: CharSet;
      let code: number | undefined;
      if (c === '\\') {
        const e = this.source[this.at++];
        if (e === undefined) throw new Error('trailing backslash');
        from = e === 'b' ? CharSet.of(8) : this.classEscape(e);
        code = singleCode(from);
      } else {
        code = c.charCodeAt(0);
        from = CharSet.of(code);
      }
      // A range `a-z`: a dash between two single characters.
      if (this.peek() === '-' && this.source[this.at + 1] !== ']' && this.source[this.at + 1] !== undefined && code !== undefined) {
        const save = this.at;
        this.at++;
        let to = this.source[this.at++];
        let toCode: number | undefined = to.charCodeAt(0);
        if (to === '\\') {
          to = this.source[this.at++] ?? '';
          toCode = singleCode(to === 'b' ? CharSet.of(8) : this.classEscape(to));
        }
        if (toCode !== undefined && toCode >= code) {
          set = set.union(CharSet.range(code, toCode));
          continue;
        }
        this.at = save;
      }
      set = set.union(from);
    }
    return negated ? set.complement() : set;
  }

  private quantifier(): [number, number] {
    const c = this.peek();
    let result: [number, number] | undefined;
    if (c === '*') result = [0, Infinity];
    else if (c === '+') result = [1, Infinity];
    else if (c === '?') result = [0, 1];
    if (result) {
      this.at++;
    } else if (c === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!braces) return [1, 1];
      this.at += braces[0].length;
      const min = Number(braces[1]);
      result = [min, braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3])];
    } else {
      return [1, 1];
    }
    if (this.peek() === '?') this.at++;
    return result;
  }

  private peek(): string | undefined {
    return this.source[this.at];
  }
}

function singleCode(set: CharSet): number | undefined {
  if (set.other) return undefined;
  let found: number | undefined;
  for (let c = 0; c < 128; c++) {
    if (set.bits[c >> 5] & (1 << (c & 31))) {
      if (found !== undefined) return undefined;
      found = c;
    }
  }
  return found;
}

// ---- The checks.

function checkTree(tree: Alternation): string | undefined {
  return structural(tree) ?? overlapping(tree);
}

/** Backreferences and repeated groups holding quantifiers or alternatives. */
function structural(alt: Alternation): string | undefined {
  for (const branch of alt.branches) {
    for (const term of branch) {
      const { atom } = term;
      if (atom.type === 'backref') return 'backreferences (\\1, \\k<name>) are not allowed: they can take exponential time';
      if (atom.type !== 'group') continue;
      if (term.max > 1) {
        if (atom.alt.branches.length > 1) return 'a repeated group holds alternatives, as in (a|b)*, which can take exponential time: use a character class such as [ab]* instead';
        if (holdsQuantifier(atom.alt)) return 'a repeated group holds a quantifier, as in (a+)+: nested quantifiers can take exponential time';
      }
      const inner = structural(atom.alt);
      if (inner) return inner;
    }
  }
  return undefined;
}

function holdsQuantifier(alt: Alternation): boolean {
  return alt.branches.some((branch) => branch.some((t) => t.min !== 1 || t.max !== 1 || (t.atom.type === 'group' && holdsQuantifier(t.atom.alt))));
}

interface Item {
  readonly set: CharSet;
  /** At least one character is always consumed here. */
  readonly mandatory: boolean;
  readonly unbounded: boolean;
}

const OVERLAP = 'two unbounded repeats can match the same characters, as in .*x.* or \\w+\\s*\\w+, which can take polynomial time per line: separate them by a character the first cannot match, or use a negated class such as [^,]*';

/** Unbounded repeats that can trade characters with each other, in any branch or lookaround. */
function overlapping(alt: Alternation): string | undefined {
  for (const branch of alt.branches) {
    const items: Item[] = [];
    const problem = flatten(branch, false, items);
    if (problem) return problem;
    let run: { union: CharSet; unbounded: CharSet[] } | undefined;
    for (const item of items) {
      if (item.mandatory && run && !run.union.intersects(item.set)) run = undefined;
      if (item.unbounded) {
        if (run?.unbounded.some((set) => set.intersects(item.set))) return OVERLAP;
        if (run) {
          run.unbounded.push(item.set);
          run.union = run.union.union(item.set);
        } else {
          run = { union: item.set, unbounded: [item.set] };
        }
      } else if (run) {
        run.union = run.union.union(item.set);
      }
    }
  }
  return undefined;
}

/** The sequence as items; groups that are not repeated are inlined, lookarounds are checked on their own. */
function flatten(terms: readonly Term[], optional: boolean, items: Item[]): string | undefined {
  for (const term of terms) {
    const { atom } = term;
    const mayBeEmpty = optional || term.min === 0;
    if (atom.type === 'assert' || atom.type === 'backref') continue;
    if (atom.type === 'char') {
      items.push({ set: atom.set, mandatory: !mayBeEmpty, unbounded: term.max >= UNBOUNDED });
      continue;
    }
    if (atom.look) {
      const inner = overlapping(atom.alt);
      if (inner) return inner;
      continue;
    }
    if (term.max > 1) {
      // A repeated group holds neither quantifiers nor alternatives (checked before): one item.
      const set = atom.alt.branches[0].reduce((acc, t) => (t.atom.type === 'char' ? acc.union(t.atom.set) : acc), new CharSet());
      items.push({ set, mandatory: !mayBeEmpty && atom.alt.branches[0].some((t) => t.atom.type === 'char'), unbounded: term.max >= UNBOUNDED });
      continue;
    }
    if (atom.alt.branches.length === 1) {
      const problem = flatten(atom.alt.branches[0], mayBeEmpty, items);
      if (problem) return problem;
      continue;
    }
    // Alternatives used once: each branch must be safe on its own, and the group is one item.
    const inner = overlapping(atom.alt);
    if (inner) return inner;
    const parts: Item[] = [];
    for (const branch of atom.alt.branches) flatten(branch, true, parts);
    const set = parts.reduce((acc, item) => acc.union(item.set), new CharSet());
    items.push({ set, mandatory: false, unbounded: parts.some((item) => item.unbounded) });
  }
  return undefined;
}
