// Property-based fuzzing of every scanner: random and mutated inputs never throw and always terminate.
// A bounded run here (fast); `npm run fuzz` runs the same properties far longer and reports the figures.
// @verifies ST-6, STM-2
import fc from 'fast-check';
import { fuzzCode, fuzzConfig, fuzzMarkdown, hostileText, LANGUAGES } from './fuzzTargets';

const RUNS = Number(process.env.SECTRACE_FUZZ_RUNS ?? 150);

describe('robustness: fuzzed scanners never throw', () => {
  it('code comment scanner, every language', () => {
    fc.assert(fc.property(hostileText, fc.constantFrom(...LANGUAGES), (text, language) => fuzzCode(text, language)), { numRuns: RUNS * 4, seed: 42 });
  });

  it('Markdown spec scanner', () => {
    fc.assert(fc.property(hostileText, (text) => fuzzMarkdown(text)), { numRuns: RUNS, seed: 42 });
  });

  it('configuration parser', () => {
    fc.assert(fc.property(hostileText, (text) => fuzzConfig(text)), { numRuns: RUNS, seed: 42 });
  });
});
