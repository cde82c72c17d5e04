// Python: Flask, FastAPI, Starlette and Quart route decorators (`@app.route`, `@bp.get`,
// `@router.post`, `@app.websocket`), with Blueprint and APIRouter prefixes; Django `urls.py` entries;
// the standard library's servers and `websockets.serve`. A decorator route must be empty or start with
// `/`, so `@mock.patch('os.path.exists')` is not an interface.
// @implements ST-19
import { callArguments, eachCodeMatch, httpName, joinRoute, stringLiterals, type Detection, type LanguageDetector } from '../detection';
import type { SourceText } from '../source';

const PREFILTER = /urlpatterns|HTTPServer|_server|socketserver|websockets|@[\w.]+\.(?:route|get|post|put|patch|delete|head|options|trace|websocket|api_route|websocket_route)\(/;

const DECORATOR = /^[ \t]*@([A-Za-z_][\w.]*)\.(route|get|post|put|patch|delete|head|options|trace|websocket|api_route|websocket_route)\s*\(\s*(?:(?:path|rule)\s*=\s*)?[rRuUbBfF]{0,2}(['"])([^'"\r\n]*)\3/gm;
const PREFIXED = /^[ \t]*([A-Za-z_]\w*)\s*=\s*(?:[\w.]*\.)?(?:Blueprint|APIRouter)\s*\(/gm;
const DJANGO = /(?<![\w.])(path|re_path|url)\s*\(\s*[rRuU]?(['"])([^'"\r\n]*)\2\s*,(?!\s*include\s*\()/g;
const SERVERS: readonly [RegExp, string, string][] = [
  [/(?<![\w.])(?:http\.server\.)?(?:Threading)?HTTPServer\s*\(/g, 'http', 'http server'],
  [/\bsocketserver\.\w*(?:TCP|UDP|Unix\w*)Server\s*\(/g, 'socket', 'socket server'],
  [/\basyncio\.start_(?:unix_)?server\s*\(/g, 'socket', 'tcp server'],
  [/\bwebsockets\.(?:server\.)?serve\s*\(/g, 'websocket', 'websocket server'],
];

export const pythonDetector: LanguageDetector = {
  prefilter: PREFILTER,
  detect(source) {
    const found: Detection[] = [];
    decorators(source, found);
    if (source.text.includes('urlpatterns')) django(source, found);
    for (const [pattern, kind, name] of SERVERS) {
      eachCodeMatch(pattern, source, (m) => {
        found.push({ detector: 'python-server', kind, name, symbol: m[0].replace(/\s*\($/, ''), start: m.index, end: m.index + m[0].length - 1, anchorLine: source.statementLine(m.index) });
      });
    }
    return found;
  },
};

function decorators(source: SourceText, found: Detection[]): void {
  const prefixes = new Map<string, string>();
  eachCodeMatch(PREFIXED, source, (m) => {
    const args = callArguments(source, m.index + m[0].length - 1)?.text ?? '';
    const prefix = /\b(?:url_prefix|prefix)\s*=\s*[rRuU]?(['"])([^'"\r\n]*)\1/.exec(args);
    if (prefix) prefixes.set(m[1], prefix[2]);
  }, (m) => m.index + m[0].length - 1);
  eachCodeMatch(DECORATOR, source, (m) => {
    const route = m[4];
    if (route !== '' && !route.startsWith('/')) return;
    const at = m.index + m[0].indexOf('@');
    const line = source.lineOf(at);
    const anchorLine = source.decoratorStack(line, '@').top;
    const full = joinRoute(prefixes.get(m[1]), route);
    const base = { detector: 'python-web', start: at, end: m.index + m[0].length, anchorLine };
    const word = m[2];
    if (word.startsWith('websocket')) {
      found.push({ ...base, kind: 'websocket', name: `websocket ${full}`, route: full });
      return;
    }
    let methods = [word.toUpperCase()];
    if (word === 'route' || word === 'api_route') {
      const args = callArguments(source, m.index + m[0].indexOf('('))?.text ?? '';
      const list = /\bmethods\s*=\s*[[({]([^\])}]*)[\])}]/.exec(args);
      methods = list ? stringLiterals(list[1]).map((s) => s.toUpperCase()) : ['GET'];
      if (!methods.length) methods = ['GET'];
    }
    for (const method of methods) found.push({ ...base, kind: 'http', name: httpName(method, full), method, route: full });
  }, (m) => m.index + m[0].indexOf('@'));
}

function django(source: SourceText, found: Detection[]): void {
  eachCodeMatch(DJANGO, source, (m) => {
    const raw = m[3];
    const route = raw.startsWith('^') || raw.startsWith('/') ? raw : `/${raw}`;
    found.push({ detector: 'django', kind: 'http', name: httpName('*', route), method: '*', route, start: m.index, end: m.index + m[0].indexOf(m[2]) + raw.length + 2, anchorLine: source.statementLine(m.index) });
  });
}
