/**
 * Where CLI output goes. Results go to stdout (JSON with --json, text otherwise); progress and
 * errors go to stderr, so `--json | jq` always sees clean JSON.
 */
import pc from "picocolors";

export type Colors = ReturnType<typeof pc.createColors>;

export interface Io {
  readonly json: boolean;
  readonly color: Colors;
  /** True once `result` wrote to stdout (the error boundary then keeps stdout to one document). */
  readonly resultWritten: boolean;
  /** The command's result on stdout. */
  result(value: unknown, text: () => string): void;
  /** A progress line on stderr (also in --json mode: stdout stays machine-readable). */
  progress(line: string): void;
  /** Text on stderr. */
  error(text: string): void;
}

export function createIo(options: { json: boolean; color?: boolean }): Io {
  const color = pc.createColors(options.color ?? pc.isColorSupported);
  let resultWritten = false;
  return {
    json: options.json,
    color,
    get resultWritten() {
      return resultWritten;
    },
    result(value, text) {
      resultWritten = true;
      process.stdout.write(options.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
    },
    progress(line) {
      process.stderr.write(`${line}\n`);
    },
    error(text) {
      process.stderr.write(`${text}\n`);
    },
  };
}
