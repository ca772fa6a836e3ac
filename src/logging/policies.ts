/**
 * Resource policies for the audit trail: the trail's KMS key and buckets in the log-archive account,
 * and the keys and topics that carry alarms in the management account. Pure functions of names
 * and IDs, so each statement is asserted directly in tests.
 */
import { policy, type PolicyDocument, type PolicyStatement } from "../build/policy-document.js";
import { accountAdministersKey, logsEncryptLogGroup } from "../build/kms-policy.js";

export interface TrailContext {
  readonly partition: string;
  readonly region: string;
  readonly managementId: string;
  readonly organizationId: string;
  readonly logArchiveId: string;
  /** The security account, when there is one: it may decrypt trail logs. */
  readonly securityId?: string;
  /** ARN of the organization trail (home region, management account). */
  readonly trailArn: string;
  /** Detective services delivering into the trail bucket, each under its own prefix. */
  readonly deliveries?: {
    /** Every account's Config recorder (the Config service, for this organization). */
    readonly config: boolean;
    readonly configKeyPrefix: string;
    readonly guardDuty: boolean;
    readonly guardDutyKeyPrefix: string;
    /**
     * Enabled opt-in regions: GuardDuty acts there as its regional service principal
     * (guardduty.<region>.amazonaws.com).
     */
    readonly optInRegions: readonly string[];
  };
}

/** GuardDuty's service principals: the global one, and the regional one of each opt-in region. */
function guardDutyPrincipals(optInRegions: readonly string[]): string | string[] {
  return oneOrMany([
    "guardduty.amazonaws.com",
    ...optInRegions.map((region) => `guardduty.${region}.amazonaws.com`),
  ]);
}

/** Condition: the service acts for an account of this organization. */
function forOurOrganization(c: TrailContext) {
  return { StringEquals: { "aws:SourceOrgID": c.organizationId } };
}

/**
 * Key statements for the detective services' deliveries: Config encrypts every account's
 * snapshots and history (the bucket's default SSE-KMS; Decrypt for multipart uploads), GuardDuty
 * encrypts the security account's exported findings, and the security account resolves the key
 * from its alias.
 */
function deliveryKeyStatements(c: TrailContext): PolicyStatement[] {
  const d = c.deliveries;
  if (!d) return [];
  return [
    ...(d.config
      ? [
          {
            Sid: "ConfigEncryptsDeliveries",
            Effect: "Allow" as const,
            Principal: { Service: "config.amazonaws.com" },
            Action: ["kms:GenerateDataKey", "kms:Decrypt"],
            Resource: "*",
            Condition: forOurOrganization(c),
          },
        ]
      : []),
    ...(d.guardDuty && c.securityId
      ? [
          {
            Sid: "GuardDutyEncryptsFindings",
            Effect: "Allow" as const,
            Principal: { Service: guardDutyPrincipals(d.optInRegions) },
            Action: "kms:GenerateDataKey",
            Resource: "*",
            Condition: { StringEquals: { "aws:SourceAccount": c.securityId } },
          },
          {
            Sid: "SecurityAccountDescribesKey",
            Effect: "Allow" as const,
            Principal: { AWS: accountRoot(c.partition, c.securityId) },
            Action: "kms:DescribeKey",
            Resource: "*",
          },
        ]
      : []),
  ];
}

/**
 * Bucket statements for the detective services: Config, for accounts of this organization only,
 * checks the bucket and writes under config/AWSLogs/ (each account's recorder writes under its own
 * ID there, and only the deploy role may change a delivery channel); GuardDuty writes the security
 * account's findings under guardduty/ only.
 */
function deliveryBucketStatements(c: TrailContext, bucketArn: string): PolicyStatement[] {
  const d = c.deliveries;
  if (!d) return [];
  return [
    ...(d.config
      ? [
          {
            Sid: "ConfigChecksBucket",
            Effect: "Allow" as const,
            Principal: { Service: "config.amazonaws.com" },
            Action: ["s3:GetBucketAcl", "s3:ListBucket"],
            Resource: bucketArn,
            Condition: forOurOrganization(c),
          },
          {
            Sid: "ConfigWritesDeliveries",
            Effect: "Allow" as const,
            Principal: { Service: "config.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: `${bucketArn}/${d.configKeyPrefix}/AWSLogs/*`,
            Condition: {
              StringEquals: {
                "aws:SourceOrgID": c.organizationId,
                "s3:x-amz-acl": "bucket-owner-full-control",
              },
            },
          },
        ]
      : []),
    ...(d.guardDuty && c.securityId
      ? [
          {
            Sid: "GuardDutyChecksBucket",
            Effect: "Allow" as const,
            Principal: { Service: guardDutyPrincipals(d.optInRegions) },
            Action: "s3:GetBucketLocation",
            Resource: bucketArn,
            Condition: { StringEquals: { "aws:SourceAccount": c.securityId } },
          },
          {
            Sid: "GuardDutyWritesFindings",
            Effect: "Allow" as const,
            Principal: { Service: guardDutyPrincipals(d.optInRegions) },
            Action: "s3:PutObject",
            Resource: `${bucketArn}/${d.guardDutyKeyPrefix}/*`,
            Condition: { StringEquals: { "aws:SourceAccount": c.securityId } },
          },
        ]
      : []),
  ];
}

/** Denies every S3 request that does not use TLS (CIS 2.1.1). */
export function denyInsecureTransport(bucketArn: string): PolicyStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: { AWS: "*" },
    Action: "s3:*",
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

function oneOrMany(values: string[]): string | string[] {
  return values.length === 1 ? (values[0] as string) : values;
}

function accountRoot(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

/**
 * Accounts whose principals may decrypt trail logs: the log-archive account, where the logs are,
 * and the security account, where audit tooling runs. Nobody else needs to: CloudTrail only
 * encrypts (GenerateDataKey), the console's event history does not read the bucket, and the
 * management account only resolves the key (DescribeKey). Each reader still needs an IAM policy
 * in its own account, and read access to the bucket.
 */
export function trailLogReaders(c: TrailContext): string[] {
  return [c.logArchiveId, ...(c.securityId ? [c.securityId] : [])];
}

/**
 * The trail key (log-archive account): CloudTrail may encrypt only for trails of the management
 * account and only as our trail; the log-archive and security accounts may decrypt CloudTrail
 * logs (trailLogReaders); the management account may describe the key (to resolve its ARN from
 * the alias).
 */
export function trailKeyPolicy(c: TrailContext): PolicyDocument {
  const trailContext = `arn:${c.partition}:cloudtrail:*:${c.managementId}:trail/*`;
  return policy(
    accountAdministersKey(c.partition, c.logArchiveId, "LogArchiveAccountAdministers"),
    {
      Sid: "CloudTrailEncryptsForOurTrail",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:GenerateDataKey*",
      Resource: "*",
      Condition: {
        StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": trailContext },
        StringEquals: { "aws:SourceArn": c.trailArn },
      },
    },
    {
      Sid: "CloudTrailDescribesKey",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:DescribeKey",
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceArn": c.trailArn } },
    },
    {
      Sid: "TrailLogReadersDecrypt",
      Effect: "Allow",
      Principal: { AWS: oneOrMany(trailLogReaders(c).map((id) => accountRoot(c.partition, id))) },
      Action: ["kms:Decrypt", "kms:ReEncryptFrom"],
      Resource: "*",
      Condition: {
        StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": trailContext },
      },
    },
    {
      Sid: "ManagementAccountDescribesKey",
      Effect: "Allow",
      Principal: { AWS: accountRoot(c.partition, c.managementId) },
      Action: "kms:DescribeKey",
      Resource: "*",
    },
    ...deliveryKeyStatements(c),
  );
}

/**
 * The trail bucket: TLS only; CloudTrail may check the ACL and write under AWSLogs/<management>/
 * and AWSLogs/<org-id>/, and only on behalf of our trail (aws:SourceArn).
 */
export function trailBucketPolicy(c: TrailContext & { readonly bucket: string }): PolicyDocument {
  const bucketArn = `arn:${c.partition}:s3:::${c.bucket}`;
  const onlyOurTrail = { StringEquals: { "aws:SourceArn": c.trailArn } };
  return policy(
    denyInsecureTransport(bucketArn),
    {
      Sid: "CloudTrailChecksAcl",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: bucketArn,
      Condition: onlyOurTrail,
    },
    {
      Sid: "CloudTrailWritesOurTrail",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: [
        `${bucketArn}/AWSLogs/${c.managementId}/*`,
        `${bucketArn}/AWSLogs/${c.organizationId}/*`,
      ],
      Condition: {
        StringEquals: { "aws:SourceArn": c.trailArn, "s3:x-amz-acl": "bucket-owner-full-control" },
      },
    },
  );
}

/**
 * The security-logs bucket (Config snapshots and history, GuardDuty findings): TLS only, and the
 * detective services' deliveries, each under its own prefix.
 */
export function securityLogsBucketPolicy(
  c: TrailContext & { readonly bucket: string },
): PolicyDocument {
  const bucketArn = `arn:${c.partition}:s3:::${c.bucket}`;
  return policy(denyInsecureTransport(bucketArn), ...deliveryBucketStatements(c, bucketArn));
}

/** The access-log bucket: TLS only; S3 log delivery writes only for the log buckets. */
export function accessLogBucketPolicy(p: {
  partition: string;
  bucket: string;
  sourceBuckets: readonly string[];
  accountId: string;
}): PolicyDocument {
  const bucketArn = `arn:${p.partition}:s3:::${p.bucket}`;
  return policy(denyInsecureTransport(bucketArn), {
    Sid: "S3ServerAccessLogDelivery",
    Effect: "Allow",
    Principal: { Service: "logging.s3.amazonaws.com" },
    Action: "s3:PutObject",
    Resource: `${bucketArn}/*`,
    Condition: {
      ArnLike: {
        "aws:SourceArn": oneOrMany(p.sourceBuckets.map((b) => `arn:${p.partition}:s3:::${b}`)),
      },
      StringEquals: { "aws:SourceAccount": p.accountId },
    },
  });
}

/**
 * The monitoring key (management account): encrypts the trail's log group and the alarm topic.
 * CloudWatch Logs may use it only for that log group; CloudWatch may use it to publish alarms.
 */
export function monitoringKeyPolicy(p: {
  partition: string;
  region: string;
  accountId: string;
  logGroupName: string;
}): PolicyDocument {
  return policy(
    accountAdministersKey(p.partition, p.accountId),
    logsEncryptLogGroup({ ...p, sid: "CloudWatchLogsEncryptsTrailLogGroup" }),
    alarmPublishersUseKey(["cloudwatch.amazonaws.com"], p.accountId),
  );
}

/** Key policy for an alarm topic outside the home region (billing alarms in us-east-1). */
export function alarmTopicKeyPolicy(p: {
  partition: string;
  accountId: string;
  publishers: string[];
}): PolicyDocument {
  return policy(
    accountAdministersKey(p.partition, p.accountId),
    alarmPublishersUseKey(p.publishers, p.accountId),
  );
}

/** Services that publish to an encrypted topic need the data key. */
function alarmPublishersUseKey(services: string[], accountId: string): PolicyStatement {
  return {
    Sid: "AlarmPublishersUseKey",
    Effect: "Allow",
    Principal: { Service: services.length === 1 ? (services[0] as string) : services },
    Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
    Resource: "*",
    Condition: { StringEquals: { "aws:SourceAccount": accountId } },
  };
}

/** Topic policy: the named services of this account may publish; nothing else is granted. */
export function alarmTopicPolicy(p: {
  topicArn: string;
  accountId: string;
  publishers: string[];
}): PolicyDocument {
  return policy({
    Sid: "AlarmPublishersPublish",
    Effect: "Allow",
    Principal: { Service: p.publishers.length === 1 ? (p.publishers[0] as string) : p.publishers },
    Action: "sns:Publish",
    Resource: p.topicArn,
    Condition: { StringEquals: { "aws:SourceAccount": p.accountId } },
  });
}

/** Trust for the trail's CloudWatch Logs delivery role: CloudTrail, for our trail only. */
export function trailDeliveryTrustPolicy(trailArn: string): PolicyDocument {
  return policy({
    Sid: "CloudTrailAssumes",
    Effect: "Allow",
    Principal: { Service: "cloudtrail.amazonaws.com" },
    Action: "sts:AssumeRole",
    Condition: { StringEquals: { "aws:SourceArn": trailArn } },
  });
}

/** Least privilege for log delivery: create streams and put events in the one log group. */
export function trailDeliveryPolicy(logGroupArn: string): PolicyDocument {
  return policy({
    Sid: "DeliverToTrailLogGroup",
    Effect: "Allow",
    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
    Resource: `${logGroupArn}:log-stream:*`,
  });
}
