/**
 * Plan, deploy and drift over many stacks: the runner's steps in dependency order with bounded
 * concurrency, turned into typed per-stack results. Nothing here prints; progress goes through
 * the runner's step events.
 */
import { isResource } from "../../controls/control.js";
import { CONTROLS } from "../../controls/registry.js";
import { stackKindOf } from "../../plan/plan.js";
import { BaselineError } from "../../errors.js";
import { driftChanges, type DriftChange } from "./drift.js";
export type { DriftChange, DriftSource } from "./drift.js";
import { runInOrder, type Node, type Outcome } from "./order.js";
import type { ChangeAction, PlanCounts, ResourceChange } from "./plan-json.js";
import {
  credentialsError,
  initStack,
  logFile,
  planStack,
  providersProblem,
  StepFailed,
  type RunnerOptions,
  type SavedPlan,
} from "./runner.js";

export interface RunOptions extends RunnerOptions {
  /** Stacks in flight at once. */
  readonly concurrency: number;
}

function reasonOf(error: unknown): string {
  if (error instanceof StepFailed) return `${error.step} failed: ${error.detail}`;
  return (error as Error)?.message ?? String(error);
}

// ---- plan -------------------------------------------------------------------------------------

export type StackPlanOutcome =
  | {
      readonly stack: string;
      readonly status: "planned";
      readonly hasChanges: boolean;
      readonly counts: PlanCounts;
      readonly changes: readonly ResourceChange[];
      readonly planFile: string;
      readonly logFile: string;
    }
  | {
      readonly stack: string;
      readonly status: "failed";
      readonly reason: string;
      readonly logFile: string;
    };

/** A stack's saved plan (or why there is none) as the typed result plan and deploy report. */
export function stackPlanOutcome(
  options: RunnerOptions,
  stack: string,
  result: { readonly plan: SavedPlan } | { readonly reason: string },
): StackPlanOutcome {
  const log = logFile(options, stack);
  if ("reason" in result) return { stack, status: "failed", reason: result.reason, logFile: log };
  const { plan, hasChanges, planFile } = result.plan;
  return {
    stack,
    status: "planned",
    hasChanges,
    counts: plan.counts,
    changes: plan.changes,
    planFile,
    logFile: log,
  };
}

function planOutcome(options: RunOptions, outcome: Outcome<SavedPlan>): StackPlanOutcome {
  if (outcome.status === "done")
    return stackPlanOutcome(options, outcome.name, { plan: outcome.value });
  const reason = outcome.status === "failed" ? reasonOf(outcome.error) : outcome.reason;
  return stackPlanOutcome(options, outcome.name, { reason });
}

/** init + plan (saved) + show for every stack; failures do not stop the others. */
export async function planAll(
  stacks: readonly Node[],
  options: RunOptions,
): Promise<StackPlanOutcome[]> {
  const outcomes = await runInOrder(
    stacks,
    options.concurrency,
    async (node) => {
      await initStack(options, node.name);
      return planStack(options, node.name);
    },
    { stopDownstream: false },
  );
  const problem = providersProblem(options);
  if (problem) throw problem;
  return outcomes.map((o) => planOutcome(options, o));
}

// ---- protection -------------------------------------------------------------------------------

/** Resources whose deletion loses the organization's history or its accounts, or unlocks it. */
export const PROTECTED_TYPES: Readonly<Record<string, string>> = {
  aws_organizations_organization: "the organization",
  aws_organizations_account: "an AWS account",
  aws_cloudtrail: "the organization trail",
  aws_s3_bucket: "a log bucket",
  aws_kms_key: "a KMS key (data encrypted with it becomes unreadable)",
  aws_s3_bucket_object_lock_configuration:
    "the trail bucket's Object Lock retention (new log files would no longer be locked)",
};

/** What to do instead, for protected changes that have a safer way (shown under the change). */
const PROTECTED_ADVICE: Readonly<Record<string, (change: ResourceChange) => string | undefined>> = {
  aws_s3_bucket_object_lock_configuration: (change) =>
    change.action === "delete"
      ? "S3 never switches Object Lock off again; this only removes the default retention. To keep log files locked, set cloudtrail.objectLock.enabled back to true."
      : undefined,
};

export interface ProtectedChange {
  readonly stack: string;
  readonly address: string;
  readonly action: ChangeAction;
  readonly what: string;
  /** A safer way to get what the change is after, when there is one. */
  readonly advice?: string;
}

/** Throws STACK_FAILED when any stack's plan failed (the log files have the details). */
export function checkPlans(plans: readonly StackPlanOutcome[]): void {
  const failed = plans.filter((p) => p.status === "failed");
  const noCredentials = credentialsError(failed.map((f) => f.reason));
  if (noCredentials) throw noCredentials;
  if (failed.length > 0) {
    throw new BaselineError(
      "STACK_FAILED",
      `plan failed for ${failed.map((f) => f.stack).join(", ")}`,
      {
        hint: "the full terraform output is in each stack's log file (listed above)",
      },
    );
  }
}

/** Deletes and replacements of protected resources in a set of plans. */
export function protectedChanges(plans: readonly StackPlanOutcome[]): ProtectedChange[] {
  return plans.flatMap((p) =>
    p.status !== "planned"
      ? []
      : p.changes.flatMap((c) => {
          const what = PROTECTED_TYPES[c.type];
          if (!what || !c.destroys) return [];
          const advice = PROTECTED_ADVICE[c.type]?.(c);
          return [
            {
              stack: p.stack,
              address: c.address,
              action: c.action,
              what,
              ...(advice ? { advice } : {}),
            },
          ];
        }),
  );
}

/** Protected deletes as plain lines, each with its advice (a renderer can replace this). */
export function describeProtected(changes: readonly ProtectedChange[]): string {
  return changes
    .map(
      (p) =>
        `  ${p.action} ${p.stack}: ${p.address} (${p.what})${p.advice ? `\n    ${p.advice}` : ""}`,
    )
    .join("\n");
}

/**
 * Throws PROTECTED_DESTROY when the plans delete or replace a protected resource, unless the
 * caller allowed it. `describe` renders the list for the hint.
 */
export function checkProtected(
  plans: readonly StackPlanOutcome[],
  allowDestroy: boolean,
  describe: (changes: readonly ProtectedChange[]) => string = describeProtected,
): ProtectedChange[] {
  const risky = protectedChanges(plans);
  if (risky.length > 0 && !allowDestroy) {
    throw new BaselineError(
      "PROTECTED_DESTROY",
      `the plan deletes or replaces ${risky.length} protected resource(s); nothing was applied`,
      { hint: `${describe(risky)}\nIf that is really intended, run again with --allow-destroy.` },
    );
  }
  return risky;
}

// ---- drift ------------------------------------------------------------------------------------

export type DriftResult =
  | { readonly stack: string; readonly status: "in-sync"; readonly logFile: string }
  | {
      readonly stack: string;
      readonly status: "drifted";
      readonly changes: readonly DriftChange[];
      readonly logFile: string;
    }
  | {
      readonly stack: string;
      readonly status: "unchecked";
      readonly reason: string;
      readonly logFile: string;
    };

/**
 * Registry controls a resource implements: the stack's kind (from its name), then the resource's
 * Terraform type and construct id as each control declares them.
 */
export function controlsFor(
  stack: string,
  change: Pick<ResourceChange, "type" | "address">,
): string[] {
  const kind = stackKindOf(stack);
  if (!kind) return [];
  return CONTROLS.filter(
    (control) =>
      control.stacks.includes(kind) && control.resources.some((r) => isResource(r, change)),
  ).map((control) => control.id);
}

/**
 * One plan per stack (init is skipped when current, show runs only when there are changes):
 * in sync exactly when the plan has nothing to do.
 */
async function driftOfStack(options: RunOptions, stack: string): Promise<DriftResult> {
  const log = logFile(options, stack);
  await initStack(options, stack);
  const planned = await planStack(options, stack, { lock: false });
  if (planned.plan.errored) throw new StepFailed(stack, "plan", "the plan errored", log);
  const changes: DriftChange[] = driftChanges(planned.plan).map((c) => ({
    ...c,
    controls: controlsFor(stack, c),
  }));
  return changes.length > 0
    ? { stack, status: "drifted", changes, logFile: log }
    : { stack, status: "in-sync", logFile: log };
}

/** Drift of every stack: typed, and an error is "unchecked", never "in sync". */
export async function driftAll(
  stacks: readonly Node[],
  options: RunOptions,
): Promise<DriftResult[]> {
  const outcomes = await runInOrder(
    stacks,
    options.concurrency,
    (node) => driftOfStack(options, node.name),
    { stopDownstream: false },
  );
  const problem = providersProblem(options);
  if (problem) throw problem;
  return outcomes.map((o): DriftResult => {
    if (o.status === "done") return o.value;
    const reason = o.status === "failed" ? reasonOf(o.error) : o.reason;
    return { stack: o.name, status: "unchecked", reason, logFile: logFile(options, o.name) };
  });
}

/** 0 in sync, 2 drift, 1 when any stack could not be checked (an error is never "no drift"). */
export function driftExitCode(results: readonly DriftResult[]): 0 | 1 | 2 {
  if (results.some((r) => r.status === "unchecked")) return 1;
  return results.some((r) => r.status === "drifted") ? 2 : 0;
}
