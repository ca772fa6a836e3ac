/**
 * buildBaseline(): answers -> stacks. The only place that knows the whole organization: which
 * stacks exist, for which account, in which order, and which must wait for an account ID.
 */
import { TerraformResource, type Construct, type TerraformStack } from "./cdk.js";
import { allAccounts, type BaselineConfig, type ResolvedAccount } from "./config/resolve.js";
import { BILLING_REGION } from "./config/regions.js";
import { stackName } from "./names.js";
import { AccountBaselineStack } from "../stacks/account-baseline-stack.js";
import { BillingStack } from "../stacks/billing-stack.js";
import { LogArchiveStack } from "../stacks/log-archive-stack.js";
import { NetworkStack } from "../stacks/network-stack.js";
import { OrgStack } from "../stacks/org-stack.js";
import { OrgTrailStack } from "../stacks/org-trail-stack.js";

/** What a stack is, before it is built. */
export interface StackSpec {
  readonly name: string;
  readonly account: ResolvedAccount;
  /** Regions the stack has providers in. */
  readonly regions: readonly string[];
  /** Stacks that must be applied first. */
  readonly dependsOn: readonly string[];
  /** Answers keys that are still unknown; the stack is synthesized only when this is empty. */
  readonly waitingFor: readonly string[];
  readonly build: (scope: Construct) => TerraformStack;
}

export interface PendingStack {
  readonly name: string;
  readonly account: string;
  readonly waitingFor: readonly string[];
  readonly reason: string;
}

export interface BuiltStack extends Omit<StackSpec, "build" | "waitingFor"> {
  readonly resourceCount: number;
}

export interface BuiltBaseline {
  /** Built stacks, in dependency order. */
  readonly stacks: readonly BuiltStack[];
  readonly pending: readonly PendingStack[];
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
export function stackSpecs(config: BaselineConfig): StackSpec[] {
  const specs: StackSpec[] = [
    {
      name: stackName.org,
      account: config.management,
      regions: [config.regions.home],
      dependsOn: [],
      waitingFor: [],
      build: (scope) => new OrgStack(scope, stackName.org, config),
    },
  ];
  // Validation guarantees exactly one log-archive account.
  const logArchive = config.accounts.find((a) => a.kind === "log-archive") as ResolvedAccount;
  const managementId = config.management.accountId;
  const organizationId = config.organization.id;
  specs.push(
    {
      name: stackName.logArchive,
      account: logArchive,
      regions: [config.regions.home],
      dependsOn: [stackName.org],
      // The key and bucket policies name the management account, the organization and our trail.
      waitingFor: [
        ...needsId(logArchive),
        ...missing({ "management.accountId": managementId, "organization.id": organizationId }),
      ],
      build: (scope) =>
        new LogArchiveStack(scope, stackName.logArchive, config, {
          logArchive,
          managementId: managementId as string,
          organizationId: organizationId as string,
        }),
    },
    {
      name: stackName.orgTrail,
      account: config.management,
      regions: [config.regions.home],
      dependsOn: [stackName.logArchive],
      // The trail writes to the log-archive bucket, whose name carries that account's ID.
      waitingFor: needsId(logArchive),
      build: (scope) =>
        new OrgTrailStack(scope, stackName.orgTrail, config, logArchive.accountId as string),
    },
    {
      name: stackName.billing,
      account: config.management,
      regions: [BILLING_REGION],
      dependsOn: [stackName.org],
      // One alarm and budget per member account, by LinkedAccount ID.
      waitingFor: config.accounts.flatMap(needsId),
      build: (scope) => new BillingStack(scope, stackName.billing, config),
    },
  );
  for (const account of allAccounts(config)) {
    const name = stackName.baseline(account.name);
    specs.push({
      name,
      account,
      regions: config.regions.enabled,
      dependsOn: [stackName.org],
      waitingFor: needsId(account),
      build: (scope) => new AccountBaselineStack(scope, name, config, account),
    });
  }
  for (const account of config.accounts) {
    if (!account.network) continue;
    const name = stackName.network(account.name);
    specs.push({
      name,
      account,
      regions: [config.regions.home],
      dependsOn: [stackName.baseline(account.name)],
      waitingFor: needsId(account),
      build: (scope) => new NetworkStack(scope, name, config, account),
    });
  }
  return specs;
}

/** Builds every stack whose inputs are known into `scope` and names the ones that must wait. */
export function buildBaseline(scope: Construct, config: BaselineConfig): BuiltBaseline {
  const built = new Map<string, TerraformStack>();
  const stacks: BuiltStack[] = [];
  const pending: PendingStack[] = [];
  for (const { build, waitingFor, ...spec } of stackSpecs(config)) {
    if (waitingFor.length > 0) {
      pending.push({
        name: spec.name,
        account: spec.account.name,
        waitingFor,
        reason: `needs ${waitingFor.join(", ")}, known only after the org stack has created the accounts and the organization`,
      });
      continue;
    }
    const stack = build(scope);
    for (const dep of spec.dependsOn) {
      const other = built.get(dep);
      if (other) stack.addDependency(other);
    }
    built.set(spec.name, stack);
    const resourceCount = stack.node.findAll().filter((c) => c instanceof TerraformResource).length;
    stacks.push({ ...spec, resourceCount });
  }
  return { stacks, pending };
}
