// The `sectrace` command line. Dispatches to one command; turns usage and configuration errors into a
// message and exit code 2, and anything unexpected into a one-line error (exit 2), never a stack trace
// unless SECTRACE_DEBUG is set.
import pkg from '../../package.json';
import { runCheck } from './check';
import { runPin } from './pin';
import { runReview } from './review';
import { runReport } from './report';
import type { CliIo } from './io';
import { EXIT_USAGE, USAGE, UsageError } from './usage';


export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await runCheck(rest, io);
      case 'report':
        return await runReport(rest, io);
      case 'pin':
        return await runPin(rest, io);
      case 'review':
        return await runReview(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${io.tool.version}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(`${USAGE}\n`);
        return command === undefined ? EXIT_USAGE : 0;
      default:
        throw new UsageError(`unknown command \`${command}\``);
    }
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof UsageError || isParseArgsError(error)) {
    io.stderr(`sectrace: ${(error as Error).message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`sectrace: internal error: ${message}\n${process.env.SECTRACE_DEBUG && error instanceof Error ? error.stack + '\n' : 'Set SECTRACE_DEBUG=1 for details, and please report it.\n'}`);
  return EXIT_USAGE;
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Entry point for `bin/sectrace.js`: runs with the real process streams and sets the exit code. */
export function run(): void {
  const io: CliIo = {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrStream: process.stderr,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    tool: { name: 'sectrace', version: pkg.version },
  };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
