/** Answers slices of the tooling: which Terraform CLI runs the stacks, and the optional AWS emulator. */
import { z } from "zod";

/**
 * Parts of the baseline that AWS API emulators do not implement, or implement so that the
 * provider retries for minutes. Emulator mode leaves each out (an answers switch per item) and
 * says so; real AWS always gets everything.
 */
export const EMULATOR_GAPS = {
  accessAnalyzer: {
    what: "IAM Access Analyzer (aws_accessanalyzer_analyzer: the account analyzers and the organization's)",
    why: "emulators such as moto do not implement the Access Analyzer API; CreateAnalyzer fails and is retried for minutes",
  },
  imdsDefaults: {
    what: "the account's IMDSv2 defaults (aws_ec2_instance_metadata_defaults)",
    why: "ModifyInstanceMetadataDefaults is not implemented by emulators",
  },
  budgets: {
    what: "AWS Budgets (aws_budgets_budget)",
    why: "emulators do not implement the budget notification calls the provider reads back",
  },
  s3AccountPublicAccessBlock: {
    what: "S3 account-level Block Public Access (aws_s3_account_public_access_block)",
    why: "S3 Control puts the account ID in front of the endpoint's host name, which cannot resolve for an IP or localhost endpoint",
  },
  centralRootAccess: {
    what: "centralized root access (aws_iam_organizations_features) and IAM trusted access",
    why: "emulators reject iam.amazonaws.com as a trusted service principal",
  },
  guardDuty: {
    what: "GuardDuty (detectors, the delegated administrator, organization auto-enable, findings export)",
    why: "emulators such as moto implement detectors but not GuardDuty's organization configuration, features or publishing destinations",
  },
  securityHub: {
    what: "Security Hub (delegated administrator, central configuration, finding aggregation)",
    why: "emulators do not implement Security Hub's configuration policies or finding aggregators",
  },
  configAggregator: {
    what: "AWS Config's organization aggregator and the security account's delegation for it",
    why: "moto's Organizations does not accept config.amazonaws.com as a delegated administrator's service",
  },
  organizationTrail: {
    what: "the org-trail stack (organization trail, its log group and the CIS alarms)",
    why: "it reads the trail KMS key across accounts, which emulators do not support",
  },
} as const;

export type EmulatorGap = keyof typeof EMULATOR_GAPS;

export const Terraform = z
  .strictObject({
    binary: z.enum(["terraform", "tofu"]).default("terraform").meta({
      description: "Which CLI runs the stacks (Terraform >= 1.10 or OpenTofu >= 1.10).",
    }),
  })
  .meta({ description: "Terraform tooling." });

export const Emulator = z
  .strictObject({
    endpointUrl: z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
      .refine((url) => !/[$%]\{/.test(url), {
        error: "must not contain ${ or %{ (Terraform would evaluate them)",
      })
      .meta({
        description:
          "Endpoint of a local AWS emulator (LocalStack-style). Every provider, backend and SDK client is pointed at it, with path-style S3 and credential/account checks skipped.",
        examples: ["http://localhost:4566"],
      }),
    leaveOut: z
      .strictObject(
        Object.fromEntries(
          Object.entries(EMULATOR_GAPS).map(([key, gap]) => [
            key,
            z
              .boolean()
              .default(true)
              .meta({ description: `Leave out ${gap.what}: ${gap.why}` }),
          ]),
        ) as { [K in EmulatorGap]: z.ZodDefault<z.ZodBoolean> },
      )
      .prefault({})
      .meta({
        description:
          "What emulator mode leaves out because emulators do not implement it (each is printed when left out). Set an item to false if your emulator supports it.",
      }),
  })
  .meta({
    description:
      "Rehearse the baseline against a local AWS emulator instead of AWS. Also: --endpoint-url or AWS_BASELINE_ENDPOINT_URL.",
  });
