/** SCP guardrails switched on in the answers, created and attached at the organization root. */
import {
  Construct,
  OrganizationsPolicy,
  OrganizationsPolicyAttachment,
  type AwsProvider,
  type ITerraformDependable,
} from "../build/cdk.js";
import type { OrgStackProps } from "../plan/plan.js";
import { renderPolicy } from "../build/policy-document.js";
import {
  denyLeavingOrganization,
  denyRegionsOutsideEnabled,
  denyRootUser,
  protectAccountDefaults,
  protectCloudTrail,
  SCP_MAX_CHARS,
  type Guardrail,
  type GuardrailContext,
} from "./scp.js";

/** Construct ids: each SCP's id is its name; its root attachment's id adds this suffix. */
export const GUARDRAIL_IDS = { attachmentSuffix: "-root" } as const;

/** The guardrails the answers switch on, in a stable order. */
export function enabledGuardrails(
  context: GuardrailContext,
  switches: OrgStackProps["guardrails"],
): Guardrail[] {
  const g = switches;
  return [
    g.denyLeavingOrganization && denyLeavingOrganization(context),
    g.protectCloudTrail && protectCloudTrail(context),
    g.protectAccountDefaults && protectAccountDefaults(context),
    g.denyRootUser && denyRootUser(context),
    g.denyRegionsOutsideEnabled && denyRegionsOutsideEnabled(context),
  ].filter((x): x is Guardrail => Boolean(x));
}

export interface GuardrailsProps {
  readonly context: GuardrailContext;
  readonly switches: OrgStackProps["guardrails"];
  /** Brownfield: SCPs with our names that already exist, and the root they are attached to. */
  readonly adopt: OrgStackProps["adopt"];
  readonly rootId: string;
  /** The organization the policies belong to (created first). */
  readonly organization: ITerraformDependable;
  readonly provider: AwsProvider;
}

export class Guardrails extends Construct {
  constructor(scope: Construct, id: string, props: GuardrailsProps) {
    super(scope, id);
    for (const guardrail of enabledGuardrails(props.context, props.switches)) {
      const content = renderPolicy(guardrail.document);
      if (content.length > SCP_MAX_CHARS) {
        throw new Error(
          `SCP ${guardrail.name} is ${content.length} characters; AWS allows ${SCP_MAX_CHARS}`,
        );
      }
      const scp = new OrganizationsPolicy(this, guardrail.name, {
        provider: props.provider,
        name: guardrail.name,
        description: `${guardrail.description} Why: ${guardrail.reason}`.slice(0, 512),
        type: "SERVICE_CONTROL_POLICY",
        content,
        // SCPs exist only once the organization has all features; creating them earlier fails
        // with AWSOrganizationsNotInUseException on a new organization.
        dependsOn: [props.organization],
      });
      // At the root: every member account, present and future. SCPs never bind the management account.
      const attachment = new OrganizationsPolicyAttachment(
        this,
        `${guardrail.name}${GUARDRAIL_IDS.attachmentSuffix}`,
        {
          provider: props.provider,
          policyId: scp.id,
          targetId: props.rootId,
        },
      );
      // Brownfield: an SCP with our name is adopted (its content becomes ours), with its attachment.
      const { adopt } = props;
      const existing = adopt.policies[guardrail.name];
      if (existing) {
        scp.importFrom(existing, props.provider);
        if (adopt.rootId && adopt.attachedPolicies.includes(guardrail.name)) {
          attachment.importFrom(`${adopt.rootId}:${existing}`, props.provider);
        }
      }
    }
  }
}
