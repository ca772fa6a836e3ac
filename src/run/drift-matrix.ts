/**
 * Drift is read-only, so dependency order does not matter and stacks can be checked in parallel
 * CI jobs. The matrix groups the ready stacks by account (an account's stacks share its
 * credentials and provider downloads) and folds accounts together when there would be more
 * jobs than `maxJobs`, so a large organization still fits GitHub's matrix limit.
 */
import type { StackPlan } from "../plan/plan.js";

export interface DriftJob {
  /** Job label: the account, or `part-<n>` when accounts are folded together. */
  readonly group: string;
  /** Space-separated stack names (one `--stack` each). */
  readonly stacks: string;
}

export interface DriftMatrix {
  readonly include: readonly DriftJob[];
}

/** GitHub Actions allows at most 256 jobs per matrix. */
export const MAX_MATRIX_JOBS = 256;

export function driftMatrix(plans: readonly StackPlan[], maxJobs = 32): DriftMatrix {
  const limit = Math.max(1, Math.min(maxJobs, MAX_MATRIX_JOBS));
  const byAccount = new Map<string, string[]>();
  for (const plan of plans) {
    if (!plan.build) continue; // waiting stacks are not synthesized, so there is nothing to plan
    // The access stacks run as the break-glass role; scheduled drift must not raise its alarm.
    if (plan.kind === "access") continue;
    const names = byAccount.get(plan.account.name) ?? [];
    names.push(plan.name);
    byAccount.set(plan.account.name, names);
  }
  const accounts = [...byAccount.entries()];
  if (accounts.length <= limit) {
    return {
      include: accounts.map(([account, names]) => ({ group: account, stacks: names.join(" ") })),
    };
  }
  // Round-robin keeps each part's size within one account of the others.
  const parts = Array.from({ length: limit }, () => [] as string[]);
  accounts.forEach(([, names], i) => parts[i % limit]?.push(...names));
  return {
    include: parts.map((names, i) => ({ group: `part-${i + 1}`, stacks: names.join(" ") })),
  };
}
