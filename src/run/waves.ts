/**
 * Deploy in waves. A stack can only be planned once what it depends on exists: `org-trail` reads
 * the trail key that `log-archive` creates, so planning it before `log-archive` is applied fails
 * on a new organization (and on real AWS alike). Wave N holds the stacks whose dependencies all
 * sit in earlier waves; each wave is planned, reviewed (one confirmation), then applied. A stack
 * whose plan fails, is refused or whose apply fails skips only the stacks that depend on it, with
 * the reason; the others go on. Steps are injected, so the schedule is tested without terraform.
 */
import { BaselineError } from "../errors.js";
import { mapLimit } from "../util/pool.js";
import { topologicalOrder, type Node } from "./terraform/order.js";

export type WaveOutcome =
  | { readonly stack: string; readonly status: "applied" | "unchanged" }
  | {
      readonly stack: string;
      /** failed: plan or apply failed; refused: the plan may not be applied; skipped: a dependency did not succeed. */
      readonly status: "failed" | "refused" | "skipped";
      readonly reason: string;
    };

/** One stack's plan within a wave: the plan, or why there is none. */
export type WavePlan<P> =
  | { readonly stack: string; readonly ok: true; readonly plan: P }
  | { readonly stack: string; readonly ok: false; readonly reason: string };

export interface WaveReview<P> {
  /** 1-based. */
  readonly wave: number;
  readonly waves: number;
  /** Every stack planned in this wave, including failed plans. */
  readonly plans: readonly WavePlan<P>[];
  /** The stacks that will be applied if confirmed. */
  readonly toApply: readonly string[];
}

export type WaveEvent<P> =
  | ({ readonly type: "wave-planned" } & WaveReview<P>)
  | {
      readonly type: "wave-done";
      readonly wave: number;
      readonly waves: number;
      readonly outcomes: readonly WaveOutcome[];
    };

export interface WaveSteps<P> {
  /** Plans one stack; throws when the plan fails. */
  plan(stack: string): Promise<P>;
  hasChanges(plan: P): boolean;
  /** Why this plan must not be applied (e.g. it deletes a protected resource), if it must not. */
  refuse?(stack: string, plan: P): string | undefined;
  /** Asked once per wave that has something to apply; false stops the deploy. */
  confirm(review: WaveReview<P>): Promise<boolean>;
  /** Applies one stack's saved plan; throws when the apply fails. */
  apply(stack: string, plan: P): Promise<void>;
  report?(event: WaveEvent<P>): void;
}

const SUCCEEDED = new Set(["applied", "unchanged"]);

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Stacks grouped into waves: each stack one wave after the latest of its (selected) dependencies. */
export function waves<N extends Node>(nodes: readonly N[]): N[][] {
  const selected = new Set(nodes.map((n) => n.name));
  const level = new Map<string, number>();
  const out: N[][] = [];
  for (const node of topologicalOrder(nodes)) {
    const deps = node.dependsOn.filter((d) => selected.has(d));
    const wave = deps.reduce((max, d) => Math.max(max, (level.get(d) ?? 0) + 1), 0);
    level.set(node.name, wave);
    (out[wave] ??= []).push(node);
  }
  return out;
}

/**
 * Plans, confirms and applies `nodes` wave by wave, at most `concurrency` stacks at once within a
 * wave. Returns one outcome per stack in dependency order; throws ABORTED when a confirmation is
 * declined (earlier waves stay applied, and the error says which).
 */
export async function runWaves<P>(
  nodes: readonly Node[],
  concurrency: number,
  steps: WaveSteps<P>,
): Promise<WaveOutcome[]> {
  const selected = new Set(nodes.map((n) => n.name));
  const outcomes = new Map<string, WaveOutcome>();
  const grouped = waves(nodes);
  for (const [index, wave] of grouped.entries()) {
    const number = index + 1;
    const ready: Node[] = [];
    for (const node of wave) {
      const blocked = node.dependsOn
        .filter((d) => selected.has(d))
        .map((d) => outcomes.get(d))
        .find((o) => o && !SUCCEEDED.has(o.status));
      if (!blocked) ready.push(node);
      else {
        const reason =
          blocked.status === "skipped"
            ? blocked.reason
            : `${blocked.stack} ${blocked.status === "refused" ? "was refused" : "failed"}, and ${node.name} depends on it`;
        outcomes.set(node.name, { stack: node.name, status: "skipped", reason });
      }
    }
    if (ready.length === 0) continue;

    const plans = await mapLimit(ready, concurrency, async (node): Promise<WavePlan<P>> => {
      try {
        return { stack: node.name, ok: true, plan: await steps.plan(node.name) };
      } catch (error) {
        return { stack: node.name, ok: false, reason: `plan failed: ${message(error)}` };
      }
    });
    const toApply: { stack: string; plan: P }[] = [];
    for (const p of plans) {
      if (!p.ok) {
        outcomes.set(p.stack, { stack: p.stack, status: "failed", reason: p.reason });
        continue;
      }
      const refusal = steps.refuse?.(p.stack, p.plan);
      if (refusal) outcomes.set(p.stack, { stack: p.stack, status: "refused", reason: refusal });
      else if (!steps.hasChanges(p.plan)) {
        outcomes.set(p.stack, { stack: p.stack, status: "unchanged" });
      } else toApply.push({ stack: p.stack, plan: p.plan });
    }
    const review = {
      wave: number,
      waves: grouped.length,
      plans,
      toApply: toApply.map((t) => t.stack),
    };
    steps.report?.({ type: "wave-planned", ...review });

    if (toApply.length > 0) {
      if (!(await steps.confirm(review))) {
        const applied = [...outcomes.values()].filter((o) => o.status === "applied");
        throw new BaselineError(
          "ABORTED",
          `stopped before applying wave ${number} of ${grouped.length}`,
          {
            hint:
              applied.length > 0
                ? `already applied: ${applied.map((o) => o.stack).join(", ")}; run deploy again to go on`
                : "nothing was applied",
          },
        );
      }
      await mapLimit(toApply, concurrency, async ({ stack, plan }) => {
        try {
          await steps.apply(stack, plan);
          outcomes.set(stack, { stack, status: "applied" });
        } catch (error) {
          outcomes.set(stack, {
            stack,
            status: "failed",
            reason: `apply failed: ${message(error)}`,
          });
        }
      });
    }
    steps.report?.({
      type: "wave-done",
      wave: number,
      waves: grouped.length,
      outcomes: wave.flatMap((n) => outcomes.get(n.name) ?? []),
    });
  }
  return topologicalOrder(nodes).flatMap((n) => outcomes.get(n.name) ?? []);
}
