/**
 * Deterministic names. Stacks and resources are named from the answers alone, so each stack can be
 * planned on its own without cross-stack references, and names never change between runs.
 */
export const stackName = {
  org: "org",
  logArchive: "log-archive",
  orgTrail: "org-trail",
  baseline: (account: string) => `baseline-${account}`,
  network: (account: string) => `network-${account}`,
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
