/** Defaults of the detective-services slice that the generator also offers (plain constants, no zod). */
export const DETECTIVE_DEFAULTS = {
  config: true,
  conformancePack: false,
  guardDuty: true,
  s3Protection: true,
  securityHub: true,
  accessAnalyzer: true,
  unusedAccess: false,
  unusedAccessAgeDays: 90,
} as const;

/** The detective services, as the wizard and `validate` name them. */
export const DETECTIVE_SERVICES = {
  config: "AWS Config",
  guardDuty: "Amazon GuardDuty",
  securityHub: "AWS Security Hub",
  accessAnalyzer: "IAM Access Analyzer (organization)",
} as const;

export type DetectiveService = keyof typeof DETECTIVE_SERVICES;

/** Config's service-linked role: one per account; the baseline's recorders record with it. */
export const CONFIG_SERVICE_LINKED_ROLE = "AWSServiceRoleForConfig";

/** Where IAM puts it; with "*" as the account, the pattern the guardrail names. */
export function configServiceLinkedRoleArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:role/aws-service-role/config.amazonaws.com/${CONFIG_SERVICE_LINKED_ROLE}`;
}
