/**
 * `baseline-<account>`: identity and account-level controls for one account, with a provider in
 * every enabled region for the regional controls.
 */
import type { Construct } from "../build/cdk.js";
import { AccountStack } from "../build/account-stack.js";
import type { BaselineStackProps, StackTarget } from "../plan/plan.js";
import { AccountDefaults } from "./account-defaults.js";
import { IdentityBaseline } from "../identity/identity.js";

export class AccountBaselineStack extends AccountStack {
  constructor(scope: Construct, name: string, target: StackTarget, props: BaselineStackProps) {
    super(scope, name, target);
    new IdentityBaseline(this, "identity", this, props.identity, props.signIn);
    new AccountDefaults(this, "defaults", this, props);
  }
}
