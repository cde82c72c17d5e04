// The report's change impact section (`report --since REF`) and review column, in Markdown and HTML:
// which items' text changed (with the diff), whose implementing code or tests changed, which links to
// re-review and which tests to re-run. Plain rows are built once and rendered by each format.
// @implements ST-56
import type { ImpactReport } from '../impact/since';
import { reviewStatusText } from '../impact/reviews';
import { lineDiff } from '../impact/textDiff';
import { escapeMarkdown as md, fileHref, locationLabel } from './escape';
import { el, join, type Html } from './htmlBuilder';
import type { ReportLocation, ReportModel, TracedItem } from './model';

export const IMPACT_TITLE = 'Change impact';

export function reviewCellText(item: TracedItem): string {
  return reviewStatusText(item.review);
}

function heading(impact: ImpactReport): string {
  return `${IMPACT_TITLE} since ${impact.since}${impact.commit ? ` (${impact.commit.slice(0, 12)})` : ''}`;
}

function intro(impact: ImpactReport): string {
  const items = impact.changedItems.length;
  const code = new Set(impact.changedCode.map((c) => c.id)).size;
  return `${impact.files.changed} changed file${impact.files.changed === 1 ? '' : 's'}: ${items} item${items === 1 ? '' : 's'} whose text changed, ${code} item${code === 1 ? '' : 's'} whose code or tests changed, ${impact.linksToReview.length} link${impact.linksToReview.length === 1 ? '' : 's'} to re-review, ${impact.testsToRerun.length} test file${impact.testsToRerun.length === 1 ? '' : 's'} to re-run.`;
}

function changeText(item: ImpactReport['changedItems'][number]): string {
  return item.change === 'changed' ? `changed: ${item.parts.join(', ') || 'text'}` : item.change;
}

export function impactMarkdown(impact: ImpactReport | undefined, linkBase: string): string[] {
  if (!impact) return [];
  const link = (l: ReportLocation) => `[${md(locationLabel(l))}](${fileHref(linkBase, l)})`;
  const out = [`## ${md(heading(impact))}`, '', md(intro(impact)), ''];
  if (impact.changedItems.length) {
    out.push('### Items whose text changed', '', ...mdTable(['ID', 'Title', 'Change', 'Defined at'], impact.changedItems.map((i) => [md(i.id), md(i.title), md(changeText(i)), i.location ? link(i.location) : '—'])), '');
    for (const item of impact.changedItems) {
      if (item.oldText === undefined || item.newText === undefined) continue;
      const lines = lineDiff(item.oldText, item.newText).map((l) => `${l.op} ${l.text}`.trimEnd());
      const fence = '`'.repeat(Math.max(3, ...lines.map((l) => (l.match(/`+/g) ?? []).reduce((m, r) => Math.max(m, r.length + 1), 0))));
      out.push(`<details><summary>${md(item.id)}: what changed</summary>`, '', `${fence}diff`, ...lines, fence, '', '</details>', '');
    }
  }
  if (impact.changedCode.length) {
    out.push('### Items whose implementing code or tests changed', '', ...mdTable(['ID', 'Tag', 'Location', 'Changed block'], impact.changedCode.map((c) => [md(c.id), `@${c.tag}`, link(c.location), `lines ${c.block.start}–${c.block.end}`])), '');
  }
  if (impact.linksToReview.length) {
    out.push('### Links to re-review', '', ...mdTable(['ID', 'Tag', 'Location', 'Pin'], impact.linksToReview.map((l) => [md(l.id), `@${l.tag}`, link(l.location), l.pin ? `#${l.pin}` : '—'])), '');
  }
  if (impact.testsToRerun.length) {
    out.push('### Tests to re-run', '', ...mdTable(['Test file', 'Items'], impact.testsToRerun.map((t) => [link(t.locations[0] ?? { file: t.file, line: 1, column: 1, endLine: 1, endColumn: 1 }), md(t.ids.join(', '))])), '');
  }
  return out;
}

export function impactHtml(report: ReportModel, locationLink: (l: ReportLocation, text?: string) => Html, table: (id: string, headers: string[], rows: (Html | string)[][]) => Html): Html | undefined {
  const impact = report.impact;
  if (!impact) return undefined;
  const diffs = impact.changedItems.filter((i) => i.oldText !== undefined && i.newText !== undefined).map((item) =>
    el('details', {},
      el('summary', {}, `${item.id}: what changed`),
      el('pre', { class: 'diff' }, join(lineDiff(item.oldText as string, item.newText as string).map((l) => el('span', { class: l.op === '+' ? 'added' : l.op === '-' ? 'removed' : undefined }, `${l.op} ${l.text}\n`))))));
  return el('section', { id: 'impact' },
    el('h2', {}, heading(impact)),
    el('p', {}, intro(impact)),
    impact.changedItems.length > 0 && el('h3', {}, 'Items whose text changed'),
    impact.changedItems.length > 0 && table('impact-items', ['ID', 'Title', 'Change', 'Defined at'], impact.changedItems.map((i) => [i.id, i.title, changeText(i), i.location ? locationLink(i.location) : '—'])),
    ...diffs,
    impact.changedCode.length > 0 && el('h3', {}, 'Items whose implementing code or tests changed'),
    impact.changedCode.length > 0 && table('impact-code', ['ID', 'Tag', 'Location', 'Changed block'], impact.changedCode.map((c) => [c.id, `@${c.tag}`, locationLink(c.location), `lines ${c.block.start}–${c.block.end}`])),
    impact.linksToReview.length > 0 && el('h3', {}, 'Links to re-review'),
    impact.linksToReview.length > 0 && table('impact-links', ['ID', 'Tag', 'Location', 'Pin'], impact.linksToReview.map((l) => [l.id, `@${l.tag}`, locationLink(l.location), l.pin ? `#${l.pin}` : '—'])),
    impact.testsToRerun.length > 0 && el('h3', {}, 'Tests to re-run'),
    impact.testsToRerun.length > 0 && table('impact-tests', ['Test file', 'Items'], impact.testsToRerun.map((t) => [t.locations[0] ? locationLink(t.locations[0], t.file) : t.file, t.ids.join(', ')])));
}

function mdTable(headers: string[], rows: string[][]): string[] {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}
