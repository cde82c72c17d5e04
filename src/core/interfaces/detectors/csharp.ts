// C#: ASP.NET Core controllers (`[HttpGet("x")]`, `[Route("x")]` on classes and actions, with the
// `[controller]` and `[action]` tokens) and minimal APIs (`app.MapGet("/x", ...)`, `MapGroup` prefixes,
// `MapMethods`, SignalR hubs, gRPC services).
// @implements ST-19
import {
  callArguments, classAt, eachCodeMatch, findClasses, httpName, isClassStack, joinRoute, receiverBefore, stringLiterals,
  type ClassInfo, type Detection, type LanguageDetector,
} from '../detection';
import type { SourceText } from '../source';

const PREFILTER = /Http(?:Get|Post|Put|Delete|Patch|Head|Options)|Route\(|\.Map/;

const ATTRIBUTE = /\b(?:Http(?:Get|Post|Put|Delete|Patch|Head|Options)|Route)\b/g;
const VERB = /\bHttp(Get|Post|Put|Delete|Patch|Head|Options)\b(?:\s*\(\s*(?:template\s*:\s*)?@?"([^"]*)")?/g;
const ROUTE = /\bRoute\s*\(\s*(?:template\s*:\s*)?@?"([^"]*)"/g;
const MAP = /\.\s*Map(Get|Post|Put|Delete|Patch)?\s*\(\s*@?"([^"\r\n]*)"\s*,/g;
const MAP_METHODS = /\.\s*MapMethods\s*\(\s*@?"([^"\r\n]*)"\s*,\s*new\s*(?:\[\]|\w+\[\]|List<string>)?\s*(?:\(\s*\))?\s*\{([^}]*)\}/g;
const MAP_HUB = /\.\s*MapHub\s*<\s*([\w.]+)\s*>\s*\(\s*@?"([^"\r\n]*)"/g;
const MAP_GRPC = /\.\s*MapGrpcService\s*<\s*([\w.]+)\s*>\s*\(/g;
const MAP_GROUP = /\b([A-Za-z_]\w*)\s*=\s*([A-Za-z_]\w*)\s*\.\s*MapGroup\s*\(\s*@?"([^"\r\n]*)"/g;

export const csharpDetector: LanguageDetector = {
  prefilter: PREFILTER,
  detect(source) {
    const found: Detection[] = [];
    controllers(source, found);
    minimalApis(source, found);
    return found;
  },
};

function controllers(source: SourceText, found: Detection[]): void {
  if (!/\[\s*(?:[\w.]+\s*(?:\([^)]*\))?\s*,\s*)*(?:Http(?:Get|Post|Put|Delete|Patch|Head|Options)|Route)\b/.test(source.text)) return;
  let classes: ClassInfo[] | undefined;
  const seen = new Set<number>();
  eachCodeMatch(ATTRIBUTE, source, (m) => {
    const line = source.lineOf(m.index);
    if (!source.lineText(line).trimStart().startsWith('[')) return;
    const stack = source.decoratorStack(line, '[');
    if (seen.has(stack.top)) return;
    seen.add(stack.top);
    classes ??= findClasses(source, '[');
    if (isClassStack(classes, stack.bottom)) return;
    const stackText = source.linesText(stack.top, stack.bottom);
    const action = /(\w+)\s*(?:<[^>]*>)?\s*\(/.exec(source.lineText(Math.min(stack.bottom + 1, source.lineCount - 1)))?.[1] ?? '';
    const owner = classAt(classes, m.index);
    const controller = owner?.name.replace(/Controller$/, '') ?? '';
    const prefix = owner ? ([...owner.stackText.matchAll(ROUTE)][0]?.[1] ?? '') : '';
    const routes = [...stackText.matchAll(ROUTE)].map((r) => r[1]);
    const verbs = [...stackText.matchAll(VERB)];
    const pairs: [string, string][] = [];
    if (verbs.length) {
      for (const verb of verbs) for (const template of verb[2] !== undefined ? [verb[2]] : routes.length ? routes : ['']) pairs.push([verb[1].toUpperCase(), template]);
    } else {
      for (const template of routes) pairs.push(['*', template]);
    }
    const container = owner ? { name: owner.name, anchorLine: owner.anchorLine } : undefined;
    for (const [method, template] of pairs) {
      const route = combine(prefix, template).replace(/\[controller\]/gi, controller).replace(/\[action\]/gi, action);
      found.push({ detector: 'aspnet', kind: 'http', name: httpName(method, route), method, route, start: m.index, end: source.lineEnd(line), anchorLine: stack.top, ...(container ? { container } : {}) });
    }
  });
}

/** An action template that starts with `/` or `~/` replaces the controller's route. */
function combine(prefix: string, template: string): string {
  if (template.startsWith('/') || template.startsWith('~/')) return joinRoute(template.replace(/^~/, ''));
  return joinRoute(prefix, template);
}

function minimalApis(source: SourceText, found: Detection[]): void {
  const groups = new Map<string, string>();
  eachCodeMatch(MAP_GROUP, source, (m) => groups.set(m[1], joinRoute(groups.get(m[2]), m[3])));
  const prefixOf = (dot: number) => {
    const receiver = receiverBefore(source.text, dot);
    return receiver ? groups.get(receiver) : undefined;
  };
  eachCodeMatch(MAP, source, (m) => {
    const method = m[1] ? m[1].toUpperCase() : '*';
    const route = joinRoute(prefixOf(m.index), m[2]);
    found.push({ detector: 'minimal-api', kind: 'http', name: httpName(method, route), method, route, start: m.index, end: m.index + m[0].lastIndexOf('"') + 1, anchorLine: source.statementLine(m.index) });
  });
  eachCodeMatch(MAP_METHODS, source, (m) => {
    const route = joinRoute(prefixOf(m.index), m[1]);
    for (const method of stringLiterals(m[2]).map((s) => s.toUpperCase())) {
      found.push({ detector: 'minimal-api', kind: 'http', name: httpName(method, route), method, route, start: m.index, end: m.index + m[0].indexOf(',') , anchorLine: source.statementLine(m.index) });
    }
  });
  eachCodeMatch(MAP_HUB, source, (m) => {
    const route = joinRoute(prefixOf(m.index), m[2]);
    found.push({ detector: 'signalr', kind: 'websocket', name: `websocket ${route}`, route, symbol: m[1], start: m.index, end: m.index + m[0].length, anchorLine: source.statementLine(m.index) });
  });
  eachCodeMatch(MAP_GRPC, source, (m) => {
    const call = callArguments(source, m.index + m[0].length - 1);
    found.push({ detector: 'grpc-aspnet', kind: 'rpc', name: `grpc service ${m[1]}`, symbol: m[1], start: m.index, end: call ? call.end + 1 : m.index + m[0].length, anchorLine: source.statementLine(m.index) });
  });
}
