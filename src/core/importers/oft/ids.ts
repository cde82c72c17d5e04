// OpenFastTrace specification item IDs: `type~name~revision`. The artifact type is ASCII letters; the
// name starts with a letter and continues with letters, digits, `_` and `-`, in dot-separated parts
// (Unicode letters allowed, as in OFT); the revision is a number. The artifact type is part of the ID:
// `dsn~x~1` and `utest~x~1` are different items.
// @implements ST-31

const LETTER = String.raw`\p{Alphabetic}`;
const WORD = String.raw`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}-]`;
export const OFT_NAME = `${LETTER}${WORD}*(?:\\.${WORD}+)*`;
/** One OFT ID with three groups (type, name, revision); use with the `u` flag. */
export const OFT_ID = `([A-Za-z]+)~(${OFT_NAME})~(\\d+)`;

export interface OftId {
  readonly type: string;
  readonly name: string;
  readonly revision: number;
}

const EXACT = new RegExp(`^${OFT_ID}$`, 'u');

export function parseOftId(id: string): OftId | undefined {
  const match = EXACT.exec(id);
  return match ? { type: match[1], name: match[2], revision: Number(match[3]) } : undefined;
}

/** Whether an ID has OpenFastTrace's shape. No native ID contains `~`, so the test is cheap and exact. */
export function isOftId(id: string): boolean {
  return id.includes('~') && EXACT.test(id);
}

export function formatOftId(type: string, name: string, revision: number): string {
  return `${type}~${name}~${revision}`;
}
