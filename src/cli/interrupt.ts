/**
 * Ctrl-C (SIGINT) and SIGTERM while a command writes output: instead of dying mid-write, the
 * command's AbortSignal fires, the library stops its child processes and removes what it was
 * staging, and the error boundary exits 130. The previous output stays as it was.
 */
export async function whileInterruptible<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    return await run(controller.signal);
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}
