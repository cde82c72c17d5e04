// Orders for report rows. IDs sort by prefix, then numerically part by part, so SR-2 comes before SR-10
// and MIT-3.1 after MIT-3: the order a reviewer expects in a register.
import type { JsonLocation } from '../export/checkJson';

export function compareIds(a: string, b: string): number {
  const pa = splitId(a);
  const pb = splitId(b);
  if (pa.prefix !== pb.prefix) return pa.prefix < pb.prefix ? -1 : 1;
  for (let i = 0; i < Math.max(pa.parts.length, pb.parts.length); i++) {
    const d = (pa.parts[i] ?? -1) - (pb.parts[i] ?? -1);
    if (d) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function splitId(id: string): { prefix: string; parts: number[] } {
  const match = /^(.*?)-(\d+(?:\.\d+)*)$/.exec(id);
  if (!match) return { prefix: id, parts: [] };
  return { prefix: match[1], parts: match[2].split('.').map(Number) };
}

export function compareLocations(a: JsonLocation, b: JsonLocation): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
