/** Semantic rules of the logging area: how long the organization trail is kept and locked. */
import { defineRule } from "../answers/define-rule.js";
import type { Problem } from "../answers/problems.js";
import { objectLockDays } from "./defaults.js";

export const trailRetention = defineRule(
  "trail-retention-365",
  "CIS and most audits expect at least a year of CloudTrail history.",
  (a, problem) => {
    const t = a.cloudtrail;
    const out: Problem[] = [];
    if (t.retentionDays < 365) {
      out.push(
        problem(
          "cloudtrail.retentionDays",
          "is less than 365 days",
          "use 365 or more",
          t.retentionDays,
        ),
      );
    }
    if (t.cloudWatchLogsRetentionDays < 365) {
      out.push(
        problem(
          "cloudtrail.cloudWatchLogsRetentionDays",
          "is less than 365 days",
          "use 365 or more",
          t.cloudWatchLogsRetentionDays,
        ),
      );
    }
    if (t.transitionToGlacierAfterDays >= t.retentionDays) {
      out.push(
        problem(
          "cloudtrail.transitionToGlacierAfterDays",
          `is not before the expiry after ${t.retentionDays} days`,
          "use fewer days than cloudtrail.retentionDays",
          t.transitionToGlacierAfterDays,
        ),
      );
    }
    return out;
  },
);

export const objectLockCoversRetention = defineRule(
  "object-lock-covers-retention",
  "A COMPLIANCE lock shorter than the retention leaves the remaining years protected only by an SCP, which the management account can detach; a lock longer than the retention keeps files the lifecycle should have expired.",
  (a, problem) => {
    const t = a.cloudtrail;
    const lock = t.objectLock;
    if (!lock.enabled || lock.days === undefined) return [];
    const days = objectLockDays(t);
    if (days > t.retentionDays) {
      return [
        problem(
          "cloudtrail.objectLock.days",
          `locks log files longer than they are kept (${t.retentionDays} days)`,
          "remove cloudtrail.objectLock.days (the lock then follows cloudtrail.retentionDays), or raise the retention",
          lock.days,
        ),
      ];
    }
    if (lock.mode === "COMPLIANCE" && days < t.retentionDays) {
      return [
        problem(
          "cloudtrail.objectLock.days",
          `locks log files in COMPLIANCE mode for less than they are kept (${t.retentionDays} days)`,
          `remove cloudtrail.objectLock.days (the lock then follows cloudtrail.retentionDays), set it to ${t.retentionDays}, or use mode GOVERNANCE`,
          lock.days,
        ),
      ];
    }
    return [];
  },
);

export const loggingRules = [trailRetention, objectLockCoversRetention];
