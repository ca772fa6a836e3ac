/**
 * Semantic rules: checks that need more than one key. Each rule is a small named function that
 * returns every problem it finds (never just the first), with key paths into the answers.
 * They run only on answers that passed the schema, so they can trust types and defaults.
 */
import { canonicalCidr, isPrivate, overlaps, parseCidr, size, type Cidr } from "../util/cidr.js";
import type { Problem } from "./problems.js";
import { guardrailPolicyNames } from "./names.js";
import { accountEmail, defaultOu, vpcCidrs } from "./resolve.js";
import type { Answers } from "./schema.js";

export interface Rule {
  readonly name: string;
  /** One line: what the rule protects against. */
  readonly why: string;
  readonly check: (answers: Answers) => Problem[];
}

function problem(
  rule: string,
  path: string,
  message: string,
  fix: string,
  received?: unknown,
): Problem {
  return received === undefined
    ? { rule, path, message, fix }
    : { rule, path, message, fix, received };
}

/** Reports every later occurrence of a repeated key. */
function duplicates<T>(
  rule: string,
  items: { key: T | undefined; path: string; shown: unknown }[],
  what: string,
): Problem[] {
  const first = new Map<T, string>();
  const out: Problem[] = [];
  for (const item of items) {
    if (item.key === undefined) continue;
    const seen = first.get(item.key);
    if (seen) {
      out.push(
        problem(
          rule,
          item.path,
          `repeats the ${what} of ${seen}`,
          `give it a unique ${what}`,
          item.shown,
        ),
      );
    } else first.set(item.key, item.path);
  }
  return out;
}

const uniqueAccountNames: Rule = {
  name: "unique-account-names",
  why: "Stack and resource names are derived from account names.",
  check: (a) =>
    duplicates(
      "unique-account-names",
      [
        { key: a.management.name, path: "management.name", shown: a.management.name },
        ...a.accounts.map((acc, i) => ({
          key: acc.name,
          path: `accounts[${i}].name`,
          shown: acc.name,
        })),
      ],
      "name",
    ),
};

const accountEmailsKnown: Rule = {
  name: "account-emails-known",
  why: "AWS Organizations needs a unique root e-mail to create or adopt every account.",
  check: (a) =>
    a.accounts.flatMap((acc, i) =>
      accountEmail(a, acc)
        ? []
        : [
            problem(
              "account-emails-known",
              `accounts[${i}].email`,
              "is missing and there is no accountEmailPattern to derive it from",
              'set email, or set accountEmailPattern (e.g. "aws+{name}@example.com")',
            ),
          ],
    ),
};

const derivedEmailsValid: Rule = {
  name: "derived-emails-valid",
  why: "An e-mail built from the pattern must still be a valid, short enough address.",
  check: (a) =>
    a.accounts.flatMap((acc, i) => {
      const email = accountEmail(a, acc);
      if (acc.email || !email || email.length <= 64) return [];
      return [
        problem(
          "derived-emails-valid",
          `accounts[${i}].email`,
          `derived from accountEmailPattern is ${email.length} characters; AWS allows 64`,
          "set a shorter email for this account or shorten the pattern",
          email,
        ),
      ];
    }),
};

const uniqueAccountEmails: Rule = {
  name: "unique-account-emails",
  why: "Each AWS account needs its own root e-mail address.",
  check: (a) =>
    duplicates(
      "unique-account-emails",
      [
        {
          key: a.management.email?.toLowerCase(),
          path: "management.email",
          shown: a.management.email,
        },
        ...a.accounts.map((acc, i) => {
          const email = accountEmail(a, acc);
          return { key: email?.toLowerCase(), path: `accounts[${i}].email`, shown: email };
        }),
      ],
      "e-mail",
    ),
};

const uniqueAccountIds: Rule = {
  name: "unique-account-ids",
  why: "Two stacks for one account would fight over the same resources.",
  check: (a) =>
    duplicates(
      "unique-account-ids",
      [
        {
          key: a.management.accountId,
          path: "management.accountId",
          shown: a.management.accountId,
        },
        ...a.accounts.map((acc, i) => ({
          key: acc.accountId,
          path: `accounts[${i}].accountId`,
          shown: acc.accountId,
        })),
      ],
      "account ID",
    ),
};

const oneLogArchive: Rule = {
  name: "one-log-archive-account",
  why: "The organization trail delivers into exactly one log-archive account.",
  check: (a) => {
    const archives = a.accounts.flatMap((acc, i) => (acc.kind === "log-archive" ? [i] : []));
    const security = a.accounts.flatMap((acc, i) => (acc.kind === "security" ? [i] : []));
    const out: Problem[] = [];
    if (archives.length === 0) {
      out.push(
        problem(
          "one-log-archive-account",
          "accounts",
          "has no account of kind log-archive",
          'add { "name": "log-archive", "kind": "log-archive" }',
        ),
      );
    }
    for (const i of archives.slice(1)) {
      out.push(
        problem(
          "one-log-archive-account",
          `accounts[${i}].kind`,
          "is a second log-archive account",
          'use "workload" or "security"',
          "log-archive",
        ),
      );
    }
    for (const i of security.slice(1)) {
      out.push(
        problem(
          "one-log-archive-account",
          `accounts[${i}].kind`,
          "is a second security account",
          'use "workload"',
          "security",
        ),
      );
    }
    return out;
  },
};

const homeRegionEnabled: Rule = {
  name: "home-region-enabled",
  why: "Organization-wide resources live in the home region, which must be covered.",
  check: (a) =>
    a.regions.enabled.includes(a.regions.home)
      ? []
      : [
          problem(
            "home-region-enabled",
            "regions.home",
            "is not in regions.enabled",
            `add "${a.regions.home}" to regions.enabled or pick a home region from it`,
            a.regions.home,
          ),
        ],
};

const enabledRegionsUnique: Rule = {
  name: "enabled-regions-unique",
  why: "A region listed twice would get two copies of each regional control.",
  check: (a) =>
    duplicates(
      "enabled-regions-unique",
      a.regions.enabled.map((r, i) => ({ key: r, path: `regions.enabled[${i}]`, shown: r })),
      "region",
    ),
};

const trailRetention: Rule = {
  name: "trail-retention-365",
  why: "CIS and most audits expect at least a year of CloudTrail history.",
  check: (a) => {
    const t = a.cloudtrail;
    const out: Problem[] = [];
    if (t.retentionDays < 365) {
      out.push(
        problem(
          "trail-retention-365",
          "cloudtrail.retentionDays",
          "is less than 365 days",
          "use 365 or more",
          t.retentionDays,
        ),
      );
    }
    if (t.cloudWatchLogsRetentionDays < 365) {
      out.push(
        problem(
          "trail-retention-365",
          "cloudtrail.cloudWatchLogsRetentionDays",
          "is less than 365 days",
          "use 365 or more",
          t.cloudWatchLogsRetentionDays,
        ),
      );
    }
    if (t.transitionToGlacierAfterDays >= t.retentionDays) {
      out.push(
        problem(
          "trail-retention-365",
          "cloudtrail.transitionToGlacierAfterDays",
          `is not before the expiry after ${t.retentionDays} days`,
          "use fewer days than cloudtrail.retentionDays",
          t.transitionToGlacierAfterDays,
        ),
      );
    }
    if (t.objectLock.enabled && t.objectLock.days > t.retentionDays) {
      out.push(
        problem(
          "trail-retention-365",
          "cloudtrail.objectLock.days",
          `locks objects longer than they are kept (${t.retentionDays} days)`,
          "use at most cloudtrail.retentionDays, or raise the retention",
          t.objectLock.days,
        ),
      );
    }
    return out;
  },
};

const natNeedsPublicSubnets: Rule = {
  name: "nat-needs-public-subnets",
  why: "NAT gateways live in public subnets.",
  check: (a) =>
    a.accounts.flatMap((acc, i) =>
      acc.network && acc.network.nat !== "none" && !acc.network.publicSubnets
        ? [
            problem(
              "nat-needs-public-subnets",
              `accounts[${i}].network.nat`,
              "asks for NAT gateways but publicSubnets is false",
              'set publicSubnets to true or nat to "none"',
              acc.network.nat,
            ),
          ]
        : [],
    ),
};

const zonesInHomeRegion: Rule = {
  name: "zones-in-home-region",
  why: "VPCs are built in the home region.",
  check: (a) =>
    a.accounts.flatMap((acc, i) =>
      (acc.network?.availabilityZones ?? []).flatMap((zone, z) =>
        zone.slice(0, -1) === a.regions.home
          ? []
          : [
              problem(
                "zones-in-home-region",
                `accounts[${i}].network.availabilityZones[${z}]`,
                `is not a zone of the home region ${a.regions.home}`,
                `use a zone like ${a.regions.home}a`,
                zone,
              ),
            ],
      ),
    ),
};

/** Every CIDR the user typed, with its key path. */
function explicitCidrs(a: Answers): { path: string; text: string }[] {
  return [
    { path: "addressing.supernet", text: a.addressing.supernet },
    ...a.accounts.flatMap((acc, i) =>
      acc.network?.cidr ? [{ path: `accounts[${i}].network.cidr`, text: acc.network.cidr }] : [],
    ),
  ];
}

const cidrsWellFormed: Rule = {
  name: "cidrs-well-formed",
  why: "A CIDR with host bits set or octets above 255 is not a network.",
  check: (a) =>
    explicitCidrs(a).flatMap(({ path, text }) => {
      if (parseCidr(text)) return [];
      const canonical = canonicalCidr(text);
      return [
        problem(
          "cidrs-well-formed",
          path,
          canonical ? "has host bits set" : "is not a valid IPv4 network",
          canonical ? `use ${canonical}` : "use a block like 10.0.0.0/16",
          text,
        ),
      ];
    }),
};

const cidrsPrivate: Rule = {
  name: "cidrs-private",
  why: "VPCs must use RFC 1918 private address space.",
  check: (a) =>
    explicitCidrs(a).flatMap(({ path, text }) => {
      const c = parseCidr(text);
      return c && !isPrivate(c)
        ? [
            problem(
              "cidrs-private",
              path,
              "is not a private (RFC 1918) range",
              "use a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16",
              text,
            ),
          ]
        : [];
    }),
};

const cidrsDoNotOverlap: Rule = {
  name: "cidrs-do-not-overlap",
  why: "Overlapping VPCs can never be peered or routed together.",
  check: (a) => {
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
            "cidrs-do-not-overlap",
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
};

const cidrsHoldSubnets: Rule = {
  name: "cidrs-hold-subnets",
  why: "Each VPC must fit a private (and public) subnet per availability zone.",
  check: (a) => {
    const { subnetPrefixLength, vpcPrefixLength } = a.addressing;
    const out: Problem[] = [];
    if (subnetPrefixLength <= vpcPrefixLength) {
      out.push(
        problem(
          "cidrs-hold-subnets",
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
            "cidrs-hold-subnets",
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
};

const supernetHasRoom: Rule = {
  name: "supernet-has-room",
  why: "Accounts without an explicit CIDR get one from the supernet.",
  check: (a) => {
    const supernet = parseCidr(a.addressing.supernet);
    if (!supernet || vpcCidrs(a)) return [];
    return [
      problem(
        "supernet-has-room",
        "addressing.supernet",
        `has no room for a /${a.addressing.vpcPrefixLength} per account that has a network`,
        "use a larger supernet, a longer vpcPrefixLength, or explicit network.cidr values",
        a.addressing.supernet,
      ),
    ];
  },
};

const supernetHoldsVpcs: Rule = {
  name: "supernet-holds-vpcs",
  why: "Allocated VPCs are carved from the supernet, so it must be at least one VPC large.",
  check: (a) => {
    const supernet = parseCidr(a.addressing.supernet);
    return supernet && supernet.prefix > a.addressing.vpcPrefixLength
      ? [
          problem(
            "supernet-holds-vpcs",
            "addressing.vpcPrefixLength",
            `is larger than the supernet /${supernet.prefix}`,
            `use /${supernet.prefix} or longer`,
            a.addressing.vpcPrefixLength,
          ),
        ]
      : [];
  },
};

const billingOverridesKnown: Rule = {
  name: "billing-overrides-known",
  why: "A threshold for an account that does not exist would be silently ignored.",
  check: (a) => {
    const names = new Set(a.accounts.map((acc) => acc.name));
    return Object.entries(a.billing.accountOverridesUsd).flatMap(([name, usd]) =>
      names.has(name)
        ? []
        : [
            problem(
              "billing-overrides-known",
              `billing.accountOverridesUsd.${name}`,
              "names no member account",
              `use one of: ${[...names].join(", ")}`,
              usd,
            ),
          ],
    );
  },
};

const adminUsersUnique: Rule = {
  name: "admin-users-unique",
  why: "IAM user names are unique within an account.",
  check: (a) =>
    duplicates(
      "admin-users-unique",
      a.identity.admins.users.map((u, i) => ({
        key: u.toLowerCase(),
        path: `identity.admins.users[${i}]`,
        shown: u,
      })),
      "user name",
    ),
};

const adoptTargetsKnown: Rule = {
  name: "adopt-targets-known",
  why: "An import block for a resource the stacks do not declare fails every plan.",
  check: (a) => {
    const out: Problem[] = [];
    const rule = "adopt-targets-known";
    if (a.adopt.organization && !a.organization.id) {
      out.push(
        problem(
          rule,
          "adopt.organization",
          "adopting the organization needs its ID",
          "set organization.id (o-…), e.g. with `aws-baseline accounts discover`",
          true,
        ),
      );
    }
    const ous = new Set(
      a.accounts.flatMap((acc) => {
        const parts = (acc.ou ?? defaultOu(acc.kind, acc.name)).split("/");
        return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
      }),
    );
    for (const path of Object.keys(a.adopt.organizationalUnits)) {
      if (!ous.has(path)) {
        out.push(
          problem(
            rule,
            `adopt.organizationalUnits.${path}`,
            "no account is placed in or under this OU, so the stacks do not declare it",
            `remove it, or set an account's ou to "${path}"`,
            path,
          ),
        );
      }
    }
    const scps = new Set(guardrailPolicyNames(a.organization.prefix, a.guardrails));
    for (const name of Object.keys(a.adopt.policies)) {
      if (!scps.has(name)) {
        out.push(
          problem(
            rule,
            `adopt.policies.${name}`,
            "is not one of the SCPs these answers switch on",
            `use one of: ${[...scps].join(", ") || "(none enabled)"}`,
            name,
          ),
        );
      }
    }
    if (a.adopt.attachedPolicies.length > 0 && !a.adopt.rootId) {
      out.push(
        problem(
          rule,
          "adopt.rootId",
          "importing SCP attachments needs the root ID",
          "set adopt.rootId (r-…), e.g. with `aws-baseline accounts discover`",
        ),
      );
    }
    a.adopt.attachedPolicies.forEach((name, i) => {
      if (!(name in a.adopt.policies)) {
        out.push(
          problem(
            rule,
            `adopt.attachedPolicies[${i}]`,
            "names a policy that adopt.policies does not import",
            "add it to adopt.policies with its p-… ID, or remove it",
            name,
          ),
        );
      }
    });
    return out;
  },
};

/** Every semantic rule, in the order problems are reported. */
export const RULES: readonly Rule[] = [
  uniqueAccountNames,
  accountEmailsKnown,
  derivedEmailsValid,
  uniqueAccountEmails,
  uniqueAccountIds,
  oneLogArchive,
  homeRegionEnabled,
  enabledRegionsUnique,
  trailRetention,
  natNeedsPublicSubnets,
  zonesInHomeRegion,
  cidrsWellFormed,
  cidrsPrivate,
  cidrsDoNotOverlap,
  cidrsHoldSubnets,
  supernetHoldsVpcs,
  supernetHasRoom,
  billingOverridesKnown,
  adminUsersUnique,
  adoptTargetsKnown,
];

export function checkRules(answers: Answers): Problem[] {
  return RULES.flatMap((rule) => rule.check(answers));
}
