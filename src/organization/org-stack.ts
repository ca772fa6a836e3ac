/** `org` (management account): the organization, its OUs, member accounts and SCP guardrails. */
import type { Construct } from "../build/cdk.js";
import { baselineNames } from "../answers/names.js";
import { AccountStack } from "../build/account-stack.js";
import type { OrgStackProps, StackTarget } from "../plan/plan.js";
import { Guardrails } from "../guardrails/guardrails.js";
import { Organization } from "./organization.js";

export class OrgStack extends AccountStack {
  readonly organization: Organization;

  constructor(scope: Construct, name: string, target: StackTarget, props: OrgStackProps) {
    super(scope, name, target);
    const provider = this.providers.home;
    this.organization = new Organization(this, "organization", { ...props, provider });
    new Guardrails(this, "guardrails", {
      context: {
        partition: this.partition,
        prefix: props.prefix,
        trailName: baselineNames(props.prefix).trail,
        accessRoleName: props.accessRoleName,
        enabledRegions: props.enabledRegions,
      },
      switches: props.guardrails,
      adopt: props.adopt,
      rootId: this.organization.rootId,
      organization: this.organization.organization,
      provider,
    });
  }
}
