/** `network-<account>`: the account's private VPC in the home region. */
import type { Construct } from "../src/cdk.js";
import type { BaselineConfig, ResolvedAccount } from "../src/config/resolve.js";
import { AccountStack } from "./account-stack.js";

export class NetworkStack extends AccountStack {
  constructor(scope: Construct, name: string, config: BaselineConfig, account: ResolvedAccount) {
    super(scope, name, { config, account });
  }
}
