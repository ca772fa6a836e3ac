/**
 * buildBaseline(): answers -> stacks. The only place that knows the whole organization: which
 * stacks exist, for which account, in which order, and which must wait for an account ID.
 */
import { TerraformResource, type Construct, type TerraformStack } from "./cdk.js";
import { allAccounts, type BaselineConfig, type ResolvedAccount } from "./config/resolve.js";
import { stackName } from "./names.js";
import { AccountBaselineStack } from "../stacks/account-baseline-stack.js";
import { NetworkStack } from "../stacks/network-stack.js";
import { OrgStack } from "../stacks/org-stack.js";

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
        reason: `the ID of account "${spec.account.name}" is unknown until the org stack has created it; record it at ${waitingFor.join(", ")}`,
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
