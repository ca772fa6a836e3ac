/**
 * `baseline-<account>`: identity and account-level controls for one account, with a provider in
 * every enabled region for the regional controls.
 */
import type { Construct } from "../build/cdk.js";
import type { BaselineConfig, ResolvedAccount } from "../answers/resolve.js";
import { AccountStack } from "../build/account-stack.js";
import { AccountDefaults } from "./account-defaults.js";
import { IdentityBaseline } from "../identity/identity.js";

export class AccountBaselineStack extends AccountStack {
  constructor(scope: Construct, name: string, config: BaselineConfig, account: ResolvedAccount) {
    super(scope, name, { config, account, regions: config.regions.enabled });
    new IdentityBaseline(this, "identity", this);
    new AccountDefaults(this, "defaults", this);
  }
}
