/**
 * The seam: every cdktf, constructs and provider import goes through this module.
 *
 * Why: CDKTF was archived upstream (2025-12); CDK Terrain (`cdktn`, `@cdktn/provider-aws`) is a
 * drop-in fork. Moving means editing this file only. Provider classes are deep-imported: the
 * package barrel loads ~2,200 modules (~2 s, ~500 MB per process); deep imports load only what
 * we use.
 */
export { App, LocalBackend, S3Backend, TerraformResource, TerraformStack, Testing } from "cdktf";
export type { ITerraformDependable } from "cdktf";
export { Construct } from "constructs";
export { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
export type { AwsProviderConfig } from "@cdktf/provider-aws/lib/provider/index.js";
export { TerraformOutput } from "cdktf";
export { DataAwsCallerIdentity } from "@cdktf/provider-aws/lib/data-aws-caller-identity/index.js";

// Organization (org stack)
export { OrganizationsOrganization } from "@cdktf/provider-aws/lib/organizations-organization/index.js";
export { OrganizationsOrganizationalUnit } from "@cdktf/provider-aws/lib/organizations-organizational-unit/index.js";
export { OrganizationsAccount } from "@cdktf/provider-aws/lib/organizations-account/index.js";
export { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy/index.js";
export { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment/index.js";
export { IamOrganizationsFeatures } from "@cdktf/provider-aws/lib/iam-organizations-features/index.js";

// Identity and account defaults (baseline-<account> stacks)
export { IamAccountPasswordPolicy } from "@cdktf/provider-aws/lib/iam-account-password-policy/index.js";
export { IamGroup } from "@cdktf/provider-aws/lib/iam-group/index.js";
export { IamGroupPolicy } from "@cdktf/provider-aws/lib/iam-group-policy/index.js";
export { IamRole } from "@cdktf/provider-aws/lib/iam-role/index.js";
export { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment/index.js";
export { IamUser } from "@cdktf/provider-aws/lib/iam-user/index.js";
export { IamUserGroupMembership } from "@cdktf/provider-aws/lib/iam-user-group-membership/index.js";
export { IamUserLoginProfile } from "@cdktf/provider-aws/lib/iam-user-login-profile/index.js";
export { EbsEncryptionByDefault } from "@cdktf/provider-aws/lib/ebs-encryption-by-default/index.js";
export { EbsDefaultKmsKey } from "@cdktf/provider-aws/lib/ebs-default-kms-key/index.js";
export { KmsKey } from "@cdktf/provider-aws/lib/kms-key/index.js";
export { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias/index.js";
export { S3AccountPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-account-public-access-block/index.js";
export { AccessanalyzerAnalyzer } from "@cdktf/provider-aws/lib/accessanalyzer-analyzer/index.js";
export { Ec2InstanceMetadataDefaults } from "@cdktf/provider-aws/lib/ec2-instance-metadata-defaults/index.js";
export { AccountAlternateContact } from "@cdktf/provider-aws/lib/account-alternate-contact/index.js";
export { TerraformIterator } from "cdktf";
export { DataAwsVpcs } from "@cdktf/provider-aws/lib/data-aws-vpcs/index.js";
export { DataAwsSubnets } from "@cdktf/provider-aws/lib/data-aws-subnets/index.js";
export { DataAwsSubnet } from "@cdktf/provider-aws/lib/data-aws-subnet/index.js";
export { DefaultSubnet } from "@cdktf/provider-aws/lib/default-subnet/index.js";

// Logging, monitoring and billing (log-archive, org-trail, billing stacks)
export { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket/index.js";
export { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning/index.js";
export { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration/index.js";
export { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block/index.js";
export { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls/index.js";
export { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy/index.js";
export { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration/index.js";
export { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration/index.js";
export { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging/index.js";
export { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail/index.js";
export type { CloudtrailAdvancedEventSelector } from "@cdktf/provider-aws/lib/cloudtrail/index.js";
export { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group/index.js";
export { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter/index.js";
export { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js";
export { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic/index.js";
export { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy/index.js";
export { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription/index.js";
export { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy/index.js";
export { DataAwsKmsKey } from "@cdktf/provider-aws/lib/data-aws-kms-key/index.js";
export { BudgetsBudget } from "@cdktf/provider-aws/lib/budgets-budget/index.js";

// Network (network-<account> stacks)
export { Vpc } from "@cdktf/provider-aws/lib/vpc/index.js";
export { Subnet } from "@cdktf/provider-aws/lib/subnet/index.js";
export { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway/index.js";
export { Eip } from "@cdktf/provider-aws/lib/eip/index.js";
export { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway/index.js";
export { RouteTable } from "@cdktf/provider-aws/lib/route-table/index.js";
export { Route } from "@cdktf/provider-aws/lib/route/index.js";
export { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association/index.js";
export { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint/index.js";
export { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group/index.js";
export { DefaultNetworkAcl } from "@cdktf/provider-aws/lib/default-network-acl/index.js";
export { NetworkAcl } from "@cdktf/provider-aws/lib/network-acl/index.js";
export { NetworkAclRule } from "@cdktf/provider-aws/lib/network-acl-rule/index.js";
export { FlowLog } from "@cdktf/provider-aws/lib/flow-log/index.js";
export { SecurityGroup } from "@cdktf/provider-aws/lib/security-group/index.js";

/**
 * Runs `fn` (building and synthesizing constructs) without formatting the stack trace cdktf
 * records for every token it creates. cdktf formats those traces eagerly, for error messages
 * about unresolvable tokens, and that costs about a tenth of synth time for large organizations.
 * V8 formats `error.stack` on first read, through `Error.prepareStackTrace`. Errors thrown inside
 * `fn` are read after the formatter is restored, so they keep their full stacks.
 */
export function withoutTokenStackTraces<T>(fn: () => T): T {
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = () => "";
  try {
    return fn();
  } finally {
    Error.prepareStackTrace = previous;
  }
}

/**
 * Terraform evaluates `${…}` and `%{…}` in every string of its JSON configuration, so text the
 * user wrote (an account's display name, an e-mail, a contact's title) could read files or
 * environment into plans and state. Each such string is escaped (`$${`, `%%{`) so Terraform
 * passes it through as written. This is the one place that does it: the stacks receive their
 * planned props through `literalStrings` (src/build/app.ts).
 */
export function literalText(text: string): string {
  // A function, not a replacement string: in one, "$$" means a single "$".
  return text.replaceAll("${", () => "$${").replaceAll("%{", () => "%%{");
}

/** Every string inside plain data (props), escaped with `literalText`; keys are left alone. */
export function literalStrings<T>(value: T): T {
  if (typeof value === "string") return literalText(value) as T;
  if (Array.isArray(value)) return value.map((item) => literalStrings(item)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, literalStrings(item)]),
    ) as T;
  }
  return value;
}

// IAM Identity Center (identity-center stack)
export { DataAwsSsoadminInstances } from "@cdktf/provider-aws/lib/data-aws-ssoadmin-instances/index.js";
export { DataAwsIdentitystoreGroup } from "@cdktf/provider-aws/lib/data-aws-identitystore-group/index.js";
export { SsoadminPermissionSet } from "@cdktf/provider-aws/lib/ssoadmin-permission-set/index.js";
export { SsoadminManagedPolicyAttachment } from "@cdktf/provider-aws/lib/ssoadmin-managed-policy-attachment/index.js";
export { SsoadminAccountAssignment } from "@cdktf/provider-aws/lib/ssoadmin-account-assignment/index.js";
export { Fn } from "cdktf";

// Detective services (baseline-<account> and security-tooling stacks)
export { ConfigConfigurationRecorder } from "@cdktf/provider-aws/lib/config-configuration-recorder/index.js";
export { ConfigConfigurationRecorderStatus } from "@cdktf/provider-aws/lib/config-configuration-recorder-status/index.js";
export { ConfigDeliveryChannel } from "@cdktf/provider-aws/lib/config-delivery-channel/index.js";
export { ConfigConfigurationAggregator } from "@cdktf/provider-aws/lib/config-configuration-aggregator/index.js";
export { ConfigOrganizationConformancePack } from "@cdktf/provider-aws/lib/config-organization-conformance-pack/index.js";
export { GuarddutyDetector } from "@cdktf/provider-aws/lib/guardduty-detector/index.js";
export { GuarddutyDetectorFeature } from "@cdktf/provider-aws/lib/guardduty-detector-feature/index.js";
export { GuarddutyOrganizationAdminAccount } from "@cdktf/provider-aws/lib/guardduty-organization-admin-account/index.js";
export { GuarddutyOrganizationConfiguration } from "@cdktf/provider-aws/lib/guardduty-organization-configuration/index.js";
export { GuarddutyOrganizationConfigurationFeature } from "@cdktf/provider-aws/lib/guardduty-organization-configuration-feature/index.js";
export { GuarddutyPublishingDestination } from "@cdktf/provider-aws/lib/guardduty-publishing-destination/index.js";
export { DataAwsGuarddutyDetector } from "@cdktf/provider-aws/lib/data-aws-guardduty-detector/index.js";
export { SecurityhubOrganizationAdminAccount } from "@cdktf/provider-aws/lib/securityhub-organization-admin-account/index.js";
export { SecurityhubFindingAggregator } from "@cdktf/provider-aws/lib/securityhub-finding-aggregator/index.js";
export { SecurityhubOrganizationConfiguration } from "@cdktf/provider-aws/lib/securityhub-organization-configuration/index.js";
export { SecurityhubConfigurationPolicy } from "@cdktf/provider-aws/lib/securityhub-configuration-policy/index.js";
export { SecurityhubConfigurationPolicyAssociation } from "@cdktf/provider-aws/lib/securityhub-configuration-policy-association/index.js";
export { OrganizationsDelegatedAdministrator } from "@cdktf/provider-aws/lib/organizations-delegated-administrator/index.js";
export { DataAwsOrganizationsOrganization } from "@cdktf/provider-aws/lib/data-aws-organizations-organization/index.js";
export { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule/index.js";
export { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target/index.js";
export { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role/index.js";
