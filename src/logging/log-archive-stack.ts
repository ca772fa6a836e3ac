/**
 * `log-archive` (log-archive account): where the organization trail writes. A rotated KMS key the
 * trail encrypts with, the trail bucket (versioned, SSE-KMS, TLS-only, CloudTrail allowed only for
 * our trail, Object Lock by default, lifecycle) and a separate access-log bucket receiving the
 * trail bucket's server access logs (never Object Lock: it breaks log delivery).
 *
 * Object Lock is switched on by the lock configuration alone (PutObjectLockConfiguration on the
 * versioned bucket), never by the bucket's `object_lock_enabled`: in hashicorp/aws that argument
 * forces a new bucket when it changes, while S3 switches Object Lock on for an existing bucket in
 * place. So turning it on later never replaces a bucket that holds logs.
 */
import {
  S3BucketLifecycleConfiguration,
  S3BucketLoggingA,
  S3BucketObjectLockConfigurationA,
  type Construct,
} from "../build/cdk.js";
import type { LogArchiveStackProps, StackTarget } from "../plan/plan.js";
import { baselineNames, PROTECTED_TAG, trailArn } from "../answers/names.js";
import { AccountStack } from "../build/account-stack.js";
import { EncryptionKey } from "../build/encryption-key.js";
import { SecureBucket } from "../build/secure-bucket.js";
import { objectLockDays } from "./defaults.js";
import {
  accessLogBucketPolicy,
  securityLogsBucketPolicy,
  trailBucketPolicy,
  trailKeyPolicy,
} from "./policies.js";

/** Construct ids of the log-archive stack (controls name resources by these). */
export const LOG_ARCHIVE_IDS = {
  trailKey: "trail-key",
  accessLogs: "access-logs",
  accessLogsLifecycle: "access-logs-lifecycle",
  trailBucket: "trail-bucket",
  trailBucketObjectLock: "trail-bucket-object-lock",
  trailBucketLifecycle: "trail-bucket-lifecycle",
  trailBucketAccessLogging: "trail-bucket-access-logging",
  securityLogs: "security-logs",
  securityLogsLifecycle: "security-logs-lifecycle",
  securityLogsAccessLogging: "security-logs-access-logging",
} as const;

/** Log files move to Glacier Instant Retrieval, then expire with the trail's retention. */
function archiveThenExpire(ct: LogArchiveStackProps["cloudtrail"]) {
  return {
    id: "archive-then-expire",
    status: "Enabled",
    filter: [{ prefix: "" }],
    transition: [{ days: ct.transitionToGlacierAfterDays, storageClass: "GLACIER_IR" }],
    expiration: [{ days: ct.retentionDays }],
    noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
    abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
  };
}

export class LogArchiveStack extends AccountStack {
  constructor(scope: Construct, name: string, target: StackTarget, props: LogArchiveStackProps) {
    super(scope, name, target);
    const provider = this.providers.home;
    const names = baselineNames(props.prefix);
    const { logArchiveId, managementId, cloudtrail: ct } = props;
    const trail = {
      partition: this.partition,
      region: this.homeRegion,
      managementId,
      organizationId: props.organizationId,
      logArchiveId,
      securityId: props.securityId,
      trailArn: trailArn(this.partition, this.homeRegion, managementId, names.trail),
      deliveries: {
        config: props.deliveries.config,
        configKeyPrefix: names.configKeyPrefix,
        guardDuty: props.deliveries.guardDuty,
        guardDutyKeyPrefix: names.guardDutyKeyPrefix,
        optInRegions: props.deliveries.optInRegions,
      },
    };

    const key = new EncryptionKey(this, LOG_ARCHIVE_IDS.trailKey, {
      provider,
      description: `Encrypts the ${names.trail} organization trail`,
      alias: names.trailKeyAlias,
      policy: trailKeyPolicy(trail),
      // The guardrail SCP protects keys carrying this tag.
      tags: { [PROTECTED_TAG.key]: PROTECTED_TAG.cloudtrail },
      preventDestroy: true,
    });

    const securityLogs = props.deliveries.config || props.deliveries.guardDuty;
    const accessLogs = new SecureBucket(this, LOG_ARCHIVE_IDS.accessLogs, {
      provider,
      bucketName: names.accessLogBucket(logArchiveId),
      // S3 server access log delivery supports SSE-S3 only on the target bucket.
      policy: accessLogBucketPolicy({
        partition: this.partition,
        bucket: names.accessLogBucket(logArchiveId),
        sourceBuckets: [
          names.trailBucket(logArchiveId),
          ...(securityLogs ? [names.securityLogsBucket(logArchiveId)] : []),
        ],
        accountId: logArchiveId,
      }),
    });
    new S3BucketLifecycleConfiguration(this, LOG_ARCHIVE_IDS.accessLogsLifecycle, {
      provider,
      bucket: accessLogs.bucket.id,
      rule: [
        {
          id: "expire-access-logs",
          status: "Enabled",
          filter: [{ prefix: "" }],
          expiration: [{ days: ct.retentionDays }],
          noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
      dependsOn: accessLogs.ready,
    });

    const trailBucket = new SecureBucket(this, LOG_ARCHIVE_IDS.trailBucket, {
      provider,
      bucketName: names.trailBucket(logArchiveId),
      kmsKeyArn: key.arn,
      policy: trailBucketPolicy({ ...trail, bucket: names.trailBucket(logArchiveId) }),
    });
    if (ct.objectLock.enabled) {
      new S3BucketObjectLockConfigurationA(this, LOG_ARCHIVE_IDS.trailBucketObjectLock, {
        provider,
        bucket: trailBucket.bucket.id,
        rule: { defaultRetention: { mode: ct.objectLock.mode, days: objectLockDays(ct) } },
        // S3 accepts Object Lock only on a versioned bucket (versioning is part of `ready`).
        dependsOn: trailBucket.ready,
      });
    }
    new S3BucketLifecycleConfiguration(this, LOG_ARCHIVE_IDS.trailBucketLifecycle, {
      provider,
      bucket: trailBucket.bucket.id,
      rule: [archiveThenExpire(ct)],
      dependsOn: trailBucket.ready,
    });
    new S3BucketLoggingA(this, LOG_ARCHIVE_IDS.trailBucketAccessLogging, {
      provider,
      bucket: trailBucket.bucket.id,
      targetBucket: accessLogs.bucket.id,
      targetPrefix: `${names.trailBucket(logArchiveId)}/`,
      dependsOn: accessLogs.ready,
    });

    // Config and GuardDuty deliver beside the trail: Config cannot deliver to a bucket with Object
    // Lock default retention. Versioning, the guardrails' deny on deleting log objects and the
    // same lifecycle keep what they write.
    if (securityLogs) {
      const bucket = names.securityLogsBucket(logArchiveId);
      const logs = new SecureBucket(this, LOG_ARCHIVE_IDS.securityLogs, {
        provider,
        bucketName: bucket,
        kmsKeyArn: key.arn,
        policy: securityLogsBucketPolicy({ ...trail, bucket }),
      });
      new S3BucketLifecycleConfiguration(this, LOG_ARCHIVE_IDS.securityLogsLifecycle, {
        provider,
        bucket: logs.bucket.id,
        rule: [archiveThenExpire(ct)],
        dependsOn: logs.ready,
      });
      new S3BucketLoggingA(this, LOG_ARCHIVE_IDS.securityLogsAccessLogging, {
        provider,
        bucket: logs.bucket.id,
        targetBucket: accessLogs.bucket.id,
        targetPrefix: `${bucket}/`,
        dependsOn: accessLogs.ready,
      });
    }
  }
}
