/** What `accounts discover` found that a human has to decide (or at least know) before deploying. */
export type ConflictKind =
  | "organization-trail"
  | "password-policy"
  | "scp-name"
  | "account-placement"
  | "invited-account"
  | "no-log-archive"
  | "no-security-account"
  | "inactive-account"
  | "control-tower"
  | "delegated-admin"
  | "config-recorder"
  | "guardduty-detector";

export interface Conflict {
  readonly kind: ConflictKind;
  /** What it is about: a trail ARN, a policy name, an account, a service. */
  readonly subject: string;
  readonly message: string;
  /** What a human should decide or do. */
  readonly fix: string;
}
