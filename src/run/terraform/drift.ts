/**
 * Drift from one normal plan. Terraform's plan JSON already answers both questions drift asks:
 * `resource_changes` is what apply would change (a managed argument changed outside Terraform
 * shows up as an update that reverts it, a resource deleted outside as a create), and
 * `resource_drift` is what the refresh saw change, which tells where a change came from.
 *
 * Refresh results on their own are not drift: computed attributes filled in by the same apply
 * (an organization's `accounts`), side effects of sibling resources (a route table's `route`
 * from `aws_route`, a role's `managed_policy_arns` from attachments) and null <-> empty
 * normalization all appear in `resource_drift` on an untouched deployment, and none of them
 * makes the plan act. So drift is exactly what the plan would change, and `plan` and `drift`
 * agree by construction.
 */
import {
  KNOWN_AFTER_APPLY,
  type AttributeChange,
  type ParsedPlan,
  type ResourceChange,
} from "./plan-json.js";

/**
 * outside: a managed argument was changed outside Terraform (apply reverts it).
 * deleted: the resource was deleted outside Terraform (apply recreates it).
 * config: the answers ask for something the deployment does not have yet.
 */
export type DriftSource = "outside" | "deleted" | "config";

export interface DriftChange extends ResourceChange {
  readonly source: DriftSource;
  /** Controls (registry IDs) whose resources this change touches. */
  readonly controls: readonly string[];
}

/** The arguments a change names: what apply sets, leaving out values only known after apply. */
function namedArguments(
  change: ResourceChange,
  refreshed: ResourceChange | undefined,
): readonly AttributeChange[] {
  const known = change.attributes.filter((a) => a.after !== KNOWN_AFTER_APPLY);
  if (known.length > 0) return known;
  // Nothing but unknowns: the refresh names what moved.
  return refreshed && refreshed.attributes.length > 0 ? refreshed.attributes : change.attributes;
}

/** The plan's actions as drift, each with its source and the arguments it names. */
export function driftChanges(plan: ParsedPlan): Omit<DriftChange, "controls">[] {
  const refreshed = new Map(plan.drift.map((d) => [d.address, d]));
  return plan.changes.map((change) => {
    const seen = refreshed.get(change.address);
    const source: DriftSource = !seen ? "config" : seen.action === "delete" ? "deleted" : "outside";
    return { ...change, source, attributes: namedArguments(change, seen) };
  });
}
