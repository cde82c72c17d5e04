// The mocha entry the extension host loads (`extensionTestsPath`): runs every *.test.js next to it, in
// name order, and fails the run when anything in the extension host rejected or threw unhandled.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const unhandled: string[] = [];
  const record = (kind: string) => (reason: unknown) => {
    unhandled.push(`${kind}: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
  };
  const onRejection = record('unhandled rejection');
  const onException = record('uncaught exception');
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      for (const line of unhandled) console.error(`FAIL ${line}`);
      const total = failures + unhandled.length;
      // A machine-readable line for the e2e driver, which relays the extension host's console.
      console.log(`MOCHA RESULT passes=${runner.stats?.passes ?? 0} failures=${total}`);
      if (total > 0) reject(new Error(`${failures} tests failed, ${unhandled.length} unhandled errors.`));
      else resolve();
    });
  });
}
