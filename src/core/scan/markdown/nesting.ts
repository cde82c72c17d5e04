// A guard against pathologically nested containers. The parser recurses per nesting level and slows down
// sharply long before it overflows (hundreds of nested list items take seconds), so a file nested deeper
// than any real spec is reported instead of parsed. This is a per-line estimate, not parsing: it counts the
// block quote and list markers that open a line, plus its indentation when a marker follows it.

/** Deeper than any document a person writes, shallow enough for the parser to stay fast. */
export const MAX_NESTING = 100;

/** The source offset of the first line nested deeper than `limit`, or -1. */
export function findExcessiveNesting(text: string, limit = MAX_NESTING): number {
  let lineStart = 0;
  while (lineStart < text.length) {
    if (lineDepth(text, lineStart) > limit) return lineStart;
    const next = nextLineStart(text, lineStart);
    if (next < 0) break;
    lineStart = next;
  }
  return -1;
}

function lineDepth(text: string, at: number): number {
  let i = at;
  let indent = 0;
  let markers = 0;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      if (markers === 0) indent += c === 9 ? 4 : 1;
      i++;
    } else if (c === 62 /* > */) {
      markers++;
      i++;
    } else {
      const end = listMarkerEnd(text, i);
      if (end < 0) break;
      markers++;
      i = end;
    }
  }
  return markers ? markers + (indent >> 1) : 0;
}

/** The offset after a bullet (`-`, `+`, `*`) or ordered (`1.`, `1)`) marker followed by a space or tab, or -1. */
function listMarkerEnd(text: string, i: number): number {
  let j = i;
  const c = text.charCodeAt(j);
  if (c === 45 || c === 43 || c === 42) j++;
  else {
    while (j - i < 9 && isDigit(text.charCodeAt(j))) j++;
    if (j === i || (text.charCodeAt(j) !== 46 && text.charCodeAt(j) !== 41)) return -1;
    j++;
  }
  const after = text.charCodeAt(j);
  return after === 32 || after === 9 ? j : -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return -1;
}
