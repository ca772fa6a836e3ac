/**
 * A private VPC: workloads live in private subnets, one per zone, each with its own route table;
 * public subnets exist only to host NAT gateways; nothing gets a public IP automatically. Private
 * subnets reach the internet only through NAT (or not at all), and reach S3 and DynamoDB through
 * free gateway endpoints.
 */
import {
  Construct,
  Eip,
  InternetGateway,
  NatGateway,
  Route,
  RouteTable,
  RouteTableAssociation,
  SecurityGroup,
  Subnet,
  Vpc,
  VpcEndpoint,
  type AwsProvider,
} from "../build/cdk.js";
import type { NetworkLayout } from "./layout.js";

/** Construct ids of endpoints (`<prefix><service>`) and the interface endpoints' security group. */
export const PRIVATE_VPC_IDS = {
  gatewayEndpointPrefix: "gateway-endpoint-",
  interfaceEndpointPrefix: "interface-endpoint-",
  endpointsSecurityGroup: "endpoints-sg",
} as const;

export interface PrivateVpcProps {
  readonly provider: AwsProvider;
  readonly name: string;
  readonly region: string;
  readonly layout: NetworkLayout;
  /** Interface endpoint service names (e.g. ssm), placed in the private subnets. */
  readonly interfaceEndpoints: readonly string[];
}

export class PrivateVpc extends Construct {
  readonly vpc: Vpc;
  readonly privateSubnets: Subnet[] = [];
  readonly publicSubnets: Subnet[] = [];
  readonly privateRouteTables: RouteTable[] = [];

  constructor(scope: Construct, id: string, props: PrivateVpcProps) {
    super(scope, id);
    const { provider, layout, name } = props;
    this.vpc = new Vpc(this, "vpc", {
      provider,
      cidrBlock: layout.vpcCidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: name },
    });
    const vpcId = this.vpc.id;
    const hasPublic = layout.zones.some((z) => z.publicCidr);

    // Public side: only NAT gateways live here.
    const natByZone = new Map<string, NatGateway>();
    if (hasPublic) {
      const igw = new InternetGateway(this, "igw", { provider, vpcId, tags: { Name: name } });
      const publicRoutes = new RouteTable(this, "public-rt", {
        provider,
        vpcId,
        tags: { Name: `${name}-public` },
      });
      new Route(this, "public-default-route", {
        provider,
        routeTableId: publicRoutes.id,
        destinationCidrBlock: "0.0.0.0/0",
        gatewayId: igw.id,
      });
      for (const zone of layout.zones) {
        if (!zone.publicCidr) continue;
        const subnet = new Subnet(this, `public-${zone.zone}`, {
          provider,
          vpcId,
          availabilityZone: zone.zone,
          cidrBlock: zone.publicCidr,
          mapPublicIpOnLaunch: false,
          tags: { Name: `${name}-public-${zone.zone}`, Tier: "public" },
        });
        this.publicSubnets.push(subnet);
        new RouteTableAssociation(this, `public-${zone.zone}-rt`, {
          provider,
          subnetId: subnet.id,
          routeTableId: publicRoutes.id,
        });
        if (layout.natZones.includes(zone.zone)) {
          const eip = new Eip(this, `nat-eip-${zone.zone}`, {
            provider,
            domain: "vpc",
            tags: { Name: `${name}-nat-${zone.zone}` },
          });
          natByZone.set(
            zone.zone,
            new NatGateway(this, `nat-${zone.zone}`, {
              provider,
              subnetId: subnet.id,
              allocationId: eip.id,
              tags: { Name: `${name}-nat-${zone.zone}` },
              dependsOn: [igw],
            }),
          );
        }
      }
    }

    // Private side: one route table per zone, so NAT mode changes only touch routes.
    for (const zone of layout.zones) {
      const subnet = new Subnet(this, `private-${zone.zone}`, {
        provider,
        vpcId,
        availabilityZone: zone.zone,
        cidrBlock: zone.privateCidr,
        mapPublicIpOnLaunch: false,
        tags: { Name: `${name}-private-${zone.zone}`, Tier: "private" },
      });
      this.privateSubnets.push(subnet);
      const routes = new RouteTable(this, `private-rt-${zone.zone}`, {
        provider,
        vpcId,
        tags: { Name: `${name}-private-${zone.zone}` },
      });
      this.privateRouteTables.push(routes);
      new RouteTableAssociation(this, `private-${zone.zone}-rt`, {
        provider,
        subnetId: subnet.id,
        routeTableId: routes.id,
      });
      const nat = zone.natZone ? natByZone.get(zone.natZone) : undefined;
      if (nat) {
        new Route(this, `private-${zone.zone}-default-route`, {
          provider,
          routeTableId: routes.id,
          destinationCidrBlock: "0.0.0.0/0",
          natGatewayId: nat.id,
        });
      }
    }

    // Gateway endpoints are free and keep S3/DynamoDB traffic off NAT.
    for (const service of ["s3", "dynamodb"]) {
      new VpcEndpoint(this, `${PRIVATE_VPC_IDS.gatewayEndpointPrefix}${service}`, {
        provider,
        vpcId,
        serviceName: `com.amazonaws.${props.region}.${service}`,
        vpcEndpointType: "Gateway",
        routeTableIds: this.privateRouteTables.map((rt) => rt.id),
        tags: { Name: `${name}-${service}` },
      });
    }

    if (props.interfaceEndpoints.length > 0) {
      const endpointSg = new SecurityGroup(this, PRIVATE_VPC_IDS.endpointsSecurityGroup, {
        provider,
        vpcId,
        name: `${name}-interface-endpoints`,
        description: "HTTPS from inside the VPC to interface endpoints",
        ingress: [
          {
            description: "HTTPS from the VPC",
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrBlocks: [layout.vpcCidr],
          },
        ],
        egress: [],
      });
      for (const service of props.interfaceEndpoints) {
        new VpcEndpoint(this, `${PRIVATE_VPC_IDS.interfaceEndpointPrefix}${service}`, {
          provider,
          vpcId,
          serviceName: `com.amazonaws.${props.region}.${service}`,
          vpcEndpointType: "Interface",
          privateDnsEnabled: true,
          subnetIds: this.privateSubnets.map((s) => s.id),
          securityGroupIds: [endpointSg.id],
          tags: { Name: `${name}-${service}` },
        });
      }
    }
  }
}
