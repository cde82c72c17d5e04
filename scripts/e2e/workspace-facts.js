// What the UI tests expect to see, read straight from the workspace files (independently of the
// extension): where each ID is defined and one code comment that tags a defined ID.
const fs = require('fs');
const path = require('path');

const SKIP = new Set(['node_modules', '.git', 'dist', 'out']);
const HEADING = /^#{1,6}\s+([A-Z][A-Z0-9_]*-\d+(?:\.\d+)*)\s*:\s*(.+?)\s*$/;
const TABLE_ROW = /^\|\s*([A-Z][A-Z0-9_]*-\d+(?:\.\d+)*)\s*\|\s*([^|]+?)\s*\|/;
const TAG = /@implements\s+([A-Z][A-Z0-9_]*-\d+(?:\.\d+)*)/;

function walk(dir, base = dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

function workspaceFacts(folder) {
  const files = walk(folder).sort();
  const definitions = new Map();
  for (const file of files.filter((f) => f.endsWith('.md'))) {
    fs.readFileSync(path.join(folder, file), 'utf8').split(/\r?\n/).forEach((text, index) => {
      const match = HEADING.exec(text) || TABLE_ROW.exec(text);
      if (match && !definitions.has(match[1])) definitions.set(match[1], { file, line: index + 1, title: match[2] });
    });
  }
  let tagged;
  for (const file of files.filter((f) => /\.(ts|js|py|c|go|rs|java)$/.test(f))) {
    const lines = fs.readFileSync(path.join(folder, file), 'utf8').split(/\r?\n/);
    const index = lines.findIndex((text) => {
      const match = TAG.exec(text);
      return match && definitions.has(match[1]);
    });
    if (index >= 0) {
      tagged = { file, line: index + 1, id: TAG.exec(lines[index])[1] };
      break;
    }
  }
  return { definitions, tagged };
}

module.exports = { workspaceFacts };
