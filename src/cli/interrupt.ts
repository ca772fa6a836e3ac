/**
 * Ctrl-C (SIGINT) and SIGTERM while a command writes output or runs terraform: instead of dying
 * mid-write, the command's AbortSignal fires, the library stops its child processes (synth
 * workers at once; terraform gets one SIGINT and stops at a safe point, as it does in a
 * terminal) and removes what it was staging, and the error boundary exits 130. The previous
 * output stays as it was. Further signals while that happens do not kill the process (which
 * would leave terraform running without anyone waiting for it): `onRepeat` says what is going on.
 */
import { BaselineError } from "../errors.js";

export interface InterruptOptions {
  /**
   * The ABORTED message when the interrupted run ends with another error (e.g. a stack that
   * failed because terraform was interrupted). @default - that error is rethrown
   */
  readonly interrupted?: string;
  /** Called on every signal after the first. */
  readonly onRepeat?: () => void;
}

export async function whileInterruptible<T>(
  run: (signal: AbortSignal) => Promise<T>,
  options: InterruptOptions = {},
): Promise<T> {
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) options.onRepeat?.();
    else controller.abort();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  try {
    return await run(controller.signal);
  } catch (error) {
    const aborted = error instanceof BaselineError && error.code === "ABORTED";
    if (controller.signal.aborted && !aborted && options.interrupted) {
      throw new BaselineError("ABORTED", options.interrupted, { cause: error });
    }
    throw error;
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

/** Throws ABORTED with `message` once `signal` has fired (between steps of a command). */
export function stopIfInterrupted(signal: AbortSignal, message: string): void {
  if (signal.aborted) throw new BaselineError("ABORTED", message);
}
