// Table items: a GFM table whose first header is `ID` defines one item per row. The other columns are
// attributes keyed by their normalised header; the `Title` (or `Name`) column, else the second column,
// gives the title. A row whose first cell is text but not an ID is reported rather than dropped silently,
// because it is most likely a typo in an ID.
import type { Nodes, Table, TableCell, TableRow } from 'mdast';
import type { AttributeFact, Range } from '../../model';
import { endOf, nodeRange, rangeOf, startOf, type ScanContext } from './context';
import { collapse, leavesOf, locateIds, normalizeKey, plainText } from './text';

export function readTable(ctx: ScanContext, table: Table): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const keys = header.children.map((cell) => normalizeKey(collapse(plainText(cell))));
  if (keys[0] !== 'id') return;
  const titleColumn = keys.findIndex((key, column) => column > 0 && (key === 'title' || key === 'name'));
  rows.forEach((row, index) => readRow(ctx, row, index + 1, keys, titleColumn > 0 ? titleColumn : 1));
}

function readRow(ctx: ScanContext, row: TableRow, number: number, keys: readonly string[], titleColumn: number): void {
  const [first, ...cells] = row.children;
  const text = first ? collapse(plainText(first)) : '';
  if (!first || text === '') return;
  const defined = leavesOf(first).flatMap((leaf) => locateIds(ctx, leaf))[0];
  if (!ctx.ids.isId(text) || !defined) {
    ctx.problems.push({ code: 'invalid-attribute', message: `row ${number}: first cell \`${text}\` is not a configured ID`, range: contentRange(ctx, first) });
    return;
  }
  // The row's IDs belong to the item now (its own ID and attribute references), so they are not mentions.
  ctx.claimed.add(row);
  const attributes: AttributeFact[] = [];
  cells.forEach((cell, offset) => {
    const attribute = readCell(ctx, cell, keys[offset + 1]);
    if (attribute) attributes.push(attribute);
  });
  const titleCell = row.children[titleColumn];
  ctx.items.push({
    id: defined.id,
    idRange: rangeOf(ctx, defined.start, defined.end),
    title: titleCell ? collapse(plainText(titleCell)) : '',
    description: '',
    attributes,
    range: nodeRange(ctx, row),
    form: 'table',
  });
}

/** An empty cell or a column without a header says nothing, so it makes no attribute. */
function readCell(ctx: ScanContext, cell: TableCell, key: string | undefined): AttributeFact | undefined {
  const value = collapse(plainText(cell));
  if (!key || value === '') return undefined;
  const refs = leavesOf(cell).flatMap((leaf) => locateIds(ctx, leaf)).map(({ id, start, end }) => ({ id, range: rangeOf(ctx, start, end) }));
  return { key, value, range: contentRange(ctx, cell), refs };
}

/** The cell's content without the pipes and padding around it: from its first child to its last. */
function contentRange(ctx: ScanContext, cell: TableCell): Range {
  const children: readonly Nodes[] = cell.children;
  if (!children.length) return nodeRange(ctx, cell);
  return rangeOf(ctx, startOf(children[0]), endOf(children[children.length - 1]));
}
