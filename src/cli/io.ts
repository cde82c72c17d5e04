// What a CLI command may touch, passed in so commands can be tested without a process.
export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrStream: { isTTY?: boolean; write(text: string): unknown };
  readonly color: boolean;
  readonly tool: { readonly name: string; readonly version: string };
  readonly now?: () => Date;
}
