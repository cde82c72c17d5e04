// Hover on an ID anywhere in the indexed folder: what the item is, how it links both ways, how well it is
// covered (with clickable counts) and what is wrong with it. Links run only our own commands.
import * as vscode from 'vscode';
import type { TraceItem, TraceSnapshot } from '../../core/index';
import { Commands, commandUri, LINK_COMMANDS, type Deps } from '../deps';
import { countsOf, findingsOf, kindLabel, linkPhrases, riskText, threatStatus, truncate } from '../describe';
import { toRange } from '../host/paths';
import { idUnderCursor } from './lookup';

export function registerHoverSupport(deps: Deps): vscode.Disposable {
  return vscode.languages.registerHoverProvider(deps.selector, {
    async provideHover(document, position) {
      const found = await idUnderCursor(deps, document, position);
      if (!found) return undefined;
      const { at, snapshot } = found;
      const markdown = at.item ? itemHover(snapshot, at.item) : unknownHover(snapshot, at.id);
      return new vscode.Hover(markdown, toRange(at.range));
    },
  });
}

function newMarkdown(): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', true);
  markdown.isTrusted = { enabledCommands: [...LINK_COMMANDS] };
  return markdown;
}

export function itemHover(snapshot: TraceSnapshot, item: TraceItem): vscode.MarkdownString {
  const md = newMarkdown();
  md.appendMarkdown(`$(shield) **${escape(item.id)}** · ${escape(kindLabel(item.kind))}: ${escape(item.title)}\n\n`);
  const status = item.kind === 'threat' ? threatStatus(snapshot, item) : item.attributes.status;
  const facts = [status && vscode.l10n.t('Status: {0}', status), item.kind === 'threat' && riskText(item)];
  const factLine = facts.filter(Boolean).map((fact) => escape(String(fact))).join(' · ');
  if (factLine) md.appendMarkdown(`${factLine}\n\n`);
  if (item.description) md.appendMarkdown(`${escape(truncate(item.description, 300))}\n\n`);
  appendLinks(md, snapshot, item);
  appendCounts(md, snapshot, item);
  appendFindings(md, snapshot, item.id);
  return md;
}

function appendLinks(md: vscode.MarkdownString, snapshot: TraceSnapshot, item: TraceItem): void {
  const graph = snapshot.graph;
  const phrases = [...linkPhrases(graph.linksFrom(item.id), true), ...linkPhrases(graph.linksTo(item.id), false)];
  for (const phrase of phrases) {
    // Each ID in a phrase becomes a link to its definition.
    md.appendMarkdown(`- ${phrase.replace(/[A-Za-z][\w]*-\d+(?:\.\d+)*/g, (id) => `[${id}](${commandUri(Commands.openItem, [id])})`)}\n`);
  }
  if (phrases.length) md.appendMarkdown('\n');
}

function appendCounts(md: vscode.MarkdownString, snapshot: TraceSnapshot, item: TraceItem): void {
  const { impl, tests } = countsOf(snapshot.graph, item.id);
  const implText = impl === 1 ? vscode.l10n.t('1 implementation') : vscode.l10n.t('{0} implementations', impl);
  const testText = tests === 1 ? vscode.l10n.t('1 test') : vscode.l10n.t('{0} tests', tests);
  const link = (text: string, count: number, which: string) => (count ? `[${text}](${commandUri(Commands.showTraces, [item.id, which])})` : text);
  md.appendMarkdown(`${link(implText, impl, 'impl')} · ${link(testText, tests, 'test')}\n\n`);
}

function appendFindings(md: vscode.MarkdownString, snapshot: TraceSnapshot, id: string): void {
  for (const finding of findingsOf(snapshot, id)) {
    const icon = finding.severity === 'error' ? '$(error)' : finding.severity === 'warning' ? '$(warning)' : '$(info)';
    md.appendMarkdown(`${icon} \`${finding.code}\` ${escape(finding.message)}\n\n`);
  }
}

function unknownHover(snapshot: TraceSnapshot, id: string): vscode.MarkdownString {
  const md = newMarkdown();
  md.appendMarkdown(`$(warning) **${escape(id)}**: ${escape(vscode.l10n.t('not defined in any spec'))}\n\n`);
  const suggestion = snapshot.findings.find((f) => f.suggestion && (f.id === id || f.message.includes(id)))?.suggestion;
  if (suggestion) md.appendMarkdown(`${escape(vscode.l10n.t('Did you mean {0}?', suggestion))}\n\n`);
  return md;
}

/** Spec text is user content: keep it from turning into links, HTML or command URIs. */
export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>$]/g, '\\$&');
}
