/**
 * Hardening every VPC needs: the default security group and default NACL taken under management
 * with no rules (nothing can use them by accident, CIS 5.4), and subnet NACLs that deny SSH and
 * RDP over TCP and UDP (RDP's UDP transport included) from anywhere (0.0.0.0/0 and ::/0, CIS 5.1)
 * before allowing the rest (security groups do the fine-grained filtering).
 */
import {
  Construct,
  DefaultNetworkAcl,
  DefaultSecurityGroup,
  NetworkAcl,
  NetworkAclRule,
  type AwsProvider,
  type Subnet,
  type Vpc,
} from "../build/cdk.js";

/** Remote administration ports that must never be open to the internet. */
export const ADMIN_PORTS = [22, 3389] as const;

/**
 * Protocols denied on the admin ports. UDP 3389 is RDP's UDP transport; UDP 22 is denied too, as
 * CIS 5.1 asks for both. TCP comes first and keeps its original rule numbers and construct ids,
 * so adding UDP changes nothing already deployed.
 */
export const ADMIN_PROTOCOLS = ["tcp", "udp"] as const;

/** Construct ids of the default security group and NACL taken under management. */
export const HARDENING_IDS = {
  defaultSecurityGroup: "default-sg",
  defaultNacl: "default-nacl",
} as const;

const ANYWHERE = [
  { key: "ipv4", cidr: { cidrBlock: "0.0.0.0/0" } },
  { key: "ipv6", cidr: { ipv6CidrBlock: "::/0" } },
] as const;

export class VpcHardening extends Construct {
  constructor(
    scope: Construct,
    id: string,
    props: {
      provider: AwsProvider;
      name: string;
      vpc: Vpc;
      subnetGroups: Record<string, Subnet[]>;
    },
  ) {
    super(scope, id);
    const { provider, vpc, name } = props;
    new DefaultSecurityGroup(this, HARDENING_IDS.defaultSecurityGroup, {
      provider,
      vpcId: vpc.id,
      ingress: [],
      egress: [],
      tags: { Name: `${name}-default-DO-NOT-USE` },
    });
    new DefaultNetworkAcl(this, HARDENING_IDS.defaultNacl, {
      provider,
      defaultNetworkAclId: vpc.defaultNetworkAclId,
      ingress: [],
      egress: [],
      tags: { Name: `${name}-default-DO-NOT-USE` },
      // Every subnet is associated with a baseline NACL; AWS moves subnets back here on deletion.
      lifecycle: { ignoreChanges: ["subnet_ids"] },
    });

    for (const [tier, subnets] of Object.entries(props.subnetGroups)) {
      if (subnets.length === 0) continue;
      const nacl = new NetworkAcl(this, `${tier}-nacl`, {
        provider,
        vpcId: vpc.id,
        subnetIds: subnets.map((s) => s.id),
        tags: { Name: `${name}-${tier}` },
      });
      // 10..80, all before the allow rules at 100/101.
      let rule = 10;
      for (const protocol of ADMIN_PROTOCOLS) {
        for (const port of ADMIN_PORTS) {
          for (const source of ANYWHERE) {
            const kind = protocol === "tcp" ? "" : `${protocol}-`;
            new NetworkAclRule(this, `${tier}-deny-${kind}${port}-${source.key}`, {
              provider,
              networkAclId: nacl.id,
              ruleNumber: rule,
              egress: false,
              protocol,
              ruleAction: "deny",
              fromPort: port,
              toPort: port,
              ...source.cidr,
            });
            rule += 10;
          }
        }
      }
      for (const egress of [false, true]) {
        for (const source of ANYWHERE) {
          new NetworkAclRule(this, `${tier}-allow-${egress ? "egress" : "ingress"}-${source.key}`, {
            provider,
            networkAclId: nacl.id,
            ruleNumber: source.key === "ipv4" ? 100 : 101,
            egress,
            protocol: "-1",
            ruleAction: "allow",
            fromPort: 0,
            toPort: 0,
            ...source.cidr,
          });
        }
      }
    }
  }
}
