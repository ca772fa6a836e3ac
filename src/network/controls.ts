/**
 * Controls of the network area (`network-<account>`): the private VPC, its hardening and flow
 * logs. Resources of the VPC, the hardening and the flow logs are named by the construct that
 * holds them, except endpoints, which serve different controls.
 */
import {
  ENCRYPTION_KEY_TYPES,
  inside,
  perItem,
  resource,
  type Control,
} from "../controls/control.js";
import { NETWORK_IDS as IDS } from "./network-stack.js";
import { PRIVATE_VPC_IDS as VPC } from "./private-vpc.js";
import { HARDENING_IDS as HARDENING } from "./vpc-hardening.js";

const NETWORK_TEST = "test/stacks/network.test.ts";

export const NETWORK_CONTROLS: readonly Control[] = [
  {
    id: "NET.1",
    title:
      "Workloads in private subnets: no route to the internet gateway, no public IPs; NAT the only way out",
    cis: [],
    stacks: ["network"],
    resources: [
      ...inside(IDS.vpc, [
        "aws_subnet",
        "aws_route",
        "aws_route_table",
        "aws_nat_gateway",
        "aws_route_table_association",
        "aws_eip",
        "aws_internet_gateway",
        "aws_vpc",
      ]),
      // Interface endpoints reach AWS APIs from the private subnets without NAT.
      perItem("aws_vpc_endpoint", VPC.interfaceEndpointPrefix),
      resource("aws_security_group", VPC.endpointsSecurityGroup),
    ],
    verifiedBy: [
      `${NETWORK_TEST} › private subnets have no route to the internet gateway and no public IPs`,
      `${NETWORK_TEST} › NAT gateways per mode: single 1, per-az one per zone, none 0`,
    ],
  },
  {
    id: "NET.2",
    title: "Default security group of every VPC has no rules",
    cis: ["5.4"],
    stacks: ["network"],
    resources: [resource("aws_default_security_group", HARDENING.defaultSecurityGroup)],
    verifiedBy: [`${NETWORK_TEST} › the default security group has no ingress or egress rules`],
  },
  {
    id: "NET.3",
    title:
      "NACLs deny SSH and RDP (TCP and UDP) from 0.0.0.0/0 and ::/0; the default NACL allows nothing",
    cis: ["5.1"],
    stacks: ["network"],
    resources: [
      ...inside(IDS.hardening, ["aws_network_acl", "aws_network_acl_rule"]),
      resource("aws_default_network_acl", HARDENING.defaultNacl),
    ],
    verifiedBy: [
      `${NETWORK_TEST} › every subnet NACL denies SSH and RDP over TCP and UDP from anywhere before allowing traffic`,
    ],
  },
  {
    id: "NET.4",
    title: "VPC flow logs of ALL traffic to an encrypted log group via a least-privilege role",
    cis: ["3.7"],
    stacks: ["network"],
    resources: inside(IDS.flowLogs, [
      "aws_flow_log",
      "aws_cloudwatch_log_group",
      ...ENCRYPTION_KEY_TYPES,
      "aws_iam_role",
      "aws_iam_role_policy",
    ]),
    verifiedBy: [
      `${NETWORK_TEST} › flow logs capture ALL traffic into an encrypted group with the answers' retention`,
    ],
  },
  {
    id: "NET.5",
    title: "Free S3 and DynamoDB gateway endpoints on every private route table",
    cis: [],
    stacks: ["network"],
    resources: [perItem("aws_vpc_endpoint", VPC.gatewayEndpointPrefix)],
    verifiedBy: [`${NETWORK_TEST} › gateway endpoints attach to every private route table`],
  },
];
