/** `org` (management account): the organization, its OUs, member accounts and SCP guardrails. */
import type { Construct } from "../build/cdk.js";
import type { BaselineConfig } from "../answers/resolve.js";
import { AccountStack } from "../build/account-stack.js";
import { Guardrails } from "../guardrails/guardrails.js";
import { Organization } from "./organization.js";

export class OrgStack extends AccountStack {
  readonly organization: Organization;

  constructor(scope: Construct, name: string, config: BaselineConfig) {
    super(scope, name, { config, account: config.management });
    const provider = this.providers.home;
    this.organization = new Organization(this, "organization", { config, provider });
    new Guardrails(this, "guardrails", {
      config,
      partition: this.partition,
      rootId: this.organization.rootId,
      provider,
    });
  }
}
