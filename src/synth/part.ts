/** Synthesizes some of the planned stacks into one folder. Runs in a child process (`worker.ts`, started with `fork`) or in-process. */
import { buildBaseline, type BuiltStack } from "../build/app.js";
import { App, withoutTokenStackTraces } from "../build/cdk.js";
import type { BaselineConfig } from "../answers/resolve.js";

export interface SynthPartRequest {
  readonly config: BaselineConfig;
  /** Stacks to build; every one of them must be ready (nothing waiting). */
  readonly names: readonly string[];
  readonly outdir: string;
}

export function synthPart(request: SynthPartRequest): BuiltStack[] {
  const app = new App({ outdir: request.outdir, stackTraces: false });
  return withoutTokenStackTraces(() => {
    const built = buildBaseline(app, request.config, new Set(request.names));
    app.synth();
    return [...built.stacks];
  });
}
