/**
 * `network-<account>`: the account's private VPC in the home region, hardened, with flow logs.
 */
import type { Construct } from "../build/cdk.js";
import type { NetworkStackProps, StackTarget } from "../plan/plan.js";
import { networkLayout } from "./layout.js";
import { AccountStack } from "../build/account-stack.js";
import { FlowLogs } from "./flow-logs.js";
import { PrivateVpc } from "./private-vpc.js";
import { VpcHardening } from "./vpc-hardening.js";

export class NetworkStack extends AccountStack {
  constructor(scope: Construct, name: string, target: StackTarget, props: NetworkStackProps) {
    super(scope, name, target);
    const { network, vpcName } = props;
    const provider = this.providers.home;
    const region = this.homeRegion;
    const vpc = new PrivateVpc(this, "vpc", {
      provider,
      name: vpcName,
      region,
      layout: networkLayout(network, props.subnetPrefixLength),
      interfaceEndpoints: network.interfaceEndpoints,
    });
    new VpcHardening(this, "hardening", {
      provider,
      name: vpcName,
      vpc: vpc.vpc,
      subnetGroups: { private: vpc.privateSubnets, public: vpc.publicSubnets },
    });
    new FlowLogs(this, "flow-logs", {
      provider,
      partition: this.partition,
      region,
      accountId: this.accountIdRef,
      name: vpcName,
      vpc: vpc.vpc,
      retentionDays: network.flowLogRetentionDays,
    });
  }
}
