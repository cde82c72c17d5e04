// `npm test`: every stage in order, each timed, ending with one summary line that counts the tests of
// all stages: `tests: N passed, M failed`. Stages: build, typecheck, lint, unit tests, full-size hostile
// inputs, the repository's own trace (sectrace checks itself), then the real-VS-Code stage (skip it with
// SECTRACE_SKIP_E2E=1).
import { spawn } from 'node:child_process';

const stages = [
  { name: 'build', cmd: 'npm', args: ['run', '-s', 'build'] },
  { name: 'typecheck', cmd: 'npm', args: ['run', '-s', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'] },
  { name: 'unit', cmd: 'npx', args: ['mocha'], counts: mochaCounts },
  // Hostile inputs at full size (a 1 MB table, a 50 MB file, 100,000 findings): seconds each, so they
  // have a stage of their own and the unit stage stays quick.
  { name: 'robustness', cmd: 'npm', args: ['run', '-s', 'test:robustness'], counts: mochaCounts },
  { name: 'self-trace', cmd: 'node', args: ['bin/sectrace.js', 'check', '.'], counts: (_out, code) => ({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 }) },
  { name: 'e2e', cmd: 'npm', args: ['run', '-s', 'test:e2e'], counts: e2eCounts, skip: process.env.SECTRACE_SKIP_E2E === '1' },
];

function mochaCounts(out) {
  const passed = Number(/(\d+) passing/.exec(out)?.[1] ?? 0);
  const failed = Number(/(\d+) failing/.exec(out)?.[1] ?? 0);
  return { passed, failed };
}

function e2eCounts(out) {
  const match = /e2e: (\d+) passed, (\d+) failed/.exec(out);
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : { passed: 0, failed: 1 };
}

function run(stage) {
  return new Promise((resolve) => {
    const child = spawn(stage.cmd, stage.args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

let passed = 0;
let failed = 0;
const timings = [];
for (const stage of stages) {
  if (stage.skip) {
    timings.push(`${stage.name} skipped`);
    continue;
  }
  console.log(`\n=== ${stage.name}`);
  const started = Date.now();
  const { code, out } = await run(stage);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${stage.name} ${seconds}s`);
  const counts = stage.counts ? stage.counts(out, code) : { passed: 0, failed: code === 0 ? 0 : 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  passed += counts.passed;
  failed += counts.failed;
  if (code !== 0) {
    console.log(`\n=== ${stage.name} failed (exit ${code})`);
    if (!stage.counts) break;
  }
}
console.log(`\nstages: ${timings.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
