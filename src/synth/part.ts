/**
 * Synthesizes some of the planned stacks into one folder. Runs in a child process (`worker.ts`,
 * started with `fork`) or in-process.
 */
import { buildStacks, type BuiltStack } from "../build/app.js";
import { App, withoutTokenStackTraces } from "../build/cdk.js";
import type { StackPlan } from "../plan/plan.js";

export interface SynthPartRequest {
  /** The stacks to build, as planned: every one of them ready (nothing waiting). */
  readonly plans: readonly StackPlan[];
  readonly outdir: string;
}

export function synthPart(request: SynthPartRequest): BuiltStack[] {
  const app = new App({ outdir: request.outdir, stackTraces: false });
  return withoutTokenStackTraces(() => {
    const built = buildStacks(app, request.plans);
    app.synth();
    return [...built.stacks];
  });
}
