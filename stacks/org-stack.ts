/** `org` (management account): the organization, its OUs, member accounts and SCPs. */
import type { Construct } from "../src/cdk.js";
import type { BaselineConfig } from "../src/config/resolve.js";
import { AccountStack } from "./account-stack.js";

export class OrgStack extends AccountStack {
  constructor(scope: Construct, name: string, config: BaselineConfig) {
    super(scope, name, { config, account: config.management });
  }
}
