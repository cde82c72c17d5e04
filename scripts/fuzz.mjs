// `npm run fuzz`: the unit suite's fuzz properties with many more runs and a fresh seed each time.
// Prints iterations and time per target. Usage: npm run fuzz [-- RUNS]
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 20000);
// A fresh seed each run finds new inputs; it is printed so a failure can be replayed (SECTRACE_FUZZ_SEED).
const seed = Number(process.env.SECTRACE_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz: seed ${seed}`);
const started = Date.now();
const result = spawnSync('npx', ['mocha', '--no-config', '-r', 'tsx/cjs', '--extension', 'ts', '--timeout', '0', 'test/unit/robustness/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, SECTRACE_FUZZ_RUNS: String(runs), SECTRACE_FUZZ_SEED: String(seed) },
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`fuzz: ${runs * 4} code inputs, ${runs} Markdown inputs, ${runs} configurations, ${runs * 2} whole files (importers and detectors), ${runs} review stores (each scanner input also once with an ID in front) in ${seconds}s (seed ${seed})`);
process.exitCode = result.status ?? 1;
