// Hostile workspace content for the UI tests of the report webview: a threat whose title carries script,
// markup, an attribute breaker and a `javascript:` URL; an interface annotation and route with markup; a
// source file whose NAME is markup; and a picture outside the extension's media folder. Every payload
// would set `window.__pwned` if it ran. The spec goes where the workspace's configuration reads specs.
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const THREAT = 'THR-9001';
// The same hostile strings as the extension-host test of the webview.
const TITLE_PARTS = require('../../test/fixtures/hostile/title-parts.json');
const IMPLICATIONS = '<img src=x onerror="window.__pwned=9"> "\'><script>window.__pwned=10</script>';
const ROUTE = '/zz/<script>window.__pwned=12</script>';
const HOSTILE_NAME = 'zz-"><img src=x onerror=window.__pwned=13>.ts';

/** The folder the first `specs` glob of `.sectrace.yaml` reads (its part before any wildcard), or the root. */
function specFolder(folder) {
  try {
    const config = YAML.parse(fs.readFileSync(path.join(folder, '.sectrace.yaml'), 'utf8'));
    const glob = Array.isArray(config?.specs) ? String(config.specs[0]) : '';
    return glob.split('/').filter((part, i, all) => i < all.length - 1 && !/[*?[{]/.test(part)).join('/');
  } catch {
    return '';
  }
}

function hostileFiles(folder) {
  const specs = specFolder(folder);
  const spec = [
    '# Hostile texts, written by the UI tests',
    '',
    // Markdown drops raw HTML from headings, so the title carries it in code spans, which become text.
    `## ${THREAT}: ${TITLE_PARTS.map((part) => `\`${part}\``).join(' ')}`,
    '',
    'severity: high',
    'likelihood: low',
    'status: open',
    '',
    'Raw <script>window.__pwned=5</script> and <img src=x onerror="window.__pwned=6"> in the description,',
    'a [link](javascript:window.__pwned=7) and an attribute breaker: "\'><svg onload=window.__pwned=8>.',
    '',
  ].join('\n');
  const api = [
    '// Hostile annotation texts, written by the UI tests.',
    '// @exposure external',
    `// @implications ${IMPLICATIONS}`,
    '// @assets </textarea><svg onload=window.__pwned=11>',
    `// @threats ${THREAT}`,
    `app.get('${ROUTE}', handler);`,
    '',
  ].join('\n');
  return {
    threatId: THREAT,
    files: {
      [path.posix.join(specs, 'zz-hostile.md')]: spec,
      'src/zz-hostile-api.ts': api,
      [`src/${HOSTILE_NAME}`]: `// @mitigates ${THREAT}\nexport const hostileName = true;\n`,
      'zz-pixel.png': fs.readFileSync(path.join(__dirname, '..', '..', 'media', 'icon.png')),
    },
    picture: 'zz-pixel.png',
    /** Texts that must be shown, character for character, as text in the report. */
    markers: [...TITLE_PARTS, IMPLICATIONS, ROUTE, HOSTILE_NAME],
  };
}

module.exports = { hostileFiles };
