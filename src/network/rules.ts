/** Semantic rules of the network area: subnets, zones, and VPC address space across accounts. */
import { defineRule } from "../answers/define-rule.js";
import type { Problem } from "../answers/problems.js";
import { vpcCidrs } from "../answers/resolve.js";
import type { Answers } from "../answers/schema.js";
import { canonicalCidr, isPrivate, overlaps, parseCidr, size, type Cidr } from "../util/cidr.js";

/** Every CIDR the user typed, with its key path. */
function explicitCidrs(a: Answers): { path: string; text: string }[] {
  return [
    { path: "addressing.supernet", text: a.addressing.supernet },
    ...a.accounts.flatMap((acc, i) =>
      acc.network?.cidr ? [{ path: `accounts[${i}].network.cidr`, text: acc.network.cidr }] : [],
    ),
  ];
}

export const natNeedsPublicSubnets = defineRule(
  "nat-needs-public-subnets",
  "NAT gateways live in public subnets.",
  (a, problem) =>
    a.accounts.flatMap((acc, i) =>
      acc.network && acc.network.nat !== "none" && !acc.network.publicSubnets
        ? [
            problem(
              `accounts[${i}].network.nat`,
              "asks for NAT gateways but publicSubnets is false",
              'set publicSubnets to true or nat to "none"',
              acc.network.nat,
            ),
          ]
        : [],
    ),
);

export const zonesInHomeRegion = defineRule(
  "zones-in-home-region",
  "VPCs are built in the home region.",
  (a, problem) =>
    a.accounts.flatMap((acc, i) =>
      (acc.network?.availabilityZones ?? []).flatMap((zone, z) =>
        zone.slice(0, -1) === a.regions.home
          ? []
          : [
              problem(
                `accounts[${i}].network.availabilityZones[${z}]`,
                `is not a zone of the home region ${a.regions.home}`,
                `use a zone like ${a.regions.home}a`,
                zone,
              ),
            ],
      ),
    ),
);

export const cidrsWellFormed = defineRule(
  "cidrs-well-formed",
  "A CIDR with host bits set or octets above 255 is not a network.",
  (a, problem) =>
    explicitCidrs(a).flatMap(({ path, text }) => {
      if (parseCidr(text)) return [];
      const canonical = canonicalCidr(text);
      return [
        problem(
          path,
          canonical ? "has host bits set" : "is not a valid IPv4 network",
          canonical ? `use ${canonical}` : "use a block like 10.0.0.0/16",
          text,
        ),
      ];
    }),
);

export const cidrsPrivate = defineRule(
  "cidrs-private",
  "VPCs must use RFC 1918 private address space.",
  (a, problem) =>
    explicitCidrs(a).flatMap(({ path, text }) => {
      const c = parseCidr(text);
      return c && !isPrivate(c)
        ? [
            problem(
              path,
              "is not a private (RFC 1918) range",
              "use a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16",
              text,
            ),
          ]
        : [];
    }),
);

export const cidrsDoNotOverlap = defineRule(
  "cidrs-do-not-overlap",
  "Overlapping VPCs can never be peered or routed together.",
  (a, problem) => {
    const vpcs = explicitCidrs(a)
      .filter((c) => c.path !== "addressing.supernet")
      .map((c) => ({ ...c, cidr: parseCidr(c.text) }))
      .filter((c): c is { path: string; text: string; cidr: Cidr } => c.cidr !== undefined);
    const out: Problem[] = [];
    vpcs.forEach((v, i) => {
      const other = vpcs.slice(0, i).find((o) => overlaps(o.cidr, v.cidr));
      if (other) {
        out.push(
          problem(
            v.path,
            `overlaps ${other.text} (${other.path})`,
            "pick a block that overlaps no other account's VPC",
            v.text,
          ),
        );
      }
    });
    return out;
  },
);

export const cidrsHoldSubnets = defineRule(
  "cidrs-hold-subnets",
  "Each VPC must fit a private (and public) subnet per availability zone.",
  (a, problem) => {
    const { subnetPrefixLength, vpcPrefixLength } = a.addressing;
    const out: Problem[] = [];
    if (subnetPrefixLength <= vpcPrefixLength) {
      out.push(
        problem(
          "addressing.subnetPrefixLength",
          `must be longer than vpcPrefixLength (${vpcPrefixLength})`,
          `use /${vpcPrefixLength + 4} or longer`,
          subnetPrefixLength,
        ),
      );
    }
    a.accounts.forEach((acc, i) => {
      const n = acc.network;
      const c = n?.cidr ? parseCidr(n.cidr) : undefined;
      if (!n || !c) return;
      const zones = n.availabilityZones?.length ?? n.azCount;
      const needed = zones * (n.publicSubnets ? 2 : 1);
      const fits = subnetPrefixLength >= c.prefix ? size(c.prefix) / size(subnetPrefixLength) : 0;
      if (fits < needed) {
        out.push(
          problem(
            `accounts[${i}].network.cidr`,
            `holds ${fits} /${subnetPrefixLength} subnets but ${needed} are needed (${zones} zones${n.publicSubnets ? " x private+public" : ""})`,
            `use a larger block, fewer zones, or a longer addressing.subnetPrefixLength`,
            n.cidr,
          ),
        );
      }
    });
    return out;
  },
);

export const supernetHoldsVpcs = defineRule(
  "supernet-holds-vpcs",
  "Allocated VPCs are carved from the supernet, so it must be at least one VPC large.",
  (a, problem) => {
    const supernet = parseCidr(a.addressing.supernet);
    return supernet && supernet.prefix > a.addressing.vpcPrefixLength
      ? [
          problem(
            "addressing.vpcPrefixLength",
            `is larger than the supernet /${supernet.prefix}`,
            `use /${supernet.prefix} or longer`,
            a.addressing.vpcPrefixLength,
          ),
        ]
      : [];
  },
);

export const supernetHasRoom = defineRule(
  "supernet-has-room",
  "Accounts without an explicit CIDR get one from the supernet.",
  (a, problem) => {
    const supernet = parseCidr(a.addressing.supernet);
    if (!supernet || vpcCidrs(a)) return [];
    return [
      problem(
        "addressing.supernet",
        `has no room for a /${a.addressing.vpcPrefixLength} per account that has a network`,
        "use a larger supernet, a longer vpcPrefixLength, or explicit network.cidr values",
        a.addressing.supernet,
      ),
    ];
  },
);

export const networkRules = [
  natNeedsPublicSubnets,
  zonesInHomeRegion,
  cidrsWellFormed,
  cidrsPrivate,
  cidrsDoNotOverlap,
  cidrsHoldSubnets,
  supernetHoldsVpcs,
  supernetHasRoom,
];
