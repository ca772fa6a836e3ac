/**
 * Default VPCs, per enabled region: whatever default VPC exists is neutralized. Its default
 * security group loses every rule (CIS 5.4) and its default subnets stop giving instances public
 * IPs. Nothing here ever creates a default VPC or subnet: `aws_default_vpc` and
 * `aws_default_subnet` create one when it is missing (which would undo a deletion and fight the
 * SCP that denies ec2:CreateDefaultVpc), so the resources are driven by what the data sources
 * find, one instance per existing default VPC and default subnet. A region without a default VPC
 * gets none, and a default VPC deleted later simply drops out of the next plan.
 *
 * Deleting them (`accountDefaults.defaultVpc: "delete"`) is a real step outside Terraform
 * (src/aws/default-vpcs.ts); in that mode this construct still neutralizes every default VPC the
 * step keeps because something uses it.
 */
import {
  Construct,
  DataAwsSubnet,
  DataAwsSubnets,
  DataAwsVpcs,
  DefaultSecurityGroup,
  DefaultSubnet,
  TerraformIterator,
  type AwsProvider,
} from "../build/cdk.js";

/** Construct ids, each followed by the region (controls name resources by these). */
export const DEFAULT_VPC_IDS = {
  /** data: the region's default VPC, if any */
  vpcsPrefix: "default-vpcs-",
  /** data: the IDs of the region's default subnets */
  subnetIdsPrefix: "default-subnet-ids-",
  /** data: each default subnet (for its availability zone) */
  subnetPrefix: "default-subnet-data-",
  securityGroupPrefix: "default-vpc-sg-",
  defaultSubnetPrefix: "default-vpc-subnet-",
} as const;

/** EC2 filters that find only default VPCs and default subnets. */
export const DEFAULT_VPC_FILTER = { name: "is-default", values: ["true"] };
export const DEFAULT_SUBNET_FILTER = { name: "default-for-az", values: ["true"] };

export class DefaultVpcNeutralizer extends Construct {
  constructor(scope: Construct, id: string, props: { provider: AwsProvider; region: string }) {
    super(scope, id);
    const { provider, region } = props;
    const ids = DEFAULT_VPC_IDS;

    const vpcs = new DataAwsVpcs(this, `${ids.vpcsPrefix}${region}`, {
      provider,
      filter: [DEFAULT_VPC_FILTER],
    });
    const vpc = TerraformIterator.fromList(vpcs.ids);
    new DefaultSecurityGroup(this, `${ids.securityGroupPrefix}${region}`, {
      provider,
      forEach: vpc,
      vpcId: vpc.value,
      ingress: [],
      egress: [],
      tags: { Name: "default-DO-NOT-USE" },
    });

    const subnetIds = new DataAwsSubnets(this, `${ids.subnetIdsPrefix}${region}`, {
      provider,
      filter: [DEFAULT_SUBNET_FILTER],
    });
    const subnetId = TerraformIterator.fromList(subnetIds.ids);
    const subnets = new DataAwsSubnet(this, `${ids.subnetPrefix}${region}`, {
      provider,
      forEach: subnetId,
      id: subnetId.value,
    });
    const subnet = TerraformIterator.fromDataSources(subnets);
    new DefaultSubnet(this, `${ids.defaultSubnetPrefix}${region}`, {
      provider,
      forEach: subnet,
      availabilityZone: subnet.getString("availability_zone"),
      mapPublicIpOnLaunch: false,
    });
  }
}
