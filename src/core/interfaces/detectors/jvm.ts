// Java, Kotlin, Scala and Groovy: Spring MVC and WebFlux mappings (class prefix + method path), JAX-RS
// resources (`@Path` + `@GET`), Micronaut controllers, Jakarta WebSocket endpoints, server sockets and
// the JDK's HttpServer. Spring Cloud OpenFeign clients (`@FeignClient`) call interfaces, they are none;
// Retrofit's `@GET("x")` takes an argument and is not JAX-RS's bare `@GET`.
// @implements ST-19
import {
  callArguments, classAt, decoratorArguments, eachCodeMatch, findClasses, httpName, isClassStack, joinRoute, stringLiterals,
  type ClassInfo, type Detection, type LanguageDetector,
} from '../detection';
import type { SourceText } from '../source';
import { decoratedRoutes } from './javascript';

const PREFILTER = /@(?:Get|Post|Put|Delete|Patch|Head|Options|Request|Message|GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|ServerEndpoint)|ServerSocket|HttpServer/;

const SPRING = /@(Get|Post|Put|Delete|Patch|Request|Message)Mapping\b/g;
const JAX_RS = /@(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\b(?!\s*\()/g;
const MICRONAUT = /@(Get|Post|Put|Delete|Patch|Head|Options)\b(?!Mapping)(?=\s*\(|\s)/g;
const ENDPOINT = /@ServerEndpoint\s*\(/g;
const SERVER_SOCKET = /(?<![\w.])(?:new\s+)?ServerSocket\s*\(/g;
const HTTP_SERVER = /\bHttpServer\s*\.\s*create\s*\(/g;

export const jvmDetector: LanguageDetector = {
  prefilter: PREFILTER,
  detect(source) {
    const found: Detection[] = [];
    const classes = findClasses(source, '@');
    spring(source, classes, found);
    jaxRs(source, classes, found);
    decoratedRoutes(source, classes, MICRONAUT, 'micronaut', /@Controller\b/, found, true);
    eachCodeMatch(ENDPOINT, source, (m) => {
      const args = callArguments(source, m.index + m[0].length - 1)?.text ?? '';
      const path = firstPath(args) || '/';
      const line = source.lineOf(m.index);
      found.push({ detector: 'jakarta-websocket', kind: 'websocket', name: `websocket ${path}`, route: path, start: m.index, end: m.index + m[0].length + args.length + 1, anchorLine: source.decoratorStack(line, '@').top });
    });
    eachCodeMatch(SERVER_SOCKET, source, (m) => {
      found.push({ detector: 'java-socket', kind: 'socket', name: 'tcp server', symbol: 'ServerSocket', start: m.index, end: m.index + m[0].length - 1, anchorLine: source.statementLine(m.index) });
    });
    eachCodeMatch(HTTP_SERVER, source, (m) => {
      found.push({ detector: 'jdk-httpserver', kind: 'http', name: 'http server', symbol: 'HttpServer.create', start: m.index, end: m.index + m[0].length - 1, anchorLine: source.statementLine(m.index) });
    });
    return found;
  },
};

function spring(source: SourceText, classes: readonly ClassInfo[], found: Detection[]): void {
  eachCodeMatch(SPRING, source, (m) => {
    const line = source.lineOf(m.index);
    const stack = source.decoratorStack(line, '@');
    if (isClassStack(classes, stack.bottom)) return;
    const owner = classAt(classes, m.index);
    if (owner && /@FeignClient\b/.test(owner.stackText)) return;
    const call = callArguments(source, m.index + m[0].length);
    const args = call?.text;
    const prefix = owner ? firstPath(decoratorArguments(owner.stackText, 'RequestMapping') ?? '') : '';
    const word = m[1];
    const paths = mappingPaths(args ?? '');
    const end = call ? call.end + 1 : m.index + m[0].length;
    const container = owner ? { name: owner.name, anchorLine: owner.anchorLine } : undefined;
    const base = { detector: 'spring', start: m.index, end, anchorLine: stack.top, ...(container ? { container } : {}) };
    if (word === 'Message') {
      for (const path of paths) {
        const route = joinRoute(prefix, path);
        found.push({ ...base, kind: 'websocket', name: `websocket message ${route}`, route });
      }
      return;
    }
    const methods = word === 'Request' ? requestMethods(args ?? '') : [word.toUpperCase()];
    for (const path of paths) {
      const route = joinRoute(prefix, path);
      for (const method of methods) found.push({ ...base, kind: 'http', name: httpName(method, route), method, route });
    }
  });
}

function jaxRs(source: SourceText, classes: readonly ClassInfo[], found: Detection[]): void {
  eachCodeMatch(JAX_RS, source, (m) => {
    const line = source.lineOf(m.index);
    const stack = source.decoratorStack(line, '@');
    const stackText = source.linesText(stack.top, stack.bottom);
    const owner = classAt(classes, m.index);
    const prefix = owner ? firstPath(decoratorArguments(owner.stackText, 'Path') ?? '') : '';
    const own = firstPath(decoratorArguments(stackText, 'Path') ?? '');
    const route = joinRoute(prefix, own);
    const method = m[1];
    const container = owner ? { name: owner.name, anchorLine: owner.anchorLine } : undefined;
    found.push({ detector: 'jax-rs', kind: 'http', name: httpName(method, route), method, route, start: m.index, end: m.index + m[0].length, anchorLine: stack.top, ...(container ? { container } : {}) });
  });
}

/** A string, or a list of strings in braces (Java), brackets or `arrayOf(...)` (Kotlin); paths hold braces themselves. */
const JAVA_STRING = String.raw`"(?:[^"\\\r\n]|\\.)*"`;
const STRINGS = String.raw`\s*${JAVA_STRING}(?:\s*,\s*${JAVA_STRING})*(?:\s*,)?\s*`;
const PATH_VALUE = String.raw`\{${STRINGS}\}|\[${STRINGS}\]|arrayOf\s*\(${STRINGS}\)|${JAVA_STRING}`;
const NAMED_PATHS = new RegExp(String.raw`\b(?:value|path)\s*=\s*(${PATH_VALUE})`);
const POSITIONAL_PATHS = new RegExp(String.raw`^\s*(${PATH_VALUE})`);

/** The paths of a mapping's arguments: positional or `value =`/`path =`, a string or an array of them. */
function mappingPaths(args: string): string[] {
  const named = NAMED_PATHS.exec(args);
  const positional = POSITIONAL_PATHS.exec(args);
  const source = named?.[1] ?? positional?.[1];
  const paths = source ? stringLiterals(source) : [];
  return paths.length ? paths : [''];
}

function firstPath(args: string): string {
  return mappingPaths(args)[0];
}

/** `method = RequestMethod.POST` or a list of them; every method when absent. */
function requestMethods(args: string): string[] {
  const value = /\bmethod\s*=\s*(\{[^}]*\}|\[[^\]]*\]|arrayOf\s*\([^)]*\)|[\w.]+)/.exec(args)?.[1];
  const methods = value ? [...value.matchAll(/\b(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|TRACE)\b/g)].map((m) => m[1]) : [];
  return methods.length ? methods : ['*'];
}
