/** Answers slice of the organization area: the organization, its regions, management and member accounts, and brownfield adoption. */
import { z } from "zod";
import { DEFAULT_HOME_REGION } from "./defaults.js";
import { accountId, accountName, email, ouPath, region, slugPattern } from "../answers/fields.js";
import { PREFIX_MAX_LENGTH } from "../answers/names.js";
import { KNOWN_REGIONS_AS_OF, REGIONS_ENABLED_BY_DEFAULT } from "../answers/regions.js";
import { Network } from "../network/answers.js";

export const Organization = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .max(64)
      .meta({
        description: "Human-readable organization name, used in descriptions and tags.",
        examples: ["Acme Corp"],
      }),
    prefix: z
      .string()
      .regex(slugPattern(PREFIX_MAX_LENGTH), {
        error: `must be 2-${PREFIX_MAX_LENGTH} lowercase letters, digits or '-', starting with a letter`,
      })
      .meta({
        description:
          "Prefix for every resource name the baseline creates (buckets, keys, trails). Keep it short and stable: changing it renames resources.",
        examples: ["acme"],
      }),
    id: z
      .string()
      .regex(/^o-[a-z0-9]{10,32}$/, { error: "must look like o-abc123defg" })
      .optional()
      .meta({
        description:
          "AWS Organizations ID. @default - unknown until the org stack has run; copy it from the Organizations console (the log-archive stack waits for it).",
        examples: ["o-a1b2c3d4e5"],
      }),
  })
  .meta({ description: "Who the organization is." });

export const Regions = z
  .strictObject({
    home: region()
      .default(DEFAULT_HOME_REGION)
      .meta({ description: "Region for the organization-wide resources (trail, logs, VPCs)." }),
    enabled: z
      .array(region())
      .min(1)
      .default([...REGIONS_ENABLED_BY_DEFAULT])
      .meta({
        description:
          "Regions the baseline covers. Regional controls (EBS default encryption, Access Analyzer, IMDS defaults) are deployed in each. @default - the 17 regions enabled by default in every account.",
      }),
    allowUnknown: z
      .array(region())
      .default([])
      .meta({
        description: `Region codes to accept although aws-baseline does not know them (its region list is of ${KNOWN_REGIONS_AS_OF}): regions AWS opened since. Every other region in the answers must be a known one, so a misspelt region is an error. Providers and the S3 backend in these regions skip their own region check. @default - none`,
        examples: [["xx-newregion-1"]],
      }),
  })
  .meta({ description: "Regions the baseline covers." });

export const Management = z
  .strictObject({
    name: accountName()
      .default("management")
      .meta({ description: "Short name of the management (payer) account, used in stack names." }),
    email: email()
      .optional()
      .meta({ description: "Root e-mail of the management account (informational)." }),
    accountId: accountId().optional().meta({
      description:
        "Management account ID. @default - unknown: stacks that need it wait until it is recorded.",
    }),
  })
  .meta({ description: "The existing management account that owns the organization." });

export const ACCOUNT_KINDS = ["log-archive", "security", "workload"] as const;

export const Account = z
  .strictObject({
    name: accountName().meta({
      description: "Short account name, used in stack names (baseline-<name>) and e-mails.",
    }),
    kind: z.enum(ACCOUNT_KINDS).default("workload").meta({
      description:
        "log-archive receives the organization trail; security is the audit account that administers the detective services; workload runs an environment.",
    }),
    email: email()
      .optional()
      .meta({ description: "Root e-mail of the account. @default - from accountEmailPattern." }),
    accountId: accountId().optional().meta({
      description:
        "Account ID once the account exists (`aws-baseline accounts sync` records it). @default - unknown: the account's stacks wait until it is recorded.",
    }),
    displayName: z
      .string()
      .min(1)
      .max(50)
      .regex(/^[\x20-\x7E]+$/, { error: "must be 1-50 printable ASCII characters" })
      .optional()
      .meta({
        description:
          "The account's name in AWS Organizations, when it differs from `name` (adopted accounts keep theirs). @default - name.",
        examples: ["Production"],
      }),
    ou: ouPath().optional().meta({
      description:
        "Organizational unit path. @default - Security for log-archive and security accounts, Workloads/<name> for workloads.",
    }),
    network: Network.optional().meta({
      description: "Network of this account. @default - no VPC.",
    }),
  })
  .meta({ description: "A member account of the organization." });

export const Adopt = z
  .strictObject({
    organization: z.boolean().default(false).meta({
      description:
        "Import the existing organization (organization.id) instead of creating one. Set by `aws-baseline accounts discover`.",
    }),
    accounts: z.boolean().default(false).meta({
      description:
        "Import every member account that has an accountId instead of creating it. Set by `accounts discover`.",
    }),
    organizationalUnits: z
      .record(
        ouPath(),
        z.string().regex(/^ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/, {
          error: "must look like ou-ab12-cd34ef56",
        }),
      )
      .default({})
      .meta({
        description:
          'Existing OUs to import, by OU path: { "Workloads/prod": "ou-ab12-cd34ef56" }.',
      }),
    policies: z
      .record(
        z.string().min(1).max(128),
        z.string().regex(/^p-[0-9a-z]{8,128}$/, { error: "must look like p-ab12cd34" }),
      )
      .default({})
      .meta({
        description:
          "Existing SCPs with the baseline's names to import (their content is replaced by the baseline's), by policy name.",
      }),
    rootId: z
      .string()
      .regex(/^r-[0-9a-z]{4,32}$/, { error: "must look like r-ab12" })
      .optional()
      .meta({ description: "ID of the existing organization root (to import SCP attachments)." }),
    attachedPolicies: z.array(z.string().min(1).max(128)).default([]).meta({
      description: "Imported SCPs (by name) that are already attached to the organization root.",
    }),
    otherRootPolicies: z
      .array(z.string().min(1).max(128))
      .default([])
      .meta({
        description:
          "SCPs attached to the organization root that the baseline does not manage (FullAWSAccess aside). They count against the 5-SCP quota per target. Written by `accounts discover`.",
        examples: [["deny-expensive-instances"]],
      }),
  })
  .meta({
    description:
      "Brownfield adoption: existing resources the stacks import (Terraform import blocks) rather than create. Written by `aws-baseline accounts discover`.",
  });

/** `role/<name>` or `user/<name>` (optionally with a path), in the management account. */
const managementPrincipal = () =>
  z
    .string()
    .regex(/^(role|user)\/([\w+=,.@*-]+\/)*[\w+=,.@*-]{1,64}$/, {
      error:
        "must be role/<name> or user/<name> (path and * wildcards allowed) of a principal in the management account",
    })
    .meta({ examples: ["role/BaselineAdmin", "role/github-actions-deploy"] });

export const DeployRole = z
  .strictObject({
    name: z
      .string()
      .regex(/^[\w+=,.@-]{1,64}$/, { error: "must be 1-64 letters, digits or + = , . @ _ -" })
      .default("BaselineDeploy")
      .meta({
        description:
          "Role the baseline creates in each member account and deploys every member stack with. Guardrail exemptions name only this role.",
      }),
    trustedPrincipals: z
      .array(managementPrincipal())
      .optional()
      .meta({
        description:
          "Management-account principals that may assume the deploy role: whoever runs `aws-baseline deploy`, `plan` or `drift` (people through the admin role, CI through its own role). @default - the admin role (role/<identity.admins.roleName>), and with Identity Center the Admin permission set's role in the management account.",
        examples: [["role/BaselineAdmin", "role/github-actions-deploy"]],
      }),
  })
  .meta({
    description:
      "The deploy role in member accounts. The access role (accessRoleName) only creates it and is otherwise break-glass.",
  });
