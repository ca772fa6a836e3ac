/**
 * The 17 commercial regions that are enabled by default in every AWS account (no opt-in needed).
 * Opt-in regions (af-south-1, ap-east-1, me-south-1, eu-south-1, …) must be listed explicitly.
 */
export const REGIONS_ENABLED_BY_DEFAULT = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "sa-east-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-north-1",
  "ap-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-southeast-1",
  "ap-southeast-2",
] as const;

/** Billing metrics (AWS/Billing EstimatedCharges) exist only here. */
export const BILLING_REGION = "us-east-1";

/** Shape of a commercial or GovCloud region code; existence is not checked (new regions appear). */
export const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
