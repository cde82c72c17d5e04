// Go: net/http handlers (`http.HandleFunc("/x"`, `mux.Handle(`, Go 1.22 `"GET /x"` patterns), gorilla
// `.Methods(...)`, gin and echo (`r.GET("/x"`, `e.POST(`, `Group` prefixes), chi and fiber
// (`r.Get("/x"`, `r.Method("GET", "/x"`), and listeners (`http.ListenAndServe`, `http.Server{`,
// `net.Listen`, `grpc.NewServer`). A route call needs a second argument, so `http.Get(url)` (a client
// call) is not an interface.
// @implements ST-19
import { eachCodeMatch, httpName, joinRoute, type Detection, type LanguageDetector } from '../detection';

const PREFILTER = /\.(?:Handle|HandleFunc|GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|Any|Get|Post|Put|Delete|Patch|Head|Options|Connect|Trace|All|Method|MethodFunc)\(|ListenAndServe|net\.Listen|NewServer|http\.Server/;

const STRING = String.raw`("[^"\r\n]*"|\x60[^\x60]*\x60)`;
const HANDLE = new RegExp(String.raw`\b([A-Za-z_]\w*)\s*\.\s*(HandleFunc|Handle)\s*\(\s*${STRING}\s*,`, 'g');
const HANDLE_METHOD = /\(\s*"([A-Z]+)"\s*,\s*"([^"\r\n]*)"\s*,/y;
const GORILLA_METHODS = /^\s*\.\s*Methods\s*\(([^)]*)\)/;
const UPPER_VERB = /\b([A-Za-z_]\w*)\s*\.\s*(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|Any)\s*\(\s*"([^"\r\n]*)"\s*,/g;
const CAMEL_VERB = /\b([A-Za-z_]\w*)\s*\.\s*(Get|Post|Put|Delete|Patch|Head|Options|Connect|Trace|All)\s*\(\s*"(\/[^"\r\n]*)"\s*,/g;
const METHOD_FORM = /\b([A-Za-z_]\w*)\s*\.\s*(?:Method|MethodFunc)\s*\(\s*"([A-Z]+)"\s*,\s*"([^"\r\n]*)"\s*,/g;
const GROUP = /\b([A-Za-z_]\w*)\s*:?=\s*([A-Za-z_]\w*)\s*\.\s*Group\s*\(\s*"([^"\r\n]*)"/g;
const SERVERS: readonly [RegExp, string, string, string][] = [
  [/\bhttp\s*\.\s*ListenAndServeTLS\s*\(/g, 'http', 'https server', 'http.ListenAndServeTLS'],
  [/\bhttp\s*\.\s*ListenAndServe\s*\(/g, 'http', 'http server', 'http.ListenAndServe'],
  [/&?\bhttp\s*\.\s*Server\s*\{/g, 'http', 'http server', 'http.Server'],
  [/\bnet\s*\.\s*Listen(?:TCP|UDP|Unix|Packet)?\s*\(/g, 'socket', 'listener', 'net.Listen'],
  [/\bgrpc\s*\.\s*NewServer\s*\(/g, 'rpc', 'grpc server', 'grpc.NewServer'],
];
const CLIENTS = /^(?:http|client|\w*Client|resty|req)$/;

export const goDetector: LanguageDetector = {
  prefilter: PREFILTER,
  detect(source) {
    const found: Detection[] = [];
    const groups = new Map<string, string>();
    eachCodeMatch(GROUP, source, (m) => groups.set(m[1], joinRoute(groups.get(m[2]), m[3])));
    const route = (receiver: string, path: string) => (groups.has(receiver) ? joinRoute(groups.get(receiver), path) : path);
    const push = (detector: string, method: string, path: string, start: number, end: number) => {
      found.push({ detector, kind: 'http', name: httpName(method, path), method, route: path, start, end, anchorLine: source.statementLine(start) });
    };
    eachCodeMatch(HANDLE, source, (m) => {
      const open = m.index + m[0].indexOf('(');
      HANDLE_METHOD.lastIndex = open;
      const explicit = m[2] === 'Handle' ? HANDLE_METHOD.exec(source.text) : null;
      if (explicit) {
        push('go-http', explicit[1], route(m[1], explicit[2]), m.index, HANDLE_METHOD.lastIndex - 1);
        return;
      }
      const pattern = /^(?:([A-Z]+)\s+)?(.*)$/s.exec(m[3].slice(1, -1)) as RegExpExecArray;
      const close = source.matchingBracket(open);
      const gorilla = close !== undefined ? GORILLA_METHODS.exec(source.text.slice(close + 1, close + 200)) : null;
      const methods = pattern[1] ? [pattern[1]] : gorilla ? [...gorilla[1].matchAll(/"([A-Za-z]+)"/g)].map((g) => g[1].toUpperCase()) : ['*'];
      const end = m.index + m[0].length - 1;
      for (const method of methods.length ? methods : ['*']) push(gorilla ? 'gorilla' : 'go-http', method, route(m[1], pattern[2]), m.index, end);
    });
    eachCodeMatch(UPPER_VERB, source, (m) => {
      if (CLIENTS.test(m[1])) return;
      push('gin-echo', m[2] === 'Any' ? '*' : m[2], route(m[1], m[3]), m.index, m.index + m[0].length - 1);
    });
    eachCodeMatch(CAMEL_VERB, source, (m) => {
      if (CLIENTS.test(m[1])) return;
      push('chi-fiber', m[2] === 'All' ? '*' : m[2].toUpperCase(), route(m[1], m[3]), m.index, m.index + m[0].length - 1);
    });
    eachCodeMatch(METHOD_FORM, source, (m) => push('chi-fiber', m[2], route(m[1], m[3]), m.index, m.index + m[0].length - 1));
    for (const [pattern, kind, name, symbol] of SERVERS) {
      eachCodeMatch(pattern, source, (m) => {
        found.push({ detector: 'go-server', kind, name, symbol, start: m.index, end: m.index + m[0].length, anchorLine: source.statementLine(m.index) });
      });
    }
    return found;
  },
};
