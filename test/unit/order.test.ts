/** Dependency order, bounded concurrency, and the first-run deploy phases. */
import { describe, expect, it } from "vitest";
import { deployFlow } from "../../src/run/deploy.js";
import { runInOrder, topologicalOrder, type Node } from "../../src/run/terraform/order.js";

const STACKS: Node[] = [
  { name: "network-dev", dependsOn: ["baseline-dev"] },
  { name: "baseline-dev", dependsOn: ["org"] },
  { name: "baseline-prod", dependsOn: ["org"] },
  { name: "org-trail", dependsOn: ["log-archive"] },
  { name: "log-archive", dependsOn: ["org"] },
  { name: "billing", dependsOn: ["org"] },
  { name: "org", dependsOn: [] },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs fake tasks and records start/end times and the most tasks ever in flight. */
async function trace(concurrency: number, fail: string[] = [], stopDownstream = true) {
  const events: string[] = [];
  let inFlight = 0;
  let peak = 0;
  const outcomes = await runInOrder(
    STACKS,
    concurrency,
    async (node) => {
      events.push(`start ${node.name}`);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep(node.name === "org" ? 20 : 5 + (node.name.length % 3) * 5);
      inFlight--;
      events.push(`end ${node.name}`);
      if (fail.includes(node.name)) throw new Error(`${node.name} broke`);
      return node.name;
    },
    { stopDownstream },
  );
  return { events, peak, outcomes };
}

describe("stack ordering", () => {
  it("a stack never starts before every stack it depends on has finished", async () => {
    const { events } = await trace(3);
    for (const node of STACKS) {
      for (const dep of node.dependsOn) {
        expect(events.indexOf(`end ${dep}`), `${dep} before ${node.name}`).toBeLessThan(
          events.indexOf(`start ${node.name}`),
        );
      }
    }
    expect(events.filter((e) => e.startsWith("start"))).toHaveLength(STACKS.length);
  });

  it("independent stacks run in parallel, never more than --concurrency at once", async () => {
    expect((await trace(1)).peak).toBe(1);
    expect((await trace(2)).peak).toBe(2);
    expect((await trace(3)).peak).toBe(3);
  });

  it("when a stack fails, apply skips everything downstream and says why", async () => {
    const { outcomes, events } = await trace(2, ["log-archive"]);
    const by = Object.fromEntries(outcomes.map((o) => [o.name, o]));
    expect(by["log-archive"]?.status).toBe("failed");
    expect(by["org-trail"]).toMatchObject({
      status: "skipped",
      reason: "log-archive did not succeed, and org-trail depends on it",
    });
    expect(events).not.toContain("start org-trail");
    expect(by["baseline-dev"]?.status).toBe("done");
  });

  it("read-only runs (plan, drift) still check what depends on a failed stack", async () => {
    const { outcomes } = await trace(2, ["org"], false);
    expect(outcomes.filter((o) => o.status === "done")).toHaveLength(STACKS.length - 1);
  });

  it("orders topologically and rejects cycles", () => {
    expect(topologicalOrder(STACKS).map((n) => n.name)).toEqual([
      "org",
      "baseline-dev",
      "network-dev",
      "baseline-prod",
      "log-archive",
      "org-trail",
      "billing",
    ]);
    expect(() =>
      topologicalOrder([
        { name: "a", dependsOn: ["b"] },
        { name: "b", dependsOn: ["a"] },
      ]),
    ).toThrow(/cycle: a -> b -> a/);
  });
});

describe("first deploy on a new organization", () => {
  function fakeSteps(idsKnownAfterSync: boolean) {
    const calls: string[] = [];
    let synced = false;
    return {
      calls,
      steps: {
        synth: async () => {
          calls.push("synth");
          const ready = synced && idsKnownAfterSync;
          return {
            stacks: ready ? STACKS : STACKS.filter((s) => s.name === "org"),
            pending: ready
              ? []
              : [
                  {
                    name: "baseline-dev",
                    account: "dev",
                    waitingFor: ["accounts[0].accountId"],
                    reason: "needs IDs",
                  },
                ],
          };
        },
        deploy: async (stacks: readonly Node[]) => {
          calls.push(`deploy ${stacks.map((s) => s.name).join(",")}`);
          return stacks.map((s) => ({ stack: s.name, status: "applied" as const }));
        },
        recordIds: async () => {
          calls.push("record IDs");
          synced = true;
        },
      },
    };
  }

  it("applies org, records the new IDs, synthesizes again, then deploys the member stacks", async () => {
    const { calls, steps } = fakeSteps(true);
    const result = await deployFlow(steps);
    expect(calls).toEqual([
      "synth",
      "deploy org",
      "record IDs",
      "synth",
      `deploy ${STACKS.map((s) => s.name).join(",")}`,
    ]);
    expect(result.phases[0]).toEqual(["org"]);
    expect(result.pending).toEqual([]);
  });

  it("is one phase when every ID is already known", async () => {
    const { calls, steps } = fakeSteps(true);
    await steps.recordIds(); // IDs recorded earlier
    calls.length = 0;
    const result = await deployFlow(steps);
    expect(calls).toEqual(["synth", `deploy ${STACKS.map((s) => s.name).join(",")}`]);
    expect(result.phases).toHaveLength(1);
  });

  it("reports stacks still waiting when Organizations does not have the IDs yet", async () => {
    const { steps } = fakeSteps(false);
    const result = await deployFlow(steps);
    expect(result.pending.map((p) => p.name)).toEqual(["baseline-dev"]);
  });
});
