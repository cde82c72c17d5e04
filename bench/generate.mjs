// Deterministic generator of benchmark workspaces: N code files in sixteen languages, Markdown specs that
// define the items those files trace to, decoy IDs inside string literals, ignored folders that must not
// be scanned, and one 5,000-line TypeScript file for the re-index benchmark.
//
//   node bench/generate.mjs 10k            -> bench/.data/ws-10k/ (skipped when its stamp is current)
//   node bench/generate.mjs 1k 10k --force -> regenerate even when the stamp is current
//
// Same seed + same GENERATOR_VERSION = byte-identical tree. Bump GENERATOR_VERSION whenever the output
// changes, so that stale trees are regenerated.
import { mkdirSync, rmSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 0x5ec7ace;
export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = join(BENCH_DIR, '.data');
/** Code files per spec file (one "area": a package with its own spec). */
const FILES_PER_AREA = 200;
/** Mean size of a code file in bytes: 10k files ~ 68 MB, 100k files ~ 700 MB. */
const MEAN_FILE_BYTES = 6550;
export const BIG_FILE_LINES = 5000;

// ---------------------------------------------------------------------------------------------------------
// Randomness: mulberry32, seeded per file so a file's content does not depend on the order of generation.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash32(...values) {
  let h = 0x811c9dc5;
  for (const v of values) {
    h = Math.imul(h ^ (v & 0xffff), 0x01000193);
    h = Math.imul(h ^ (v >>> 16), 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(n) {
    return Math.floor(this.next() * n);
  }
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[this.int(list.length)];
  }
  /** Log-normal with the given median and shape. */
  lognormal(median, sigma) {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * z);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary.

const NOUNS = ('dose rate pump patient alarm session token record audit event channel buffer limit config device ' +
  'sensor reading schedule infusion bolus profile user role permission key cert nonce frame packet message queue ' +
  'store cache index report summary entry window threshold battery firmware update signature hash digest policy ' +
  'rule clinic ward order drug library volume flow pressure occlusion bag line port handle context request response').split(' ');
const VERBS = ('get set load save parse validate check compute apply build send receive verify sign encrypt decrypt ' +
  'open close reset update fetch store render format normalize clamp resolve register dispatch handle emit flush ' +
  'merge split encode decode schedule cancel retry acquire release').split(' ');
const ADJS = ('safe raw max min current pending active stale signed trusted remote local default next last total ' +
  'secure valid primary fallback cached').split(' ');
const SENTENCES = [
  'keeps the hot path free of allocations', 'runs on the pump controller only', 'must not block the UI thread',
  'called once per infusion cycle', 'returns early when the device is locked', 'the caller owns the buffer',
  'values are in millilitres per hour', 'safe to call from any thread', 'see the design notes in the area spec',
  'retries are bounded by the watchdog', 'the result is cached until the next update', 'logs but never throws',
  'mirrors the behaviour of the legacy firmware', 'keep in sync with the wire format', 'assumes a validated profile',
];
const AREA_NAMES = ('infusion auth audit telemetry firmware alarms scheduling drug-library reporting gateway ' +
  'pairing storage billing identity ui-shell notifications analytics backup sync device-mgmt').split(' ');
const DIR_WORDS = ('core api handlers model service util internal storage transport crypto parser render ' +
  'domain adapters jobs net io metrics policy session config').split(' ');
const TITLES = [
  'Authenticate pump commands', 'Limit infusion rate changes', 'Encrypt patient records at rest', 'Sign firmware images',
  'Log every dose change', 'Lock the keypad after inactivity', 'Validate drug library updates', 'Bound retry storms',
  'Protect the pairing key', 'Rotate session tokens', 'Reject stale telemetry frames', 'Check certificate revocation',
  'Rate-limit remote logins', 'Wipe keys on tamper', 'Verify backup integrity', 'Escape values in reports',
];
const THREAT_TITLES = [
  'Replay of dose commands', 'Tampered firmware image', 'Stolen pairing key', 'Forged telemetry frame',
  'Brute force of the service PIN', 'Injection through report fields', 'Downgrade of the TLS session',
  'Exhaustion of the command queue', 'Leak of patient data in logs', 'Rollback of the drug library',
];

const capital = (w) => w[0].toUpperCase() + w.slice(1);
function camel(rng, parts = 2) {
  let s = rng.pick(VERBS);
  for (let i = 1; i < parts; i++) s += capital(rng.pick(i === 1 ? NOUNS : ADJS.concat(NOUNS)));
  return s;
}
const snake = (rng) => `${rng.pick(VERBS)}_${rng.pick(NOUNS)}`;
const pascal = (rng) => capital(rng.pick(ADJS)) + capital(rng.pick(NOUNS)) + capital(rng.pick(['Service', 'Manager', 'Handler', 'Store', 'Client', 'Validator', 'Codec']));
const words = (rng, n) => Array.from({ length: n }, () => rng.pick(NOUNS.concat(VERBS, ADJS))).join(' ');

// ---------------------------------------------------------------------------------------------------------
// Items: each area defines the same shapes of items with its own numbers.

/** The items of area `a`, with the links between them. Numbers never collide across areas. */
export function areaItems(a) {
  const sr = Array.from({ length: 12 }, (_, k) => `SR-${a * 20 + k + 1}`);
  const req = Array.from({ length: 2 }, (_, k) => `REQ-${a * 5 + k + 1}`);
  const mit = Array.from({ length: 6 }, (_, k) => `MIT-${a + 1}.${k + 1}`);
  const thr = Array.from({ length: 5 }, (_, k) => `THR-${a * 10 + k + 1}`);
  const ast = Array.from({ length: 2 }, (_, k) => `AST-${a * 5 + k + 1}`);
  const itf = [`IF-${a + 1}`];
  // Items that need implementation and tests: every one gets at least one @implements and one @verifies.
  const traced = [...sr, ...req, ...mit];
  // Threat k is mitigated by MIT k (and MIT 5 also mitigates threat 0, so some threats have two).
  const mitigatorsOf = (k) => (k === 0 ? [mit[0], mit[5]] : [mit[k]]);
  return { sr, req, mit, thr, ast, itf, traced, mitigatorsOf, all: [...traced, ...thr, ...ast, ...itf] };
}

/** A decoy: an ID-shaped text that no spec defines. It appears only inside string literals. */
function decoy(rng) {
  const n = 900000 + rng.int(99999);
  switch (rng.int(5)) {
    case 0: return `rejected by SR-${n}`;
    case 1: return `@implements MIT-${n}.2`;
    case 2: return `see THR-${n} for details`;
    case 3: return `REQ-${n}`;
    default: return `@verifies SR-${n}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Per-file context: the tags it must carry and helpers for identifiers and literals.

class FileCtx {
  constructor(rng, area, tags, mentionPool) {
    this.rng = rng;
    this.area = area;
    /** Tag lines still to place, e.g. `@implements SR-3`. */
    this.tags = tags;
    this.mentionPool = mentionPool;
    /** Chance that a function's doc comment takes the next pending tag. */
    this.tagChance = 0.7;
  }
  /** Comment text lines for the next function's doc comment (without comment markers). */
  doc() {
    const { rng } = this;
    const lines = [`${capital(camel(rng, 2).replace(/([A-Z])/g, ' $1').toLowerCase())}: ${rng.pick(SENTENCES)}.`];
    if (this.tags.length && rng.chance(this.tagChance)) lines.push(this.tags.shift());
    if (rng.chance(0.18)) lines.push(`See ${rng.pick(this.mentionPool)} for the rationale.`);
    if (rng.chance(0.3)) lines.push(`${capital(words(rng, 6))}.`);
    return lines;
  }
  str() {
    const { rng } = this;
    const r = rng.next();
    if (r < 0.04) return decoy(rng);
    if (r < 0.25) return `/api/v${rng.range(1, 3)}/${rng.pick(NOUNS)}s/${rng.pick(NOUNS)}`;
    if (r < 0.4) return `${rng.pick(NOUNS)}.${rng.pick(NOUNS)}.${rng.pick(ADJS)}`;
    return `${words(rng, rng.range(2, 6))}`;
  }
  num() {
    return this.rng.chance(0.5) ? String(this.rng.range(0, 100)) : String(this.rng.range(100, 65535));
  }
  id() {
    return camel(this.rng, this.rng.range(1, 3));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Languages. Each renders a header, one function (with its doc comment) at a time, and a footer.

const lineDoc = (prefix) => (lines, indent = '') => lines.map((l) => `${indent}${prefix} ${l}\n`).join('');
const blockDoc = (lines, indent = '') => `${indent}/**\n${lines.map((l) => `${indent} * ${l}\n`).join('')}${indent} */\n`;

function cBody(ctx, indent, decl, q = '"') {
  const { rng } = ctx;
  let out = '';
  const n = rng.range(3, 9);
  for (let i = 0; i < n; i++) {
    const v = ctx.id();
    switch (rng.int(6)) {
      case 0: out += `${indent}${decl(v, `${q}${ctx.str()}${q}`)}\n`; break;
      case 1: out += `${indent}${decl(v, `${ctx.id()}(${ctx.num()}, ${q}${ctx.str()}${q})`)}\n`; break;
      case 2: out += `${indent}if (${ctx.id()} > ${ctx.num()}) {\n${indent}    ${ctx.id()}(${q}${ctx.str()}${q});\n${indent}}\n`; break;
      case 3: out += `${indent}// ${capital(words(rng, rng.range(3, 9)))}\n`; break;
      case 4: out += `${indent}for (int i = 0; i < ${ctx.num()}; i++) {\n${indent}    ${ctx.id()}(i);\n${indent}}\n`; break;
      default: out += `${indent}${ctx.id()}(${ctx.num()});\n`; break;
    }
  }
  return out;
}

function scriptBody(ctx, indent, assign, call, cmt, q = '"') {
  const { rng } = ctx;
  let out = '';
  const n = rng.range(3, 9);
  for (let i = 0; i < n; i++) {
    switch (rng.int(4)) {
      case 0: out += `${indent}${assign(snake(rng), `${q}${ctx.str()}${q}`)}\n`; break;
      case 1: out += `${indent}${call(snake(rng), `${q}${ctx.str()}${q}, ${ctx.num()}`)}\n`; break;
      case 2: out += `${indent}${cmt} ${capital(words(rng, rng.range(3, 9)))}\n`; break;
      default: out += `${indent}${assign(snake(rng), ctx.num())}\n`; break;
    }
  }
  return out;
}

const jsBody = (ctx, indent) =>
  cBody(ctx, indent, (v, e) => `const ${v} = ${e};`, ctx.rng.chance(0.5) ? "'" : '"').replace(/for \(int i = /g, 'for (let i = ');

const tsLike = (ts) => ({
  header: (ctx) => `${ts ? 'import type' : 'import'} { ${pascal(ctx.rng)} } from './${ctx.rng.pick(DIR_WORDS)}';\nimport { ${ctx.id()}, ${ctx.id()} } from '../${ctx.rng.pick(DIR_WORDS)}/${ctx.rng.pick(NOUNS)}';\n\nconst ${ctx.id().toUpperCase()} = ${ctx.num()};\n\n`,
  fn(ctx) {
    const { rng } = ctx;
    const doc = ctx.doc();
    const name = ctx.id();
    const t = ts ? ': string' : '';
    if (rng.chance(0.2)) {
      const cls = pascal(rng);
      return `${blockDoc(doc)}export class ${cls} {\n  private ${ctx.id()}${ts ? ': number' : ''} = ${ctx.num()};\n\n  ${name}(${ctx.id()}${t})${ts ? ': void' : ''} {\n${jsBody(ctx, '    ')}  }\n}\n\n`;
    }
    return `${lineDoc('//')(doc)}export ${rng.chance(0.3) ? 'async ' : ''}function ${name}(${ctx.id()}${t}, ${ctx.id()}${ts ? ': number' : ''})${ts ? ': unknown' : ''} {\n${jsBody(ctx, '  ')}  return ${ctx.id()};\n}\n\n`;
  },
  footer: () => '',
});

const LANGS = {
  ts: { ext: 'ts', weight: 18, ...tsLike(true) },
  js: { ext: 'js', weight: 7, ...tsLike(false) },
  java: {
    ext: 'java', weight: 10,
    header: (ctx) => `package com.example.${ctx.rng.pick(DIR_WORDS)};\n\nimport java.util.List;\nimport java.util.Map;\n\npublic final class ${ctx.cls} {\n`,
    fn: (ctx) => `${blockDoc(ctx.doc(), '    ')}    public ${ctx.rng.pick(['String', 'int', 'void', 'boolean'])} ${ctx.id()}(String ${ctx.id()}, int ${ctx.id()}) {\n${cBody(ctx, '        ', (v, e) => `var ${v} = ${e};`)}    }\n\n`,
    footer: () => '}\n',
  },
  kotlin: {
    ext: 'kt', weight: 5,
    header: (ctx) => `package com.example.${ctx.rng.pick(DIR_WORDS)}\n\nimport kotlinx.coroutines.flow.Flow\n\nclass ${ctx.cls}(private val ${ctx.id()}: Int) {\n`,
    fn: (ctx) => `${blockDoc(ctx.doc(), '    ')}    fun ${ctx.id()}(${ctx.id()}: String, ${ctx.id()}: Int): String {\n${cBody(ctx, '        ', (v, e) => `val ${v} = ${e}`).replace(/for \(int i = 0; i < (\d+); i\+\+\)/g, 'for (i in 0 until $1)')}        return ${ctx.id()}\n    }\n\n`,
    footer: () => '}\n',
  },
  c: {
    ext: 'c', weight: 6,
    header: (ctx) => `#include <stdint.h>\n#include <string.h>\n#include "${ctx.rng.pick(NOUNS)}.h"\n\n#define ${ctx.rng.pick(NOUNS).toUpperCase()}_MAX ${ctx.num()}\n\n`,
    fn: (ctx) => `${ctx.rng.chance(0.5) ? blockDoc(ctx.doc()) : lineDoc('//')(ctx.doc())}static int ${snake(ctx.rng)}(const char *${ctx.id()}, int ${ctx.id()})\n{\n${cBody(ctx, '    ', (v, e) => `const char *${v} = ${e};`)}    return 0;\n}\n\n`,
    footer: () => '',
  },
  cpp: {
    ext: 'cpp', weight: 6,
    header: (ctx) => `#include <string>\n#include <vector>\n#include "${ctx.rng.pick(NOUNS)}.hpp"\n\nnamespace ${ctx.rng.pick(DIR_WORDS)} {\n\n`,
    fn: (ctx) => `${lineDoc('//')(ctx.doc())}std::string ${pascal(ctx.rng)}::${ctx.id()}(const std::string& ${ctx.id()}, int ${ctx.id()}) {\n${cBody(ctx, '    ', (v, e) => `auto ${v} = ${e};`)}    return {};\n}\n\n`,
    footer: (ctx) => `}  // namespace ${ctx.rng.pick(DIR_WORDS)}\n`,
  },
  csharp: {
    ext: 'cs', weight: 6,
    header: (ctx) => `using System;\nusing System.Collections.Generic;\n\nnamespace Example.${capital(ctx.rng.pick(DIR_WORDS))}\n{\n    public sealed class ${ctx.cls}\n    {\n`,
    fn: (ctx) => `${lineDoc('///')(ctx.doc(), '        ')}        public string ${capital(ctx.id())}(string ${ctx.id()}, int ${ctx.id()})\n        {\n${cBody(ctx, '            ', (v, e) => `var ${v} = ${e};`)}            return string.Empty;\n        }\n\n`,
    footer: () => '    }\n}\n',
  },
  go: {
    ext: 'go', weight: 8,
    header: (ctx) => `package ${ctx.rng.pick(DIR_WORDS)}\n\nimport (\n\t"errors"\n\t"fmt"\n)\n\n`,
    fn: (ctx) => `${lineDoc('//')(ctx.doc())}func ${capital(ctx.id())}(${ctx.id()} string, ${ctx.id()} int) (string, error) {\n${cBody(ctx, '\t', (v, e) => `${v} := ${e}`).replace(/for \(int i = 0; i < (\d+); i\+\+\) \{/g, 'for i := 0; i < $1; i++ {').replace(/if \((.*)\) \{/g, 'if $1 {')}\treturn "", nil\n}\n\n`,
    footer: () => '',
  },
  rust: {
    ext: 'rs', weight: 5,
    header: () => `use std::collections::HashMap;\nuse std::fmt;\n\n`,
    fn: (ctx) => `${lineDoc('///')(ctx.doc())}pub fn ${snake(ctx.rng)}(${snake(ctx.rng)}: &str, ${snake(ctx.rng)}: u32) -> String {\n${cBody(ctx, '    ', (v, e) => `let ${v} = ${e};`).replace(/for \(int i = 0; i < (\d+); i\+\+\)/g, 'for i in 0..$1').replace(/if \((.*)\) \{/g, 'if $1 {')}    String::new()\n}\n\n`,
    footer: () => '',
  },
  swift: {
    ext: 'swift', weight: 3,
    header: (ctx) => `import Foundation\n\nfinal class ${ctx.cls} {\n`,
    fn: (ctx) => `${lineDoc('///')(ctx.doc(), '    ')}    func ${ctx.id()}(_ ${ctx.id()}: String, count: Int) -> String {\n${cBody(ctx, '        ', (v, e) => `let ${v} = ${e}`).replace(/for \(int i = 0; i < (\d+); i\+\+\)/g, 'for i in 0..<$1').replace(/if \((.*)\) \{/g, 'if $1 {')}        return ""\n    }\n\n`,
    footer: () => '}\n',
  },
  python: {
    ext: 'py', weight: 10,
    header: (ctx) => `"""${capital(words(ctx.rng, 5))}."""\nimport logging\nimport os\n\nlog = logging.getLogger(__name__)\n\n\n`,
    fn: (ctx) => `${lineDoc('#')(ctx.doc())}def ${snake(ctx.rng)}(${snake(ctx.rng)}, ${snake(ctx.rng)}=${ctx.num()}):\n    """${capital(words(ctx.rng, 6))}."""\n${scriptBody(ctx, '    ', (v, e) => `${v} = ${e}`, (f, a) => `${f}(${a})`, '#')}    return None\n\n\n`,
    footer: () => '',
  },
  ruby: {
    ext: 'rb', weight: 3,
    header: (ctx) => `require "json"\n\nmodule ${capital(ctx.rng.pick(DIR_WORDS))}\n`,
    fn: (ctx) => `${lineDoc('#')(ctx.doc(), '  ')}  def ${snake(ctx.rng)}(${snake(ctx.rng)}, ${snake(ctx.rng)})\n${scriptBody(ctx, '    ', (v, e) => `${v} = ${e}`, (f, a) => `${f}(${a})`, '#')}    nil\n  end\n\n`,
    footer: () => 'end\n',
  },
  shell: {
    ext: 'sh', weight: 3,
    header: () => `#!/usr/bin/env bash\nset -euo pipefail\n\n`,
    fn: (ctx) => `${lineDoc('#')(ctx.doc())}${snake(ctx.rng)}() {\n${scriptBody(ctx, '  ', (v, e) => `local ${v}=${e}`, (f, a) => `${f} ${a.replace(', ', ' ')}`, '#')}}\n\n`,
    footer: () => '',
  },
  yaml: {
    ext: 'yaml', weight: 4,
    header: (ctx) => `# ${capital(words(ctx.rng, 6))}\nversion: 2\nservices:\n`,
    fn: (ctx) => `${lineDoc('#')(ctx.doc(), '  ')}  ${snake(ctx.rng)}:\n    image: "${ctx.rng.pick(NOUNS)}:${ctx.rng.range(1, 9)}.${ctx.rng.range(0, 20)}"\n    description: "${ctx.str()}"\n    replicas: ${ctx.num()}\n    env:\n${Array.from({ length: ctx.rng.range(2, 6) }, () => `      ${snake(ctx.rng).toUpperCase()}: "${ctx.str()}"\n`).join('')}`,
    footer: () => '',
  },
  sql: {
    ext: 'sql', weight: 3,
    header: () => `-- Schema and queries\nBEGIN;\n\n`,
    fn: (ctx) => `${lineDoc('--')(ctx.doc())}CREATE TABLE ${snake(ctx.rng)} (\n  id BIGINT PRIMARY KEY,\n  ${snake(ctx.rng)} TEXT NOT NULL DEFAULT '${ctx.str()}',\n  ${snake(ctx.rng)} INTEGER CHECK (${snake(ctx.rng)} < ${ctx.num()})\n);\nSELECT ${snake(ctx.rng)}, COUNT(*) FROM ${snake(ctx.rng)} WHERE ${snake(ctx.rng)} = '${ctx.str()}' GROUP BY 1;\n\n`,
    footer: () => 'COMMIT;\n',
  },
  html: {
    ext: 'html', weight: 2,
    header: (ctx) => `<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>${capital(words(ctx.rng, 3))}</title>\n</head>\n<body>\n`,
    fn: (ctx) => `${ctx.doc().map((l) => `  <!-- ${l} -->\n`).join('')}  <section class="${ctx.rng.pick(NOUNS)}">\n    <h2>${capital(words(ctx.rng, 3))}</h2>\n    <form action="/${ctx.rng.pick(NOUNS)}" method="post">\n      <label for="${ctx.id()}">${capital(words(ctx.rng, 2))}</label>\n      <input id="${ctx.id()}" name="${ctx.id()}" type="text">\n      <button type="submit">${capital(ctx.rng.pick(VERBS))}</button>\n    </form>\n  </section>\n`,
    footer: () => '</body>\n</html>\n',
  },
};
const LANG_LIST = Object.values(LANGS);
const LANG_WEIGHT = LANG_LIST.reduce((s, l) => s + l.weight, 0);

function pickLang(rng) {
  let r = rng.int(LANG_WEIGHT);
  for (const lang of LANG_LIST) if ((r -= lang.weight) < 0) return lang;
  return LANGS.ts;
}

// Test files: *.test.ts, test_*.py, *_test.go, all tagged with @verifies.
const TESTS = {
  ts: {
    name: (rng) => `${camel(rng, 2)}.test.ts`,
    header: (ctx) => `import { strict as assert } from 'node:assert';\nimport { ${ctx.id()} } from './${ctx.rng.pick(NOUNS)}';\n\ndescribe('${words(ctx.rng, 3)}', () => {\n`,
    fn: (ctx) => `${lineDoc('//')(ctx.doc(), '  ')}  it('${ctx.str()}', () => {\n${jsBody(ctx, '    ')}    assert.equal(${ctx.id()}(), '${ctx.str()}');\n  });\n\n`,
    footer: () => '});\n',
  },
  py: {
    name: (rng) => `test_${snake(rng)}.py`,
    header: () => `import pytest\n\n\n`,
    fn: (ctx) => `${lineDoc('#')(ctx.doc())}def test_${snake(ctx.rng)}():\n${scriptBody(ctx, '    ', (v, e) => `${v} = ${e}`, (f, a) => `${f}(${a})`, '#')}    assert ${snake(ctx.rng)}() == "${ctx.str()}"\n\n\n`,
    footer: () => '',
  },
  go: {
    name: (rng) => `${snake(rng)}_test.go`,
    header: (ctx) => `package ${ctx.rng.pick(DIR_WORDS)}\n\nimport "testing"\n\n`,
    fn: (ctx) => `${lineDoc('//')(ctx.doc())}func Test${capital(ctx.id())}(t *testing.T) {\n${cBody(ctx, '\t', (v, e) => `${v} := ${e}`).replace(/for \(int i = 0; i < (\d+); i\+\+\) \{/g, 'for i := 0; i < $1; i++ {').replace(/if \((.*)\) \{/g, 'if $1 {')}\tif got := ${ctx.id()}(); got != "${ctx.str()}" {\n\t\tt.Fatalf("got %q", got)\n\t}\n}\n\n`,
    footer: () => '',
  },
};
const FILE_NAME = {
  ts: (rng) => `${camel(rng, 2)}.ts`, js: (rng) => `${camel(rng, 2)}.js`, java: null, kotlin: null,
  c: (rng) => `${snake(rng)}.c`, cpp: (rng) => `${snake(rng)}.cpp`, csharp: null, go: (rng) => `${snake(rng)}.go`,
  rust: (rng) => `${snake(rng)}.rs`, swift: null, python: (rng) => `${snake(rng)}.py`, ruby: (rng) => `${snake(rng)}.rb`,
  shell: (rng) => `${snake(rng).replace('_', '-')}.sh`, yaml: (rng) => `${rng.pick(NOUNS)}-${rng.pick(NOUNS)}.yaml`,
  sql: (rng) => `${rng.range(1, 999).toString().padStart(3, '0')}_${snake(rng)}.sql`, html: (rng) => `${rng.pick(NOUNS)}-${rng.pick(VERBS)}.html`,
};

/** Renders one file of `lang` with the given tags until it reaches about `target` bytes. */
function renderFile(lang, ctx, target) {
  let out = lang.header(ctx);
  while (out.length < target || ctx.tags.length) out += lang.fn(ctx);
  return out + lang.footer(ctx);
}

// ---------------------------------------------------------------------------------------------------------
// Specs.

function renderSpec(a, rng) {
  const items = areaItems(a);
  const area = AREA_NAMES[a % AREA_NAMES.length];
  let md = `# ${capital(area)} security design (area ${a + 1})\n\n`;
  md += `This document lists the threats, mitigations and security requirements of the ${area} package. ` +
    `It is reviewed with every release; ${items.thr[0]} and ${items.sr[0]} drive most of the design.\n\n`;
  md += `## Assets\n\n| ID | Title | Threatened by |\n| --- | --- | --- |\n`;
  for (const [k, id] of items.ast.entries()) md += `| ${id} | ${capital(rng.pick(NOUNS))} ${rng.pick(NOUNS)} store | ${items.thr[k]} |\n`;
  md += `\n## Interfaces\n\n| ID | Title |\n| --- | --- |\n| ${items.itf[0]} | ${capital(area)} REST API |\n\n`;
  md += `## Threats\n\n| ID | Title | Mitigated by |\n| --- | --- | --- |\n`;
  for (const [k, id] of items.thr.entries()) md += `| ${id} | ${THREAT_TITLES[(a + k) % THREAT_TITLES.length]} | ${items.mitigatorsOf(k).join(', ')} |\n`;
  md += `\n## Mitigations\n\n`;
  for (const [k, id] of items.mit.entries()) {
    const threats = items.thr.filter((_, t) => items.mitigatorsOf(t).includes(id));
    md += `### ${id}: ${rng.pick(TITLES)}\n\n`;
    if (threats.length) md += `mitigates: ${threats.join(', ')}\n`;
    md += `needs: impl, test\n\n${capital(words(rng, 12))}. ${capital(rng.pick(SENTENCES))}.\n\n`;
    if (k % 2 === 0) md += `- ${capital(words(rng, 5))}\n- ${capital(words(rng, 7))}\n\n`;
  }
  md += `## Requirements\n\n`;
  for (const [k, id] of [...items.sr, ...items.req].entries()) {
    md += `### ${id}: ${TITLES[(a + k) % TITLES.length]}\n\n`;
    if (k % 3 === 0) md += `mitigates: ${items.thr[k % items.thr.length]}\n\n`;
    md += `The ${area} service shall ${rng.pick(VERBS)} the ${rng.pick(NOUNS)} ${rng.pick(NOUNS)} before it is ${rng.pick(['stored', 'sent', 'shown', 'applied'])}. ` +
      `${capital(rng.pick(SENTENCES))}; related to ${rng.pick(items.all)}.\n\n`;
    if (k % 4 === 1) md += '```json\n{ "' + rng.pick(NOUNS) + '": ' + rng.range(1, 500) + ' }\n```\n\n';
  }
  return md;
}

// ---------------------------------------------------------------------------------------------------------
// The workspace.

/** `1k` -> 1000, `10k` -> 10000, `2500` -> 2500. */
export function parseSize(label) {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(String(label).trim());
  if (!m) throw new Error(`bad size: ${label}`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1));
}

export const workspaceDir = (label) => join(DATA_DIR, `ws-${label}`);
const stampPath = (label) => join(DATA_DIR, `ws-${label}.json`);

/** The manifest of a generated workspace, or undefined when it is missing or stale. */
export function readManifest(label, seed = DEFAULT_SEED) {
  try {
    const m = JSON.parse(readFileSync(stampPath(label), 'utf8'));
    if (m.generatorVersion === GENERATOR_VERSION && m.seed === seed && m.files === parseSize(label) && existsSync(workspaceDir(label))) return m;
  } catch {
    // missing or unreadable: regenerate
  }
  return undefined;
}

/**
 * Generates workspace `label` (N code files) unless its stamp is current. Returns its manifest.
 * `log` receives progress lines.
 */
export function generate(label, { seed = DEFAULT_SEED, force = false, log = () => {} } = {}) {
  const current = !force && readManifest(label, seed);
  if (current) return current;
  const n = parseSize(label);
  const root = workspaceDir(label);
  rmSync(stampPath(label), { force: true });
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const started = Date.now();
  let bytes = 0;
  let specBytes = 0;
  let ignoredFiles = 0;
  const write = (rel, text) => {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return Buffer.byteLength(text);
  };

  const areas = Math.max(1, Math.round(n / FILES_PER_AREA));
  writeFileSync(join(root, '.gitignore'), '# Dependencies and generated output\nnode_modules/\n/generated/\n*.log\n');
  writeFileSync(join(root, 'README.md'), `# Benchmark workspace\n\n${n} code files in ${areas} packages. Specs live in docs/security/.\n`);

  // The 5,000-line file: in area 0, counted as one of the N files.
  const bigFile = 'packages/core-1/src/rules/ruleTable.ts';
  bytes += write(bigFile, renderBigFile(new Rng(hash32(seed, 0xb16)), areaItems(0)));

  let done = 1;
  let nextReport = Math.max(1000, Math.floor(n / 20));
  let tests = 0;
  for (let a = 0; a < areas; a++) {
    const arng = new Rng(hash32(seed, a, 0xa4ea));
    const items = areaItems(a);
    specBytes += write(`docs/security/${String(a + 1).padStart(3, '0')}-${AREA_NAMES[a % AREA_NAMES.length]}.md`, renderSpec(a, arng));
    const pkg = `packages/${a === 0 ? 'core' : AREA_NAMES[a % AREA_NAMES.length]}-${a + 1}`;
    const first = Math.floor((a * n) / areas);
    const end = Math.floor(((a + 1) * n) / areas);
    let impl = a; // rotating pointers into items.traced, so every traced item gets tags
    let verify = a;
    let mitigate = 0;
    let dir = '';
    let dirLang = LANGS.ts;
    const names = new Set();
    for (let i = Math.max(first, 1); i < end; i++) {
      const j = i - first;
      const rng = new Rng(hash32(seed, i));
      if (j % 25 === 0 || !dir) {
        // A new leaf directory every 25 files, with a main language.
        dir = `${pkg}/src/${arng.pick(DIR_WORDS)}-${Math.floor(j / 25)}/${arng.pick(DIR_WORDS)}`;
        dirLang = pickLang(arng);
        names.clear();
      }
      const isTest = j % 7 === 3;
      const tags = [];
      const mentionPool = items.all;
      let lang;
      let name;
      let cls = '';
      if (isTest) {
        tests++;
        const kind = dirLang === LANGS.python ? 'py' : dirLang === LANGS.go ? 'go' : rng.pick(['ts', 'ts', 'py', 'go']);
        lang = TESTS[kind];
        name = lang.name(rng);
        const count = rng.range(1, 3);
        for (let t = 0; t < count; t++) tags.push(`@verifies ${items.traced[verify++ % items.traced.length]}`);
      } else {
        lang = rng.chance(0.7) ? dirLang : pickLang(rng);
        const langName = Object.keys(LANGS).find((k) => LANGS[k] === lang);
        const count = rng.next() < 0.35 ? 0 : rng.range(1, 3);
        for (let t = 0; t < count; t++) {
          if (rng.chance(0.08)) tags.push(`@mitigates ${items.thr[mitigate++ % items.thr.length]}`);
          else if (rng.chance(0.1)) tags.push(`@implements ${items.traced[impl++ % items.traced.length]}, ${items.traced[impl++ % items.traced.length]}`);
          else tags.push(`@implements ${items.traced[impl++ % items.traced.length]}`);
        }
        cls = pascal(rng);
        name = FILE_NAME[langName] ? FILE_NAME[langName](rng) : `${cls}.${lang.ext}`;
      }
      const ctx = new FileCtx(rng, a, tags, mentionPool);
      ctx.cls = cls;
      const target = Math.min(80000, Math.max(300, rng.lognormal(MEAN_FILE_BYTES / 1.5, 0.9)));
      // Names repeat now and then inside a directory: number the repeats.
      let unique = name;
      for (let r = 2; names.has(unique); r++) unique = name.replace(/(?:_test)?\.[^/]*$/, (end) => `${r}${end}`);
      names.add(unique);
      bytes += write(`${dir}/${unique}`, renderFile(lang, ctx, target));
      done++;
      if (done >= nextReport) {
        log(`ws-${label}: ${done}/${n} files, ${(bytes / 1e6).toFixed(0)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s`);
        nextReport += Math.max(1000, Math.floor(n / 20));
      }
    }
  }

  // Ignored folders: node_modules (default exclude and .gitignore) and /generated/ (.gitignore only).
  // Their files carry tags to undefined IDs and duplicate definitions: scanning them would show in findings.
  const ignored = Math.max(20, Math.floor(n / 100));
  for (let k = 0; k < ignored; k++) {
    const rng = new Rng(hash32(seed, k, 0x1960));
    const bad = `// @implements SR-${800000 + k}\n// @verifies MIT-${800000 + k}.1\nconst s = 1;\n`;
    const filler = `module.exports = function ${camel(rng, 2)}() { return ${rng.range(1, 99)}; };\n`.repeat(rng.range(5, 60));
    if (k % 3 === 2) {
      write(`generated/${rng.pick(DIR_WORDS)}/${k}-${camel(rng, 2)}.ts`, bad + filler);
    } else {
      const pkgDir = k % 3 === 0 ? `node_modules/${rng.pick(NOUNS)}-${k}` : `packages/core-1/node_modules/${rng.pick(NOUNS)}-${k}`;
      write(`${pkgDir}/index.js`, bad + filler);
      if (k % 10 === 0) write(`${pkgDir}/README.md`, `# Package\n\n## SR-1: A duplicate definition\n\n## THR-1: Another duplicate\n`);
    }
    ignoredFiles++;
  }

  const manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    files: n,
    specs: areas,
    tests,
    codeBytes: bytes,
    specBytes,
    ignoredFiles,
    bigFile,
    bigFileLines: BIG_FILE_LINES,
    generatedInSeconds: Math.round((Date.now() - started) / 100) / 10,
  };
  writeFileSync(stampPath(label), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`ws-${label}: done, ${n} code files + ${areas} specs, ${((bytes + specBytes) / 1e6).toFixed(0)} MB in ${manifest.generatedInSeconds} s`);
  return manifest;
}

/** Exactly BIG_FILE_LINES lines of TypeScript with a tag in most functions' doc comments. */
function renderBigFile(rng, items) {
  const ctx = new FileCtx(rng, 0, [], items.all);
  ctx.tagChance = 1;
  const lines = ['// Rule table for the infusion controller: one function per rule.', `// @implements ${items.sr[0]}`, ''];
  let k = 0;
  for (;;) {
    ctx.tags = [k % 9 === 4 ? `@mitigates ${items.thr[k % items.thr.length]}` : `@implements ${items.traced[k % items.traced.length]}`];
    const fn = LANGS.ts.fn(ctx).split('\n').slice(0, -1);
    if (lines.length + fn.length > BIG_FILE_LINES - 1) break;
    lines.push(...fn);
    k++;
  }
  while (lines.length < BIG_FILE_LINES - 1) lines.push(`export const rule${lines.length} = ${rng.range(0, 999)};`);
  lines.push(`export const RULE_COUNT = ${k};`);
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const labels = args.filter((a) => !a.startsWith('--'));
  for (const label of labels.length ? labels : ['1k', '10k', '100k']) {
    const m = generate(label, { force, log: (line) => process.stderr.write(`${line}\n`) });
    process.stderr.write(`${JSON.stringify(m)}\n`);
  }
}
