/**
 * One drift report from many CI jobs: each job writes `aws-baseline drift --json`; this merges
 * them into one list of results and one exit code. A stack the matrix assigned to a job that left
 * no result (failed, cancelled, timed out) is "unchecked", never silently missing.
 */
import { BaselineError } from "../errors.js";
import type { PendingStack } from "../plan/plan.js";
import type { DriftMatrix } from "./drift-matrix.js";
import { driftExitCode, type DriftResult } from "./terraform/operations.js";

export interface MergedDrift {
  readonly exitCode: 0 | 1 | 2;
  readonly stacks: readonly DriftResult[];
  readonly pending: readonly PendingStack[];
}

interface DriftJson {
  readonly stacks?: unknown;
  readonly pending?: unknown;
}

const STATUSES = new Set(["in-sync", "drifted", "unchecked"]);

function isResult(value: unknown): value is DriftResult {
  const r = value as { stack?: unknown; status?: unknown } | null;
  return typeof r?.stack === "string" && STATUSES.has(String(r.status));
}

/** Merges parsed `drift --json` outputs (`source` names each for messages). */
export function mergeDriftReports(
  reports: readonly { readonly source: string; readonly json: unknown }[],
  expected?: DriftMatrix,
): MergedDrift {
  const byStack = new Map<string, DriftResult>();
  const pending = new Map<string, PendingStack>();
  for (const { source, json } of reports) {
    const report = json as DriftJson | null;
    if (!report || !Array.isArray(report.stacks) || !report.stacks.every(isResult)) {
      throw new BaselineError(
        "DRIFT_REPORT_INVALID",
        `${source} is not an aws-baseline drift --json report`,
        {
          hint: "pass the files written by `aws-baseline drift --json > drift-<job>.json`",
        },
      );
    }
    for (const result of report.stacks) byStack.set(result.stack, result);
    for (const p of (Array.isArray(report.pending) ? report.pending : []) as PendingStack[]) {
      pending.set(p.name, p);
    }
  }
  for (const job of expected?.include ?? []) {
    for (const stack of job.stacks.split(" ").filter(Boolean)) {
      if (byStack.has(stack)) continue;
      byStack.set(stack, {
        stack,
        status: "unchecked",
        reason: `no result from CI job "${job.group}" (it failed, was cancelled or timed out): see that job's log`,
        logFile: "",
      });
    }
  }
  const stacks = [...byStack.values()].sort((a, b) => a.stack.localeCompare(b.stack));
  return { exitCode: driftExitCode(stacks), stacks, pending: [...pending.values()] };
}
