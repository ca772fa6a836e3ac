/**
 * Deploy waves: a stack is planned only after everything it depends on has been applied (or had
 * no changes) in this run; a failure skips only the stacks that depend on it.
 */
import { describe, expect, it } from "vitest";
import type { Node } from "../../src/run/terraform/order.js";
import { runWaves, waves, type WaveSteps } from "../../src/run/waves.js";

const ACME: Node[] = [
  { name: "org", dependsOn: [] },
  { name: "log-archive", dependsOn: ["org"] },
  { name: "org-trail", dependsOn: ["log-archive"] },
  { name: "billing", dependsOn: ["org"] },
  { name: "baseline-dev", dependsOn: ["org"] },
  { name: "network-dev", dependsOn: ["baseline-dev"] },
  { name: "baseline-prod", dependsOn: ["org"] },
  { name: "network-prod", dependsOn: ["baseline-prod"] },
];

interface FakePlan {
  readonly stack: string;
  readonly changes: boolean;
}

/** Steps that record the order of plans and applies, with planned failures. */
function fakeSteps(
  o: {
    failPlan?: string[];
    failApply?: string[];
    refuse?: string[];
    unchanged?: string[];
    decline?: number;
  } = {},
) {
  const log: string[] = [];
  const applied = new Set<string>();
  const confirmed: number[] = [];
  const steps: WaveSteps<FakePlan> = {
    plan: async (stack) => {
      // A stack's plan reads what its dependencies created: it fails unless they exist.
      const node = ACME.find((n) => n.name === stack) as Node;
      for (const dep of node.dependsOn) {
        if (!applied.has(dep)) throw new Error(`couldn't find resource created by ${dep}`);
      }
      log.push(`plan ${stack}`);
      if (o.failPlan?.includes(stack)) throw new Error("provider error");
      return { stack, changes: !o.unchanged?.includes(stack) };
    },
    hasChanges: (plan) => plan.changes,
    refuse: (stack) => (o.refuse?.includes(stack) ? "deletes a protected bucket" : undefined),
    confirm: async (review) => {
      confirmed.push(review.wave);
      return review.wave !== o.decline;
    },
    apply: async (stack) => {
      log.push(`apply ${stack}`);
      if (o.failApply?.includes(stack)) throw new Error("apply error");
      applied.add(stack);
    },
  };
  // An unchanged stack exists already (nothing to apply).
  for (const stack of o.unchanged ?? []) applied.add(stack);
  return { log, steps, confirmed };
}

describe("deploy waves", () => {
  it("groups stacks one wave after the latest of their dependencies", () => {
    expect(waves(ACME).map((w) => w.map((n) => n.name))).toEqual([
      ["org"],
      ["log-archive", "billing", "baseline-dev", "baseline-prod"],
      ["org-trail", "network-dev", "network-prod"],
    ]);
  });

  it("a new organization goes from nothing to every stack applied: each plan after its dependencies' apply", async () => {
    const { log, steps, confirmed } = fakeSteps();
    const outcomes = await runWaves(ACME, 2, steps);
    expect(outcomes.every((o) => o.status === "applied")).toBe(true);
    expect(log.indexOf("plan org-trail")).toBeGreaterThan(log.indexOf("apply log-archive"));
    expect(log.indexOf("plan network-dev")).toBeGreaterThan(log.indexOf("apply baseline-dev"));
    expect(confirmed).toEqual([1, 2, 3]); // one confirmation per wave
  });

  it("a failed plan skips only the stacks that depend on it; the others are applied", async () => {
    const { steps } = fakeSteps({ failPlan: ["log-archive"] });
    const outcomes = await runWaves(ACME, 2, steps);
    const status = Object.fromEntries(outcomes.map((o) => [o.stack, o.status]));
    expect(status).toMatchObject({
      org: "applied",
      "log-archive": "failed",
      "org-trail": "skipped",
      billing: "applied",
      "network-dev": "applied",
      "network-prod": "applied",
    });
    const trail = outcomes.find((o) => o.stack === "org-trail");
    expect(trail && "reason" in trail && trail.reason).toContain("log-archive failed");
  });

  it("a failed apply skips its dependents, transitively naming the first failure", async () => {
    const { steps } = fakeSteps({ failApply: ["baseline-dev"] });
    const outcomes = await runWaves(ACME, 1, steps);
    const net = outcomes.find((o) => o.stack === "network-dev");
    expect(net).toMatchObject({ status: "skipped" });
    expect(net && "reason" in net && net.reason).toContain("baseline-dev failed");
    expect(outcomes.find((o) => o.stack === "network-prod")?.status).toBe("applied");
  });

  it("a refused plan (protected delete) is not applied, and its dependents are skipped", async () => {
    const { log, steps } = fakeSteps({ refuse: ["log-archive"] });
    const outcomes = await runWaves(ACME, 2, steps);
    expect(log).not.toContain("apply log-archive");
    expect(outcomes.find((o) => o.stack === "log-archive")?.status).toBe("refused");
    expect(outcomes.find((o) => o.stack === "org-trail")?.status).toBe("skipped");
    expect(outcomes.find((o) => o.stack === "billing")?.status).toBe("applied");
  });

  it("a wave without changes asks nothing; declining a wave stops with what was applied", async () => {
    const quiet = fakeSteps({ unchanged: ["org"] });
    await runWaves(ACME, 2, quiet.steps);
    expect(quiet.confirmed).toEqual([2, 3]);

    const declined = fakeSteps({ decline: 2 });
    await expect(runWaves(ACME, 2, declined.steps)).rejects.toMatchObject({
      code: "ABORTED",
      hint: expect.stringContaining("already applied: org"),
    });
    expect(declined.log.filter((l) => l.startsWith("apply"))).toEqual(["apply org"]);
  });
});
