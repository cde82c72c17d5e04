// TypeScript and JavaScript: Express-style route calls (Express, Koa router, Fastify and Restify
// shorthands), Fastify and Hapi route objects, NestJS controllers and gateways, WebSocket servers and
// Node's own servers. A route call needs a string literal route that starts with `/` and a second
// argument, so `map.get('/x')`, `cache.get('x')` and client calls such as `axios.get('/x', config)` are
// not interfaces.
// @implements ST-19
import {
  callArguments, classAt, eachCodeMatch, findClasses, httpName, isClassStack, joinRoute, receiverBefore, stringLiterals,
  type ClassInfo, type Detection, type LanguageDetector,
} from '../detection';
import type { SourceText } from '../source';

/**
 * One cheap test per file, with no white space, word boundaries or lookarounds, which would make the
 * regex engine slow down at every position: NestJS routes sit in `@Controller` classes, socket.io and
 * the other servers come with a `Server` or `Socket`.
 */
const PREFILTER = /\.(?:get|post|put|patch|delete|del|all|options|head|route|listen)[(<]|Server|Socket|Controller|Gateway/;

const ROUTE_CALL = /\.\s*(get|post|put|patch|delete|del|all|options|head)\s*(?:<[^<>()\r\n]*>\s*)?\(\s*(['"`])(\/[^'"`\r\n]*|\*)\2\s*,/g;
const ROUTE_CHAIN = /\.\s*route\s*\(\s*(['"`])(\/[^'"`\r\n]*)\1\s*\)/g;
const CHAINED_METHOD = /\s*\.\s*(get|post|put|patch|delete|all|options|head)\s*\(/y;
const ROUTE_OBJECT = /\.\s*route\s*\(\s*([[{])/g;
const NEST = /@(Get|Post|Put|Delete|Patch|Options|Head|All|SubscribeMessage|MessagePattern|EventPattern)\s*\(/g;
const MEMBER_SERVER = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*\.\s*(createServer|createSecureServer|createSocket)\s*\(/g;
const BARE_SERVER = /(?<![\w$.])(createServer|createSecureServer|createSocket)\s*\(/g;
const APP_CREATION = /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:(?:express|fastify|Fastify|polka|connect)\s*\(|new\s+(?:Koa|Hono)\s*\()/g;
const LISTEN = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*\.\s*listen\s*\(/g;
const WS_SERVER = /\bnew\s+(WebSocketServer|WebSocket\s*\.\s*Server|WSServer)\s*\(/g;
const SOCKET_IO = /(?<![\w$.])io\s*\.\s*on\s*\(\s*(['"])connection\1/g;
const DEFAULT_IMPORT = /import\s+(?:\*\s+as\s+)?([A-Za-z_$][\w$]*)\s+from\s+['"](?:node:)?(https?|http2|net|tls|dgram)['"]|(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*require\s*\(\s*['"](?:node:)?(https?|http2|net|tls|dgram)['"]\s*\)/g;
const NAMED_IMPORT = /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"](?:node:)?(https?|http2|net|tls|dgram)['"]|(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\s*\(\s*['"](?:node:)?(https?|http2|net|tls|dgram)['"]\s*\)/g;

/** Receivers that make HTTP requests rather than serve them, and key-value stores with path-like keys. */
const CLIENTS = /^(?:axios|https?|http2|got|ky|superagent|request|fetch|\$http|rest|graphql|nock|mock|agent|supertest|cy|page|browser|\w*[Cc]lient|searchParams|params|query|headers|cookies|formData|cache|store|storage|localStorage|sessionStorage|redis|map|\w*Map|\w*Cache)$/;
const NODE_MODULES = new Set(['http', 'https', 'http2', 'net', 'tls', 'dgram', 'restify']);

export const javascriptDetector: LanguageDetector = {
  prefilter: PREFILTER,
  detect(source) {
    const found: Detection[] = [];
    routeCalls(source, found);
    routeChains(source, found);
    routeObjects(source, found);
    nest(source, found);
    servers(source, found);
    return found;
  },
};

function methodOf(word: string): string {
  const upper = word.toUpperCase();
  return upper === 'DEL' ? 'DELETE' : upper === 'ALL' ? '*' : upper;
}

function routeCalls(source: SourceText, found: Detection[]): void {
  eachCodeMatch(ROUTE_CALL, source, (m) => {
    const receiver = receiverBefore(source.text, m.index);
    if (receiver !== undefined && CLIENTS.test(receiver)) return;
    const method = methodOf(m[1]);
    const route = m[3];
    found.push({ detector: 'express', kind: 'http', name: httpName(method, route), method, route, start: receiverStart(source.text, m.index, receiver), end: m.index + m[0].length - 1, anchorLine: source.statementLine(m.index) });
  });
}

/** `app.route('/book').get(...).post(...)`: one interface per chained method. */
function routeChains(source: SourceText, found: Detection[]): void {
  eachCodeMatch(ROUTE_CHAIN, source, (m) => {
    const route = m[2];
    const methods: string[] = [];
    let at = m.index + m[0].length;
    for (let guard = 0; guard < 20; guard++) {
      CHAINED_METHOD.lastIndex = at;
      const next = CHAINED_METHOD.exec(source.text);
      if (!next) break;
      methods.push(methodOf(next[1]));
      const close = source.matchingBracket(CHAINED_METHOD.lastIndex - 1);
      if (close === undefined) break;
      at = close + 1;
    }
    const start = receiverStart(source.text, m.index, receiverBefore(source.text, m.index));
    for (const method of methods.length ? methods : ['*']) {
      found.push({ detector: 'express', kind: 'http', name: httpName(method, route), method, route, start, end: m.index + m[0].length, anchorLine: source.statementLine(m.index) });
    }
  });
}

/** `fastify.route({ method, url })`, `server.route({ method, path })` and arrays of them. */
function routeObjects(source: SourceText, found: Detection[]): void {
  eachCodeMatch(ROUTE_OBJECT, source, (m) => {
    const open = m.index + m[0].length - 1;
    const close = source.matchingBracket(open, 50_000);
    if (close === undefined) return;
    const objects = source.text[open] === '{' ? [[open, close]] : topLevelObjects(source, open, close);
    for (const [from, to] of objects) {
      const text = source.text.slice(from, to + 1);
      const path = /[{,\s](?:path|url)\s*:\s*(['"`])(\/[^'"`\r\n]*)\1/.exec(text);
      if (!path) continue;
      const methodMatch = /[{,\s]method\s*:\s*(?:(['"`])([A-Za-z*]+)\1|\[([^\]]*)\])/.exec(text);
      const methods = methodMatch ? (methodMatch[2] !== undefined ? [methodMatch[2]] : stringLiterals(methodMatch[3] ?? '')) : ['*'];
      const routeAt = from + path.index + 1;
      const ownLine = source.lineOf(from);
      const objectStartsLine = source.text[open] === '[' && source.lineText(ownLine).trimStart().startsWith('{');
      const anchorLine = objectStartsLine ? ownLine : source.statementLine(m.index);
      for (const raw of methods.length ? methods : ['*']) {
        const method = raw === '*' ? '*' : raw.toUpperCase();
        found.push({ detector: 'route-config', kind: 'http', name: httpName(method, path[2]), method, route: path[2], start: routeAt, end: from + path.index + path[0].length, anchorLine });
      }
    }
  });
}

/** The `{...}` objects directly inside the array that opens at `open`. */
function topLevelObjects(source: SourceText, open: number, close: number): [number, number][] {
  const objects: [number, number][] = [];
  const braces = /\{/g;
  braces.lastIndex = open + 1;
  let match: RegExpExecArray | null;
  while ((match = braces.exec(source.text)) !== null && match.index < close) {
    if (!source.inCode(match.index)) continue;
    const end = source.matchingBracket(match.index, 50_000);
    if (end === undefined) break;
    objects.push([match.index, end]);
    braces.lastIndex = end + 1;
  }
  return objects;
}

/** NestJS: `@Controller('x')` classes with `@Get(':id')` methods; gateways with `@SubscribeMessage`. */
function nest(source: SourceText, found: Detection[]): void {
  if (!/@(?:Get|Post|Put|Delete|Patch|Options|Head|All|SubscribeMessage|MessagePattern|EventPattern)\s*\(/.test(source.text)) return;
  const classes = findClasses(source, '@');
  decoratedRoutes(source, classes, NEST, 'nestjs', /@(?:Json)?Controller\b/, found);
}

/**
 * Method decorators such as `@Get(':id')` under a class decorator such as `@Controller('x')` (NestJS, and
 * Micronaut in Java and Kotlin). Messages (`@SubscribeMessage`, `@MessagePattern`) are interfaces too.
 */
export function decoratedRoutes(source: SourceText, classes: readonly ClassInfo[], pattern: RegExp, detector: string, controller: RegExp, found: Detection[], requireController = false): void {
  eachCodeMatch(pattern, source, (m) => {
    const line = source.lineOf(m.index);
    const stack = source.decoratorStack(line, '@');
    if (isClassStack(classes, stack.bottom)) return;
    const owner = classAt(classes, m.index);
    if (requireController && !(owner && controller.test(owner.stackText))) return;
    const call = callArguments(source, m[0].endsWith('(') ? m.index + m[0].length - 1 : m.index + m[0].length);
    const args = call?.text ?? '';
    const container = owner ? { name: owner.name, anchorLine: owner.anchorLine } : undefined;
    const end = call ? call.end + 1 : m.index + m[0].length;
    const base = { detector, start: m.index, end, anchorLine: stack.top, ...(container ? { container } : {}) };
    const word = m[1];
    if (word === 'SubscribeMessage') {
      const event = stringLiterals(args)[0] ?? args.trim();
      found.push({ ...base, kind: 'websocket', name: `websocket message ${event}`, route: event });
      return;
    }
    if (word === 'MessagePattern' || word === 'EventPattern') {
      const pattern = stringLiterals(args)[0] ?? args.trim().replace(/\s+/g, ' ');
      found.push({ ...base, kind: 'rpc', name: `message ${pattern}`, route: pattern });
      return;
    }
    const prefix = owner ? controllerPath(owner.stackText, controller) : '';
    const paths = routeArguments(args);
    const method = methodOf(word);
    for (const path of paths) {
      const route = joinRoute(prefix, path);
      found.push({ ...base, kind: 'http', name: httpName(method, route), method, route });
    }
  });
}

/** The path of a controller decorator: `@Controller('x')`, `@Controller({ path: 'x' })`, `@Controller("/x")`. */
function controllerPath(stackText: string, controller: RegExp): string {
  const at = controller.exec(stackText);
  if (!at) return '';
  const rest = stackText.slice(at.index + at[0].length);
  const args = /^\s*\(([^)]*)\)/.exec(rest)?.[1] ?? '';
  const named = /\b(?:path|value)\s*[:=]\s*(?:\[\s*)?(['"`])([^'"`]*)\1/.exec(args);
  if (named) return named[2];
  return /^\s*(['"`])([^'"`]*)\1/.exec(args)?.[2] ?? '';
}

/** The paths of a route decorator's arguments: a string, a list of strings, or none (''). */
function routeArguments(args: string): string[] {
  const trimmed = args.trim();
  if (trimmed === '' || !/^[\[{'"`]/.test(trimmed)) return [''];
  if (trimmed.startsWith('{')) {
    const path = /\b(?:path|value|uri)\s*[:=]\s*(['"`])([^'"`]*)\1/.exec(trimmed);
    return [path?.[2] ?? ''];
  }
  if (trimmed.startsWith('[')) {
    const list = stringLiterals(trimmed.slice(0, trimmed.indexOf(']') + 1 || undefined));
    return list.length ? list : [''];
  }
  return [stringLiterals(trimmed)[0] ?? ''];
}

/** Node's servers, app servers started with `.listen`, WebSocket servers. */
function servers(source: SourceText, found: Detection[]): void {
  const text = source.text;
  const aliases = new Map<string, string>();
  const named = new Map<string, string>();
  if (/(?:from|require\s*\()\s*['"](?:node:)?(?:https?|http2|net|tls|dgram)['"]/.test(text)) {
    for (const m of text.matchAll(DEFAULT_IMPORT)) aliases.set(m[1] ?? m[3], m[2] ?? m[4]);
    for (const m of text.matchAll(NAMED_IMPORT)) {
      for (const part of (m[1] ?? m[3]).split(',')) {
        const [imported, local] = part.split(/\s+as\s+|\s*:\s*/).map((s) => s.trim());
        if (imported) named.set(local || imported, m[2] ?? m[4]);
      }
    }
  }
  const push = (module: string, fn: string, start: number, end: number, statementAt: number) => {
    const kind = module.startsWith('http') || module === 'restify' ? 'http' : 'socket';
    const label = fn === 'createSocket' ? 'udp socket' : module === 'net' ? 'tcp server' : module === 'tls' ? 'tls server' : `${module} server`;
    found.push({ detector: 'node-server', kind, name: label, symbol: `${module}.${fn}`, start, end, anchorLine: source.statementLine(statementAt) });
  };
  eachCodeMatch(MEMBER_SERVER, source, (m) => {
    const module = aliases.get(m[1]) ?? (NODE_MODULES.has(m[1]) ? m[1] : undefined);
    if (module && (m[2] !== 'createSocket' || module === 'dgram')) push(module, m[2], m.index, m.index + m[0].length - 1, m.index);
  });
  eachCodeMatch(BARE_SERVER, source, (m) => {
    const module = named.get(m[1]);
    if (module) push(module, m[1], m.index, m.index + m[0].length - 1, m.index);
  });
  const apps = new Set([...text.matchAll(APP_CREATION)].map((m) => m[1]));
  if (apps.size) {
    eachCodeMatch(LISTEN, source, (m) => {
      if (apps.has(m[1])) found.push({ detector: 'node-server', kind: 'http', name: 'http server', symbol: `${m[1]}.listen`, start: m.index, end: m.index + m[0].length - 1, anchorLine: source.statementLine(m.index) });
    });
  }
  eachCodeMatch(WS_SERVER, source, (m) => {
    found.push({ detector: 'ws', kind: 'websocket', name: 'websocket server', symbol: m[1].replace(/\s+/g, ''), start: m.index, end: m.index + m[0].length - 1, anchorLine: source.statementLine(m.index) });
  });
  eachCodeMatch(SOCKET_IO, source, (m) => {
    found.push({ detector: 'socket.io', kind: 'websocket', name: 'socket.io connection', symbol: 'io.on(connection)', start: m.index, end: m.index + m[0].length, anchorLine: source.statementLine(m.index) });
  });
}

/** Where the range starts: at the receiver when it is on the route's line, else at the route call. */
function receiverStart(text: string, dot: number, receiver: string | undefined): number {
  if (!receiver || receiver === '()') return dot;
  const at = text.lastIndexOf(receiver, dot);
  return at >= 0 && !/[\r\n]/.test(text.slice(at, dot)) ? at : dot;
}
