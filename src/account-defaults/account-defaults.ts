/**
 * Account-wide defaults: S3 Block Public Access, the security contact and the support role
 * (global), and in every enabled region EBS encryption by default, IAM Access Analyzer, IMDSv2
 * for new instances and neutralized default VPCs.
 */
import {
  AccessanalyzerAnalyzer,
  AccountAlternateContact,
  Construct,
  EbsDefaultKmsKey,
  EbsEncryptionByDefault,
  Ec2InstanceMetadataDefaults,
  S3AccountPublicAccessBlock,
  type AwsProvider,
} from "../build/cdk.js";
import { baselineNames } from "../answers/names.js";
import type { AccountStack } from "../build/account-stack.js";
import type { BaselineStackProps } from "../plan/plan.js";
import { policy } from "../build/policy-document.js";
import { accountAdministersKey } from "../build/kms-policy.js";
import { EncryptionKey } from "../build/encryption-key.js";
import { humanRoleTrustPolicy } from "../identity/policies.js";
import { SupportRole } from "./support-role.js";
import { DefaultVpcNeutralizer } from "./default-vpc.js";

/** Key policy for a regional EBS key: account admins manage it; EBS uses it for any caller in the account. */
export function ebsKeyPolicy(partition: string, accountId: string, region: string) {
  return policy(accountAdministersKey(partition, accountId), {
    // Same shape as the aws/ebs managed key, so Auto Scaling's service-linked role works too.
    Sid: "UseThroughEbsInThisAccount",
    Effect: "Allow",
    Principal: { AWS: "*" },
    Action: [
      "kms:CreateGrant",
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey*",
      "kms:ReEncrypt*",
    ],
    Resource: "*",
    Condition: {
      StringEquals: {
        "kms:CallerAccount": accountId,
        "kms:ViaService": `ec2.${region}.amazonaws.com`,
      },
    },
  });
}

/** Construct ids of the account defaults; regional ids end in the region. */
export const ACCOUNT_DEFAULTS_IDS = {
  s3BlockPublicAccess: "s3-block-public-access",
  securityContact: "security-contact",
  ebsEncryptionPrefix: "ebs-encryption-",
  ebsKeyPrefix: "ebs-key-",
  ebsDefaultKeyPrefix: "ebs-default-key-",
  accessAnalyzerPrefix: "access-analyzer-",
  imdsDefaultsPrefix: "imds-defaults-",
  supportRole: "support-role",
  defaultVpcPrefix: "default-vpc-",
} as const;

export class AccountDefaults extends Construct {
  constructor(scope: Construct, id: string, stack: AccountStack, props: BaselineStackProps) {
    super(scope, id);
    const { accountDefaults: d, identity, prefix } = props;
    const home = stack.providers.home;

    if (d.s3BlockPublicAccess) {
      new S3AccountPublicAccessBlock(this, ACCOUNT_DEFAULTS_IDS.s3BlockPublicAccess, {
        provider: home,
        // Explicit: the provider does not look the account up when told not to (emulator mode).
        accountId: stack.accountIdRef,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
    }
    const contact = identity.securityContact;
    if (contact) {
      new AccountAlternateContact(this, ACCOUNT_DEFAULTS_IDS.securityContact, {
        provider: home,
        alternateContactType: "SECURITY",
        name: contact.name,
        title: contact.title,
        emailAddress: contact.email,
        phoneNumber: contact.phone,
      });
    }
    if (d.supportRole) {
      new SupportRole(this, ACCOUNT_DEFAULTS_IDS.supportRole, {
        provider: home,
        partition: stack.partition,
        trustPolicy: humanRoleTrustPolicy({
          partition: stack.partition,
          accountId: stack.accountIdRef,
          maxMfaAgeSeconds: identity.admins.maxMfaAgeSeconds,
          signIn: props.signIn,
        }),
      });
    }
    for (const region of stack.providers.regions) {
      this.regional(stack, d, region, stack.providers.forRegion(region), prefix);
    }
  }

  private regional(
    stack: AccountStack,
    d: BaselineStackProps["accountDefaults"],
    region: string,
    provider: AwsProvider,
    prefix: string,
  ): void {
    const ids = ACCOUNT_DEFAULTS_IDS;
    if (d.ebsEncryption !== "off") {
      const enabled = new EbsEncryptionByDefault(this, `${ids.ebsEncryptionPrefix}${region}`, {
        provider,
        enabled: true,
      });
      if (d.ebsEncryption === "customer-managed-key") {
        const key = new EncryptionKey(this, `${ids.ebsKeyPrefix}${region}`, {
          provider,
          description: `EBS default encryption key (${region})`,
          alias: `alias/${prefix}-ebs-default`,
          policy: ebsKeyPolicy(stack.partition, stack.accountIdRef, region),
        });
        new EbsDefaultKmsKey(this, `${ids.ebsDefaultKeyPrefix}${region}`, {
          provider,
          keyArn: key.arn,
          dependsOn: [enabled],
        });
      }
    }
    if (d.accessAnalyzer) {
      new AccessanalyzerAnalyzer(this, `${ids.accessAnalyzerPrefix}${region}`, {
        provider,
        analyzerName: baselineNames(prefix).accessAnalyzer,
        type: "ACCOUNT",
      });
    }
    if (d.defaultVpc !== "keep") {
      // Neutralized in both modes: "delete" keeps a default VPC something still uses.
      new DefaultVpcNeutralizer(this, `${ids.defaultVpcPrefix}${region}`, { provider, region });
    }
    if (d.imdsv2) {
      // Hop limit 2 lets containers on the instance reach IMDSv2 through the extra network hop.
      new Ec2InstanceMetadataDefaults(this, `${ids.imdsDefaultsPrefix}${region}`, {
        provider,
        httpTokens: "required",
        httpPutResponseHopLimit: 2,
      });
    }
  }
}
