/** Defaults of the logging slice that the generator also offers (plain constants, no zod). */

/**
 * Object Lock on the trail bucket is on by default, in GOVERNANCE mode. Its days are not a
 * constant: they follow `cloudtrail.retentionDays` (objectLockDays).
 */
export const OBJECT_LOCK_DEFAULTS = { enabled: true, mode: "GOVERNANCE" } as const;

/**
 * The default retention of the trail bucket's Object Lock: the answers' `days`, or else the trail
 * retention, so every log file is locked for as long as it is kept. The stack and the rules use
 * this one function.
 */
export function objectLockDays(cloudtrail: {
  readonly retentionDays: number;
  readonly objectLock: { readonly days?: number };
}): number {
  return cloudtrail.objectLock.days ?? cloudtrail.retentionDays;
}
