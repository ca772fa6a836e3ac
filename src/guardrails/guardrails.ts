/** SCP guardrails switched on in the answers, packed into few SCPs and attached at the organization root. */
import {
  Construct,
  OrganizationsPolicy,
  OrganizationsPolicyAttachment,
  type AwsProvider,
  type ITerraformDependable,
} from "../build/cdk.js";
import type { OrgStackProps } from "../plan/plan.js";
import { renderPolicy } from "../build/policy-document.js";
import { enabledGuardrails, packGuardrails } from "./pack.js";
import type { GuardrailContext } from "./scp.js";

/** Construct ids: each SCP's id is its name; its root attachment's id adds this suffix. */
export const GUARDRAIL_IDS = { attachmentSuffix: "-root" } as const;

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
    const guardrails = enabledGuardrails(props.context, props.switches);
    for (const packed of packGuardrails(props.context.prefix, guardrails)) {
      const scp = new OrganizationsPolicy(this, packed.name, {
        provider: props.provider,
        name: packed.name,
        description: packed.description,
        type: "SERVICE_CONTROL_POLICY",
        content: renderPolicy(packed.document),
        // SCPs exist only once the organization has all features; creating them earlier fails
        // with AWSOrganizationsNotInUseException on a new organization.
        dependsOn: [props.organization],
      });
      // At the root: every member account, present and future. SCPs never bind the management account.
      const attachment = new OrganizationsPolicyAttachment(
        this,
        `${packed.name}${GUARDRAIL_IDS.attachmentSuffix}`,
        { provider: props.provider, policyId: scp.id, targetId: props.rootId },
      );
      // Brownfield: an SCP with our name is adopted (its content becomes ours), with its attachment.
      const { adopt } = props;
      const existing = adopt.policies[packed.name];
      if (existing) {
        scp.importFrom(existing, props.provider);
        if (adopt.rootId && adopt.attachedPolicies.includes(packed.name)) {
          attachment.importFrom(`${adopt.rootId}:${existing}`, props.provider);
        }
      }
    }
  }
}
