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
  pin [folder]      re-pin trace tags to their items' current text after a review (docs/impact.md)
  review [folder] ID...   record that items were reviewed, in .sectrace/reviews.yaml
  help              show this help

Options for check:
  --fail-on LEVEL   exit 1 when a finding is at or above LEVEL: error (default), warning, info, off
  --json            print the graph and findings as JSON (schema: schemas/check.schema.json)
  --format oft      print OpenFastTrace's verdict line: \`ok - N total\` or \`not ok - N total, M defect\`
  --stats           print timing and memory figures as one JSON line on stderr
  --since REF       also list what changed since the git revision REF: items whose text changed, the
                    code and tests linked to them, items whose implementing code changed, tests to re-run
  --version         print the version

Options for report:
  --format FORMAT   md (default), html, json, sarif or csv; taken from --out's extension when omitted
  --out FILE        write to FILE (atomically) instead of stdout
  --force           overwrite FILE even when it is not a previous sectrace report
  --fail-on LEVEL   as for check: the exit code follows the same rule
  --since REF       add an impact section: what changed since the git revision REF

Options for pin:
  --id ID           only links to this item (repeatable, or comma-separated)
  --add             also pin tags that have no pin yet
  --dry-run         print what would change, change nothing

Options for review:
  --by NAME         the reviewer (default: git config user.name)
  --date DATE       the review date, YYYY-MM-DD (default: today)

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it, 2 usage or configuration error.`;
