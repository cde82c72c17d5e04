// Protocol Buffers: every `rpc` of every `service` is an interface. The comment block above the
// `service` covers its rpcs, like a class-level annotation. Services and rpcs are matched in one pass
// each and paired in order, so unclosed services cannot make the work grow with their number.
// @implements ST-19
import { eachCodeMatch, type Detection, type LanguageDetector } from '../detection';

const SERVICE = /\bservice\s+([A-Za-z_]\w*)\s*\{/g;
const RPC = /\brpc\s+([A-Za-z_]\w*)\s*\(/g;

interface Service {
  readonly name: string;
  readonly open: number;
  readonly close: number;
  readonly line: number;
}

export const protobufDetector: LanguageDetector = {
  prefilter: /service/,
  detect(source) {
    const services: Service[] = [];
    eachCodeMatch(SERVICE, source, (m) => {
      const open = m.index + m[0].length - 1;
      services.push({ name: m[1], open, close: source.matchingBracket(open, Infinity) ?? source.text.length, line: source.lineOf(m.index) });
    });
    const found: Detection[] = [];
    if (!services.length) return found;
    let current = -1;
    eachCodeMatch(RPC, source, (rpc) => {
      while (current + 1 < services.length && services[current + 1].open < rpc.index) current++;
      const service = current >= 0 ? services[current] : undefined;
      if (!service || rpc.index > service.close) return;
      const symbol = `${service.name}.${rpc[1]}`;
      const container = { name: service.name, anchorLine: service.line };
      found.push({ detector: 'protobuf', kind: 'rpc', name: `rpc ${symbol}`, symbol, start: rpc.index, end: rpc.index + rpc[0].length - 1, anchorLine: source.lineOf(rpc.index), container });
    });
    return found;
  },
};
