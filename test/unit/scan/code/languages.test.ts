// One table row per language. Each row has a tag in a line comment and (where the language has one) in a
// block comment, a mention, and IDs inside strings or other tricky forms (listed in `covers`) that must
// NOT be found: the expectations list everything found, so any stray ID fails the row.
// @verifies ST-15
import { describe, it } from 'mocha';
import type { LanguageId } from '../../../../src/core/scan/code';
import { assertScan, joinLines, type MentionTuple, type TagTuple } from './helpers';

interface LanguageCase {
  readonly language: LanguageId;
  readonly covers: string;
  readonly lines: readonly string[];
  readonly tags: readonly TagTuple[];
  readonly mentions: readonly MentionTuple[];
}

const CASES: readonly LanguageCase[] = [
  {
    language: 'typescript',
    covers: 'strings, a template with `${}`, a regex literal with `//`, an escaped quote, division',
    lines: [
      'const a = "// @implements SR-1"; // @implements SR-2',
      'const t = `/* SR-3 ${x} */`; /* Implements: MIT-1 */',
      'const r = /\\/\\/ SR-4/g; // see THR-1',
      "const q = 'it\\'s // SR-6', d = a / b; // SR-5",
    ],
    tags: [['implements', 'SR-2', 0, 48], ['implements', 'MIT-1', 1, 44]],
    mentions: [['THR-1', 2, 31], ['SR-5', 3, 41]],
  },
  {
    language: 'javascript',
    covers: 'a regex class holding `/` and `"`, a multi-line template, a regex after `return`',
    lines: [
      'const re = /[/"]/; // @verifies SR-1',
      'const s = "a\\"// SR-2"; /** @mitigates THR-1 */',
      'const t = `multi',
      '// SR-3 still in the template',
      '`; // AST-1',
      'if (x) return /\\/* SR-7 /; // SR-8',
    ],
    tags: [['verifies', 'SR-1', 0, 32], ['mitigates', 'THR-1', 1, 39]],
    mentions: [['AST-1', 4, 6], ['SR-8', 5, 30]],
  },
  {
    language: 'java',
    covers: 'a char literal `\'"\'`, a text block with quotes and an escaped `"""`',
    lines: [
      'String s = "/* SR-1 */"; // @implements SR-2',
      'char c = \'"\'; /* @verifies SR-3 */ String t = "x"; // AST-1',
      'String block = """',
      '    // SR-4 in a text block "" \\""" still',
      '    """; // IF-1',
    ],
    tags: [['implements', 'SR-2', 0, 40], ['verifies', 'SR-3', 1, 27]],
    mentions: [['AST-1', 1, 54], ['IF-1', 4, 12]],
  },
  {
    language: 'kotlin',
    covers: 'a string template holding quotes, nested block comments, a raw string ending in a backslash',
    lines: [
      'val s = "// SR-1 ${"nested"}" // @implements SR-2',
      '/* outer /* inner SR-3 */ still outer: Verifies: MIT-1 */ val x = 1 // SR-4',
      'val raw = """C:\\ // SR-5 """ // THR-1',
      'val c = \'"\' // IF-1',
    ],
    tags: [['implements', 'SR-2', 0, 45], ['verifies', 'MIT-1', 1, 49]],
    mentions: [['SR-3', 1, 18], ['SR-4', 1, 71], ['THR-1', 2, 32], ['IF-1', 3, 15]],
  },
  {
    language: 'c',
    covers: 'a char literal `\'"\'`, a string continued by a backslash, a line comment continued by a backslash',
    lines: [
      'char q = \'"\'; // @implements SR-1',
      'const char *s = "/* SR-2 */"; /* Mitigates: THR-1 */',
      '#define X "a\\',
      '// SR-4" // AST-1',
      '// continued \\',
      'SR-5 is still in the comment',
    ],
    tags: [['implements', 'SR-1', 0, 29], ['mitigates', 'THR-1', 1, 44]],
    mentions: [['AST-1', 3, 12], ['SR-5', 5, 0]],
  },
  {
    language: 'cpp',
    covers: 'a raw string holding `)"`, a digit separator, an escaped quote char, a `u8R` raw string',
    lines: [
      'auto r = R"x(// SR-1 )" still raw)x"; // @implements SR-2',
      "int n = 0x1'FF; // SR-3",
      "char c = '\\''; /* @verifies MIT-1, MIT-2 */",
      'auto u = u8R"(/* SR-4)"; // THR-1',
    ],
    tags: [['implements', 'SR-2', 0, 53], ['verifies', 'MIT-1', 2, 28], ['verifies', 'MIT-2', 2, 35]],
    mentions: [['SR-3', 1, 19], ['THR-1', 3, 28]],
  },
  {
    language: 'csharp',
    covers: 'verbatim strings (backslash at the end, doubled quotes), a raw string, an interpolated string',
    lines: [
      'var p = @"C:\\dir\\"; // @implements SR-1',
      'var q = @"say ""// SR-2"""; /* Verifies: SR-3 */',
      'var r = """',
      '  // SR-4 "quoted" ""',
      '  """; // MIT-1',
      'char c = \'"\'; var i = $"{x} // SR-5"; // THR-1',
    ],
    tags: [['implements', 'SR-1', 0, 35], ['verifies', 'SR-3', 1, 41]],
    mentions: [['MIT-1', 4, 10], ['THR-1', 5, 41]],
  },
  {
    language: 'go',
    covers: 'raw strings (a backslash does not escape), a rune `\'"\'`',
    lines: [
      's := `raw \\` // @implements SR-1',
      'r := \'"\' // SR-2',
      't := "/* SR-3 */" /* @verifies MIT-1 */',
      'u := `multi',
      '// SR-4',
      '` // THR-1',
    ],
    tags: [['implements', 'SR-1', 0, 28], ['verifies', 'MIT-1', 2, 31]],
    mentions: [['SR-2', 1, 12], ['THR-1', 5, 5]],
  },
  {
    language: 'rust',
    covers: 'lifetimes, a char `\'"\'`, a raw string `r#"..."#`, nested comments, multi-line strings, a byte char',
    lines: [
      'fn f<\'a>(s: &\'a str) -> char { \'"\' } // @implements SR-1',
      'let r = r#"// "SR-2" "#; /* outer /* inner */ Mitigates: THR-1 */',
      'let b = b\'\\\'\'; let s = "multi',
      '// SR-3"; // SR-4',
      "let l = '\\u{1F600}'; // AST-1",
    ],
    tags: [['implements', 'SR-1', 0, 52], ['mitigates', 'THR-1', 1, 57]],
    mentions: [['SR-4', 3, 13], ['AST-1', 4, 24]],
  },
  {
    language: 'swift',
    covers: 'a raw string `#"..."#`, nested comments, a multi-line string with an escaped `"""`',
    lines: [
      'let s = #"raw "// SR-1" "#; // @implements SR-2',
      '/* outer /* SR-3 */ @verifies MIT-1 */ let m = """',
      '// SR-4 \\""" still',
      '"""; // THR-1',
      'let q = "/* SR-5 */" // AST-1',
    ],
    tags: [['implements', 'SR-2', 0, 43], ['verifies', 'MIT-1', 1, 30]],
    mentions: [['SR-3', 1, 12], ['THR-1', 3, 8], ['AST-1', 4, 24]],
  },
  {
    language: 'python',
    covers: 'prefixed single-line strings; triple-quoted strings are documentation',
    lines: [
      's = "# SR-1"  # @implements SR-2',
      "r = r'\\d # SR-3'  # SR-4",
      'def f():',
      '    """Implements: MIT-1"""',
      '    t = f\'{x!r} # SR-5\'; u = b"\\" # SR-6"',
      "    '''Docstring mentions THR-1'''",
    ],
    tags: [['implements', 'SR-2', 0, 28], ['implements', 'MIT-1', 3, 19]],
    mentions: [['SR-4', 1, 20], ['THR-1', 5, 26]],
  },
  {
    language: 'ruby',
    covers: '`#{}` inside a string, `=begin`/`=end`, a regex literal holding `#`, adjacent strings',
    lines: [
      's = "a #{x} # SR-1" # @implements SR-2',
      '=begin',
      'Verifies: MIT-1',
      '=end',
      'r = /#SR-3/ # THR-1',
      "t = 'it''s' # SR-4",
    ],
    tags: [['implements', 'SR-2', 0, 34], ['verifies', 'MIT-1', 2, 10]],
    mentions: [['THR-1', 4, 14], ['SR-4', 5, 14]],
  },
  {
    language: 'shell',
    covers: '`$#`, `${#x}`, `a#b`, an escaped quote between strings, a quoted here-document',
    lines: [
      'echo "# SR-1" $# ${#arr} a#SR-2 # @implements SR-3',
      "echo 'don'\\''t # SR-4' # SR-5",
      "cat <<'EOF'",
      '# SR-6 inside a here-document',
      'EOF',
      'x=1 # Mitigates: THR-1',
    ],
    tags: [['implements', 'SR-3', 0, 46], ['mitigates', 'THR-1', 5, 17]],
    mentions: [['SR-5', 1, 25]],
  },
  {
    language: 'yaml',
    covers: 'quoted scalars with `#`, a doubled quote, `#` inside a plain scalar, an apostrophe in a word',
    lines: [
      'key: "value # SR-1" # @implements SR-2',
      "other: 'it''s # SR-3' # SR-4",
      'url: http://example.com/#SR-5',
      "note: don't # MIT-1",
    ],
    tags: [['implements', 'SR-2', 0, 34]],
    mentions: [['SR-4', 1, 24], ['MIT-1', 3, 14]],
  },
  {
    language: 'sql',
    covers: '`--` inside strings, a doubled quote, a quoted identifier',
    lines: [
      "SELECT '-- SR-1' AS a; -- @implements SR-2",
      "SELECT 'it''s -- SR-3' /* Verifies: SR-4 */ FROM t;",
      'SELECT "col--SR-5" FROM t -- THR-1',
    ],
    tags: [['implements', 'SR-2', 0, 38], ['verifies', 'SR-4', 1, 36]],
    mentions: [['THR-1', 2, 29]],
  },
  {
    language: 'html',
    covers: 'an attribute value, `-->` in text after a comment, CDATA holding `<!--`',
    lines: [
      '<p title="SR-1">SR-1 in text</p> <!-- @implements SR-2 -->',
      '<!--',
      '  Mitigates: THR-1',
      '--> <p>-- SR-3 --></p> <svg><![CDATA[ <!-- SR-4 --> ]]></svg> <!-- see AST-1 -->',
    ],
    tags: [['implements', 'SR-2', 0, 50], ['mitigates', 'THR-1', 2, 13]],
    mentions: [['AST-1', 3, 71]],
  },
  {
    language: 'xml',
    covers: 'an attribute value holding `<!--`, CDATA, `--` inside a comment',
    lines: [
      '<?xml version="1.0"?> <!-- @implements SR-1 -->',
      '<a b="<!-- SR-2 -->"><![CDATA[ <!-- SR-3 --> ]]></a>',
      '<!-- MIT-1 -- ->',
      ' still a comment -->',
    ],
    tags: [['implements', 'SR-1', 0, 39]],
    mentions: [['MIT-1', 2, 5]],
  },
  {
    language: 'php',
    covers: 'a line comment ending at `?>`, an attribute `#[...]`, a heredoc, an escaped quote',
    lines: [
      '<?php $s = "// SR-1"; // @implements SR-2 ?> <p>SR-3</p>',
      '<?php #[Attribute] # Verifies: SR-4',
      '$t = <<<EOT',
      '// SR-5 in heredoc',
      "EOT; /* @mitigates THR-1, see SR-7 */ $u = 'it\\'s # SR-6';",
    ],
    tags: [['implements', 'SR-2', 0, 37], ['verifies', 'SR-4', 1, 31], ['mitigates', 'THR-1', 4, 19]],
    mentions: [['SR-7', 4, 30]],
  },
  {
    language: 'scala',
    covers: 'a symbol `\'sym`, a char `\'"\'`, nested comments, a raw triple-quoted string',
    lines: [
      'val s = "// SR-1" // @implements SR-2',
      'val sym = \'sym; val c = \'"\' // SR-3',
      '/* a /* b */ Verifies: MIT-1 */ val r = """// SR-4""" // THR-1',
    ],
    tags: [['implements', 'SR-2', 0, 33], ['verifies', 'MIT-1', 2, 23]],
    mentions: [['SR-3', 1, 31], ['THR-1', 2, 57]],
  },
  {
    language: 'dart',
    covers: 'a raw string ending in a backslash, a triple-quoted string, an interpolation holding quotes',
    lines: [
      "var s = r'C:\\'; // @implements SR-1",
      "var t = '''// SR-2''' /* a /* b */ Verifies: MIT-1 */;",
      'var u = "${\'// SR-3\'}"; // THR-1',
    ],
    tags: [['implements', 'SR-1', 0, 31], ['verifies', 'MIT-1', 1, 45]],
    mentions: [['THR-1', 2, 27]],
  },
  {
    language: 'lua',
    covers: 'long strings and long comments with levels',
    lines: [
      'local s = "-- SR-1" -- @implements SR-2',
      'local l = [==[ -- SR-3 ]] still ]==] --[[ Verifies: MIT-1 ]]',
      '--[=[ block ]] SR-4 ]=] x = 1 -- THR-1',
    ],
    tags: [['implements', 'SR-2', 0, 35], ['verifies', 'MIT-1', 1, 52]],
    mentions: [['SR-4', 2, 15], ['THR-1', 2, 33]],
  },
  {
    language: 'powershell',
    covers: 'a backtick-escaped quote, doubled quotes, a here-string, `#` inside a word',
    lines: [
      '$s = "# SR-1 `" still"; # @implements SR-2',
      "$t = 'it''s # SR-3' <# Verifies: MIT-1 #>",
      '$h = @"',
      '# SR-4',
      '"@ # THR-1',
      'Write-Host a#SR-5',
    ],
    tags: [['implements', 'SR-2', 0, 38], ['verifies', 'MIT-1', 1, 33]],
    mentions: [['THR-1', 4, 5]],
  },
  {
    language: 'css',
    covers: 'strings holding comment openers; `//` is not a CSS comment',
    lines: [
      'a::after { content: "/* SR-1 */"; } /* @implements SR-2 */',
      "b { background: url('//SR-3'); } /* THR-1 */",
    ],
    tags: [['implements', 'SR-2', 0, 51]],
    mentions: [['THR-1', 1, 36]],
  },
  {
    language: 'scss',
    covers: 'an unquoted `url(//...)` is not a comment',
    lines: [
      '// @implements SR-1',
      'a { background: url(//cdn/SR-2.png); } // THR-1',
      "b { content: '// SR-3'; } /* Verifies: MIT-1 */",
    ],
    tags: [['implements', 'SR-1', 0, 15], ['verifies', 'MIT-1', 2, 39]],
    mentions: [['THR-1', 1, 42]],
  },
  {
    language: 'toml',
    covers: 'a literal string ending in a backslash, a multi-line string with an escaped `"""`',
    lines: [
      'key = "# SR-1" # @implements SR-2',
      "lit = 'C:\\' # SR-3",
      'ml = """',
      '# SR-4 \\""" still',
      '""" # THR-1',
    ],
    tags: [['implements', 'SR-2', 0, 29]],
    mentions: [['SR-3', 1, 14], ['THR-1', 4, 6]],
  },
  {
    language: 'protobuf',
    covers: 'double- and single-quoted strings holding comment openers',
    lines: [
      'string s = 1 [default = "// SR-1"]; // @implements SR-2',
      "/* Verifies: MIT-1 */ option x = '/* SR-3'; // THR-1",
    ],
    tags: [['implements', 'SR-2', 0, 51], ['verifies', 'MIT-1', 1, 13]],
    mentions: [['THR-1', 1, 47]],
  },
  {
    language: 'makefile',
    covers: 'an escaped `\\#`',
    lines: [
      'X = a\\#SR-1 # @implements SR-2',
      'all: ; echo done # THR-1',
    ],
    tags: [['implements', 'SR-2', 0, 26]],
    mentions: [['THR-1', 1, 19]],
  },
  {
    language: 'dockerfile',
    covers: 'quoted `#`, `#` inside a word',
    lines: [
      '# @implements SR-1',
      'RUN echo "# SR-2" && echo a#SR-3 # THR-1',
      "ENV X='# SR-4'",
    ],
    tags: [['implements', 'SR-1', 0, 14]],
    mentions: [['THR-1', 1, 35]],
  },
  {
    language: 'groovy',
    covers: 'triple-quoted and double-quoted strings',
    lines: [
      "def s = '''// SR-1''' // @implements SR-2",
      'def t = "/* SR-3 */" /* THR-1 */',
      'def u = 1 /* Verifies: MIT-1 */',
    ],
    tags: [['implements', 'SR-2', 0, 37], ['verifies', 'MIT-1', 2, 23]],
    mentions: [['THR-1', 1, 24]],
  },
  {
    language: 'hcl',
    covers: 'a quoted `#`, a heredoc holding `//`',
    lines: [
      'name = "# SR-1" # @implements SR-2',
      'policy = <<EOF',
      '// SR-3 in heredoc',
      'EOF',
      '/* Verifies: MIT-1 */ x = 1 // THR-1',
    ],
    tags: [['implements', 'SR-2', 0, 30], ['verifies', 'MIT-1', 4, 13]],
    mentions: [['THR-1', 4, 31]],
  },
  {
    language: 'r',
    covers: 'a quoted `#`, a backtick name holding `#`',
    lines: [
      's <- "# SR-1" # @implements SR-2',
      '`# SR-3` <- 1 # THR-1',
    ],
    tags: [['implements', 'SR-2', 0, 28]],
    mentions: [['THR-1', 1, 16]],
  },
];

describe('code scanner: languages', () => {
  for (const { language, covers, lines, tags, mentions } of CASES) {
    it(`${language}: ${covers}`, () => {
      assertScan(language, joinLines(...lines), { tags, mentions });
    });
  }
});
