/**
 * Base for every stack: one account, an explicit state backend, and that account's providers,
 * all from the stack's planned target. Concrete stacks add their constructs on top.
 */
import { DataAwsCallerIdentity, TerraformStack, type Construct } from "./cdk.js";
import { partitionOf } from "../answers/names.js";
import type { StackTarget, TargetAccount } from "../plan/plan.js";
import { AccountProviders } from "./account-providers.js";
import { applyStateBackend } from "./state-backend.js";

export class AccountStack extends TerraformStack {
  readonly account: TargetAccount;
  readonly homeRegion: string;
  readonly providers: AccountProviders;
  readonly partition: string;
  private callerIdentity?: DataAwsCallerIdentity;

  constructor(scope: Construct, name: string, target: StackTarget) {
    super(scope, name);
    this.account = target.account;
    this.homeRegion = target.homeRegion;
    this.partition = partitionOf(target.homeRegion);
    applyStateBackend(this, { key: name, state: target.state, emulator: target.emulator });
    this.providers = new AccountProviders(this, {
      account: target.account,
      homeRegion: target.homeRegion,
      regions: target.regions,
      memberRoleName: target.memberRoleName,
      tags: { BaselineStack: name },
      emulator: target.emulator,
    });
  }

  /**
   * The account ID for ARNs: the planned literal, or (management account before its ID is
   * recorded) the caller identity, which the management stacks run as.
   */
  get accountIdRef(): string {
    if (this.account.accountId) return this.account.accountId;
    this.callerIdentity ??= new DataAwsCallerIdentity(this, "caller", {
      provider: this.providers.home,
    });
    return this.callerIdentity.accountId;
  }
}
