import { beforeAll, describe, expect, it } from "vitest";
import { configFrom, exampleAnswers } from "../helpers/answers.js";
import { policyOf, resourceList, resources, synthTo, type StackJson } from "../helpers/synth.js";

let dev: StackJson; // single NAT, 2 zones
let prod: StackJson; // per-AZ NAT, 3 zones
beforeAll(async () => {
  const out = await synthTo(configFrom(exampleAnswers()));
  dev = out.stack("network-dev");
  prod = out.stack("network-prod");
});

/** Terraform reference to a resource's attribute, as cdktf writes it. */
const ref = (type: string, key: string, attr = "id") => `\${${type}.${key}.${attr}}`;

function keysWhere(stack: StackJson, type: string, predicate: (r: StackJson) => boolean): string[] {
  return Object.entries(resources(stack, type))
    .filter(([, r]) => predicate(r))
    .map(([k]) => k);
}

describe("network stack", () => {
  it("VPC has DNS support and the allocated CIDR; subnets are carved in order", () => {
    expect(resourceList(prod, "aws_vpc")).toEqual([
      expect.objectContaining({
        cidr_block: "10.2.0.0/16",
        enable_dns_support: true,
        enable_dns_hostnames: true,
      }),
    ]);
    const subnets = resourceList(prod, "aws_subnet");
    const byTier = (tier: string) =>
      subnets.filter((s) => s.tags.Tier === tier).map((s) => [s.availability_zone, s.cidr_block]);
    expect(byTier("private")).toEqual([
      ["eu-west-1a", "10.2.0.0/20"],
      ["eu-west-1b", "10.2.16.0/20"],
      ["eu-west-1c", "10.2.32.0/20"],
    ]);
    expect(byTier("public")).toEqual([
      ["eu-west-1a", "10.2.48.0/20"],
      ["eu-west-1b", "10.2.64.0/20"],
      ["eu-west-1c", "10.2.80.0/20"],
    ]);
  });

  it("private subnets have no route to the internet gateway and no public IPs", () => {
    for (const stack of [dev, prod]) {
      for (const subnet of resourceList(stack, "aws_subnet"))
        expect(subnet.map_public_ip_on_launch).toBe(false);
      const [igwKey] = Object.keys(resources(stack, "aws_internet_gateway"));
      const privateSubnets = keysWhere(stack, "aws_subnet", (s) => s.tags.Tier === "private");
      const privateTables = resourceList(stack, "aws_route_table_association")
        .filter((a) => privateSubnets.some((k) => a.subnet_id === ref("aws_subnet", k)))
        .map((a) => a.route_table_id);
      expect(privateTables).toHaveLength(privateSubnets.length);
      const privateRoutes = resourceList(stack, "aws_route").filter((r) =>
        privateTables.includes(r.route_table_id),
      );
      for (const route of privateRoutes) {
        expect(route.gateway_id).toBeUndefined();
        expect(route.nat_gateway_id).toMatch(/aws_nat_gateway/);
      }
      // The internet gateway is referenced only from the public route table.
      const igwRoutes = resourceList(stack, "aws_route").filter(
        (r) => r.gateway_id === ref("aws_internet_gateway", igwKey as string),
      );
      expect(igwRoutes).toHaveLength(1);
      expect(privateTables).not.toContain(igwRoutes[0]?.route_table_id);
    }
  });

  it("NAT gateways per mode: single 1, per-az one per zone, none 0", async () => {
    expect(resourceList(dev, "aws_nat_gateway")).toHaveLength(1);
    expect(resourceList(dev, "aws_eip")).toHaveLength(1);
    expect(resourceList(prod, "aws_nat_gateway")).toHaveLength(3);
    // Per-AZ: each zone's private route goes through the NAT gateway of its own zone.
    const nats = resources(prod, "aws_nat_gateway");
    const natZone = Object.fromEntries(
      Object.keys(nats).map((k) => [ref("aws_nat_gateway", k), k.match(/eu-west-1[abc]/)?.[0]]),
    );
    for (const route of resourceList(prod, "aws_route").filter((r) => r.nat_gateway_id)) {
      const tableKey = (route.route_table_id as string).match(
        /aws_route_table\.([^.]+)\.id/,
      )?.[1] as string;
      expect(tableKey).toContain(natZone[route.nat_gateway_id] as string);
    }

    const answers = exampleAnswers();
    answers.accounts[4].network = { azCount: 3, nat: "none", publicSubnets: false };
    const none = (await synthTo(configFrom(answers))).stack("network-prod");
    expect(resourceList(none, "aws_nat_gateway")).toHaveLength(0);
    expect(resourceList(none, "aws_eip")).toHaveLength(0);
    expect(resourceList(none, "aws_internet_gateway")).toHaveLength(0);
    expect(resourceList(none, "aws_route")).toHaveLength(0);
    expect(resourceList(none, "aws_subnet").every((s) => s.tags.Tier === "private")).toBe(true);
  });

  it("the default security group has no ingress or egress rules", () => {
    for (const stack of [dev, prod]) {
      expect(resourceList(stack, "aws_default_security_group")).toEqual([
        expect.objectContaining({
          ingress: [],
          egress: [],
          vpc_id: expect.stringMatching(/aws_vpc/),
        }),
      ]);
      expect(resourceList(stack, "aws_default_network_acl")).toEqual([
        expect.objectContaining({
          ingress: [],
          egress: [],
          lifecycle: { ignore_changes: ["subnet_ids"] },
        }),
      ]);
    }
  });

  it("every subnet NACL denies SSH and RDP over TCP and UDP from anywhere before allowing traffic", () => {
    const nacls = resources(prod, "aws_network_acl");
    expect(Object.keys(nacls)).toHaveLength(2);
    const covered = Object.values(nacls).flatMap((n) => n.subnet_ids);
    expect(covered).toHaveLength(resourceList(prod, "aws_subnet").length);
    for (const key of Object.keys(nacls)) {
      const rules = resourceList(prod, "aws_network_acl_rule").filter(
        (r) => r.network_acl_id === ref("aws_network_acl", key),
      );
      const firstAllowIngress = Math.min(
        ...rules.filter((r) => !r.egress && r.rule_action === "allow").map((r) => r.rule_number),
      );
      for (const protocol of ["tcp", "udp"]) {
        for (const port of [22, 3389]) {
          for (const source of [{ cidr_block: "0.0.0.0/0" }, { ipv6_cidr_block: "::/0" }]) {
            const deny = rules.find(
              (r) =>
                r.rule_action === "deny" &&
                !r.egress &&
                r.protocol === protocol &&
                r.from_port === port &&
                r.to_port === port &&
                Object.entries(source).every(([k, v]) => r[k] === v),
            );
            expect(deny, `${key} ${protocol} ${port} ${JSON.stringify(source)}`).toBeDefined();
            expect(deny?.rule_number).toBeLessThan(firstAllowIngress);
          }
        }
      }
      // Rule numbers are unique within a NACL's ingress rules.
      const ingressNumbers = rules.filter((r) => !r.egress).map((r) => r.rule_number);
      expect(new Set(ingressNumbers).size).toBe(ingressNumbers.length);
    }
  });

  it("flow logs capture ALL traffic into an encrypted group with the answers' retention", () => {
    const [flow] = resourceList(prod, "aws_flow_log");
    expect(flow).toMatchObject({
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
      vpc_id: expect.stringMatching(/aws_vpc/),
    });
    const [group] = resourceList(prod, "aws_cloudwatch_log_group");
    expect(group).toMatchObject({
      name: "/aws/vpc-flow-logs/acme-prod",
      retention_in_days: 365,
      kms_key_id: expect.stringMatching(/aws_kms_key/),
    });
    const [role] = resourceList(prod, "aws_iam_role");
    expect(policyOf(role?.assume_role_policy).Statement[0]).toMatchObject({
      Principal: { Service: "vpc-flow-logs.amazonaws.com" },
      Condition: { StringEquals: { "aws:SourceAccount": "666666666666" } },
    });
    const [rolePolicy] = resourceList(prod, "aws_iam_role_policy");
    expect(policyOf(rolePolicy?.policy).Statement[0]?.Resource).toEqual([
      expect.stringMatching(/aws_cloudwatch_log_group\..+\.arn\}$/),
      expect.stringMatching(/aws_cloudwatch_log_group\..+\.arn\}:log-stream:\*$/),
    ]);
  });

  it("gateway endpoints attach to every private route table", () => {
    for (const stack of [dev, prod]) {
      const privateTables = keysWhere(stack, "aws_route_table", (t) =>
        t.tags.Name.includes("-private-"),
      ).map((k) => ref("aws_route_table", k));
      const gateways = resourceList(stack, "aws_vpc_endpoint").filter(
        (e) => e.vpc_endpoint_type === "Gateway",
      );
      expect(gateways.map((g) => g.service_name).sort()).toEqual([
        "com.amazonaws.eu-west-1.dynamodb",
        "com.amazonaws.eu-west-1.s3",
      ]);
      for (const g of gateways)
        expect([...g.route_table_ids].sort()).toEqual([...privateTables].sort());
    }
  });

  it("interface endpoints are private-DNS endpoints in the private subnets, reachable only by HTTPS from the VPC", async () => {
    const answers = exampleAnswers();
    answers.accounts[2].network = { interfaceEndpoints: ["ssm", "ecr.api"] };
    const stack = (await synthTo(configFrom(answers))).stack("network-dev");
    const interfaces = resourceList(stack, "aws_vpc_endpoint").filter(
      (e) => e.vpc_endpoint_type === "Interface",
    );
    expect(interfaces.map((e) => e.service_name).sort()).toEqual([
      "com.amazonaws.eu-west-1.ecr.api",
      "com.amazonaws.eu-west-1.ssm",
    ]);
    for (const e of interfaces)
      expect(e).toMatchObject({
        private_dns_enabled: true,
        subnet_ids: [expect.any(String), expect.any(String)],
      });
    const [sg] = resourceList(stack, "aws_security_group");
    expect(sg?.ingress).toEqual([
      expect.objectContaining({
        from_port: 443,
        to_port: 443,
        protocol: "tcp",
        cidr_blocks: ["10.0.0.0/16"],
      }),
    ]);
    expect(sg?.egress).toEqual([]);
  });
});
