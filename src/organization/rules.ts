/** Semantic rules of the organization area: accounts (names, e-mails, IDs, kinds), regions and adoption. */
import { defineRule, duplicates } from "../answers/define-rule.js";
import { HUMAN_ROLE_NAMES } from "../answers/names.js";
import type { Problem } from "../answers/problems.js";
import { regionProblem } from "../answers/regions.js";
import {
  accountEmail,
  defaultOu,
  deployRoleTrustedPrincipals,
  humanRoleNames,
  ouWithParents,
} from "../answers/resolve.js";

export const uniqueAccountNames = defineRule(
  "unique-account-names",
  "Stack and resource names are derived from account names.",
  (a, problem) =>
    duplicates(
      problem,
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
);

export const accountEmailsKnown = defineRule(
  "account-emails-known",
  "AWS Organizations needs a unique root e-mail to create or adopt every account.",
  (a, problem) =>
    a.accounts.flatMap((acc, i) =>
      accountEmail(a, acc)
        ? []
        : [
            problem(
              `accounts[${i}].email`,
              "is missing and there is no accountEmailPattern to derive it from",
              'set email, or set accountEmailPattern (e.g. "aws+{name}@example.com")',
            ),
          ],
    ),
);

export const derivedEmailsValid = defineRule(
  "derived-emails-valid",
  "An e-mail built from the pattern must still be a valid, short enough address.",
  (a, problem) =>
    a.accounts.flatMap((acc, i) => {
      const email = accountEmail(a, acc);
      if (acc.email || !email || email.length <= 64) return [];
      return [
        problem(
          `accounts[${i}].email`,
          `derived from accountEmailPattern is ${email.length} characters; AWS allows 64`,
          "set a shorter email for this account or shorten the pattern",
          email,
        ),
      ];
    }),
);

export const uniqueAccountEmails = defineRule(
  "unique-account-emails",
  "Each AWS account needs its own root e-mail address.",
  (a, problem) =>
    duplicates(
      problem,
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
);

export const uniqueAccountIds = defineRule(
  "unique-account-ids",
  "Two stacks for one account would fight over the same resources.",
  (a, problem) =>
    duplicates(
      problem,
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
);

export const oneLogArchive = defineRule(
  "one-log-archive-account",
  "The organization trail delivers into exactly one log-archive account.",
  (a, problem) => {
    const archives = a.accounts.flatMap((acc, i) => (acc.kind === "log-archive" ? [i] : []));
    const security = a.accounts.flatMap((acc, i) => (acc.kind === "security" ? [i] : []));
    const out: Problem[] = [];
    if (archives.length === 0) {
      out.push(
        problem(
          "accounts",
          "has no account of kind log-archive",
          'add { "name": "log-archive", "kind": "log-archive" }',
        ),
      );
    }
    for (const i of archives.slice(1)) {
      out.push(
        problem(
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
          `accounts[${i}].kind`,
          "is a second security account",
          'use "workload"',
          "security",
        ),
      );
    }
    return out;
  },
);

export const homeRegionEnabled = defineRule(
  "home-region-enabled",
  "Organization-wide resources live in the home region, which must be covered.",
  (a, problem) =>
    a.regions.enabled.includes(a.regions.home)
      ? []
      : [
          problem(
            "regions.home",
            "is not in regions.enabled",
            `add "${a.regions.home}" to regions.enabled or pick a home region from it`,
            a.regions.home,
          ),
        ],
);

export const regionsKnown = defineRule(
  "regions-known",
  "A misspelt region has the right shape but fails every plan; new regions are let in by name.",
  (a, problem) => {
    const allow = a.regions.allowUnknown;
    const check = (path: string, region: string) => {
      const why = regionProblem(region, allow);
      return why ? [problem(path, why.message, why.fix, region)] : [];
    };
    return [
      ...check("regions.home", a.regions.home),
      ...a.regions.enabled.flatMap((r, i) => check(`regions.enabled[${i}]`, r)),
      ...(a.state.backend === "s3" ? check("state.region", a.state.region) : []),
    ];
  },
);

export const enabledRegionsUnique = defineRule(
  "enabled-regions-unique",
  "A region listed twice would get two copies of each regional control.",
  (a, problem) =>
    duplicates(
      problem,
      a.regions.enabled.map((r, i) => ({ key: r, path: `regions.enabled[${i}]`, shown: r })),
      "region",
    ),
);

export const adoptTargetsKnown = defineRule(
  "adopt-targets-known",
  "An import block for a resource the stacks do not declare fails every plan.",
  (a, problem) => {
    const out: Problem[] = [];
    if (a.adopt.organization && !a.organization.id) {
      out.push(
        problem(
          "adopt.organization",
          "adopting the organization needs its ID",
          "set organization.id (o-…), e.g. with `aws-baseline accounts discover`",
          true,
        ),
      );
    }
    const ous = new Set(
      a.accounts.flatMap((acc) => ouWithParents(acc.ou ?? defaultOu(acc.kind, acc.name))),
    );
    for (const path of Object.keys(a.adopt.organizationalUnits)) {
      if (!ous.has(path)) {
        out.push(
          problem(
            `adopt.organizationalUnits.${path}`,
            "no account is placed in or under this OU, so the stacks do not declare it",
            `remove it, or set an account's ou to "${path}"`,
            path,
          ),
        );
      }
    }
    if (a.adopt.attachedPolicies.length > 0 && !a.adopt.rootId) {
      out.push(
        problem(
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
);

export const deployRoleTrusted = defineRule(
  "deploy-role-trusted",
  "A deploy role nobody may assume would stop every member stack after the access stacks.",
  (a, problem) =>
    deployRoleTrustedPrincipals(a).length > 0
      ? []
      : [
          problem(
            "deployRole.trustedPrincipals",
            "is empty, and with identity.admins and identity.identityCenter both off there is no default",
            'name who runs deploy, plan and drift in the management account, e.g. ["role/ci-deploy"]',
            a.deployRole.trustedPrincipals ?? [],
          ),
        ],
);

export const baselineRoleNamesDistinct = defineRule(
  "baseline-role-names-distinct",
  "The deploy role, the access role and the roles people use are protected differently by the guardrails.",
  (a, problem) => {
    const people = a.identity.admins.enabled
      ? humanRoleNames(a.identity.admins)
      : [HUMAN_ROLE_NAMES.support];
    const out: Problem[] = [];
    if (a.deployRole.name === a.accessRoleName) {
      out.push(
        problem(
          "deployRole.name",
          "is the access role's name; the access role is break-glass and must stay a different role",
          'choose another name (default "BaselineDeploy")',
          a.deployRole.name,
        ),
      );
    }
    for (const [path, name] of [
      ["deployRole.name", a.deployRole.name],
      ["accessRoleName", a.accessRoleName],
    ] as const) {
      if (people.includes(name)) {
        out.push(
          problem(path, "is also the name of a role people assume", "choose another name", name),
        );
      }
    }
    return out;
  },
);

/** Accounts and regions: reported first. */
export const organizationRules = [
  uniqueAccountNames,
  accountEmailsKnown,
  derivedEmailsValid,
  uniqueAccountEmails,
  uniqueAccountIds,
  oneLogArchive,
  regionsKnown,
  homeRegionEnabled,
  enabledRegionsUnique,
  deployRoleTrusted,
  baselineRoleNamesDistinct,
];

/** Adoption checks names the other areas derive: reported last. */
export const adoptionRules = [adoptTargetsKnown];
