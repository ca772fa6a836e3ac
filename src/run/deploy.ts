/**
 * The first run on a new organization, in one `deploy`: member-account stacks need account IDs
 * that exist only after the `org` stack has created the accounts. So: apply `org`, record the new
 * IDs (Organizations discovery), synthesize again, then deploy everything that is ready. Later
 * runs, with every ID known, are a single phase. The steps are injected, so this order is tested
 * without AWS.
 */
import type { PendingStack } from "../plan/plan.js";
import { stackName } from "../answers/names.js";
import type { Node } from "./terraform/order.js";

export interface DeploySteps {
  /** Synthesizes from the answers as they are now. */
  synth(): Promise<{ stacks: readonly Node[]; pending: readonly PendingStack[] }>;
  /** Plans, checks, confirms and applies these stacks; throws when anything fails. */
  deploy(stacks: readonly Node[]): Promise<void>;
  /** Reads the organization and writes the new IDs into the answers file. */
  recordIds(): Promise<void>;
}

export interface DeployFlowResult {
  /** Stack names per phase, in the order they were deployed. */
  readonly phases: readonly (readonly string[])[];
  /** Stacks still waiting after the last phase (IDs Organizations does not have yet). */
  readonly pending: readonly PendingStack[];
}

export async function deployFlow(
  steps: DeploySteps,
  selection?: readonly string[],
): Promise<DeployFlowResult> {
  const chosen = (stacks: readonly Node[]) =>
    selection && selection.length > 0 ? stacks.filter((s) => selection.includes(s.name)) : stacks;
  const phases: string[][] = [];
  let synthesized = await steps.synth();
  const org = chosen(synthesized.stacks).find((s) => s.name === stackName.org);
  if (synthesized.pending.length > 0 && org) {
    phases.push([org.name]);
    await steps.deploy([org]);
    await steps.recordIds();
    synthesized = await steps.synth();
  }
  const rest = chosen(synthesized.stacks);
  phases.push(rest.map((s) => s.name));
  await steps.deploy(rest);
  return { phases, pending: synthesized.pending };
}
