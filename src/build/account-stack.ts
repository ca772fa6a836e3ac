/**
 * Base for every stack: one account, an explicit state backend, and that account's providers.
 * Concrete stacks add their constructs on top.
 */
import { DataAwsCallerIdentity, TerraformStack, type Construct } from "./cdk.js";
import type { BaselineConfig, ResolvedAccount } from "../answers/resolve.js";
import { partitionOf } from "../answers/names.js";
import { AccountProviders } from "./account-providers.js";
import { applyStateBackend } from "./state-backend.js";

export interface AccountStackProps {
  readonly config: BaselineConfig;
  readonly account: ResolvedAccount;
  /** Regions that need a provider. @default - only the home region */
  readonly regions?: readonly string[];
}

export class AccountStack extends TerraformStack {
  readonly config: BaselineConfig;
  readonly account: ResolvedAccount;
  readonly providers: AccountProviders;
  readonly partition: string;
  private callerIdentity?: DataAwsCallerIdentity;

  constructor(scope: Construct, name: string, props: AccountStackProps) {
    super(scope, name);
    this.config = props.config;
    this.account = props.account;
    this.partition = partitionOf(props.config.regions.home);
    applyStateBackend(this, name, props.config.state, props.config.emulator);
    this.providers = new AccountProviders(this, {
      account: props.account,
      homeRegion: props.config.regions.home,
      regions: props.regions,
      accessRoleName: props.config.accessRoleName,
      tags: { BaselineStack: name },
      emulator: props.config.emulator,
    });
  }

  /**
   * The account ID for ARNs: the literal from the answers, or (management account before its ID
   * is recorded) the caller identity, which the management stacks run as.
   */
  get accountIdRef(): string {
    if (this.account.accountId) return this.account.accountId;
    this.callerIdentity ??= new DataAwsCallerIdentity(this, "caller", {
      provider: this.providers.home,
    });
    return this.callerIdentity.accountId;
  }
}
