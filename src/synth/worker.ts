/**
 * Child-process entry for parallel synthesis: receives one part over IPC, synthesizes it, sends
 * back the built stacks (or the error). Processes, not worker threads: measured on 2 cores, two
 * threads in one process ran barely faster than one, two processes nearly twice as fast.
 */
import { synthPart, type SynthPartRequest } from "./part.js";

process.once("message", (request: SynthPartRequest) => {
  let reply: unknown;
  try {
    reply = { ok: true, stacks: synthPart(request) };
  } catch (error) {
    reply = { ok: false, message: (error as Error).message, stack: (error as Error).stack };
  }
  process.send?.(reply, () => process.disconnect());
});
