/**
 * Service control policy guardrails. Each guardrail is one function returning a document and the
 * reason it exists. SCPs never affect the management account; they bound every member account.
 * The baseline's own access role is exempt where it must manage the protected resource.
 */
import { GUARDRAIL_SUFFIXES } from "../answers/names.js";
import { policy, type PolicyDocument } from "../build/policy-document.js";

export interface Guardrail {
  readonly name: string;
  readonly description: string;
  readonly reason: string;
  readonly document: PolicyDocument;
}

export interface GuardrailContext {
  readonly partition: string;
  readonly prefix: string;
  readonly trailName: string;
  /** Role the baseline deploys with in member accounts (exempt from tamper protections). */
  readonly accessRoleName: string;
  readonly enabledRegions: readonly string[];
}

function exemptAccessRole(c: GuardrailContext) {
  return {
    ArnNotLike: { "aws:PrincipalArn": `arn:${c.partition}:iam::*:role/${c.accessRoleName}` },
  };
}

export function denyLeavingOrganization(c: GuardrailContext): Guardrail {
  return {
    name: `${c.prefix}-${GUARDRAIL_SUFFIXES.denyLeavingOrganization}`,
    description: "Member accounts cannot leave the organization.",
    reason:
      "An account that leaves the organization escapes every other guardrail and the org trail.",
    document: policy({
      Sid: "DenyLeaveOrganization",
      Effect: "Deny",
      Action: "organizations:LeaveOrganization",
      Resource: "*",
    }),
  };
}

export function protectCloudTrail(c: GuardrailContext): Guardrail {
  const buckets = [`${c.prefix}-cloudtrail-*`, `${c.prefix}-s3-access-logs-*`].map(
    (b) => `arn:${c.partition}:s3:::${b}`,
  );
  return {
    name: `${c.prefix}-${GUARDRAIL_SUFFIXES.protectCloudTrail}`,
    description:
      "Only the baseline can change the organization trail, its log buckets and its key.",
    reason:
      "An attacker's first move is to blind the audit log; log files must never be deleted by anyone.",
    document: policy(
      {
        Sid: "DenyTrailTampering",
        Effect: "Deny",
        Action: [
          "cloudtrail:DeleteTrail",
          "cloudtrail:StopLogging",
          "cloudtrail:UpdateTrail",
          "cloudtrail:PutEventSelectors",
          "cloudtrail:PutInsightSelectors",
        ],
        Resource: `arn:${c.partition}:cloudtrail:*:*:trail/${c.trailName}`,
        Condition: exemptAccessRole(c),
      },
      {
        Sid: "DenyLogBucketTampering",
        Effect: "Deny",
        Action: [
          "s3:DeleteBucket",
          "s3:DeleteBucketPolicy",
          "s3:PutBucketAcl",
          "s3:PutBucketLogging",
          "s3:PutBucketObjectLockConfiguration",
          "s3:PutBucketOwnershipControls",
          "s3:PutBucketPolicy",
          "s3:PutBucketPublicAccessBlock",
          "s3:PutBucketVersioning",
          "s3:PutEncryptionConfiguration",
          "s3:PutLifecycleConfiguration",
        ],
        Resource: buckets,
        Condition: exemptAccessRole(c),
      },
      {
        // No exemption: the baseline never deletes log files; lifecycle expiry is done by S3 itself.
        Sid: "DenyLogFileDeletion",
        Effect: "Deny",
        Action: [
          "s3:DeleteObject",
          "s3:DeleteObjectVersion",
          "s3:PutObjectRetention",
          "s3:BypassGovernanceRetention",
        ],
        Resource: buckets.map((b) => `${b}/*`),
      },
      {
        Sid: "DenyLogKeyTampering",
        Effect: "Deny",
        Action: [
          "kms:DisableKey",
          "kms:DisableKeyRotation",
          "kms:PutKeyPolicy",
          "kms:ScheduleKeyDeletion",
          "kms:TagResource",
          "kms:UntagResource",
        ],
        Resource: "*",
        Condition: {
          StringEquals: { "aws:ResourceTag/BaselineProtected": "cloudtrail" },
          ...exemptAccessRole(c),
        },
      },
    ),
  };
}

export function protectAccountDefaults(c: GuardrailContext): Guardrail {
  return {
    name: `${c.prefix}-${GUARDRAIL_SUFFIXES.protectAccountDefaults}`,
    description:
      "Only the baseline can turn off default encryption, Block Public Access, IMDSv2 defaults or Access Analyzer.",
    reason:
      "Account-wide defaults protect resources nobody has created yet; switching them off is silent.",
    document: policy({
      Sid: "DenyDisablingAccountDefaults",
      Effect: "Deny",
      Action: [
        "access-analyzer:DeleteAnalyzer",
        "ec2:DisableEbsEncryptionByDefault",
        "ec2:ModifyEbsDefaultKmsKeyId",
        "ec2:ModifyInstanceMetadataDefaults",
        "ec2:ResetEbsDefaultKmsKeyId",
        "s3:PutAccountPublicAccessBlock",
      ],
      Resource: "*",
      Condition: exemptAccessRole(c),
    }),
  };
}

export function denyRootUser(c: GuardrailContext): Guardrail {
  const root = `arn:${c.partition}:iam::*:root`;
  return {
    name: `${c.prefix}-${GUARDRAIL_SUFFIXES.denyRootUser}`,
    description:
      "The root user of member accounts can do nothing; nobody can create root access keys.",
    reason:
      "Root bypasses IAM and cannot be scoped (CIS 1.4, 1.7); privileged tasks use centralized root sessions.",
    document: policy(
      {
        // Root sessions started from the management account (sts:AssumeRoot) carry aws:AssumedRoot.
        Sid: "DenyRootUser",
        Effect: "Deny",
        Action: "*",
        Resource: "*",
        Condition: { ArnLike: { "aws:PrincipalArn": root }, Null: { "aws:AssumedRoot": "true" } },
      },
      {
        Sid: "DenyRootAccessKeys",
        Effect: "Deny",
        Action: "iam:CreateAccessKey",
        Resource: "*",
        Condition: { ArnLike: { "aws:PrincipalArn": root } },
      },
    ),
  };
}

/**
 * Services that are global, or whose control plane lives in us-east-1, and so must stay allowed
 * when regional actions are denied outside the enabled regions.
 */
export const GLOBAL_SERVICE_ACTIONS = [
  "account:*",
  "aws-marketplace:*",
  "aws-portal:*",
  "billing:*",
  "budgets:*",
  "ce:*",
  "cloudfront:*",
  "cur:*",
  "ec2:DescribeRegions",
  "globalaccelerator:*",
  "health:*",
  "iam:*",
  "invoicing:*",
  "kms:*",
  "networkmanager:*",
  "organizations:*",
  "payments:*",
  "pricing:*",
  "route53:*",
  "route53domains:*",
  "s3:GetAccountPublicAccessBlock",
  "s3:ListAllMyBuckets",
  "s3:PutAccountPublicAccessBlock",
  "shield:*",
  "sso:*",
  "sts:*",
  "support:*",
  "tax:*",
  "trustedadvisor:*",
  "waf:*",
  "wafv2:*",
] as const;

export function denyRegionsOutsideEnabled(c: GuardrailContext): Guardrail {
  return {
    name: `${c.prefix}-${GUARDRAIL_SUFFIXES.denyRegionsOutsideEnabled}`,
    description:
      "Regional actions are denied outside the enabled regions; global services stay allowed.",
    reason:
      "Resources in regions nobody watches escape monitoring and the regional baseline controls.",
    document: policy({
      Sid: "DenyOutsideEnabledRegions",
      Effect: "Deny",
      NotAction: GLOBAL_SERVICE_ACTIONS,
      Resource: "*",
      Condition: {
        StringNotEquals: { "aws:RequestedRegion": [...c.enabledRegions] },
        ...exemptAccessRole(c),
      },
    }),
  };
}

/** SCPs are limited to 5,120 characters (minified). */
export const SCP_MAX_CHARS = 5120;
