// The language table: which files are code, and how each language writes comments and strings.
// Every language gets ONE combined global regex: group 1 captures the comment forms, every other
// alternative is a string form that is matched only to be skipped. The lexer lets the regex engine jump
// from one interesting character to the next, which is many times faster than a per-character loop.
//
// Once its first characters match, each alternative either always succeeds or gives up after a short
// look (a few characters, one word, or one run of a repeated character that only the run's first
// character may start), so no input makes the lexer read the same text over and over. That is why
// unterminated single-line strings end at the end of their line and unterminated block comments and
// multi-line strings run to the end of the file. Quantified groups always start with a character that
// the run around them excludes, so nothing backtracks catastrophically.
//
// Known limitations, all best effort by design:
// - JS/TS template literals are one string, so comments inside `${}` are not seen; regex literals are
//   recognised by the character before the `/`; JSX text is lexed as code.
// - Python triple-quoted strings are scanned like comments: docstrings are where Python code says what
//   it implements, so a tag in a docstring must count. Triple-quoted data (an SQL text) is scanned too.
// - Kotlin, Scala and Swift: a raw string closed by more than three quotes ends at the last three.
// - Ruby: `%q{}` literals are not recognised. Shell: `$((a << b))` is taken for a here-document.
// - Here-documents (shell, PHP, HCL) skip the rest of their opening line along with the body.
// - SQL block comments do not nest (PostgreSQL's do), dollar-quoted bodies are lexed as SQL, and a
//   backslash does not escape a quote (standard SQL, not MySQL).
// - YAML block scalars are not recognised: their `#` lines (embedded scripts) count as comments.
// - HTML: `<script>` and `<style>` contents are not lexed as JavaScript or CSS.
// - PHP: text outside `<?php ?>` is lexed as PHP too.
// @implements ST-15, STM-2

export type LanguageId =
  | 'typescript' | 'javascript' | 'java' | 'kotlin' | 'c' | 'cpp' | 'csharp' | 'go' | 'rust' | 'swift'
  | 'python' | 'ruby' | 'shell' | 'yaml' | 'sql' | 'html' | 'xml' | 'php' | 'scala' | 'dart' | 'lua'
  | 'powershell' | 'css' | 'scss' | 'toml' | 'protobuf' | 'makefile' | 'dockerfile' | 'groovy' | 'hcl' | 'r';

export interface LanguageSyntax {
  /** Global regex; a match with group 1 set is a comment, any other match is a string to skip. */
  readonly lexer: RegExp;
  /** Block comments nest (Rust, Swift, Kotlin, Scala, Dart): group 1 is then only the opener. */
  readonly nested: boolean;
}

const EOF = String.raw`(?![\s\S])`;
const EOL = String.raw`(?=[\r\n])`;

/** A quoted string that may not span lines, with backslash escapes (and backslash-newline continuation). */
function lineString(q: string): string {
  return String.raw`${q}[^${q}\\\r\n]*(?:\\(?:\r\n|[\s\S])?[^${q}\\\r\n]*)*(?:${q}|${EOL}|${EOF})`;
}

/** A quoted string that may span lines, with backslash escapes. */
function multiString(q: string): string {
  return String.raw`${q}[^${q}\\]*(?:\\[\s\S]?[^${q}\\]*)*(?:${q}|${EOF})`;
}

/** A quoted string that may span lines, without escapes; a doubled quote stands for one (SQL, C# `@""`). */
function doubledString(q: string): string {
  return String.raw`${q}[^${q}]*(?:${q}${q}[^${q}]*)*(?:${q}|${EOF})`;
}

/** A string without escapes that may span lines (shell `'...'`, Go raw strings). */
function rawString(q: string): string {
  return String.raw`${q}[^${q}]*(?:${q}|${EOF})`;
}

/** A single-line string without escapes (TOML literal strings). */
function rawLineString(q: string): string {
  return String.raw`${q}[^${q}\r\n]*(?:${q}|${EOL}|${EOF})`;
}

/** A triple-quoted string; with `escapes`, a backslash escapes the next character. */
function tripleString(q: string, escapes: boolean): string {
  const body = escapes ? String.raw`[^${q}\\]*(?:(?:\\[\s\S]?|${q}(?!${q}${q}))[^${q}\\]*)*` : `[^${q}]*(?:${q}(?!${q}${q})[^${q}]*)*`;
  return `${q}${q}${q}${body}(?:${q}{3,}|${EOF})`;
}

/** A here-document: `<<TAG` (or `<<'TAG'`) up to a line that holds only `TAG`. */
function hereDocument(opener: string): string {
  const head = String.raw`${opener}(?<quote>['"]?)\\?(?<tag>[A-Za-z_]\w*)\k<quote>[^\r\n]*`;
  return String.raw`${head}[\s\S]*?(?:(?<=[\r\n])[ \t]*\k<tag>(?!\w)|${EOF})`;
}

/**
 * Inserts a check right after a form's opening quote. Checks go after the first character, not before it,
 * because an alternative that starts with a lookbehind keeps the regex engine from skipping ahead quickly.
 */
function guarded(form: string, guard: string): string {
  return form[0] + guard + form.slice(1);
}

const SLASH_LINE = String.raw`//[^\r\n]*`;
/** C and C++ continue a line comment onto the next line after a trailing backslash. */
const C_LINE = String.raw`//[^\r\n\\]*(?:\\(?:\r\n|[\s\S])?[^\r\n\\]*)*`;
const BLOCK = String.raw`/\*[^*]*(?:\*+[^/*][^*]*)*(?:\*+/|\**${EOF})`;
const NESTED_OPEN = String.raw`/\*`;
const HASH_LINE = String.raw`#[^\r\n]*`;
/** Shell: `#` starts a comment only at the start of a word, so `$#`, `${#x}` and `a#b` are not comments. */
const WORD_HASH = String.raw`#(?<![^\s|&;()<>]#)[^\r\n]*`;
const BACKSLASH_ESCAPE = String.raw`\\[\s\S]?`;
const DQ = lineString('"');
const SQ = lineString("'");

/** A char literal that must close right away, so `'a` (a Rust lifetime, a Scala symbol) is left alone. */
const STRICT_CHAR = String.raw`'(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^'\\\r\n]|\\(?:u\{[0-9a-fA-F_]{1,8}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[^\r\n]))'`;

/**
 * A `/` starts a regex literal unless it follows an operand (identifier, number, `)` or `]`), except that
 * a keyword such as `return` is no operand. A guess that is wrong ends at the end of the line.
 */
const KEYWORDS_BEFORE_REGEX = 'return|typeof|instanceof|in|of|new|delete|void|throw|case|do|else|yield|await|if|unless|when|and|or|not|while|until';
const REGEX_START = String.raw`(?:(?<![\w$)\]]\s*/)|(?<=(?<![\w$.])(?:${KEYWORDS_BEFORE_REGEX})\s*/))`;
const REGEX_CLASS = String.raw`\[[^\]\\\r\n]*(?:\\[^\r\n]?[^\]\\\r\n]*)*\]?`;
const REGEX_LITERAL = String.raw`/${REGEX_START}(?![*/])[^/\\\[\r\n]*(?:(?:\\[^\r\n]?|${REGEX_CLASS})[^/\\\[\r\n]*)*(?:/[a-z]*|${EOL}|${EOF})`;

/** C/C++ char literals, except after a number where `'` is a digit separator (`1'000'000`). */
const C_CHAR = guarded(SQ, String.raw`(?<!(?<!\w)\d[\w']{0,64}')`);
const CPP_RAW = String.raw`"(?<=(?<!\w)(?:u8|[uUL])?R")(?<delim>[^()\\\s"]{0,16})\([\s\S]*?(?:\)\k<delim>"|${EOF})`;
const CSHARP_RAW = String.raw`(?<quotes>"{3,})[\s\S]*?(?:\k<quotes>|${EOF})`;
const CSHARP_VERBATIM = String.raw`(?:@\$*|\$(?<!\$\$)\$*@)${doubledString('"')}`;
const RUST_RAW = String.raw`"(?<=(?<!\w)[bc]?r(?<hashes>#*)")[\s\S]*?(?:"\k<hashes>|${EOF})`;
/** Only the first `#` of a run may start a raw string: trying every one would rescan the run. */
const SWIFT_RAW = String.raw`(?<hashes>#(?<!##)#*)(?:"""[\s\S]*?(?:"""\k<hashes>|${EOF})|"[^\r\n]*?(?:"\k<hashes>|${EOL}|${EOF}))`;
const DART_RAW = [tripleString("'", false), tripleString('"', false), rawLineString("'"), rawLineString('"')]
  .map((form) => guarded(form, String.raw`(?<=(?<![\w$])r${form[0]})`))
  .join('|');
const PHP_TO_EOL = String.raw`[^\r\n?]*(?:\?(?!>)[^\r\n?]*)*`;
const LUA_LONG = (name: string) => String.raw`\[(?<${name}>=*)\[[\s\S]*?(?:\]\k<${name}>\]|${EOF})`;
const HTML_COMMENT = String.raw`<!--[^-]*(?:-(?!->)[^-]*)*(?:-->|${EOF})`;
/** A start tag with its attribute values, so that `<a title="<!-- x -->">` holds no comment. */
const START_TAG = String.raw`<[A-Za-z][^<>"']*(?:(?:"[^"]*"?|'[^']*'?)[^<>"']*)*>?`;
const CDATA = String.raw`<!\[CDATA\[[^\]]*(?:\](?!\]>)[^\]]*)*(?:\]\]>|${EOF})`;
const RUBY_BLOCK = String.raw`=begin(?<![^\r\n]=begin)(?!\S)[\s\S]*?(?:(?<=[\r\n])=end(?!\S)[^\r\n]*|${EOF})`;
const PS_BLOCK = String.raw`<#[^#]*(?:#(?!>)[^#]*)*(?:#>|${EOF})`;
const PS_HASH = String.raw`#(?<![^\s;|&(){}=,]#)[^\r\n]*`;
const PS_HERE = String.raw`@(?<quote>["'])[ \t]*(?:\r\n?|\n)[\s\S]*?(?:(?<=[\r\n])\k<quote>@|${EOF})`;
/** PowerShell escapes with a backtick (`\x60`) and also doubles quotes. */
const PS_DQ = String.raw`"[^"\x60]*(?:(?:\x60[\s\S]?|"")[^"\x60]*)*(?:"|${EOF})`;
/** YAML quotes open a scalar only at its start, so the apostrophe in `don't` is text. */
const yamlQuoted = (form: string) => guarded(form, String.raw`(?<![^\s\[{,]${form[0]})`);
const CSS_URL = String.raw`\((?<=url\()[^)'"\r\n]*\)?`;

function syntax(comments: readonly string[], strings: readonly string[], nested = false): LanguageSyntax {
  const source = [`(${comments.join('|')})`, ...strings].join('|');
  return { lexer: new RegExp(source, 'g'), nested };
}

const C_FAMILY = [SLASH_LINE, BLOCK];
const NESTING = [SLASH_LINE, NESTED_OPEN];
const JS = syntax(C_FAMILY, [DQ, SQ, multiString('`'), REGEX_LITERAL]);
const C = syntax([C_LINE, BLOCK], [CPP_RAW, DQ, C_CHAR]);
/** Dockerfiles are lexed as shell: their instructions are shell words, and comment lines start a word. */
const SHELL = syntax([WORD_HASH], [BACKSLASH_ESCAPE, hereDocument('<<(?<!<<<)-?[ \\t]*'), String.raw`\$${multiString("'")}`, rawString("'"), multiString('"')]);
const MARKUP = syntax([HTML_COMMENT], [CDATA, START_TAG]);

const SYNTAX: Readonly<Record<LanguageId, LanguageSyntax>> = {
  typescript: JS,
  javascript: JS,
  java: syntax(C_FAMILY, [tripleString('"', true), DQ, SQ]),
  groovy: syntax(C_FAMILY, [tripleString('"', true), tripleString("'", true), DQ, SQ]),
  kotlin: syntax(NESTING, [tripleString('"', false), DQ, SQ], true),
  scala: syntax(NESTING, [tripleString('"', false), DQ, STRICT_CHAR], true),
  c: C,
  cpp: C,
  csharp: syntax(C_FAMILY, [CSHARP_RAW, CSHARP_VERBATIM, DQ, SQ]),
  go: syntax(C_FAMILY, [DQ, SQ, rawString('`')]),
  rust: syntax(NESTING, [RUST_RAW, multiString('"'), STRICT_CHAR], true),
  swift: syntax(NESTING, [SWIFT_RAW, tripleString('"', true), DQ], true),
  dart: syntax(NESTING, [DART_RAW, tripleString("'", true), tripleString('"', true), DQ, SQ], true),
  protobuf: syntax(C_FAMILY, [DQ, SQ]),
  python: syntax([HASH_LINE, tripleString('"', true), tripleString("'", true)], [DQ, SQ]),
  ruby: syntax([RUBY_BLOCK, HASH_LINE], [multiString('"'), multiString("'"), multiString('`'), REGEX_LITERAL]),
  shell: SHELL,
  dockerfile: SHELL,
  // Make knows no quotes: `#` starts a comment anywhere except after a backslash.
  makefile: syntax([HASH_LINE], [BACKSLASH_ESCAPE]),
  yaml: syntax([String.raw`#(?<!\S#)[^\r\n]*`], [yamlQuoted(multiString('"')), yamlQuoted(doubledString("'"))]),
  toml: syntax([HASH_LINE], [tripleString('"', true), tripleString("'", false), DQ, rawLineString("'")]),
  r: syntax([HASH_LINE], [multiString('"'), multiString("'"), rawString('`')]),
  sql: syntax([String.raw`--[^\r\n]*`, BLOCK], [doubledString("'"), doubledString('"'), rawString('`')]),
  html: MARKUP,
  xml: MARKUP,
  php: syntax([`//${PHP_TO_EOL}`, `#(?!\\[)${PHP_TO_EOL}`, BLOCK], [hereDocument('<<<[ \\t]*'), multiString('"'), multiString("'"), multiString('`')]),
  lua: syntax([`--${LUA_LONG('level')}`, String.raw`--[^\r\n]*`], [LUA_LONG('strlevel'), DQ, SQ]),
  powershell: syntax([PS_BLOCK, PS_HASH], [PS_HERE, PS_DQ, doubledString("'")]),
  css: syntax([BLOCK], [DQ, SQ]),
  scss: syntax(C_FAMILY, [CSS_URL, DQ, SQ]),
  hcl: syntax([HASH_LINE, SLASH_LINE, BLOCK], [hereDocument('<<-?'), DQ]),
};

export function syntaxOf(language: LanguageId): LanguageSyntax {
  return SYNTAX[language];
}

const BY_EXTENSION: ReadonlyMap<string, LanguageId> = entries({
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  java: 'java', groovy: 'groovy', gradle: 'groovy', kt: 'kotlin', kts: 'kotlin', scala: 'scala', sc: 'scala',
  c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp', cxx: 'cpp', 'c++': 'cpp', hh: 'cpp', hpp: 'cpp', hxx: 'cpp', 'h++': 'cpp', ipp: 'cpp', ino: 'cpp',
  cs: 'csharp', csx: 'csharp', go: 'go', rs: 'rust', swift: 'swift', dart: 'dart', proto: 'protobuf',
  py: 'python', pyi: 'python', pyw: 'python', rb: 'ruby', rake: 'ruby', gemspec: 'ruby',
  sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell', dockerfile: 'dockerfile', mk: 'makefile', mak: 'makefile',
  yml: 'yaml', yaml: 'yaml', toml: 'toml', r: 'r', sql: 'sql',
  html: 'html', htm: 'html', xhtml: 'html', xml: 'xml', xsd: 'xml', xsl: 'xml', xslt: 'xml', svg: 'xml', xaml: 'xml', plist: 'xml', csproj: 'xml',
  php: 'php', phtml: 'php', lua: 'lua', ps1: 'powershell', psm1: 'powershell', psd1: 'powershell',
  css: 'css', scss: 'scss', less: 'scss', tf: 'hcl', tfvars: 'hcl', hcl: 'hcl',
});

/** Files known by their whole name; matched case-insensitively, like extensions. */
const BY_NAME: ReadonlyMap<string, LanguageId> = entries({
  dockerfile: 'dockerfile', containerfile: 'dockerfile', makefile: 'makefile', gnumakefile: 'makefile',
  '.bashrc': 'shell', '.bash_profile': 'shell', '.bash_aliases': 'shell', '.profile': 'shell', '.zshrc': 'shell', '.zprofile': 'shell',
  rakefile: 'ruby', gemfile: 'ruby', jenkinsfile: 'groovy',
});

/** The language of a file by its name or extension; undefined for anything that is not code (Markdown too). */
export function languageForPath(path: string): LanguageId | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const byName = BY_NAME.get(name);
  if (byName) return byName;
  // `Dockerfile.dev` and friends: the name says what the file is, the suffix only which variant.
  if (name.startsWith('dockerfile.')) return 'dockerfile';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? BY_EXTENSION.get(name.slice(dot + 1)) : undefined;
}

/** A map rather than an object, so that names such as `constructor` never hit the prototype. */
function entries(table: Record<string, LanguageId>): ReadonlyMap<string, LanguageId> {
  return new Map(Object.entries(table));
}
