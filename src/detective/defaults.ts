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
