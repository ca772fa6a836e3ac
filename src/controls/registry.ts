/**
 * The controls registry: one entry per control the baseline implements, with its CIS AWS
 * Foundations Benchmark v3.0.0 recommendation(s), what implements it (stack and resource types),
 * the answers key that switches it off, and the test that verifies it. CONTROLS.md is generated
 * from this list; drift reports use `resources` to name the control a change breaks.
 */

export interface ControlResource {
  /** Terraform resource type. */
  readonly type: string;
  /** Substring of the resource name (construct id) when a type serves several controls. */
  readonly match?: string;
}

export interface Control {
  readonly id: string;
  readonly title: string;
  /** CIS v3.0.0 recommendation numbers; empty when the control goes beyond CIS. */
  readonly cis: readonly string[];
  /** Stack name pattern: "org", "baseline-*", ... */
  readonly stack: string;
  readonly resources: readonly ControlResource[];
  /** Answers key that turns the control off, if any. */
  readonly switch?: string;
  /** `file › test title` of the test that asserts the property. */
  readonly verifiedBy: readonly string[];
  /** Done by a person, not by Terraform (listed among the manual steps). */
  readonly manual?: true;
}

import { cisMetrics } from "../monitoring/cis-monitoring.js";

const ORG_TEST = "test/stacks/org.test.ts";
const LOGGING_TEST = "test/stacks/logging.test.ts";
const BILLING_TEST = "test/stacks/billing.test.ts";
const NETWORK_TEST = "test/stacks/network.test.ts";
const IDENTITY_TEST = "test/stacks/identity.test.ts";
const SCP_TEST = "test/unit/guardrails.test.ts";

export const CONTROLS: readonly Control[] = [
  {
    id: "ORG.1",
    title: "Organization with all features, OUs by environment, accounts never closed by Terraform",
    cis: [],
    stack: "org",
    resources: [
      { type: "aws_organizations_organization" },
      { type: "aws_organizations_organizational_unit" },
      { type: "aws_organizations_account" },
    ],
    verifiedBy: [
      `${ORG_TEST} › organization has all features and trusted access for the baseline's services`,
      `${ORG_TEST} › accounts sit in their OUs, are never closed and are protected from destroy`,
    ],
  },
  {
    id: "ORG.2",
    title: "Centralized root access: no root credentials needed in member accounts",
    cis: ["1.4", "1.5"],
    stack: "org",
    resources: [{ type: "aws_iam_organizations_features" }],
    switch: "guardrails.centralRootAccess",
    verifiedBy: [
      `${ORG_TEST} › centralized root access enables root credentials management and root sessions`,
    ],
  },
  {
    id: "SCP.1",
    title: "Member accounts cannot leave the organization",
    cis: [],
    stack: "org",
    resources: [{ type: "aws_organizations_policy", match: "deny-leave-organization" }],
    switch: "guardrails.denyLeavingOrganization",
    verifiedBy: [`${SCP_TEST} › deny leaving the organization`],
  },
  {
    id: "SCP.2",
    title: "Trail, log buckets and trail key protected from tampering; log files never deleted",
    cis: ["3.1", "3.2", "3.5"],
    stack: "org",
    resources: [{ type: "aws_organizations_policy", match: "protect-cloudtrail" }],
    switch: "guardrails.protectCloudTrail",
    verifiedBy: [
      `${SCP_TEST} › protect the trail, its buckets and key, exempting only the access role`,
    ],
  },
  {
    id: "SCP.3",
    title:
      "Account defaults cannot be switched off (EBS encryption, S3 BPA, IMDSv2, Access Analyzer)",
    cis: ["2.1.4", "2.2.1", "5.6", "1.20"],
    stack: "org",
    resources: [{ type: "aws_organizations_policy", match: "protect-account-defaults" }],
    switch: "guardrails.protectAccountDefaults",
    verifiedBy: [`${SCP_TEST} › protect account defaults`],
  },
  {
    id: "SCP.4",
    title: "Root user of member accounts denied; root access keys cannot be created",
    cis: ["1.4", "1.7"],
    stack: "org",
    resources: [{ type: "aws_organizations_policy", match: "deny-root-user" }],
    switch: "guardrails.denyRootUser",
    verifiedBy: [
      `${SCP_TEST} › deny the root user except centralized root sessions, and root access keys always`,
    ],
  },
  {
    id: "SCP.5",
    title: "Regional actions denied outside the enabled regions (optional)",
    cis: [],
    stack: "org",
    resources: [{ type: "aws_organizations_policy", match: "deny-other-regions" }],
    switch: "guardrails.denyRegionsOutsideEnabled",
    verifiedBy: [`${SCP_TEST} › region deny keeps global services and the access role working`],
  },
  {
    id: "IAM.1",
    title: "Password policy: length >= 14, 24 remembered, all character classes",
    cis: ["1.8", "1.9"],
    stack: "baseline-*",
    resources: [{ type: "aws_iam_account_password_policy" }],
    verifiedBy: [`${IDENTITY_TEST} › password policy meets CIS 1.8 and 1.9`],
  },
  {
    id: "IAM.2",
    title: "Admin group denies everything except MFA self-service without MFA",
    cis: ["1.10"],
    stack: "baseline-*",
    resources: [{ type: "aws_iam_group_policy" }, { type: "aws_iam_group" }],
    switch: "identity.admins.enabled",
    verifiedBy: [
      `${IDENTITY_TEST} › admin group denies everything without MFA except self-service`,
    ],
  },
  {
    id: "IAM.3",
    title:
      "Admin rights only through a role assumable with recent MFA; no admin policy on users or groups",
    cis: ["1.15", "1.16"],
    stack: "baseline-*",
    resources: [{ type: "aws_iam_role" }, { type: "aws_iam_role_policy_attachment" }],
    switch: "identity.admins.enabled",
    verifiedBy: [
      `${IDENTITY_TEST} › admin role trusts only MFA-authenticated principals of its own account`,
      `${IDENTITY_TEST} › no managed policy is attached to any user or group`,
    ],
  },
  {
    id: "IAM.4",
    title: "Admin users created without access keys; console passwords never stored in plain text",
    cis: ["1.11"],
    stack: "baseline-<management>",
    resources: [
      { type: "aws_iam_user" },
      { type: "aws_iam_user_group_membership" },
      { type: "aws_iam_user_login_profile" },
    ],
    verifiedBy: [
      `${IDENTITY_TEST} › admin users exist only in the management account, without access keys`,
    ],
  },
  {
    id: "IAM.5",
    title: "IAM Access Analyzer in every enabled region",
    cis: ["1.20"],
    stack: "baseline-*",
    resources: [{ type: "aws_accessanalyzer_analyzer" }],
    switch: "accountDefaults.accessAnalyzer",
    verifiedBy: [
      `${IDENTITY_TEST} › regional controls exist once per enabled region with that region's provider`,
    ],
  },
  {
    id: "IAM.6",
    title: "Security alternate contact registered",
    cis: ["1.2"],
    stack: "baseline-*",
    resources: [{ type: "aws_account_alternate_contact" }],
    switch: "identity.securityContact",
    verifiedBy: [`${IDENTITY_TEST} › security contact is set when the answers give one`],
  },
  {
    id: "DEF.1",
    title: "EBS encryption by default in every enabled region",
    cis: ["2.2.1"],
    stack: "baseline-*",
    resources: [
      { type: "aws_ebs_encryption_by_default" },
      { type: "aws_ebs_default_kms_key" },
      { type: "aws_kms_key", match: "ebs-key" },
    ],
    switch: "accountDefaults.ebsEncryption",
    verifiedBy: [
      `${IDENTITY_TEST} › regional controls exist once per enabled region with that region's provider`,
    ],
  },
  {
    id: "DEF.2",
    title: "S3 account-level Block Public Access (all four settings)",
    cis: ["2.1.4"],
    stack: "baseline-*",
    resources: [{ type: "aws_s3_account_public_access_block" }],
    switch: "accountDefaults.s3BlockPublicAccess",
    verifiedBy: [`${IDENTITY_TEST} › S3 account Block Public Access has all four settings on`],
  },
  {
    id: "DEF.3",
    title: "IMDSv2 required by default for new instances in every enabled region",
    cis: ["5.6"],
    stack: "baseline-*",
    resources: [{ type: "aws_ec2_instance_metadata_defaults" }],
    switch: "accountDefaults.imdsv2",
    verifiedBy: [
      `${IDENTITY_TEST} › regional controls exist once per enabled region with that region's provider`,
    ],
  },
  {
    id: "LOG.1",
    title: "Organization trail: multi-region, global service events, all management events",
    cis: ["3.1"],
    stack: "org-trail",
    resources: [{ type: "aws_cloudtrail" }],
    verifiedBy: [
      `${LOGGING_TEST} › trail is organization-wide, multi-region, validated, KMS-encrypted and sends to CloudWatch Logs`,
    ],
  },
  {
    id: "LOG.2",
    title: "Trail log file validation",
    cis: ["3.2"],
    stack: "org-trail",
    resources: [{ type: "aws_cloudtrail" }],
    verifiedBy: [
      `${LOGGING_TEST} › trail is organization-wide, multi-region, validated, KMS-encrypted and sends to CloudWatch Logs`,
    ],
  },
  {
    id: "LOG.3",
    title:
      "Trail encrypted with a rotated customer managed key; CloudTrail may encrypt only for our trail",
    cis: ["3.5", "3.6"],
    stack: "log-archive",
    resources: [
      { type: "aws_kms_key", match: "trail-key" },
      { type: "aws_kms_alias", match: "trail-key" },
    ],
    verifiedBy: [
      `${LOGGING_TEST} › trail key rotates and lets CloudTrail encrypt only for our trail`,
    ],
  },
  {
    id: "LOG.4",
    title:
      "Trail bucket: TLS only, Block Public Access, versioned, SSE-KMS; CloudTrail may write only for our trail",
    cis: ["2.1.1", "2.1.4"],
    stack: "log-archive",
    resources: [
      { type: "aws_s3_bucket", match: "trail-bucket" },
      { type: "aws_s3_bucket_policy", match: "trail-bucket" },
      { type: "aws_s3_bucket_public_access_block", match: "trail-bucket" },
      { type: "aws_s3_bucket_versioning", match: "trail-bucket" },
      { type: "aws_s3_bucket_server_side_encryption_configuration", match: "trail-bucket" },
    ],
    verifiedBy: [
      `${LOGGING_TEST} › the trail bucket denies non-TLS access and allows CloudTrail only for our trail`,
    ],
  },
  {
    id: "LOG.5",
    title: "Server access logging of the trail bucket into a separate bucket without Object Lock",
    cis: ["3.4"],
    stack: "log-archive",
    resources: [{ type: "aws_s3_bucket_logging" }, { type: "aws_s3_bucket", match: "access-logs" }],
    verifiedBy: [
      `${LOGGING_TEST} › the access-log bucket receives the trail bucket's logs and has no Object Lock`,
    ],
  },
  {
    id: "LOG.6",
    title:
      "Trail delivered to an encrypted CloudWatch Logs group (retention >= 365 days) by a least-privilege role",
    cis: ["3.1"],
    stack: "org-trail",
    resources: [
      { type: "aws_cloudwatch_log_group" },
      { type: "aws_iam_role", match: "delivery" },
      { type: "aws_iam_role_policy" },
    ],
    verifiedBy: [
      `${LOGGING_TEST} › the delivery role may only write streams of the trail's log group, for our trail`,
    ],
  },
  {
    id: "LOG.7",
    title:
      "Trail logs retained and archived: Glacier Instant Retrieval after N days, expiry after the retention",
    cis: [],
    stack: "log-archive",
    resources: [
      { type: "aws_s3_bucket_lifecycle_configuration" },
      { type: "aws_s3_bucket_object_lock_configuration" },
    ],
    switch: "cloudtrail.objectLock.enabled",
    verifiedBy: [`${LOGGING_TEST} › Object Lock and lifecycle follow the answers`],
  },
  {
    id: "LOG.8",
    title: "S3 object-level data events on the trail (optional)",
    cis: ["3.8", "3.9"],
    stack: "org-trail",
    resources: [{ type: "aws_cloudtrail" }],
    switch: "cloudtrail.dataEvents",
    verifiedBy: [`${LOGGING_TEST} › S3 data events are added only when the answers ask for them`],
  },
  ...cisMetrics({ consoleSigninWithoutMfa: "all-sign-ins" }).map((m): Control => ({
    id: `MON.${m.cis.split(".")[1]}`,
    title: `Metric filter and alarm: ${m.name}`,
    cis: [m.cis],
    stack: "org-trail",
    resources: [
      { type: "aws_cloudwatch_log_metric_filter", match: m.name },
      { type: "aws_cloudwatch_metric_alarm", match: m.name },
    ],
    verifiedBy: [
      `${LOGGING_TEST} › CIS ${m.cis} metric filter pattern is exact`,
      `${LOGGING_TEST} › every alarm notifies an encrypted topic that has subscribers`,
    ],
  })),
  {
    id: "BIL.1",
    title: "EstimatedCharges alarms in us-east-1: the whole organization and each member account",
    cis: [],
    stack: "billing",
    resources: [
      { type: "aws_cloudwatch_metric_alarm", match: "billing" },
      { type: "aws_sns_topic" },
    ],
    verifiedBy: [
      `${BILLING_TEST} › one billing alarm per member account plus the organization total, in us-east-1`,
    ],
  },
  {
    id: "BIL.2",
    title: "A monthly AWS Budget per member account with actual and forecast notifications",
    cis: [],
    stack: "billing",
    resources: [{ type: "aws_budgets_budget" }],
    switch: "billing.budgets",
    verifiedBy: [
      `${BILLING_TEST} › a monthly cost budget per member account notifies on actual and forecast spend`,
    ],
  },
  {
    id: "NET.1",
    title:
      "Workloads in private subnets: no route to the internet gateway, no public IPs; NAT the only way out",
    cis: [],
    stack: "network-*",
    resources: [
      { type: "aws_subnet" },
      { type: "aws_route" },
      { type: "aws_route_table" },
      { type: "aws_nat_gateway" },
    ],
    verifiedBy: [
      `${NETWORK_TEST} › private subnets have no route to the internet gateway and no public IPs`,
      `${NETWORK_TEST} › NAT gateways per mode: single 1, per-az one per zone, none 0`,
    ],
  },
  {
    id: "NET.2",
    title: "Default security group of every VPC has no rules",
    cis: ["5.4"],
    stack: "network-*",
    resources: [{ type: "aws_default_security_group" }],
    verifiedBy: [`${NETWORK_TEST} › the default security group has no ingress or egress rules`],
  },
  {
    id: "NET.3",
    title: "NACLs deny SSH and RDP from 0.0.0.0/0 and ::/0; the default NACL allows nothing",
    cis: ["5.1"],
    stack: "network-*",
    resources: [
      { type: "aws_network_acl" },
      { type: "aws_network_acl_rule" },
      { type: "aws_default_network_acl" },
    ],
    verifiedBy: [
      `${NETWORK_TEST} › every subnet NACL denies SSH and RDP from anywhere before allowing traffic`,
    ],
  },
  {
    id: "NET.4",
    title: "VPC flow logs of ALL traffic to an encrypted log group via a least-privilege role",
    cis: ["3.7"],
    stack: "network-*",
    resources: [
      { type: "aws_flow_log" },
      { type: "aws_cloudwatch_log_group" },
      { type: "aws_kms_key", match: "flow-logs" },
    ],
    verifiedBy: [
      `${NETWORK_TEST} › flow logs capture ALL traffic into an encrypted group with the answers' retention`,
    ],
  },
  {
    id: "NET.5",
    title: "Free S3 and DynamoDB gateway endpoints on every private route table",
    cis: [],
    stack: "network-*",
    resources: [{ type: "aws_vpc_endpoint" }],
    verifiedBy: [`${NETWORK_TEST} › gateway endpoints attach to every private route table`],
  },
  {
    id: "MAN.2",
    title:
      "Billing alerts switched on in the billing console; alarm e-mail subscriptions confirmed",
    cis: [],
    stack: "-",
    resources: [],
    manual: true,
    verifiedBy: [
      `${BILLING_TEST} › synth lists enabling billing alerts and confirming subscriptions as manual steps`,
    ],
  },
  {
    id: "MAN.1",
    title: "Root user MFA on the management account (hardware key), no root access keys",
    cis: ["1.4", "1.5", "1.6"],
    stack: "-",
    resources: [],
    manual: true,
    verifiedBy: [
      "test/stacks/synth-output.test.ts › the marker lists stacks, pending stacks and manual steps, without absolute paths",
    ],
  },
];

/** Markdown for CONTROLS.md. */
export function controlsMarkdown(): string {
  const rows = CONTROLS.map((c) =>
    [
      c.id,
      c.title,
      c.cis.length ? c.cis.join(", ") : "—",
      c.manual
        ? "manual step"
        : `\`${c.stack}\`: ${c.resources.map((r) => `\`${r.type}\``).join(", ")}`,
      c.switch ? `\`${c.switch}\`` : "always on",
      c.verifiedBy.join("<br>"),
    ].join(" | "),
  );
  return [
    "# Controls",
    "",
    "Generated by `npm run controls` from `src/controls/registry.ts`. Do not edit by hand; a test keeps it in sync.",
    "CIS numbers refer to the CIS AWS Foundations Benchmark v3.0.0.",
    "",
    "| id | control | CIS v3.0.0 | implemented by | switch | verified by |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r} |`),
    "",
  ].join("\n");
}
