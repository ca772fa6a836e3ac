/** Key policy statements shared by every customer managed key the baseline creates. */
import type { PolicyStatement } from "./policy-document.js";

/** Key policy statement: the account's IAM administers the key (IAM policies then grant use). */
export function accountAdministersKey(
  partition: string,
  accountId: string,
  sid = "AccountAdministers",
): PolicyStatement {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
    Action: "kms:*",
    Resource: "*",
  };
}

/** Key policy statement: CloudWatch Logs may use the key, only for one log group. */
export function logsEncryptLogGroup(p: {
  partition: string;
  region: string;
  accountId: string;
  logGroupName: string;
  sid: string;
}): PolicyStatement {
  return {
    Sid: p.sid,
    Effect: "Allow",
    Principal: { Service: `logs.${p.region}.amazonaws.com` },
    Action: [
      "kms:Decrypt*",
      "kms:Describe*",
      "kms:Encrypt*",
      "kms:GenerateDataKey*",
      "kms:ReEncrypt*",
    ],
    Resource: "*",
    Condition: {
      ArnEquals: {
        "kms:EncryptionContext:aws:logs:arn": `arn:${p.partition}:logs:${p.region}:${p.accountId}:log-group:${p.logGroupName}`,
      },
    },
  };
}
