/**
 * The first run on a new organization, in one `deploy`: member-account stacks need account IDs
 * that exist only after the `org` stack has created the accounts. So: apply `org`, record the new
 * IDs (Organizations discovery), synthesize again, then deploy everything that is ready. Later
 * runs, with every ID known, are a single phase. The steps are injected, so this order is tested
 * without AWS. `deploy()` wires the real steps; its caller supplies `confirm` and `report`.
 */
import { editAnswersText } from "../answers/edit.js";
import { loadConfigFor } from "../answers/load.js";
import { stackName } from "../answers/names.js";
import type { BaselineConfig } from "../answers/resolve.js";
import { answersDiff, readSync } from "../aws/sync.js";
import { BaselineError } from "../errors.js";
import type { PendingStack } from "../plan/plan.js";
import { synthesize } from "../synth/synth.js";
import { writeFileAtomic } from "../util/fs.js";
import {
  applyAll,
  checkPlans,
  checkProtected,
  planAll,
  type ProtectedChange,
  type RunOptions,
  type StackApplyOutcome,
  type StackPlanOutcome,
} from "./terraform/operations.js";
import type { Node } from "./terraform/order.js";

/** Stacks ready to run (name and dependencies) and the ones still waiting for IDs. */
export interface SynthesizedStacks {
  readonly stacks: readonly Node[];
  readonly pending: readonly PendingStack[];
}

export interface DeploySteps {
  /** Synthesizes from the answers as they are now. */
  synth(): Promise<SynthesizedStacks>;
  /** Plans, checks, confirms and applies these stacks; throws when anything fails. */
  deploy(stacks: readonly Node[]): Promise<void>;
  /** Reads the organization and writes the new IDs into the answers file. */
  recordIds(): Promise<void>;
}

export interface DeployFlowResult {
  /** Stack names per phase, in the order they were deployed. */
  readonly phases: readonly (readonly string[])[];
  /** Stacks still waiting after the last phase (IDs Organizations does not have yet). */
  readonly pending: readonly PendingStack[];
}

export async function deployFlow(
  steps: DeploySteps,
  selection?: readonly string[],
): Promise<DeployFlowResult> {
  const chosen = (stacks: readonly Node[]) =>
    selection && selection.length > 0 ? stacks.filter((s) => selection.includes(s.name)) : stacks;
  const phases: string[][] = [];
  let synthesized = await steps.synth();
  const org = chosen(synthesized.stacks).find((s) => s.name === stackName.org);
  if (synthesized.pending.length > 0 && org) {
    phases.push([org.name]);
    await steps.deploy([org]);
    await steps.recordIds();
    synthesized = await steps.synth();
  }
  const rest = chosen(synthesized.stacks);
  phases.push(rest.map((s) => s.name));
  await steps.deploy(rest);
  return { phases, pending: synthesized.pending };
}

/** Synthesizes into outDir and returns what the terraform runner needs from the result. */
export async function synthStacks(
  config: BaselineConfig,
  outDir: string,
): Promise<{ stacks: Node[]; pending: readonly PendingStack[] }> {
  const result = await synthesize(config, { outDir });
  return {
    stacks: result.stacks.map((s) => ({ name: s.name, dependsOn: s.dependsOn })),
    pending: result.pending,
  };
}

/** What `deploy` reports as it goes; the caller renders it (the library never prints). */
export type DeployEvent =
  /** Every selected stack was planned (failed plans included). */
  | { readonly type: "planned"; readonly plans: readonly StackPlanOutcome[] }
  | { readonly type: "nothing-to-apply" }
  | { readonly type: "applied"; readonly applied: readonly StackApplyOutcome[] }
  /** A line of progress while the organization is read (first run only). */
  | { readonly type: "organization"; readonly line: string }
  /** The answers file is about to get the new IDs: the diff, before it is written. */
  | { readonly type: "ids-diff"; readonly file: string; readonly diff: string }
  | { readonly type: "ids-recorded"; readonly file: string; readonly count: number };

export interface DeployOptions {
  /** The answers file: read again after the org stack, and where the new IDs are recorded. */
  readonly answersFile: string;
  readonly outDir: string;
  /** False (--no-synth): the stacks already in outDir are used as they are, never synthesized. */
  readonly synth: boolean;
  readonly endpointUrl?: string;
  /** Only these stacks (their dependencies count as applied). @default - every stack */
  readonly stack?: readonly string[];
  /** Allow plans that delete or replace protected resources. @default false */
  readonly allowDestroy?: boolean;
  /** The first synthesis (already done by the caller, or read from outDir's manifest). */
  readonly synthesized: SynthesizedStacks;
  readonly run: RunOptions;
  /** Asked once per phase, after the plans are reported and checked; false stops (ABORTED). */
  readonly confirm: () => Promise<boolean>;
  /** Renders protected deletes for the PROTECTED_DESTROY hint. @default - one plain line each */
  readonly describeProtected?: (changes: readonly ProtectedChange[]) => string;
  readonly report?: (event: DeployEvent) => void;
}

/** Plan, refuse protected deletes, confirm, apply saved plans in order. */
async function deployStacks(stacks: readonly Node[], o: DeployOptions): Promise<void> {
  const plans = await planAll(stacks, o.run);
  o.report?.({ type: "planned", plans });
  checkPlans(plans);
  checkProtected(plans, o.allowDestroy ?? false, o.describeProtected);
  const planned = plans.filter(
    (p): p is StackPlanOutcome & { status: "planned" } => p.status === "planned",
  );
  if (!planned.some((p) => p.hasChanges)) {
    o.report?.({ type: "nothing-to-apply" });
    return;
  }
  if (!(await o.confirm())) throw new BaselineError("ABORTED", "nothing applied");
  const applied = await applyAll(planned, stacks, o.run);
  o.report?.({ type: "applied", applied });
  const failed = applied.filter((a) => a.status === "failed" || a.status === "skipped");
  if (failed.length > 0) {
    throw new BaselineError(
      "STACK_FAILED",
      `apply did not finish for ${failed.map((f) => f.stack).join(", ")}`,
      {
        hint: "fix the first failure (see its log), then run deploy again: applied stacks show no changes",
      },
    );
  }
}

/** accounts sync, non-interactively, as step 2 of a first deploy. */
async function recordIds(o: DeployOptions): Promise<void> {
  const file = o.answersFile;
  const { text, plan } = await readSync(file, { endpointUrl: o.endpointUrl }, (line) =>
    o.report?.({ type: "organization", line }),
  );
  if (plan.conflicts.length > 0) {
    throw new BaselineError("ANSWERS_CONFLICT", plan.conflicts.map((c) => c.message).join("; "), {
      hint: "run `aws-baseline accounts sync` to review; nothing was written",
    });
  }
  const after = editAnswersText(text, plan.edits);
  if (after !== text) {
    o.report?.({ type: "ids-diff", file, diff: answersDiff(file, text, after) });
    await writeFileAtomic(file, after);
    o.report?.({ type: "ids-recorded", file, count: plan.edits.length });
  }
}

/**
 * `deploy`: plan, check, confirm and apply every selected stack in dependency order; on a new
 * organization first the org stack, then the recorded IDs, then the rest (see deployFlow).
 */
export async function deploy(o: DeployOptions): Promise<DeployFlowResult> {
  let first = true;
  return deployFlow(
    {
      synth: async () => {
        if (first || !o.synth) {
          first = false;
          return o.synthesized;
        }
        return synthStacks(await loadConfigFor(o.answersFile, o.endpointUrl), o.outDir);
      },
      deploy: (stacks) => deployStacks(stacks, o),
      recordIds: () => recordIds(o),
    },
    o.stack,
  );
}
