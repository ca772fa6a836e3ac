/** `org` (management account): the organization, its OUs, member accounts and SCP guardrails. */
import type { Construct } from "../build/cdk.js";
import { AccountStack } from "../build/account-stack.js";
import type { OrgStackProps, StackTarget } from "../plan/plan.js";
import { Guardrails } from "../guardrails/guardrails.js";
import { guardrailContext } from "../guardrails/pack.js";
import { Organization } from "./organization.js";

export class OrgStack extends AccountStack {
  readonly organization: Organization;

  constructor(scope: Construct, name: string, target: StackTarget, props: OrgStackProps) {
    super(scope, name, target);
    const provider = this.providers.home;
    this.organization = new Organization(this, "organization", { ...props, provider });
    new Guardrails(this, "guardrails", {
      context: guardrailContext({
        prefix: props.prefix,
        homeRegion: target.homeRegion,
        enabledRegions: props.enabledRegions,
        deployRoleName: props.deployRoleName,
        accessRoleName: props.accessRoleName,
        humanRoleNames: props.humanRoleNames,
        detective: props.detectiveServices,
      }),
      switches: props.guardrails,
      adopt: props.adopt,
      rootId: this.organization.rootId,
      organization: this.organization.organization,
      provider,
    });
  }
}
