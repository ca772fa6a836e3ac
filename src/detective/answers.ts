/**
 * Answers slice of the detective area: AWS Config, GuardDuty, Security Hub and the organization's
 * IAM Access Analyzer, administered from the security account, and what of them already exists.
 */
import { z } from "zod";
import { DETECTIVE_DEFAULTS as D } from "./defaults.js";
import { accountName, region } from "../answers/fields.js";

const configName = () =>
  z.string().regex(/^[\w.-]{1,256}$/, { error: "must be 1-256 letters, digits, '_', '-' or '.'" });

/** An existing recorder and delivery channel in one account and region (Config allows one each). */
const AdoptedRecorder = z.strictObject({
  recorder: configName().meta({ description: "Name of the existing configuration recorder." }),
  deliveryChannel: configName()
    .optional()
    .meta({ description: "Name of the existing delivery channel, if there is one." }),
});

export const DetectiveAdopt = z
  .strictObject({
    configRecorders: z
      .record(accountName(), z.record(region(), AdoptedRecorder))
      .default({})
      .meta({
        description:
          'Existing Config recorders to import instead of create, by account name ("management" for the management account) and region. Set by `aws-baseline accounts discover`.',
        examples: [{ dev: { "eu-west-1": { recorder: "default", deliveryChannel: "default" } } }],
      }),
    configServiceLinkedRoles: z.array(accountName()).default([]).meta({
      description:
        'Accounts (by name, "management" for the management account) that already have Config\'s service-linked role AWSServiceRoleForConfig: it is imported instead of created. Set by `aws-baseline accounts discover`.',
    }),
    guardDutyDetectors: z
      .record(
        region(),
        z.string().regex(/^[0-9a-f]{32}$/, { error: "must be a 32-character detector ID" }),
      )
      .default({})
      .meta({
        description:
          "Existing GuardDuty detectors of the security account to import, by region (one detector per account and region).",
      }),
    guardDutyAdmin: z.boolean().default(false).meta({
      description:
        "The security account already is GuardDuty's delegated administrator: import the designation in every enabled region.",
    }),
    securityHubAdmin: z.boolean().default(false).meta({
      description:
        "The security account already is Security Hub's delegated administrator: import the designation and its hub.",
    }),
  })
  .meta({ description: "What of the detective services exists already (brownfield)." });

export const Detective = z
  .strictObject({
    config: z
      .strictObject({
        enabled: z.boolean().default(D.config).meta({
          description:
            "A Config recorder in every account and enabled region (all supported resource types; global ones once, in the home region) delivering to the log-archive bucket, and an organization aggregator in the security account (CIS 3.3).",
        }),
        conformancePack: z.boolean().default(D.conformancePack).meta({
          description:
            "An organization conformance pack with the Config managed rules for the CIS checks the baseline cannot enforce by construction (root and user credentials, key rotation). Billed per rule evaluation; see the cost estimate.",
        }),
      })
      .prefault({})
      .meta({ description: "AWS Config recording and aggregation." }),
    guardDuty: z
      .strictObject({
        enabled: z.boolean().default(D.guardDuty).meta({
          description:
            "GuardDuty organization-wide: the security account administers it, every existing and future account is enabled in every enabled region, findings are exported to the log-archive bucket.",
        }),
        s3Protection: z.boolean().default(D.s3Protection).meta({
          description: "GuardDuty S3 Protection (S3 data events) for every account.",
        }),
      })
      .prefault({})
      .meta({ description: "Amazon GuardDuty threat detection." }),
    securityHub: z
      .strictObject({
        enabled: z.boolean().default(D.securityHub).meta({
          description:
            "Security Hub with central configuration from the security account: CIS AWS Foundations Benchmark v3.0.0 and AWS Foundational Security Best Practices in every account and enabled region, findings aggregated into the home region (CIS 4.16). Needs detective.config.",
        }),
      })
      .prefault({})
      .meta({ description: "AWS Security Hub." }),
    accessAnalyzer: z
      .strictObject({
        enabled: z.boolean().default(D.accessAnalyzer).meta({
          description:
            "An organization IAM Access Analyzer (external access) in the security account.",
        }),
        unusedAccess: z.boolean().default(D.unusedAccess).meta({
          description:
            "Also an organization unused-access analyzer (paid per IAM role and user analyzed).",
        }),
        unusedAccessAgeDays: z.number().int().min(1).max(365).default(D.unusedAccessAgeDays).meta({
          description: "Access unused for this many days is reported.",
        }),
      })
      .prefault({})
      .meta({ description: "IAM Access Analyzer for the whole organization." }),
    adopt: DetectiveAdopt.prefault({}),
  })
  .meta({
    description:
      "Detective services run from the security account (its delegated administrator). Each needs an account of kind security.",
  });

export type DetectiveAnswers = z.output<typeof Detective>;
