/** Answers slice of the account-defaults area: EBS encryption, S3 Block Public Access, Access Analyzer, IMDSv2, the support role. */
import { z } from "zod";
import { DEFAULT_VPC_MODE } from "./defaults.js";

export const AccountDefaults = z
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
    defaultVpc: z.enum(["delete", "neutralize", "keep"]).default(DEFAULT_VPC_MODE).meta({
      description:
        "Default VPCs in every enabled region. delete: `deploy` (and `aws-baseline default-vpcs`) deletes each one no network interface uses, as Control Tower does, and the rest are neutralized. neutralize: the default security group loses every rule (CIS 5.4) and default subnets stop assigning public IPs. keep: left as AWS made them.",
    }),
    supportRole: z.boolean().default(true).meta({
      description:
        "A BaselineSupport role with the AWS managed AWSSupportAccess policy in every account, assumable with MFA (CIS 1.17).",
    }),
  })
  .meta({ description: "Account-level defaults applied in every account." });
