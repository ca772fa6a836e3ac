/**
 * Service control policy guardrails. Each guardrail is one function contributing statements and
 * the reason it exists; `pack.ts` combines the switched-on guardrails into as few SCPs as fit
 * AWS's quotas. SCPs never affect the management account; they bound every member account.
 *
 * Exemptions name only the deploy role, the role every member stack's provider assumes. The access
 * role (OrganizationAccountAccessRole) is break-glass and gets no exemption; actions the baseline
 * never needs after creation are denied to everyone.
 */
import { denyDefaultVpcCreation } from "../account-defaults/default-vpc-scp.js";
import { type PolicyStatement } from "../build/policy-document.js";
import { configServiceLinkedRoleArn } from "../detective/defaults.js";

export type GuardrailKey =
  | "denyLeavingOrganization"
  | "protectBaselineRoles"
  | "protectCloudTrail"
  | "protectAccountDefaults"
  | "denyRootUser"
  | "denyRegionsOutsideEnabled"
  | "protectDetectiveServices";

export interface Guardrail {
  /** The answers switch (`guardrails.<key>`). */
  readonly key: GuardrailKey;
  readonly description: string;
  readonly reason: string;
  readonly statements: readonly PolicyStatement[];
}

export interface GuardrailContext {
  readonly partition: string;
  readonly prefix: string;
  readonly trailName: string;
  /** Role every member stack deploys with: the only principal guardrails exempt. */
  readonly deployRoleName: string;
  /** Break-glass role Organizations creates in each account (no exemption). */
  readonly accessRoleName: string;
  /** Roles people assume in member accounts; only the deploy role may change them. */
  readonly humanRoleNames: readonly string[];
  readonly enabledRegions: readonly string[];
  /** Detective services the baseline runs (only those are protected: others may be someone else's). */
  readonly detective: {
    readonly config: boolean;
    readonly guardDuty: boolean;
    readonly securityHub: boolean;
  };
}

function roleArnPattern(c: GuardrailContext, roleName: string): string {
  return `arn:${c.partition}:iam::*:role/${roleName}`;
}

/** Condition: the caller is not the deploy role. */
function exemptDeployRole(c: GuardrailContext) {
  return { ArnNotLike: { "aws:PrincipalArn": roleArnPattern(c, c.deployRoleName) } };
}

export function denyLeavingOrganization(): Guardrail {
  return {
    key: "denyLeavingOrganization",
    description: "Member accounts cannot leave the organization.",
    reason:
      "An account that leaves the organization escapes every other guardrail and the org trail.",
    statements: [
      {
        Sid: "DenyLeaveOrganization",
        Effect: "Deny",
        Action: "organizations:LeaveOrganization",
        Resource: "*",
      },
    ],
  };
}

/** IAM actions that change a role, its policies or its trust. */
const ROLE_CHANGES = [
  "iam:AttachRolePolicy",
  "iam:DeleteRole",
  "iam:DeleteRolePermissionsBoundary",
  "iam:DeleteRolePolicy",
  "iam:DetachRolePolicy",
  "iam:PutRolePermissionsBoundary",
  "iam:PutRolePolicy",
  "iam:TagRole",
  "iam:UntagRole",
  "iam:UpdateAssumeRolePolicy",
  "iam:UpdateRole",
  "iam:UpdateRoleDescription",
] as const;

export function protectBaselineRoles(c: GuardrailContext): Guardrail {
  const roles = [c.deployRoleName, c.accessRoleName].map((r) => roleArnPattern(c, r));
  return {
    key: "protectBaselineRoles",
    description:
      "Nobody in a member account can change the deploy role or the access role except those roles.",
    reason:
      "Whoever rewrites the deploy role's trust inherits every guardrail exemption; the access role is break-glass.",
    statements: [
      {
        // As Control Tower protects its execution role: the roles change only through themselves.
        // CreateRole too: in an adopted account nobody may plant a deploy role of their own.
        Sid: "DenyBaselineRoleChanges",
        Effect: "Deny",
        Action: [...ROLE_CHANGES, "iam:CreateRole"],
        Resource: roles,
        Condition: { ArnNotLike: { "aws:PrincipalArn": roles } },
      },
      ...(c.humanRoleNames.length > 0
        ? [
            {
              // A member admin must not open the MFA-only roles to another account or drop MFA.
              Sid: "DenyHumanRoleChanges",
              Effect: "Deny" as const,
              Action: ROLE_CHANGES,
              Resource: c.humanRoleNames.map((r) => roleArnPattern(c, r)),
              Condition: exemptDeployRole(c),
            },
          ]
        : []),
    ],
  };
}

export function protectCloudTrail(c: GuardrailContext): Guardrail {
  const buckets = [
    `${c.prefix}-cloudtrail-*`,
    `${c.prefix}-s3-access-logs-*`,
    `${c.prefix}-security-logs-*`,
  ].map((b) => `arn:${c.partition}:s3:::${b}`);
  const protectedKey = { StringEquals: { "aws:ResourceTag/BaselineProtected": "cloudtrail" } };
  return {
    key: "protectCloudTrail",
    description:
      "Only the deploy role can change the organization trail, its log buckets and its key; nobody can delete logs or the key.",
    reason:
      "An attacker's first move is to blind the audit log; log files and their key must never be destroyed by anyone.",
    statements: [
      {
        Sid: "DenyTrailTampering",
        Effect: "Deny",
        Action: [
          "cloudtrail:DeleteTrail",
          "cloudtrail:PutEventSelectors",
          "cloudtrail:PutInsightSelectors",
          "cloudtrail:StopLogging",
          "cloudtrail:UpdateTrail",
        ],
        Resource: `arn:${c.partition}:cloudtrail:*:*:trail/${c.trailName}`,
        Condition: exemptDeployRole(c),
      },
      {
        // The baseline sets these once at creation (and may lengthen them), through the deploy role.
        Sid: "DenyLogBucketTampering",
        Effect: "Deny",
        Action: [
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
        Condition: exemptDeployRole(c),
      },
      {
        // No exemption: the baseline never deletes log files or buckets; expiry is done by S3 itself.
        Sid: "DenyLogDeletion",
        Effect: "Deny",
        Action: [
          "s3:BypassGovernanceRetention",
          "s3:DeleteBucket",
          "s3:DeleteObject",
          "s3:DeleteObjectVersion",
          "s3:PutObjectRetention",
        ],
        Resource: [...buckets, ...buckets.map((b) => `${b}/*`)],
      },
      {
        Sid: "DenyLogKeyTampering",
        Effect: "Deny",
        Action: [
          // A grant hands decryption to principals the key policy does not name.
          "kms:CreateGrant",
          "kms:DisableKeyRotation",
          "kms:PutKeyPolicy",
          "kms:TagResource",
          "kms:UntagResource",
        ],
        Resource: "*",
        Condition: { ...protectedKey, ...exemptDeployRole(c) },
      },
      {
        // No exemption: without its tag the key would fall out of every statement above.
        Sid: "DenyLogKeyUntagging",
        Effect: "Deny",
        Action: ["kms:TagResource", "kms:UntagResource"],
        Resource: "*",
        Condition: {
          ...protectedKey,
          "ForAnyValue:StringEquals": { "aws:TagKeys": "BaselineProtected" },
        },
      },
      {
        // No exemption: a disabled or deleted trail key makes every log file unreadable.
        Sid: "DenyLogKeyDestruction",
        Effect: "Deny",
        Action: ["kms:DisableKey", "kms:ScheduleKeyDeletion"],
        Resource: "*",
        Condition: protectedKey,
      },
    ],
  };
}

export function protectAccountDefaults(c: GuardrailContext): Guardrail {
  return {
    key: "protectAccountDefaults",
    description:
      "Only the deploy role can turn off default encryption, Block Public Access, IMDSv2 defaults or Access Analyzer, change the password policy or alternate contacts, or create a default VPC.",
    reason:
      "Account-wide defaults protect resources nobody has created yet; switching them off is silent.",
    statements: [
      {
        Sid: "DenyDisablingAccountDefaults",
        Effect: "Deny",
        Action: [
          "access-analyzer:DeleteAnalyzer",
          "account:DeleteAlternateContact",
          "account:PutAlternateContact",
          "ec2:DisableEbsEncryptionByDefault",
          "ec2:ModifyEbsDefaultKmsKeyId",
          "ec2:ModifyInstanceMetadataDefaults",
          "ec2:ResetEbsDefaultKmsKeyId",
          // The baseline sets the password policy in every account (CIS 1.8, 1.9).
          "iam:DeleteAccountPasswordPolicy",
          "iam:UpdateAccountPasswordPolicy",
          "s3:PutAccountPublicAccessBlock",
        ],
        Resource: "*",
        Condition: exemptDeployRole(c),
      },
      // Deleted default VPCs stay deleted (CIS 5.4, 3.7): their subnets hand out public IPs.
      denyDefaultVpcCreation(roleArnPattern(c, c.deployRoleName)),
    ],
  };
}

export function denyRootUser(c: GuardrailContext): Guardrail {
  const root = `arn:${c.partition}:iam::*:root`;
  return {
    key: "denyRootUser",
    description:
      "The root user of member accounts can do nothing; nobody can create root access keys.",
    reason:
      "Root bypasses IAM and cannot be scoped (CIS 1.4, 1.7); privileged tasks use centralized root sessions.",
    statements: [
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
    ],
  };
}

/**
 * Actions that are global, or whose control plane lives in us-east-1, and so must stay allowed
 * when regional actions are denied outside the enabled regions. Aligned with Control Tower's
 * region deny control (ACM for CloudFront, ECR Public, notifications, Savings Plans, support plans...).
 */
export const GLOBAL_SERVICE_ACTIONS = [
  "a4b:*",
  "access-analyzer:*",
  "account:*",
  "acm:*",
  "artifact:*",
  "aws-marketplace-management:*",
  "aws-marketplace:*",
  "aws-portal:*",
  "billing:*",
  "billingconductor:*",
  "budgets:*",
  "ce:*",
  "chatbot:*",
  "cloudfront:*",
  "cloudtrail:LookupEvents",
  "compute-optimizer:*",
  "config:*",
  "consoleapp:*",
  "consolidatedbilling:*",
  "cur:*",
  "directconnect:*",
  "ec2:DescribeRegions",
  "ec2:DescribeTransitGateways",
  "ec2:DescribeVpnGateways",
  "ecr-public:*",
  "fms:*",
  "freetier:*",
  "globalaccelerator:*",
  "health:*",
  "iam:*",
  "invoicing:*",
  "iq:*",
  "kms:*",
  "license-manager:ListReceivedLicenses",
  "networkmanager:*",
  "notifications-contacts:*",
  "notifications:*",
  "organizations:*",
  "payments:*",
  "pricing:*",
  "resource-explorer-2:*",
  "route53-recovery-cluster:*",
  "route53-recovery-control-config:*",
  "route53-recovery-readiness:*",
  "route53:*",
  "route53domains:*",
  "s3:CreateMultiRegionAccessPoint",
  "s3:DeleteMultiRegionAccessPoint",
  "s3:DescribeMultiRegionAccessPointOperation",
  "s3:GetAccountPublicAccessBlock",
  "s3:GetBucketLocation",
  "s3:GetMultiRegionAccessPoint",
  "s3:GetMultiRegionAccessPointPolicy",
  "s3:GetMultiRegionAccessPointPolicyStatus",
  "s3:GetStorageLensConfiguration",
  "s3:GetStorageLensDashboard",
  "s3:ListAllMyBuckets",
  "s3:ListMultiRegionAccessPoints",
  "s3:ListStorageLensConfigurations",
  "s3:PutAccountPublicAccessBlock",
  "s3:PutMultiRegionAccessPointPolicy",
  "savingsplans:*",
  "shield:*",
  "sso:*",
  "sts:*",
  "support:*",
  "supportapp:*",
  "supportplans:*",
  "sustainability:*",
  "tag:GetResources",
  "tax:*",
  "trustedadvisor:*",
  "waf-regional:*",
  "waf:*",
  "wafv2:*",
] as const;

export function denyRegionsOutsideEnabled(c: GuardrailContext): Guardrail {
  return {
    key: "denyRegionsOutsideEnabled",
    description:
      "Regional actions are denied outside the enabled regions (global services stay allowed); only the deploy role can enable or disable regions.",
    reason:
      "Resources in regions nobody watches escape monitoring and the regional baseline controls.",
    statements: [
      {
        Sid: "DenyOutsideEnabledRegions",
        Effect: "Deny",
        NotAction: GLOBAL_SERVICE_ACTIONS,
        Resource: "*",
        Condition: {
          StringNotEquals: { "aws:RequestedRegion": [...c.enabledRegions] },
          ...exemptDeployRole(c),
        },
      },
      {
        Sid: "DenyRegionOptInChanges",
        Effect: "Deny",
        Action: ["account:DisableRegion", "account:EnableRegion"],
        Resource: "*",
        Condition: exemptDeployRole(c),
      },
    ],
  };
}

/** Guardrail functions in their stable order (the order statements appear in the SCPs). */
/** Actions that stop, weaken or cut loose a detective service, by service. */
const DETECTIVE_SERVICE_CHANGES = {
  config: [
    // Recording: the recorder, what it records, where it delivers and how long it keeps.
    "config:AssociateResourceTypes",
    "config:DeleteConfigurationAggregator",
    "config:DeleteConfigurationRecorder",
    "config:DeleteDeliveryChannel",
    "config:DeleteOrganizationConformancePack",
    "config:DisassociateResourceTypes",
    "config:PutConfigurationRecorder",
    "config:PutDeliveryChannel",
    "config:PutRetentionConfiguration",
    "config:StopConfigurationRecorder",
  ],
  guardDuty: [
    // Filters (auto-archive) and trusted IP lists silence findings as surely as a stopped detector.
    "guardduty:CreateFilter",
    "guardduty:CreateIPSet",
    "guardduty:DeleteDetector",
    "guardduty:DeleteMembers",
    "guardduty:DeletePublishingDestination",
    "guardduty:Disassociate*",
    "guardduty:StopMonitoringMembers",
    "guardduty:UpdateDetector",
    "guardduty:UpdateFilter",
    "guardduty:UpdateIPSet",
    "guardduty:UpdateMemberDetectors",
    "guardduty:UpdateOrganizationConfiguration",
    "guardduty:UpdatePublishingDestination",
  ],
  securityHub: [
    // A second configuration policy on an OU or an automation rule overrides or suppresses.
    "securityhub:BatchDisableStandards",
    "securityhub:BatchUpdateAutomationRules",
    "securityhub:CreateAutomationRule",
    "securityhub:CreateConfigurationPolicy",
    "securityhub:DeleteConfigurationPolicy",
    "securityhub:DeleteFindingAggregator",
    "securityhub:DisableImportFindingsForProduct",
    "securityhub:DisableSecurityHub",
    "securityhub:Disassociate*",
    "securityhub:StartConfigurationPolicyAssociation",
    "securityhub:StartConfigurationPolicyDisassociation",
    "securityhub:UpdateConfigurationPolicy",
    "securityhub:UpdateFindingAggregator",
    "securityhub:UpdateOrganizationConfiguration",
    "securityhub:UpdateSecurityControl",
  ],
} as const;

export function protectDetectiveServices(c: GuardrailContext): Guardrail {
  const on = (
    Object.keys(DETECTIVE_SERVICE_CHANGES) as (keyof typeof DETECTIVE_SERVICE_CHANGES)[]
  ).filter((service) => c.detective[service]);
  return {
    key: "protectDetectiveServices",
    description:
      "Only the deploy role can stop or delete Config recorders and delivery channels, GuardDuty detectors, their member links and exports, or Security Hub and its standards (Access Analyzer: protectAccountDefaults).",
    reason:
      "An intruder's first move is to switch off what would see them; detective services are only worth having if they cannot be quietly turned off from inside an account.",
    statements:
      on.length === 0
        ? []
        : [
            {
              Sid: "DenyDisablingDetectiveServices",
              Effect: "Deny",
              Action: on.flatMap((service) => DETECTIVE_SERVICE_CHANGES[service]),
              Resource: "*",
              Condition: exemptDeployRole(c),
            },
            ...(c.detective.config
              ? [
                  {
                    // Config's recorders run as this role; deleting it stops every recorder.
                    Sid: "ProtectConfigServiceLinkedRole",
                    Effect: "Deny" as const,
                    Action: "iam:DeleteServiceLinkedRole",
                    Resource: configServiceLinkedRoleArn(c.partition, "*"),
                    Condition: exemptDeployRole(c),
                  },
                ]
              : []),
            ...(c.detective.guardDuty || c.detective.securityHub
              ? [
                  {
                    // The path findings take to people: its rules and topic.
                    Sid: "ProtectFindingAlerts",
                    Effect: "Deny" as const,
                    Action: [
                      "events:DeleteRule",
                      "events:DisableRule",
                      "events:PutRule",
                      "events:PutTargets",
                      "events:RemoveTargets",
                      "sns:AddPermission",
                      "sns:DeleteTopic",
                      "sns:RemovePermission",
                      "sns:SetTopicAttributes",
                    ],
                    Resource: [
                      `arn:${c.partition}:events:*:*:rule/${c.prefix}-*`,
                      `arn:${c.partition}:sns:*:*:${c.prefix}-security-findings`,
                    ],
                    Condition: exemptDeployRole(c),
                  },
                  {
                    // ... and the topic's key, named by its alias (its ID is not known here).
                    Sid: "ProtectFindingsKey",
                    Effect: "Deny" as const,
                    Action: ["kms:DisableKey", "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"],
                    Resource: "*",
                    Condition: {
                      "ForAnyValue:StringEquals": {
                        "kms:ResourceAliases": `alias/${c.prefix}-security-findings`,
                      },
                      ...exemptDeployRole(c),
                    },
                  },
                ]
              : []),
          ],
  };
}

export const GUARDRAILS: Readonly<Record<GuardrailKey, (c: GuardrailContext) => Guardrail>> = {
  denyLeavingOrganization,
  protectBaselineRoles,
  protectCloudTrail,
  protectAccountDefaults,
  denyRootUser,
  denyRegionsOutsideEnabled,
  protectDetectiveServices,
};
