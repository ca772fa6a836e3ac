/**
 * The stack plan: answers -> which stacks exist, for which account, in which regions, in which
 * order, and which must wait for values not known yet. The only place that knows the whole
 * organization. Pure data: no cdktf, so `validate` and the synth coordinator stay light.
 */
import { BILLING_REGION } from "../answers/regions.js";
import { allAccounts, type BaselineConfig, type ResolvedAccount } from "../answers/resolve.js";
import { stackName } from "../answers/names.js";

export type StackKind = "org" | "log-archive" | "org-trail" | "billing" | "baseline" | "network";

/** Kinds with one stack per account, named `<kind>-<account>`. */
export const PER_ACCOUNT_KINDS = ["baseline", "network"] as const satisfies readonly StackKind[];

/** The kind of a stack, recognised from its name (drift reports know stacks by name only). */
export function stackKindOf(name: string): StackKind | undefined {
  const single: Record<string, StackKind> = {
    [stackName.org]: "org",
    [stackName.logArchive]: "log-archive",
    [stackName.orgTrail]: "org-trail",
    [stackName.billing]: "billing",
  };
  if (Object.hasOwn(single, name)) return single[name];
  return PER_ACCOUNT_KINDS.find((kind) => {
    const prefix = stackName[kind]("");
    return name.startsWith(prefix) && name.length > prefix.length;
  });
}

export interface StackPlan {
  readonly name: string;
  readonly kind: StackKind;
  readonly account: ResolvedAccount;
  /** Regions the stack has providers in. */
  readonly regions: readonly string[];
  /** Stacks that must be applied first. */
  readonly dependsOn: readonly string[];
  /** Answers keys that are still unknown; the stack is synthesized only when this is empty. */
  readonly waitingFor: readonly string[];
}

export interface PendingStack {
  readonly name: string;
  readonly account: string;
  readonly waitingFor: readonly string[];
  readonly reason: string;
}

/** Member-account stacks assume a role by account ID, so they need the ID. */
function needsId(account: ResolvedAccount): string[] {
  return account.kind === "management" || account.accountId
    ? []
    : [`${account.answersPath}.accountId`];
}

/** Answers keys that are still unknown, for stacks that write these values into policies. */
function missing(values: Record<string, string | undefined>): string[] {
  return Object.entries(values).flatMap(([key, value]) => (value ? [] : [key]));
}

/** Every stack the answers ask for, in dependency order. */
export function planStacks(config: BaselineConfig): StackPlan[] {
  const home = [config.regions.home];
  const management = config.management;
  // Validation guarantees exactly one log-archive account.
  const logArchive = config.accounts.find((a) => a.kind === "log-archive") as ResolvedAccount;
  const plans: StackPlan[] = [
    {
      name: stackName.org,
      kind: "org",
      account: management,
      regions: home,
      dependsOn: [],
      waitingFor: [],
    },
    {
      name: stackName.logArchive,
      kind: "log-archive",
      account: logArchive,
      regions: home,
      dependsOn: [stackName.org],
      // The key and bucket policies name the management account, the organization and our trail.
      waitingFor: [
        ...needsId(logArchive),
        ...missing({
          "management.accountId": management.accountId,
          "organization.id": config.organization.id,
        }),
      ],
    },
    {
      name: stackName.orgTrail,
      kind: "org-trail",
      account: management,
      regions: home,
      dependsOn: [stackName.logArchive],
      // The trail writes to the log-archive bucket, whose name carries that account's ID.
      waitingFor: needsId(logArchive),
    },
    {
      name: stackName.billing,
      kind: "billing",
      account: management,
      regions: [BILLING_REGION],
      dependsOn: [stackName.org],
      // One alarm and budget per member account, by LinkedAccount ID.
      waitingFor: config.accounts.flatMap(needsId),
    },
  ];
  for (const account of allAccounts(config)) {
    plans.push({
      name: stackName.baseline(account.name),
      kind: "baseline",
      account,
      regions: config.regions.enabled,
      dependsOn: [stackName.org],
      waitingFor: needsId(account),
    });
  }
  for (const account of config.accounts) {
    if (!account.network) continue;
    plans.push({
      name: stackName.network(account.name),
      kind: "network",
      account,
      regions: home,
      dependsOn: [stackName.baseline(account.name)],
      waitingFor: needsId(account),
    });
  }
  return plans;
}

export function pendingStacks(plans: readonly StackPlan[]): PendingStack[] {
  return plans
    .filter((p) => p.waitingFor.length > 0)
    .map((p) => ({
      name: p.name,
      account: p.account.name,
      waitingFor: p.waitingFor,
      reason: `needs ${p.waitingFor.join(", ")}, known only after the org stack has created the accounts and the organization`,
    }));
}
