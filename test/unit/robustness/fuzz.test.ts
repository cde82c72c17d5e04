// Property-based fuzzing of every scanner: random and mutated inputs never throw and always terminate.
// A bounded run here (fast); `npm run fuzz` runs the same properties far longer and reports the figures.
// @verifies ST-6, STM-2
import fc from 'fast-check';
import { fuzzCode, fuzzConfig, fuzzFile, fuzzMarkdown, fuzzReviews, hostileText, LANGUAGES, PATHS } from './fuzzTargets';

const RUNS = Number(process.env.SECTRACE_FUZZ_RUNS ?? 150);
// The bounded run is the same every time; `npm run fuzz` passes a fresh seed and prints it.
const SEED = Number(process.env.SECTRACE_FUZZ_SEED ?? 42);

describe('robustness: fuzzed scanners never throw', () => {
  it('code comment scanner, every language', () => {
    fc.assert(fc.property(hostileText, fc.constantFrom(...LANGUAGES), (text, language) => fuzzCode(text, language)), { numRuns: RUNS * 4, seed: SEED });
  });

  it('Markdown spec scanner', () => {
    fc.assert(fc.property(hostileText, (text) => fuzzMarkdown(text)), { numRuns: RUNS, seed: SEED });
  });

  it('configuration parser', () => {
    fc.assert(fc.property(hostileText, (text) => fuzzConfig(text)), { numRuns: RUNS, seed: SEED });
  });

  it('whole files: every importer and the interface detectors, in specs, code, tests and API documents', () => {
    fc.assert(fc.property(hostileText, fc.constantFrom(...PATHS), (text, path) => fuzzFile(path, text)), { numRuns: RUNS * 2, seed: SEED });
  });

  it('review store parser', () => {
    fc.assert(fc.property(hostileText, (text) => fuzzReviews(text)), { numRuns: RUNS, seed: SEED });
  });
});
