// Which files write an ID: the graph's per-ID indexes (code traces, mentions, links). An index stores
// only the set of files per ID; the values are read from those files' facts when the ID is asked for,
// sorted by location (which keeps every result independent of the order files were added in) and cached
// until a file that writes the ID changes. Keeping a value per use as well made these indexes the largest
// part of the graph's memory. Removing a file is one delete per ID it wrote, whatever the number of files
// that use the ID, so re-indexing one file stays cheap when an ID is used from thousands of files.
// @implements ST-4, ST-63
import type { Location } from './model';

type Located = Location | { readonly location: Location };

export class FileIndex<V extends Located> {
  private readonly files = new Map<string, Set<string>>();
  private readonly sorted = new Map<string, readonly V[]>();

  /** `read` gives the values a file holds for an ID, from the file's facts. */
  constructor(private readonly read: (file: string, id: string) => readonly V[]) {}

  add(id: string, file: string): void {
    let files = this.files.get(id);
    if (!files) this.files.set(id, (files = new Set()));
    files.add(file);
    this.forget(id);
  }

  removeFile(id: string, file: string): void {
    const files = this.files.get(id);
    if (!files?.delete(file)) return;
    if (!files.size) this.files.delete(id);
    this.forget(id);
  }

  /** Everything under the ID, sorted by location (and cached until a file that writes the ID changes). */
  get(id: string): readonly V[] {
    const cached = this.sorted.get(id);
    if (cached) return cached;
    const files = this.files.get(id);
    if (!files) return EMPTY as readonly V[];
    const list: V[] = [];
    for (const file of files) for (const value of this.read(file, id)) list.push(value);
    list.sort((a, b) => compareLocations(locationOf(a), locationOf(b)));
    this.remember(id, list);
    return list;
  }

  private remember(id: string, list: readonly V[]): void {
    if (this.sorted.size >= CACHED_IDS) this.sorted.clear();
    this.sorted.set(id, list);
  }

  private forget(id: string): void {
    this.sorted.delete(id);
  }

  /** Whether any value under the ID passes the test; reads file by file and stops at the first that has one. */
  some(id: string, test: (value: V) => boolean): boolean {
    const cached = this.sorted.get(id);
    if (cached) return cached.some(test);
    for (const file of this.files.get(id) ?? []) if (this.read(file, id).some(test)) return true;
    return false;
  }

  ids(): IterableIterator<string> {
    return this.files.keys();
  }
}

const EMPTY: readonly never[] = [];
/**
 * The IDs whose lists are kept: the few a hover or a view asks for again and again. A larger cache kept
 * the lists of a whole-graph report alive long enough for V8 to move them to the old generation, which
 * raised the peak memory of `check --json` at 100k files by tens of megabytes.
 */
const CACHED_IDS = 64;

function locationOf(value: Located): Location {
  return 'location' in value ? value.location : value;
}

/** By file, then start position: the order of every list the graph returns. */
export function compareLocations(a: Location, b: Location): number {
  return compareStrings(a.file, b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
