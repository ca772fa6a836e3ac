/**
 * `baseline-<account>`: identity and account-level controls for one account, with a provider in
 * every enabled region for the regional controls.
 */
import type { Construct } from "../src/cdk.js";
import type { BaselineConfig, ResolvedAccount } from "../src/config/resolve.js";
import { AccountStack } from "./account-stack.js";
import { AccountDefaults } from "./constructs/account-defaults.js";
import { IdentityBaseline } from "./constructs/identity.js";

export class AccountBaselineStack extends AccountStack {
  constructor(scope: Construct, name: string, config: BaselineConfig, account: ResolvedAccount) {
    super(scope, name, { config, account, regions: config.regions.enabled });
    new IdentityBaseline(this, "identity", this);
    new AccountDefaults(this, "defaults", this);
  }
}
