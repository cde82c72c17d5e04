// Writes a large JSON document without building it as one string: the `check --json` document of a
// 100,000-file tree is over a hundred megabytes. The top level is indented for people; each element of
// a top-level array is one line, which keeps the file diff-friendly and about half the size of fully
// indented JSON. The output parses to exactly the same value as JSON.stringify of the document.

const CHUNK = 1 << 20;

export function writeJson(document: Record<string, unknown>, write: (text: string) => void): void {
  let buffer = '{\n';
  const emit = (text: string) => {
    buffer += text;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  };
  const entries = Object.entries(document).filter(([, value]) => value !== undefined);
  entries.forEach(([key, value], index) => {
    emit(`  ${JSON.stringify(key)}: `);
    if (Array.isArray(value) && value.length) {
      emit('[\n');
      value.forEach((element, i) => emit(`    ${JSON.stringify(element) ?? 'null'}${i < value.length - 1 ? ',' : ''}\n`));
      emit('  ]');
    } else {
      emit((JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, '\n  '));
    }
    emit(index < entries.length - 1 ? ',\n' : '\n');
  });
  write(`${buffer}}\n`);
}
