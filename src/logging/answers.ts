/** Answers slice of the logging area: the organization CloudTrail. */
import { z } from "zod";
import { OBJECT_LOCK_DEFAULTS } from "./defaults.js";
import { logRetention } from "../answers/fields.js";

export const CloudTrail = z
  .strictObject({
    retentionDays: z.number().int().min(1).max(36500).default(365).meta({
      description: "Days trail log files are kept in the log-archive bucket (at least 365).",
    }),
    transitionToGlacierAfterDays: z.number().int().min(30).default(90).meta({
      description: "Days after which log files move to S3 Glacier Instant Retrieval.",
    }),
    cloudWatchLogsRetentionDays: logRetention(365).meta({
      description: "Retention of the trail's CloudWatch Logs group (at least 365).",
    }),
    objectLock: z
      .strictObject({
        enabled: z.boolean().default(OBJECT_LOCK_DEFAULTS.enabled).meta({
          description:
            "Enable S3 Object Lock. Once on, S3 cannot switch it off again; false on a bucket that already has it only removes the default retention (deploy refuses that without --allow-destroy).",
        }),
        mode: z.enum(["GOVERNANCE", "COMPLIANCE"]).default(OBJECT_LOCK_DEFAULTS.mode).meta({
          description:
            "GOVERNANCE: only principals allowed s3:BypassGovernanceRetention can delete a log file early (the guardrail SCP denies it in member accounts). COMPLIANCE: nobody can, not even root.",
        }),
        days: z.number().int().min(1).max(36500).optional().meta({
          description:
            "Default retention of each log file, in days. @default - cloudtrail.retentionDays, so files are locked for as long as they are kept.",
        }),
      })
      .prefault({})
      .meta({
        description:
          "Write-once retention on the trail bucket (never the access-log bucket). Switched on in place: an existing bucket is not replaced.",
      }),
    dataEvents: z.enum(["none", "write", "read-write"]).default("none").meta({
      description: "S3 object-level data events on the trail (CIS 3.8/3.9). They cost per event.",
    }),
  })
  .meta({ description: "Organization CloudTrail options." });
