/**
 * Deterministic names. Stacks and resources are named from the answers alone, so each stack can be
 * planned on its own without cross-stack references, and names never change between runs.
 */
export const stackName = {
  org: "org",
  access: (account: string) => `access-${account}`,
  logArchive: "log-archive",
  orgTrail: "org-trail",
  billing: "billing",
  identityCenter: "identity-center",
  securityTooling: "security-tooling",
  baseline: (account: string) => `baseline-${account}`,
  network: (account: string) => `network-${account}`,
} as const;

/**
 * Longest `organization.prefix`. The prefix starts every resource name the baseline creates; the
 * tightest AWS limit it meets is S3's 63 characters for `<prefix>-s3-access-logs-<account ID>`
 * (48 at this length), then IAM's 64 for the role `<prefix>-cloudtrail-to-cloudwatch` (45).
 */
export const PREFIX_MAX_LENGTH = 20;

/** Longest account `name`: it appears in stack names and, after the prefix, in budget and VPC names. */
export const ACCOUNT_NAME_MAX_LENGTH = 22;

/**
 * "Prod Workloads (EU)" -> "prod-workloads-eu": lowercase letters, digits and single '-',
 * starting with a letter, at most `maxLength` characters; undefined when fewer than 2 remain.
 */
export function slugFrom(name: unknown, maxLength: number): string | undefined {
  const slug = String(name ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return slug.length >= 2 ? slug : undefined;
}

/** Turns a name into a resource prefix candidate: "Acme Corp" -> "acme-corp" (see PREFIX_MAX_LENGTH). */
export function prefixFrom(name: unknown): string | undefined {
  return slugFrom(name, PREFIX_MAX_LENGTH);
}

/** Roles people use in every account besides the admin role (identity.admins.roleName). */
export const HUMAN_ROLE_NAMES = {
  readOnly: "BaselineReadOnly",
  billing: "BaselineBilling",
  /** CIS 1.17: AWSSupportAccess, for the admins (accountDefaults.supportRole). */
  support: "BaselineSupport",
} as const;

/** The session name the baseline uses when it assumes roles (shows up in CloudTrail). */
export const ROLE_SESSION_NAME = "aws-baseline";

/** Tag put on everything, so drift and audits can tell baseline resources apart. */
export const MANAGED_BY_TAG = { ManagedBy: "aws-baseline" } as const;

export function partitionOf(region: string): string {
  return region.includes("-gov-") ? "aws-us-gov" : "aws";
}

export function roleArn(partition: string, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

/** Deterministic names shared by several stacks (so none needs a cross-stack reference). */
export function baselineNames(prefix: string) {
  return {
    trail: `${prefix}-org-trail`,
    /** Trail and access-log buckets start with this; the log-archive account ID follows. */
    trailBucketPrefix: `${prefix}-cloudtrail-`,
    accessLogBucketPrefix: `${prefix}-s3-access-logs-`,
    trailBucket: (logArchiveId: string) => `${prefix}-cloudtrail-${logArchiveId}`,
    accessLogBucket: (logArchiveId: string) => `${prefix}-s3-access-logs-${logArchiveId}`,
    /**
     * Config snapshots and GuardDuty findings: beside the trail bucket, because Config cannot
     * deliver to a bucket with Object Lock default retention.
     */
    securityLogsBucketPrefix: `${prefix}-security-logs-`,
    securityLogsBucket: (logArchiveId: string) => `${prefix}-security-logs-${logArchiveId}`,
    trailKeyAlias: `alias/${prefix}-cloudtrail`,
    trailLogGroup: `/aws/cloudtrail/${prefix}-org-trail`,
    monitoringKeyAlias: `alias/${prefix}-security-monitoring`,
    alarmTopic: `${prefix}-security-alarms`,
    billingTopic: `${prefix}-billing-alarms`,
    billingKeyAlias: `alias/${prefix}-billing-alarms`,
    /** CloudWatch namespace of the CIS metric filters. */
    cisNamespace: "CISBenchmark",
    accessAnalyzer: `${prefix}-account-analyzer`,
    /** Config recorder and delivery channel in every account and region. */
    configRecorder: `${prefix}-config`,
    /** Key prefixes in the log-archive bucket, next to CloudTrail's AWSLogs/. */
    configKeyPrefix: "config",
    guardDutyKeyPrefix: "guardduty",
    configAggregator: `${prefix}-organization`,
    configAggregatorRole: `${prefix}-config-aggregator`,
    organizationAnalyzer: `${prefix}-organization-analyzer`,
    unusedAccessAnalyzer: `${prefix}-unused-access`,
    findingsTopic: `${prefix}-security-findings`,
    findingsKeyAlias: `alias/${prefix}-security-findings`,
    findingsForwardRole: `${prefix}-findings-to-home-region`,
    securityHubPolicy: `${prefix}-cis-and-fsbp`,
    conformancePack: `${prefix}-cis-credentials`,
  };
}

export function trailArn(
  partition: string,
  region: string,
  managementId: string,
  trailName: string,
): string {
  return `arn:${partition}:cloudtrail:${region}:${managementId}:trail/${trailName}`;
}

/** Tag on KMS keys the guardrail SCP protects: SCPs cannot name keys by ARN before they exist. */
export const PROTECTED_TAG = { key: "BaselineProtected", cloudtrail: "cloudtrail" } as const;
