/**
 * The stack plan -> cdktf stacks. Maps each planned stack kind to its stack class and hands it
 * the target and props the plan computed; which stacks exist is decided in src/plan.
 */
import { literalStrings, TerraformResource, type Construct, type TerraformStack } from "./cdk.js";
import type { BaselineConfig } from "../answers/resolve.js";
import {
  pendingStacks,
  planStacks,
  type PendingStack,
  type StackBuild,
  type StackKind,
  type StackPlan,
  type StackPropsByKind,
  type StackTarget,
} from "../plan/plan.js";
import { AccountBaselineStack } from "../account-defaults/baseline-stack.js";
import { BillingStack } from "../billing/billing-stack.js";
import { LogArchiveStack } from "../logging/log-archive-stack.js";
import { NetworkStack } from "../network/network-stack.js";
import { AccessStack } from "../organization/access-stack.js";
import { IdentityCenterStack } from "../identity/identity-center-stack.js";
import { OrgStack } from "../organization/org-stack.js";
import { OrgTrailStack } from "../logging/org-trail-stack.js";
import { SecurityToolingStack } from "../detective/security-tooling-stack.js";

type StackClass<K extends StackKind> = new (
  scope: Construct,
  name: string,
  target: StackTarget,
  props: StackPropsByKind[K],
) => TerraformStack;

const STACKS: { readonly [K in StackKind]: StackClass<K> } = {
  org: OrgStack,
  access: AccessStack,
  "log-archive": LogArchiveStack,
  "org-trail": OrgTrailStack,
  billing: BillingStack,
  baseline: AccountBaselineStack,
  network: NetworkStack,
  "identity-center": IdentityCenterStack,
  "security-tooling": SecurityToolingStack,
};

function construct<K extends StackKind>(
  scope: Construct,
  name: string,
  build: Extract<StackBuild, { kind: K }>,
): TerraformStack {
  const Stack = STACKS[build.kind as K];
  // Props carry text from the answers: escaped here, once, before any construct sees it.
  const props = literalStrings(build.props as StackPropsByKind[K]);
  return new Stack(scope, name, build.target, props);
}

export interface BuiltStack extends Omit<StackPlan, "waitingFor" | "build"> {
  readonly resourceCount: number;
}

export interface BuiltBaseline {
  /** Built stacks, in dependency order. */
  readonly stacks: readonly BuiltStack[];
  readonly pending: readonly PendingStack[];
}

/** Builds every planned stack that is ready into `scope` and names the ones that must wait. */
export function buildStacks(scope: Construct, plans: readonly StackPlan[]): BuiltBaseline {
  const built = new Map<string, TerraformStack>();
  const stacks: BuiltStack[] = [];
  for (const { waitingFor: _waiting, build, ...plan } of plans) {
    if (!build) continue;
    const stack = construct(scope, plan.name, build);
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

/** Plans and builds the whole baseline from resolved answers (what a cdktf app calls). */
export function buildBaseline(scope: Construct, config: BaselineConfig): BuiltBaseline {
  return buildStacks(scope, planStacks(config));
}
