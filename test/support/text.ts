// Builds multi-line fixtures readably: one argument per line.
export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}
