/**
 * buildBaseline(): the stack plan -> cdktf stacks. Maps each planned stack kind to its stack
 * class; which stacks exist is decided in plan.ts.
 */
import { TerraformResource, type Construct, type TerraformStack } from "./cdk.js";
import type { BaselineConfig } from "../answers/resolve.js";
import {
  pendingStacks,
  planStacks,
  type PendingStack,
  type StackKind,
  type StackPlan,
} from "../plan/plan.js";
import { AccountBaselineStack } from "../account-defaults/baseline-stack.js";
import { BillingStack } from "../billing/billing-stack.js";
import { LogArchiveStack } from "../logging/log-archive-stack.js";
import { NetworkStack } from "../network/network-stack.js";
import { OrgStack } from "../organization/org-stack.js";
import { OrgTrailStack } from "../logging/org-trail-stack.js";

type Builder = (scope: Construct, plan: StackPlan, config: BaselineConfig) => TerraformStack;

/** Planned values are checked by planStacks (a stack is built only when nothing is waiting). */
const BUILDERS: Record<StackKind, Builder> = {
  org: (scope, plan, config) => new OrgStack(scope, plan.name, config),
  "log-archive": (scope, plan, config) =>
    new LogArchiveStack(scope, plan.name, config, {
      logArchive: plan.account,
      managementId: config.management.accountId as string,
      organizationId: config.organization.id as string,
    }),
  "org-trail": (scope, plan, config) => {
    const logArchive = config.accounts.find((a) => a.kind === "log-archive");
    return new OrgTrailStack(scope, plan.name, config, logArchive?.accountId as string);
  },
  billing: (scope, plan, config) => new BillingStack(scope, plan.name, config),
  baseline: (scope, plan, config) =>
    new AccountBaselineStack(scope, plan.name, config, plan.account),
  network: (scope, plan, config) => new NetworkStack(scope, plan.name, config, plan.account),
};

export interface BuiltStack extends Omit<StackPlan, "waitingFor"> {
  readonly resourceCount: number;
}

export interface BuiltBaseline {
  /** Built stacks, in dependency order. */
  readonly stacks: readonly BuiltStack[];
  readonly pending: readonly PendingStack[];
}

/**
 * Builds every planned stack whose inputs are known into `scope` (or only those named in
 * `only`, when synthesis is split across workers) and names the ones that must wait.
 */
export function buildBaseline(
  scope: Construct,
  config: BaselineConfig,
  only?: ReadonlySet<string>,
): BuiltBaseline {
  const plans = planStacks(config);
  const built = new Map<string, TerraformStack>();
  const stacks: BuiltStack[] = [];
  for (const { waitingFor, ...plan } of plans) {
    if (waitingFor.length > 0 || (only && !only.has(plan.name))) continue;
    const stack = BUILDERS[plan.kind](scope, { ...plan, waitingFor }, config);
    for (const dep of plan.dependsOn) {
      const other = built.get(dep);
      if (other) stack.addDependency(other);
    }
    built.set(plan.name, stack);
    const resourceCount = stack.node.findAll().filter((c) => c instanceof TerraformResource).length;
    stacks.push({ ...plan, resourceCount });
  }
  return { stacks, pending: pendingStacks(plans) };
}
