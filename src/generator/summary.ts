/**
 * What a set of answers will build, shown before anything is written: accounts, stacks with
 * their resource counts, the fixed network cost, the detective services' cost range and the
 * manual steps. Stacks that wait for account IDs are counted by building them in memory with
 * stand-in IDs; nothing is written.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BaselineConfig, ResolvedAccount } from "../answers/resolve.js";
import { estimateDetectiveCost, type DetectiveCost } from "../detective/cost.js";
import { manualSteps } from "../plan/manual-steps.js";
import { organizationNetworkCost, type OrganizationNetworkCost } from "../network/cost.js";
import { planStacks } from "../plan/plan.js";

export interface ProjectSummary {
  readonly accounts: readonly { name: string; kind: string; email?: string; ou?: string }[];
  readonly stacks: readonly {
    name: string;
    account: string;
    resources: number;
    /** Answers keys the stack waits for (synthesized after the first deploy when not empty). */
    waitingFor: readonly string[];
  }[];
  /**
   * What the first deploy fills in before the waiting stacks can be synthesized, in words:
   * "the organization ID and the account IDs of management and log-archive". Absent when no
   * stack waits.
   */
  readonly filledInByFirstDeploy?: string;
  readonly networkCost: OrganizationNetworkCost;
  /** Estimated monthly range of the detective services that are switched on. */
  readonly detectiveCost: DetectiveCost;
  readonly manualSteps: readonly string[];
}

/** "a, b and c" */
function listInWords(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items.at(-1) as string}`;
}

/**
 * Answers keys that wait for the first deploy, in the user's words: `organization.id` is "the
 * organization ID", `accounts[0].accountId` "the account ID of log-archive".
 */
export function idsInWords(paths: readonly string[], config: BaselineConfig): string {
  const accounts = [config.management, ...config.accounts];
  const names: string[] = [];
  const other: string[] = [];
  let organization = false;
  for (const path of new Set(paths)) {
    const account = accounts.find((a) => path === `${a.answersPath}.accountId`);
    if (path === "organization.id") organization = true;
    else if (account) names.push(account.name);
    else other.push(path);
  }
  // Accounts in answers order, the management account first.
  names.sort(
    (a, b) => accounts.findIndex((x) => x.name === a) - accounts.findIndex((x) => x.name === b),
  );
  const parts = [
    ...(organization ? ["the organization ID"] : []),
    ...(names.length === 1 ? [`the account ID of ${names[0] as string}`] : []),
    ...(names.length > 1 ? [`the account IDs of ${listInWords(names)}`] : []),
    ...other,
  ];
  return listInWords(parts);
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
    const plans = planStacks(config);
    const waiting = plans.flatMap((p) => p.waitingFor);
    return {
      accounts: [config.management, ...config.accounts].map((a) => ({
        name: a.name,
        kind: a.kind,
        email: a.email,
        ou: a.ou,
      })),
      stacks: plans.map((p) => ({
        name: p.name,
        account: p.account.name,
        resources: counts.get(p.name) ?? 0,
        waitingFor: p.waitingFor,
      })),
      ...(waiting.length > 0 ? { filledInByFirstDeploy: idsInWords(waiting, config) } : {}),
      networkCost: organizationNetworkCost(config.accounts, config.regions.home),
      detectiveCost: estimateDetectiveCost(config),
      manualSteps: manualSteps(config),
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}
