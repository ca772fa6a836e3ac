/**
 * Controls of the logging area: the organization trail (`org-trail`) and where it writes
 * (`log-archive`). Resources inside a SecureBucket or EncryptionKey are named by that
 * construct's id.
 */
import {
  ENCRYPTION_KEY_TYPES,
  inside,
  resource,
  SECURE_BUCKET_TYPES,
  type Control,
} from "../controls/control.js";
import { LOG_ARCHIVE_IDS as ARCHIVE } from "./log-archive-stack.js";
import { ORG_TRAIL_IDS as TRAIL } from "./org-trail-stack.js";

const LOGGING_TEST = "test/stacks/logging.test.ts";
const EVAL = "test/policy/evaluation.test.ts";
const TRAIL_TEST = `${LOGGING_TEST} › trail is organization-wide, multi-region, validated, KMS-encrypted and sends to CloudWatch Logs`;

export const LOGGING_CONTROLS: readonly Control[] = [
  {
    id: "LOG.1",
    title: "Organization trail: multi-region, global service events, all management events",
    cis: ["3.1"],
    stacks: ["org-trail"],
    resources: [resource("aws_cloudtrail", TRAIL.trail)],
    verifiedBy: [TRAIL_TEST],
  },
  {
    id: "LOG.2",
    title: "Trail log file validation",
    cis: ["3.2"],
    stacks: ["org-trail"],
    resources: [resource("aws_cloudtrail", TRAIL.trail)],
    verifiedBy: [TRAIL_TEST],
  },
  {
    id: "LOG.3",
    title:
      "Trail encrypted with a rotated customer managed key; CloudTrail may encrypt only for our trail; only the log-archive and security accounts may decrypt",
    cis: ["3.5", "3.6"],
    stacks: ["log-archive"],
    resources: inside(ARCHIVE.trailKey, ENCRYPTION_KEY_TYPES),
    verifiedBy: [
      `${LOGGING_TEST} › trail key rotates and lets CloudTrail encrypt only for our trail`,
      `${LOGGING_TEST} › trail logs can be decrypted only by the log-archive and security accounts`,
    ],
  },
  {
    id: "LOG.4",
    title:
      "Trail bucket: TLS only, Block Public Access, versioned, SSE-KMS; CloudTrail may write only for our trail",
    cis: ["2.1.1", "2.1.4"],
    stacks: ["log-archive"],
    resources: inside(ARCHIVE.trailBucket, SECURE_BUCKET_TYPES),
    verifiedBy: [
      `${LOGGING_TEST} › the trail bucket denies non-TLS access and allows CloudTrail only for our trail`,
      `${EVAL} › CloudTrail may write to the trail bucket for our trail only`,
      `${EVAL} › deploy role can put a lifecycle rule on the trail bucket (it manages it), over TLS only`,
    ],
  },
  {
    id: "LOG.5",
    title: "Server access logging of the trail bucket into a separate bucket without Object Lock",
    cis: ["3.4"],
    stacks: ["log-archive"],
    resources: [
      resource("aws_s3_bucket_logging", ARCHIVE.trailBucketAccessLogging),
      ...inside(ARCHIVE.accessLogs, SECURE_BUCKET_TYPES),
    ],
    verifiedBy: [
      `${LOGGING_TEST} › the access-log bucket receives the trail bucket's logs and has no Object Lock`,
    ],
  },
  {
    id: "LOG.6",
    title:
      "Trail delivered to an encrypted CloudWatch Logs group (retention >= 365 days) by a least-privilege role",
    cis: ["3.1"],
    stacks: ["org-trail"],
    resources: [
      resource("aws_cloudwatch_log_group", TRAIL.trailLogGroup),
      resource("aws_iam_role", TRAIL.deliveryRole),
      resource("aws_iam_role_policy", TRAIL.deliveryPolicy),
      ...inside(TRAIL.monitoringKey, ENCRYPTION_KEY_TYPES),
    ],
    verifiedBy: [
      `${LOGGING_TEST} › the delivery role may only write streams of the trail's log group, for our trail`,
    ],
  },
  {
    id: "LOG.7",
    title:
      "Trail logs retained, archived and Object Locked: Glacier Instant Retrieval after N days, locked (GOVERNANCE by default) and expired after the retention",
    cis: [],
    stacks: ["log-archive"],
    resources: [
      resource("aws_s3_bucket_lifecycle_configuration", ARCHIVE.trailBucketLifecycle),
      resource("aws_s3_bucket_lifecycle_configuration", ARCHIVE.accessLogsLifecycle),
      resource("aws_s3_bucket_object_lock_configuration", ARCHIVE.trailBucketObjectLock),
    ],
    switch: "cloudtrail.objectLock.enabled",
    verifiedBy: [
      `${LOGGING_TEST} › trail bucket has Object Lock in GOVERNANCE mode by default`,
      `${LOGGING_TEST} › regulated locks logs for the whole retention`,
      `${LOGGING_TEST} › Object Lock and lifecycle follow the answers`,
    ],
  },
  {
    id: "LOG.8",
    title: "S3 object-level data events on the trail (optional)",
    cis: ["3.8", "3.9"],
    stacks: ["org-trail"],
    resources: [resource("aws_cloudtrail", TRAIL.trail)],
    switch: "cloudtrail.dataEvents",
    verifiedBy: [`${LOGGING_TEST} › S3 data events are added only when the answers ask for them`],
  },
  {
    id: "LOG.9",
    title:
      "Security-logs bucket for Config and GuardDuty: TLS only, Block Public Access, versioned, SSE-KMS with the trail key, access-logged, kept as long as the trail; each service writes only under its prefix",
    cis: ["2.1.1", "2.1.4", "3.4"],
    stacks: ["log-archive"],
    resources: [
      ...inside(ARCHIVE.securityLogs, SECURE_BUCKET_TYPES),
      resource("aws_s3_bucket_lifecycle_configuration", ARCHIVE.securityLogsLifecycle),
      resource("aws_s3_bucket_logging", ARCHIVE.securityLogsAccessLogging),
    ],
    switch: "detective.config.enabled",
    verifiedBy: [
      `test/stacks/detective.test.ts › the security-logs bucket and the key admit Config only for this organization, and only under config/`,
      `test/stacks/detective.test.ts › the security-logs bucket is versioned, encrypted with the trail key, access-logged and kept as long as the trail`,
    ],
  },
];
