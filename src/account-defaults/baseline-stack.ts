/**
 * `baseline-<account>`: identity and account-level controls for one account, with a provider in
 * every enabled region for the regional controls. The detective services' per-account parts ride
 * on those providers (no extra provider processes): Config recorders everywhere, the security
 * account's GuardDuty detectors, and the management account's delegations to it.
 */
import type { Construct } from "../build/cdk.js";
import { AccountStack } from "../build/account-stack.js";
import type { BaselineStackProps, StackTarget } from "../plan/plan.js";
import { AccountDefaults } from "./account-defaults.js";
import { IdentityBaseline } from "../identity/identity.js";
import { ConfigRecording } from "../detective/config-recording.js";
import { GuardDutyDetectors } from "../detective/guardduty-detectors.js";
import { DetectiveDelegation } from "../detective/delegation.js";

export class AccountBaselineStack extends AccountStack {
  constructor(scope: Construct, name: string, target: StackTarget, props: BaselineStackProps) {
    super(scope, name, target);
    new IdentityBaseline(this, "identity", this, props.identity, props.signIn);
    new AccountDefaults(this, "defaults", this, props);
    if (props.configRecording) {
      new ConfigRecording(this, "config", this, { ...props.configRecording, prefix: props.prefix });
    }
    if (props.guardDutyDetectors) {
      new GuardDutyDetectors(this, "guardduty", this, props.guardDutyDetectors);
    }
    if (props.delegation) new DetectiveDelegation(this, "delegation", this, props.delegation);
  }
}
