/**
 * The first run on a new organization, in one `deploy`: member-account stacks need account IDs
 * that exist only after the `org` stack has created the accounts. So: apply `org`, record the new
 * IDs (Organizations discovery), synthesize again, then deploy everything that is ready, in
 * waves (see waves.ts). Later runs, with every ID known, are a single phase. The steps are injected, so this order is tested
 * without AWS. `deploy()` wires the real steps; its caller supplies `confirm` and `report`.
 */
import { editAnswersText } from "../answers/edit.js";
import { loadConfigFor } from "../answers/load.js";
import { stackName } from "../answers/names.js";
import type { BaselineConfig } from "../answers/resolve.js";
import { answersDiff, readSync } from "../aws/sync.js";
import { BaselineError } from "../errors.js";
import type { LeftOut } from "../plan/emulator-view.js";
import type { PendingStack } from "../plan/plan.js";
import { synthesize } from "../synth/synth.js";
import { writeFileAtomic } from "../util/fs.js";
import {
  describeProtected,
  protectedChanges,
  stackPlanOutcome,
  type ProtectedChange,
  type RunOptions,
  type StackPlanOutcome,
} from "./terraform/operations.js";
import type { Node } from "./terraform/order.js";
import {
  applyStack,
  credentialsError,
  initStack,
  planStack,
  providersProblem,
  type SavedPlan,
} from "./terraform/runner.js";
import { runWaves, type WaveOutcome, type WavePlan } from "./waves.js";

/** Stacks ready to run (name and dependencies) and the ones still waiting for IDs. */
export interface SynthesizedStacks {
  readonly stacks: readonly Node[];
  readonly pending: readonly PendingStack[];
  /** Emulator mode: what was left out. @default - nothing */
  readonly emulatorLeftOut?: readonly LeftOut[];
}

export interface DeploySteps {
  /** Synthesizes from the answers as they are now. */
  synth(): Promise<SynthesizedStacks>;
  /** Plans, checks, confirms and applies these stacks in waves; throws when anything fails. */
  deploy(stacks: readonly Node[]): Promise<readonly WaveOutcome[]>;
  /** Reads the organization and writes the new IDs into the answers file. */
  recordIds(): Promise<void>;
}

export interface DeployFlowResult {
  /** Stack names per phase, in the order they were deployed. */
  readonly phases: readonly (readonly string[])[];
  /** What happened to each stack (the last phase that ran it wins). */
  readonly outcomes: readonly WaveOutcome[];
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
  const outcomes = new Map<string, WaveOutcome>();
  const record = (list: readonly WaveOutcome[]) => list.forEach((o) => outcomes.set(o.stack, o));
  if (synthesized.pending.length > 0 && org) {
    phases.push([org.name]);
    record(await steps.deploy([org]));
    await steps.recordIds();
    synthesized = await steps.synth();
  }
  const rest = chosen(synthesized.stacks);
  phases.push(rest.map((s) => s.name));
  record(await steps.deploy(rest));
  return { phases, outcomes: [...outcomes.values()], pending: synthesized.pending };
}

/**
 * Synthesizes into outDir and returns what the terraform runner needs from the result. An
 * interrupt (`signal`) stops synthesis as `synth` does: nothing left behind, ABORTED.
 */
export async function synthStacks(
  config: BaselineConfig,
  outDir: string,
  signal?: AbortSignal,
): Promise<SynthesizedStacks & { stacks: Node[] }> {
  const result = await synthesize(config, { outDir, signal });
  return {
    stacks: result.stacks.map((s) => ({ name: s.name, dependsOn: s.dependsOn })),
    pending: result.pending,
    emulatorLeftOut: result.emulatorLeftOut,
  };
}

/** What `deploy` reports as it goes; the caller renders it (the library never prints). */
export type DeployEvent =
  /** A wave was planned (failed plans included); `toApply` is what confirmation would apply. */
  | {
      readonly type: "wave-planned";
      readonly wave: number;
      readonly waves: number;
      readonly plans: readonly StackPlanOutcome[];
      readonly toApply: readonly string[];
    }
  /** A wave ended: what happened to each of its stacks. */
  | {
      readonly type: "wave-done";
      readonly wave: number;
      readonly waves: number;
      readonly outcomes: readonly WaveOutcome[];
    }
  /** A line of progress while the organization is read (first run only). */
  | { readonly type: "organization"; readonly line: string }
  /** The answers file is about to get the new IDs: the diff, before it is written. */
  | { readonly type: "ids-diff"; readonly file: string; readonly diff: string }
  | { readonly type: "ids-recorded"; readonly file: string; readonly count: number };

/** What one confirmation covers: one wave's stacks with changes. */
export interface WaveConfirmation {
  readonly wave: number;
  readonly waves: number;
  readonly toApply: readonly string[];
}

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
  /** Asked once per wave with changes, after its plans are reported; false stops (ABORTED). */
  readonly confirm: (wave: WaveConfirmation) => Promise<boolean>;
  /** Renders protected deletes in a refusal's reason. @default - one plain line each */
  readonly describeProtected?: (changes: readonly ProtectedChange[]) => string;
  readonly report?: (event: DeployEvent) => void;
}

function planOutcome(o: DeployOptions, p: WavePlan<SavedPlan>): StackPlanOutcome {
  return stackPlanOutcome(o.run, p.stack, p.ok ? { plan: p.plan } : { reason: p.reason });
}

/**
 * Plans, confirms and applies the stacks in waves (see waves.ts). A plan that deletes or replaces
 * a protected resource is refused for its stack unless allowed. Throws STACK_FAILED at the end
 * when any stack did not finish, after every stack that could go on has gone on.
 */
async function deployStacks(stacks: readonly Node[], o: DeployOptions): Promise<WaveOutcome[]> {
  const describe = o.describeProtected ?? describeProtected;
  const outcomes = await runWaves<SavedPlan>(stacks, o.run.concurrency, {
    plan: async (stack) => {
      await initStack(o.run, stack);
      return planStack(o.run, stack);
    },
    hasChanges: (plan) => plan.hasChanges,
    refuse: (stack, plan) => {
      if (o.allowDestroy) return undefined;
      const risky = protectedChanges([planOutcome(o, { stack, ok: true, plan })]);
      return risky.length > 0
        ? `the plan deletes or replaces ${risky.length} protected resource(s); run again with --allow-destroy if that is intended\n${describe(risky)}`
        : undefined;
    },
    confirm: (review) => o.confirm(review),
    apply: (stack, plan) => applyStack(o.run, stack, plan.planFile),
    report: (event) =>
      o.report?.(
        event.type === "wave-planned"
          ? { ...event, plans: event.plans.map((p) => planOutcome(o, p)) }
          : event,
      ),
  });
  const unfinished = outcomes.filter((r) => r.status !== "applied" && r.status !== "unchanged");
  const noProviders = providersProblem(o.run);
  if (noProviders) throw noProviders;
  const noCredentials = credentialsError(
    unfinished.flatMap((u) => ("reason" in u && u.status === "failed" ? [u.reason] : [])),
  );
  if (noCredentials) throw noCredentials;
  if (unfinished.length > 0) {
    throw new BaselineError(
      "STACK_FAILED",
      `${unfinished.length} stack(s) did not finish: ${unfinished.map((u) => `${u.stack} (${u.status})`).join(", ")}`,
      {
        hint: "the reasons are listed above and each stack's log has terraform's output; fix the first failure, then run deploy again (applied stacks show no changes)",
      },
    );
  }
  return outcomes;
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
        return synthStacks(
          await loadConfigFor(o.answersFile, o.endpointUrl),
          o.outDir,
          o.run.signal,
        );
      },
      deploy: (stacks) => deployStacks(stacks, o),
      recordIds: () => recordIds(o),
    },
    o.stack,
  );
}
