/**
 * Subnet layout of one VPC, derived from the resolved network: one private subnet per zone from
 * the start of the VPC block, public subnets (NAT hosts only) after them, and the zones that get a
 * NAT gateway. Pure, so the stack, the cost estimate and the tests agree by construction.
 */
import { formatCidr, parseCidr, subnet, type Cidr } from "../util/cidr.js";
import type { ResolvedNetwork } from "../answers/resolve.js";

export interface ZoneLayout {
  readonly zone: string;
  readonly privateCidr: string;
  /** Absent when the network has no public subnets. */
  readonly publicCidr?: string;
  /** The zone whose NAT gateway this zone's private subnet routes through, if any. */
  readonly natZone?: string;
}

export interface NetworkLayout {
  readonly vpcCidr: string;
  readonly zones: readonly ZoneLayout[];
  /** Zones that host a NAT gateway (and an Elastic IP). */
  readonly natZones: readonly string[];
}

export function networkLayout(network: ResolvedNetwork, subnetPrefixLength: number): NetworkLayout {
  const vpc = parseCidr(network.cidr) as Cidr; // validated: well formed and large enough
  const zones = network.availabilityZones;
  const natZones =
    network.nat === "none" ? [] : network.nat === "single" ? zones.slice(0, 1) : [...zones];
  const block = (n: number) => formatCidr(subnet(vpc, subnetPrefixLength, n) as Cidr);
  return {
    vpcCidr: network.cidr,
    natZones,
    zones: zones.map((zone, i) => ({
      zone,
      privateCidr: block(i),
      publicCidr: network.publicSubnets ? block(zones.length + i) : undefined,
      natZone: network.nat === "none" ? undefined : network.nat === "single" ? natZones[0] : zone,
    })),
  };
}
