// Usage and configuration errors: the CLI prints the message and exits 2, never a stack trace.
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export const USAGE = `Usage: sectrace <command> [folder] [options]

Commands:
  check [folder]    trace the folder (default: .) and print a summary of coverage and findings
  report [folder]   write a design-review report
  help              show this help

Options for check:
  --fail-on LEVEL   exit 1 when a finding is at or above LEVEL: error (default), warning, info, off
  --json            print the graph and findings as JSON (schema: schemas/check.schema.json)
  --format oft      print OpenFastTrace's verdict line: \`ok - N total\` or \`not ok - N total, M defect\`
  --stats           print timing and memory figures as one JSON line on stderr
  --version         print the version

Options for report:
  --format FORMAT   md (default), html, json, sarif or csv; taken from --out's extension when omitted
  --out FILE        write to FILE (atomically) instead of stdout
  --force           overwrite FILE even when it is not a previous sectrace report
  --fail-on LEVEL   as for check: the exit code follows the same rule

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it, 2 usage or configuration error.`;
