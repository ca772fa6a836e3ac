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
        enabled: z
          .boolean()
          .default(OBJECT_LOCK_DEFAULTS.enabled)
          .meta({ description: "Enable S3 Object Lock." }),
        mode: z.enum(["GOVERNANCE", "COMPLIANCE"]).default(OBJECT_LOCK_DEFAULTS.mode).meta({
          description: "COMPLIANCE cannot be shortened or removed by anyone, including root.",
        }),
        days: z
          .number()
          .int()
          .min(1)
          .default(OBJECT_LOCK_DEFAULTS.days)
          .meta({ description: "Default retention." }),
      })
      .prefault({})
      .meta({
        description: "Write-once retention on the trail bucket (never the access-log bucket).",
      }),
    dataEvents: z.enum(["none", "write", "read-write"]).default("none").meta({
      description: "S3 object-level data events on the trail (CIS 3.8/3.9). They cost per event.",
    }),
  })
  .meta({ description: "Organization CloudTrail options." });
