// Per-ID lists of what files contribute, bucketed by file. Taking a file out is one delete per ID it
// touched, whatever the list sizes, so re-indexing one file stays cheap when an ID is used from
// thousands of files. Reads are sorted by location (and cached until the ID changes again), which keeps
// every result independent of the order files were added in.
import type { Location } from './model';

type Located = Location | { readonly location: Location };

export class BucketIndex<V extends Located> {
  private readonly buckets = new Map<string, Map<string, V[]>>();
  private readonly sorted = new Map<string, readonly V[]>();

  add(id: string, file: string, value: V): void {
    let byFile = this.buckets.get(id);
    if (!byFile) this.buckets.set(id, (byFile = new Map()));
    const list = byFile.get(file);
    if (list) list.push(value);
    else byFile.set(file, [value]);
    this.sorted.delete(id);
  }

  removeFile(id: string, file: string): void {
    const byFile = this.buckets.get(id);
    if (!byFile?.delete(file)) return;
    if (!byFile.size) this.buckets.delete(id);
    this.sorted.delete(id);
  }

  /** Everything under the ID, sorted by location. */
  get(id: string): readonly V[] {
    const cached = this.sorted.get(id);
    if (cached) return cached;
    const byFile = this.buckets.get(id);
    if (!byFile) return EMPTY as readonly V[];
    const list = [...byFile.values()].flat().sort((a, b) => compareLocations(locationOf(a), locationOf(b)));
    this.sorted.set(id, list);
    return list;
  }

  /** Whether any value under the ID satisfies the test; no sorting, no allocation. */
  some(id: string, test: (value: V) => boolean): boolean {
    const byFile = this.buckets.get(id);
    if (!byFile) return false;
    for (const list of byFile.values()) for (const value of list) if (test(value)) return true;
    return false;
  }

  has(id: string): boolean {
    return this.buckets.has(id);
  }

  ids(): IterableIterator<string> {
    return this.buckets.keys();
  }
}

const EMPTY: readonly never[] = [];

export function locationOf(value: Located): Location {
  return 'location' in value ? value.location : value;
}

export function compareLocations(a: Location, b: Location): number {
  return compareStrings(a.file, b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
