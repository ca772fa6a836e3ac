/**
 * IAM policies and event patterns of the detective services. Pure functions of names and IDs, so
 * each statement is asserted directly in tests (the log bucket and key grants that pair with
 * these are in src/logging/policies.ts).
 */
import { accountAdministersKey } from "../build/kms-policy.js";
import { policy, type PolicyDocument } from "../build/policy-document.js";

/** Trust of the Config recorder role: the Config service, on behalf of this account only. */
export function configRecorderTrustPolicy(accountId: string): PolicyDocument {
  return serviceTrust("config.amazonaws.com", accountId, "ConfigAssumes");
}

/** Trust of the organization aggregator's role. */
export function configAggregatorTrustPolicy(accountId: string): PolicyDocument {
  return serviceTrust("config.amazonaws.com", accountId, "ConfigAggregatorAssumes");
}

function serviceTrust(service: string, accountId: string, sid: string): PolicyDocument {
  return policy({
    Sid: sid,
    Effect: "Allow",
    Principal: { Service: service },
    Action: "sts:AssumeRole",
    Condition: { StringEquals: { "aws:SourceAccount": accountId } },
  });
}

/**
 * What the recorder role needs to deliver: check the bucket, write under its own account's
 * prefix, and encrypt with the trail key (named by alias: the key ID is unknown here).
 */
export function configDeliveryPolicy(p: {
  partition: string;
  homeRegion: string;
  bucket: string;
  keyPrefix: string;
  accountId: string;
  logArchiveId: string;
  keyAlias: string;
}): PolicyDocument {
  const bucketArn = `arn:${p.partition}:s3:::${p.bucket}`;
  return policy(
    {
      Sid: "CheckLogBucket",
      Effect: "Allow",
      Action: ["s3:GetBucketAcl", "s3:ListBucket"],
      Resource: bucketArn,
    },
    {
      Sid: "WriteOwnPrefix",
      Effect: "Allow",
      Action: "s3:PutObject",
      Resource: `${bucketArn}/${p.keyPrefix}/AWSLogs/${p.accountId}/Config/*`,
    },
    {
      Sid: "EncryptWithTrailKey",
      Effect: "Allow",
      Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
      Resource: `arn:${p.partition}:kms:${p.homeRegion}:${p.logArchiveId}:key/*`,
      Condition: { "ForAnyValue:StringEquals": { "kms:ResourceAliases": p.keyAlias } },
    },
  );
}

/** The findings key: this account administers it; EventBridge encrypts what it publishes. */
export function findingsKeyPolicy(partition: string, accountId: string): PolicyDocument {
  return policy(accountAdministersKey(partition, accountId), {
    Sid: "EventBridgePublishes",
    Effect: "Allow",
    Principal: { Service: "events.amazonaws.com" },
    Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
    Resource: "*",
    Condition: { StringEquals: { "aws:SourceAccount": accountId } },
  });
}

/** Trust of the role EventBridge uses to forward findings to the home region's bus. */
export function findingsForwardTrustPolicy(accountId: string): PolicyDocument {
  return serviceTrust("events.amazonaws.com", accountId, "EventBridgeAssumes");
}

/** The forwarding role may put events on the home region's default bus only. */
export function findingsForwardPolicy(homeBusArn: string): PolicyDocument {
  return policy({
    Sid: "PutOnHomeBus",
    Effect: "Allow",
    Action: "events:PutEvents",
    Resource: homeBusArn,
  });
}

/** GuardDuty findings of severity high (7.0-8.9) or critical (9.0-10.0). */
export function guardDutyHighFindings(): object {
  return {
    source: ["aws.guardduty"],
    "detail-type": ["GuardDuty Finding"],
    detail: { severity: [{ numeric: [">=", 7] }] },
  };
}

/**
 * New, active Security Hub findings labelled HIGH or CRITICAL. When GuardDuty alerts on its own,
 * its findings (which Security Hub also imports) are left out, so each finding alerts once.
 */
export function securityHubHighFindings(excludeGuardDuty: boolean): object {
  return {
    source: ["aws.securityhub"],
    "detail-type": ["Security Hub Findings - Imported"],
    detail: {
      findings: {
        Severity: { Label: ["HIGH", "CRITICAL"] },
        Workflow: { Status: ["NEW"] },
        RecordState: ["ACTIVE"],
        ...(excludeGuardDuty ? { ProductName: [{ "anything-but": "GuardDuty" }] } : {}),
      },
    },
  };
}
