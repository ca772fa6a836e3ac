/**
 * The answers schema: the single source of truth for everything a user can choose.
 *
 * Every key is declared once here with its description and default. From this one declaration
 * come the TypeScript types (`AnswersInput`, `Answers`), the committed JSON Schema
 * (`templates/answers.schema.json`, for editor autocompletion), structural validation with key
 * paths, and the prompts and flags of the generator. Defaults that depend on other answers
 * ("@default - …") are applied in one place: `resolve.ts`.
 */
import { z } from "zod";
import { REGION_PATTERN, REGIONS_ENABLED_BY_DEFAULT } from "./regions.js";

export const ANSWERS_VERSION = 1;

/** `$schema` of answers files the tool writes (the schema ships with the npm package). */
export const ANSWERS_SCHEMA_REF = "./node_modules/aws-baseline/templates/answers.schema.json";

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

// ---- reusable field types: each carries its rule, its error text and an example --------------

const region = () =>
  z
    .string()
    .regex(REGION_PATTERN, { error: "must be an AWS region code" })
    .meta({ examples: ["eu-west-1"] });

const accountId = () =>
  z
    .string()
    .regex(/^\d{12}$/, { error: "must be exactly 12 digits (keep leading zeros; quote it)" })
    .meta({ examples: ["123456789012"] });

const email = () =>
  z
    .string()
    .max(64, { error: "must be at most 64 characters (AWS account e-mail limit)" })
    .regex(/^[^@\s]+@[^@\s]+\.[^@\s.]+$/, { error: "must be an e-mail address" })
    .meta({ examples: ["aws+security@example.com"] });

const accountName = () =>
  z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/, {
      error: "must be 2-22 lowercase letters, digits or '-', starting with a letter",
    })
    .meta({ examples: ["prod"] });

const ouPath = () =>
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 _-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9 _-]{0,127}){0,4}$/, {
      error: "must be an OU path of 1-5 names separated by '/'",
    })
    .meta({ examples: ["Workloads/prod"] });

const iamName = () =>
  z
    .string()
    .regex(/^[\w+=,.@-]{1,64}$/, {
      error: "must be 1-64 letters, digits or + = , . @ _ -",
    })
    .meta({ examples: ["Admins"] });

const cidr = () =>
  z
    .string()
    .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/, {
      error: "must be an IPv4 CIDR block",
    })
    .meta({ examples: ["10.0.0.0/16"] });

const logRetention = (fallback: number) =>
  z
    .number()
    .int()
    .refine((n) => (LOG_RETENTION_DAYS as readonly number[]).includes(n), {
      error: `must be a CloudWatch Logs retention period: ${LOG_RETENTION_DAYS.join(", ")}`,
    })
    .default(fallback)
    .meta({ examples: [365] });

// ---- sections ----------------------------------------------------------------------------------

const Organization = z
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
      .regex(/^[a-z][a-z0-9-]{0,18}[a-z0-9]$/, {
        error: "must be 2-20 lowercase letters, digits or '-', starting with a letter",
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

const Regions = z
  .strictObject({
    home: region()
      .default("us-east-1")
      .meta({ description: "Region for the organization-wide resources (trail, logs, VPCs)." }),
    enabled: z
      .array(region())
      .min(1)
      .default([...REGIONS_ENABLED_BY_DEFAULT])
      .meta({
        description:
          "Regions the baseline covers. Regional controls (EBS default encryption, Access Analyzer, IMDS defaults) are deployed in each. @default - the 17 regions enabled by default in every account.",
      }),
  })
  .meta({ description: "Regions the baseline covers." });

const Management = z
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

export const Network = z
  .strictObject({
    cidr: cidr().optional().meta({
      description:
        "VPC CIDR. @default - the next free block of `addressing.vpcPrefixLength` from `addressing.supernet`.",
    }),
    azCount: z.number().int().min(1).max(6).default(2).meta({
      description:
        "Number of availability zones for the private (and NAT) subnets. Ignored when availabilityZones is set.",
    }),
    availabilityZones: z
      .array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, { error: "must be a zone name" }))
      .min(1)
      .optional()
      .meta({
        description:
          "Exact zone names. @default - the first azCount zones of the home region (a, b, c, …).",
        examples: [["eu-west-1a", "eu-west-1b"]],
      }),
    nat: z.enum(["single", "per-az", "none"]).default("single").meta({
      description:
        "NAT gateways: one shared (cheapest), one per AZ (zone-independent), or none (no internet egress).",
    }),
    publicSubnets: z.boolean().default(true).meta({
      description:
        "Create public subnets. They host only NAT gateways; required when nat is not none.",
    }),
    flowLogRetentionDays: logRetention(365).meta({
      description: "Retention of the VPC flow log group in days.",
    }),
    interfaceEndpoints: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: "must be a service name" }))
      .default([])
      .meta({
        description: "Interface endpoints to create (service names, e.g. ssm, ecr.api, logs).",
        examples: [["ssm", "ssmmessages", "ec2messages"]],
      }),
  })
  .meta({ description: "Network of this account: a private VPC with NAT." });

export const ACCOUNT_KINDS = ["log-archive", "security", "workload"] as const;

const Account = z
  .strictObject({
    name: accountName().meta({
      description: "Short account name, used in stack names (baseline-<name>) and e-mails.",
    }),
    kind: z.enum(ACCOUNT_KINDS).default("workload").meta({
      description:
        "log-archive receives the organization trail; security is the optional audit/tooling account; workload runs an environment.",
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

const DEFAULT_ACCOUNTS = [
  { name: "log-archive", kind: "log-archive" as const },
  { name: "dev", kind: "workload" as const, network: {} },
  { name: "test", kind: "workload" as const, network: {} },
  { name: "prod", kind: "workload" as const, network: { azCount: 3, nat: "per-az" as const } },
];

const Addressing = z
  .strictObject({
    supernet: cidr()
      .default("10.0.0.0/8")
      .meta({ description: "Private range VPC CIDRs are allocated from." }),
    vpcPrefixLength: z.number().int().min(16).max(24).default(16).meta({
      description: "Size of each automatically allocated VPC CIDR.",
    }),
    subnetPrefixLength: z.number().int().min(16).max(28).default(20).meta({
      description: "Size of each subnet carved from a VPC CIDR.",
    }),
  })
  .meta({ description: "How VPC address space is allocated across accounts." });

const PasswordPolicy = z
  .strictObject({
    minimumLength: z
      .number()
      .int()
      .min(14, { error: "must be at least 14 (CIS 1.8)" })
      .max(128)
      .default(14)
      .meta({ description: "Minimum password length (CIS 1.8: >= 14)." }),
    reusePrevention: z.number().int().min(1).max(24).default(24).meta({
      description: "Number of previous passwords that cannot be reused (CIS 1.9).",
    }),
    requireUppercase: z
      .boolean()
      .default(true)
      .meta({ description: "Require an uppercase letter." }),
    requireLowercase: z
      .boolean()
      .default(true)
      .meta({ description: "Require a lowercase letter." }),
    requireNumbers: z.boolean().default(true).meta({ description: "Require a digit." }),
    requireSymbols: z.boolean().default(true).meta({ description: "Require a symbol." }),
    allowUsersToChange: z.boolean().default(true).meta({
      description: "Let IAM users change their own password.",
    }),
    maxAgeDays: z
      .number()
      .int()
      .min(1)
      .max(1095)
      .optional()
      .meta({ description: "Password expiry in days. @default - passwords do not expire." }),
    hardExpiry: z.boolean().default(false).meta({
      description: "Block users with an expired password until an administrator resets it.",
    }),
  })
  .meta({ description: "IAM account password policy applied in every account." });

const Admins = z
  .strictObject({
    enabled: z.boolean().default(true).meta({
      description:
        "Create the MFA-only admin group and role in every account. Turn off when access comes from IAM Identity Center.",
    }),
    groupName: iamName()
      .default("Admins")
      .meta({ description: "IAM group whose members may assume the admin role with MFA." }),
    roleName: iamName()
      .default("BaselineAdmin")
      .meta({ description: "Role carrying AdministratorAccess, assumable only with MFA." }),
    maxMfaAgeSeconds: z.number().int().min(900).max(43200).default(3600).meta({
      description: "Maximum age of the MFA sign-in when assuming the admin role.",
    }),
    users: z
      .array(iamName())
      .default([])
      .meta({
        description: "IAM user names to create in the management account and add to the group.",
        examples: [["alice", "bob"]],
      }),
    pgpKey: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          "PGP public key (base64) or keybase:username used to encrypt initial console passwords. @default - no login profile is created; setting a password is a manual step.",
        examples: ["keybase:alice"],
      }),
    readOnlyGroup: z.boolean().default(true).meta({
      description: "Also create a ReadOnly group (same MFA rule, ReadOnlyAccess via a role).",
    }),
    billingGroup: z.boolean().default(false).meta({
      description: "Also create a Billing group (same MFA rule, Billing via a role).",
    }),
  })
  .meta({ description: "Human admin access: MFA is required for everything." });

const SecurityContact = z
  .strictObject({
    name: z.string().min(1).max(64).meta({ description: "Contact name." }),
    title: z.string().min(1).max(50).meta({ description: "Contact title." }),
    email: email().meta({ description: "Contact e-mail." }),
    phone: z
      .string()
      .regex(/^\+[\d\s-]{6,24}$/, { error: "must be an international phone number" })
      .meta({
        description: "Contact phone (international format).",
        examples: ["+44 20 7946 0000"],
      }),
  })
  .meta({ description: "Security alternate contact set on every account (CIS 1.2)." });

const Identity = z
  .strictObject({
    passwordPolicy: PasswordPolicy.prefault({}),
    admins: Admins.prefault({}),
    securityContact: SecurityContact.optional(),
  })
  .meta({ description: "Identity baseline." });

const Guardrails = z
  .strictObject({
    denyLeavingOrganization: z.boolean().default(true).meta({
      description:
        "SCP: member accounts cannot leave the organization (and escape every guardrail).",
    }),
    protectCloudTrail: z.boolean().default(true).meta({
      description:
        "SCP: nobody but the baseline's access role can stop or change the trail, its log buckets or its KMS key.",
    }),
    protectAccountDefaults: z.boolean().default(true).meta({
      description:
        "SCP: nobody but the baseline's access role can turn off EBS default encryption, S3 account Block Public Access, IMDSv2 defaults or Access Analyzer.",
    }),
    denyRootUser: z.boolean().default(true).meta({
      description:
        "SCP: the root user of member accounts can do nothing (centralized root sessions excepted) and nobody can create root access keys.",
    }),
    centralRootAccess: z.boolean().default(true).meta({
      description:
        "Centralized root access for member accounts: root credentials management and root sessions from the management account.",
    }),
    denyRegionsOutsideEnabled: z.boolean().default(false).meta({
      description:
        "SCP: deny regional actions outside regions.enabled (global services stay allowed). Test it before enabling in a busy org.",
    }),
  })
  .meta({ description: "Service control policies and organization-level protections." });

const AccountDefaults = z
  .strictObject({
    ebsEncryption: z
      .enum(["aws-managed-key", "customer-managed-key", "off"])
      .default("aws-managed-key")
      .meta({
        description:
          "EBS encryption by default in every enabled region (CIS 2.2.1), with the AWS managed key or a customer managed key per region (rotated, about $1/month each).",
      }),
    s3BlockPublicAccess: z.boolean().default(true).meta({
      description: "S3 account-level Block Public Access, all four settings (CIS 2.1.4).",
    }),
    accessAnalyzer: z.boolean().default(true).meta({
      description:
        "IAM Access Analyzer (account zone of trust) in every enabled region (CIS 1.20).",
    }),
    imdsv2: z.boolean().default(true).meta({
      description:
        "Require IMDSv2 by default for new EC2 instances in every enabled region (CIS 5.6).",
    }),
  })
  .meta({ description: "Account-level defaults applied in every account." });

const CloudTrail = z
  .strictObject({
    retentionDays: z.number().int().min(1).max(36500).default(365).meta({
      description: "Days trail log files are kept in the log-archive bucket (at least 365).",
    }),
    transitionToGlacierAfterDays: z.number().int().min(30).default(90).meta({
      description: "Days after which log files move to S3 Glacier Instant Retrieval.",
    }),
    cloudWatchLogsRetentionDays: logRetention(365).meta({
      description: "Retention of the trail's CloudWatch Logs group (at least 365).",
    }),
    objectLock: z
      .strictObject({
        enabled: z.boolean().default(false).meta({ description: "Enable S3 Object Lock." }),
        mode: z.enum(["GOVERNANCE", "COMPLIANCE"]).default("GOVERNANCE").meta({
          description: "COMPLIANCE cannot be shortened or removed by anyone, including root.",
        }),
        days: z.number().int().min(1).default(365).meta({ description: "Default retention." }),
      })
      .prefault({})
      .meta({
        description: "Write-once retention on the trail bucket (never the access-log bucket).",
      }),
    dataEvents: z.enum(["none", "write", "read-write"]).default("none").meta({
      description: "S3 object-level data events on the trail (CIS 3.8/3.9). They cost per event.",
    }),
  })
  .meta({ description: "Organization CloudTrail options." });

const Alarms = z
  .strictObject({
    emails: z
      .array(email())
      .min(1, { error: "needs at least one address: an alarm nobody receives fails audits" })
      .meta({ description: "Who receives security alarms (CIS 4.x)." }),
    consoleSigninWithoutMfa: z
      .enum(["all-sign-ins", "iam-users-only"])
      .default("all-sign-ins")
      .meta({
        description:
          "CIS 4.2 pattern: every console sign-in without MFA, or the benchmark's variant for IAM Identity Center users that counts only successful IAM-user sign-ins (fewer false alarms).",
      }),
  })
  .meta({ description: "Security alarm delivery." });

const Billing = z
  .strictObject({
    emails: z
      .array(email())
      .min(1)
      .optional()
      .meta({ description: "Who receives billing alarms. @default - alarms.emails." }),
    totalMonthlyUsd: z.number().positive().default(1000).meta({
      description: "Alarm when estimated charges for the whole organization exceed this (USD).",
    }),
    accountMonthlyUsd: z.number().positive().default(200).meta({
      description: "Alarm and budget per member account (USD), unless overridden.",
    }),
    accountOverridesUsd: z
      .record(z.string(), z.number().positive())
      .default({})
      .meta({
        description: "Per-account monthly thresholds by account name.",
        examples: [{ prod: 2000 }],
      }),
    budgets: z.boolean().default(true).meta({ description: "Create an AWS Budget per account." }),
    budgetActualPercents: z
      .array(z.number().int().min(1).max(1000))
      .min(1)
      .default([80, 100])
      .meta({
        description: "Budget alerts when actual spend passes these percentages of the limit.",
      }),
    budgetForecastPercent: z.number().int().min(1).max(1000).default(100).meta({
      description: "Budget alert when forecast spend passes this percentage of the limit.",
    }),
  })
  .meta({
    description:
      "Billing alarms and budgets. AWS publishes the EstimatedCharges metric only after billing alerts are switched on once in the management account (Billing console > Billing preferences > Receive CloudWatch billing alerts); synth lists this among the manual steps.",
  });

const S3State = z.strictObject({
  backend: z.literal("s3"),
  bucket: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "must be a valid S3 bucket name" })
    .meta({
      description:
        "Existing state bucket: versioned, encrypted, private; create it before the first terraform init.",
      examples: ["acme-tfstate"],
    }),
  region: region().meta({ description: "Region of the state bucket." }),
  keyPrefix: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, { error: "must be a path without leading '/'" })
    .default("aws-baseline")
    .meta({ description: "State keys are <keyPrefix>/<stack>.tfstate." }),
});

const LocalState = z.strictObject({
  backend: z.literal("local"),
  directory: z
    .string()
    .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_./-]+$/, {
      error: "must be a relative path inside the project (no '..', not absolute)",
    })
    .default("terraform-state")
    .meta({
      description:
        "Folder for local state files, relative to the folder holding the synth output (beside cdktf.out, never inside it).",
    }),
});

const State = z
  .discriminatedUnion("backend", [S3State, LocalState])
  .prefault({ backend: "local" })
  .meta({
    description:
      "Where Terraform state lives: S3 (encrypted, use_lockfile) for real use, or local files for trials.",
  });

const Adopt = z
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
  })
  .meta({
    description:
      "Brownfield adoption: existing resources the stacks import (Terraform import blocks) rather than create. Written by `aws-baseline accounts discover`.",
  });

const Emulator = z
  .strictObject({
    endpointUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).meta({
      description:
        "Endpoint of a local AWS emulator (LocalStack-style). Every provider, backend and SDK client is pointed at it, with path-style S3 and credential/account checks skipped.",
      examples: ["http://localhost:4566"],
    }),
  })
  .meta({
    description:
      "Rehearse the baseline against a local AWS emulator instead of AWS. Also: --endpoint-url or AWS_BASELINE_ENDPOINT_URL.",
  });

const Terraform = z
  .strictObject({
    binary: z.enum(["terraform", "tofu"]).default("terraform").meta({
      description: "Which CLI runs the stacks (Terraform >= 1.10 or OpenTofu >= 1.10).",
    }),
  })
  .meta({ description: "Terraform tooling." });

export const AnswersSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: "JSON Schema reference for editors." }),
    generatedBy: z
      .string()
      .optional()
      .meta({
        description: "The aws-baseline version that generated this file (informational).",
        examples: ["aws-baseline 0.1.0"],
      }),
    version: z.literal(ANSWERS_VERSION, { error: `must be ${ANSWERS_VERSION}` }).meta({
      description: "Answers file format version.",
    }),
    organization: Organization,
    regions: Regions.prefault({}),
    management: Management.prefault({}),
    accountEmailPattern: z
      .string()
      .regex(/^[^@\s]*\{name\}[^@\s]*@[^@\s]+\.[^@\s.]+$/, {
        error: "must be an e-mail address containing {name}",
      })
      .optional()
      .meta({
        description:
          "Pattern for account e-mails; {name} is replaced by the account name. Needed for accounts without an email.",
        examples: ["aws+{name}@example.com"],
      }),
    accessRoleName: iamName()
      .default("OrganizationAccountAccessRole")
      .meta({ description: "Role in each member account that the baseline assumes." }),
    accounts: z.array(Account).min(1).prefault(DEFAULT_ACCOUNTS).meta({
      description:
        "Member accounts. @default - log-archive, dev, test and prod (networks on dev/test/prod).",
    }),
    addressing: Addressing.prefault({}),
    identity: Identity.prefault({}),
    guardrails: Guardrails.prefault({}),
    accountDefaults: AccountDefaults.prefault({}),
    cloudtrail: CloudTrail.prefault({}),
    alarms: Alarms,
    billing: Billing.prefault({}),
    state: State,
    terraform: Terraform.prefault({}),
    adopt: Adopt.prefault({}),
    emulator: Emulator.optional(),
  })
  .meta({
    title: "aws-baseline answers",
    description: "Answers that describe an AWS organization baseline. See the aws-baseline README.",
  });

/** What a user writes (defaults optional). */
export type AnswersInput = z.input<typeof AnswersSchema>;
/** What the schema returns (static defaults applied). */
export type Answers = z.output<typeof AnswersSchema>;
export type AccountAnswers = Answers["accounts"][number];
export type NetworkAnswers = z.output<typeof Network>;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
