/**
 * IAM policies and event patterns of the detective services. Pure functions of names and IDs, so
 * each statement is asserted directly in tests (the log bucket and key grants that pair with
 * these are in src/logging/policies.ts).
 */
import { accountAdministersKey } from "../build/kms-policy.js";
import { policy, type PolicyDocument } from "../build/policy-document.js";

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
 * The findings key: this account administers it; EventBridge encrypts what it publishes, for the
 * findings topic only (SNS names the topic in the encryption context).
 */
export function findingsKeyPolicy(
  partition: string,
  accountId: string,
  topicArn: string,
): PolicyDocument {
  return policy(accountAdministersKey(partition, accountId), {
    Sid: "EventBridgePublishes",
    Effect: "Allow",
    Principal: { Service: "events.amazonaws.com" },
    Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
    Resource: "*",
    Condition: { StringEquals: { "kms:EncryptionContext:aws:sns:topicArn": topicArn } },
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
