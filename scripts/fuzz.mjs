// `npm run fuzz`: the unit suite's fuzz properties with many more runs and a fresh seed each time.
// Prints iterations and time per target. Usage: npm run fuzz [-- RUNS]
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 20000);
const started = Date.now();
const result = spawnSync('npx', ['mocha', '--no-config', '-r', 'tsx/cjs', '--extension', 'ts', '--timeout', '0', 'test/unit/robustness/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, SECTRACE_FUZZ_RUNS: String(runs) },
});
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`fuzz: ${runs * 4} code inputs, ${runs} Markdown inputs, ${runs} configurations in ${seconds}s`);
process.exitCode = result.status ?? 1;
