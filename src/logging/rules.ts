/** Semantic rules of the logging area: how long the organization trail is kept. */
import { defineRule } from "../answers/define-rule.js";
import type { Problem } from "../answers/problems.js";

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
    if (t.objectLock.enabled && t.objectLock.days > t.retentionDays) {
      out.push(
        problem(
          "cloudtrail.objectLock.days",
          `locks objects longer than they are kept (${t.retentionDays} days)`,
          "use at most cloudtrail.retentionDays, or raise the retention",
          t.objectLock.days,
        ),
      );
    }
    return out;
  },
);

export const loggingRules = [trailRetention];
