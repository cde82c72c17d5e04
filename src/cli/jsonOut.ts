// Writes a large JSON document without building it as one string: the `check --json` document of a
// 100,000-file tree is about 85 megabytes. The top level is indented for people; each element of
// a top-level array is one line, which keeps the file diff-friendly and about half the size of fully
// indented JSON. The output parses to exactly the same value as JSON.stringify of the document, where a
// lazy list (see checkJson.ts) stands for the array of its elements, each built just before it is written.
import { isLazyList } from '../core/export/checkJson';

/** Below V8's large-object size, so each written piece is young garbage, freed without a full collection. */
const CHUNK = 1 << 16;

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
    if (isLazyList(value) || (Array.isArray(value) && value.length)) {
      emitElements(isLazyList(value) ? value.elements() : value, emit);
    } else {
      emit((JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, '\n  '));
    }
    emit(index < entries.length - 1 ? ',\n' : '\n');
  });
  write(`${buffer}}\n`);
}

/** An array's elements one per line; `[]` when there are none, as JSON.stringify writes an empty array. */
function emitElements(elements: Iterable<unknown>, emit: (text: string) => void): void {
  let previous: string | undefined;
  for (const element of elements) {
    emit(previous === undefined ? '[\n' : `    ${previous},\n`);
    previous = JSON.stringify(element) ?? 'null';
  }
  emit(previous === undefined ? '[]' : `    ${previous}\n  ]`);
}
