/**
 * What a set of answers will build, shown before anything is written: accounts, stacks with
 * their resource counts, the fixed network cost and the manual steps. Stacks that wait for
 * account IDs are counted by building them in memory with stand-in IDs; nothing is written.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BaselineConfig, ResolvedAccount } from "../answers/resolve.js";
import { manualSteps } from "../plan/manual-steps.js";
import { organizationNetworkCost, type OrganizationNetworkCost } from "../network/cost.js";
import { planStacks } from "../plan/plan.js";

export interface ProjectSummary {
  readonly accounts: readonly { name: string; kind: string; email?: string; ou?: string }[];
  readonly stacks: readonly {
    name: string;
    account: string;
    resources: number;
    waitingFor: readonly string[];
  }[];
  readonly networkCost: OrganizationNetworkCost;
  readonly manualSteps: readonly string[];
}

/** The config with stand-in IDs wherever one is unknown, only for counting resources. */
function withStandInIds(config: BaselineConfig): BaselineConfig {
  let next = 100000000001;
  const fill = (a: ResolvedAccount): ResolvedAccount =>
    a.accountId ? a : { ...a, accountId: String(next++) };
  return {
    ...config,
    organization: { ...config.organization, id: config.organization.id ?? "o-standin0000" },
    management: fill(config.management),
    accounts: config.accounts.map(fill),
  };
}

export async function summarize(config: BaselineConfig): Promise<ProjectSummary> {
  const { App, withoutTokenStackTraces } = await import("../build/cdk.js");
  const { buildBaseline } = await import("../build/app.js");
  const outdir = await mkdtemp(join(tmpdir(), "aws-baseline-summary-"));
  try {
    const app = new App({ outdir, stackTraces: false });
    const built = withoutTokenStackTraces(() => buildBaseline(app, withStandInIds(config)));
    const counts = new Map(built.stacks.map((s) => [s.name, s.resourceCount]));
    return {
      accounts: [config.management, ...config.accounts].map((a) => ({
        name: a.name,
        kind: a.kind,
        email: a.email,
        ou: a.ou,
      })),
      stacks: planStacks(config).map((p) => ({
        name: p.name,
        account: p.account.name,
        resources: counts.get(p.name) ?? 0,
        waitingFor: p.waitingFor,
      })),
      networkCost: organizationNetworkCost(config.accounts),
      manualSteps: manualSteps(config),
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}
