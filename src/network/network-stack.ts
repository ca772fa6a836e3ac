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

/** Construct ids of the network stack's parts (controls name resources by these). */
export const NETWORK_IDS = { vpc: "vpc", hardening: "hardening", flowLogs: "flow-logs" } as const;

export class NetworkStack extends AccountStack {
  constructor(scope: Construct, name: string, target: StackTarget, props: NetworkStackProps) {
    super(scope, name, target);
    const { network, vpcName } = props;
    const provider = this.providers.home;
    const region = this.homeRegion;
    const vpc = new PrivateVpc(this, NETWORK_IDS.vpc, {
      provider,
      name: vpcName,
      region,
      layout: networkLayout(network, props.subnetPrefixLength),
      interfaceEndpoints: network.interfaceEndpoints,
    });
    new VpcHardening(this, NETWORK_IDS.hardening, {
      provider,
      name: vpcName,
      vpc: vpc.vpc,
      subnetGroups: { private: vpc.privateSubnets, public: vpc.publicSubnets },
    });
    new FlowLogs(this, NETWORK_IDS.flowLogs, {
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
