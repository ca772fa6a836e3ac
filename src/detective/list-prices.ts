/**
 * Public list prices used for the detective-services cost estimate. The one place to update them.
 * Source: the AWS pricing pages of AWS Config, Amazon GuardDuty, AWS Security Hub CSPM (the
 * check-priced service the `aws_securityhub_*` resources turn on) and IAM Access Analyzer,
 * us-east-1, on-demand, first volume tier (the estimate's volumes stay within it). These are list
 * prices as of `asOf`, as last known to the author, not read from AWS on that date: check them on
 * the pricing pages before relying on the estimate. Other regions cost up to about a third more.
 */
export const DETECTIVE_LIST_PRICES = {
  asOf: "2026-12-04",
  region: "us-east-1",
  currency: "USD",
  /** AWS Config: per configuration item recorded, continuous recording. */
  configItem: 0.003,
  /** AWS Config: per conformance pack rule evaluation (first 100,000 per account and region). */
  conformancePackEvaluation: 0.001,
  /** GuardDuty: per million CloudTrail management events analyzed (first 500 million). */
  guardDutyManagementEventsPerMillion: 4.0,
  /** GuardDuty: per GB of VPC flow logs and DNS query logs analyzed (first 500 GB). */
  guardDutyFlowAndDnsLogsPerGb: 1.0,
  /** GuardDuty S3 Protection: per million CloudTrail S3 data events analyzed (first 500 million). */
  guardDutyS3DataEventsPerMillion: 0.8,
  /** Security Hub CSPM: per security check (first 100,000 per account and region and month). */
  securityHubCheck: 0.001,
  /** Security Hub CSPM: finding ingestion events free per account and region and month. */
  securityHubFreeFindingIngestions: 10_000,
  /** IAM Access Analyzer: per IAM role or user analyzed per month by an unused-access analyzer. */
  unusedAccessPerRoleOrUser: 0.2,
  /** GuardDuty and Security Hub CSPM: free trial per account and region. */
  freeTrialDays: 30,
} as const;
