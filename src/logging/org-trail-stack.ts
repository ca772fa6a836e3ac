/**
 * `org-trail` (management account): the organization trail (multi-region, global service events,
 * log file validation, encrypted with the log-archive key, delivered to the log-archive bucket and
 * to an encrypted CloudWatch Logs group), and the CIS 4.x metric filters and alarms on that group.
 */
import {
  Cloudtrail,
  CloudwatchLogGroup,
  DataAwsKmsKey,
  IamRole,
  IamRolePolicy,
  type CloudtrailAdvancedEventSelector,
  type Construct,
} from "../build/cdk.js";
import type { OrgTrailStackProps, StackTarget } from "../plan/plan.js";
import { baselineNames, trailArn } from "../answers/names.js";
import { AccountStack } from "../build/account-stack.js";
import { AlarmTopic } from "../monitoring/alarm-topic.js";
import { EncryptionKey } from "../build/encryption-key.js";
import { accessRoleUseMetric, monitoringTamperingMetric } from "../monitoring/break-glass.js";
import { CisAlarms } from "../monitoring/cis-alarms.js";
import { cisMetrics } from "../monitoring/cis-monitoring.js";
import { renderPolicy } from "../build/policy-document.js";
import { monitoringKeyPolicy, trailDeliveryPolicy, trailDeliveryTrustPolicy } from "./policies.js";

/** Construct ids of the org-trail stack (controls name resources by these). */
export const ORG_TRAIL_IDS = {
  monitoringKey: "monitoring-key",
  trailLogGroup: "trail-log-group",
  deliveryRole: "trail-delivery-role",
  deliveryPolicy: "trail-delivery-policy",
  trail: "trail",
  securityAlarms: "security-alarms",
  cisAlarms: "cis-alarms",
} as const;

/** Advanced event selectors: management events always; S3 object data events when asked for. */
function eventSelectors(
  dataEvents: OrgTrailStackProps["cloudtrail"]["dataEvents"],
): CloudtrailAdvancedEventSelector[] | undefined {
  if (dataEvents === "none") return undefined; // the default: all management events, read and write
  return [
    {
      name: "All management events",
      fieldSelector: [{ field: "eventCategory", equalTo: ["Management"] }],
    },
    {
      name: dataEvents === "write" ? "S3 object writes" : "S3 object reads and writes",
      fieldSelector: [
        { field: "eventCategory", equalTo: ["Data"] },
        { field: "resources.type", equalTo: ["AWS::S3::Object"] },
        ...(dataEvents === "write" ? [{ field: "readOnly", equalTo: ["false"] }] : []),
      ],
    },
  ];
}

export class OrgTrailStack extends AccountStack {
  constructor(scope: Construct, name: string, target: StackTarget, props: OrgTrailStackProps) {
    super(scope, name, target);
    const provider = this.providers.home;
    const region = this.homeRegion;
    const { prefix, logArchiveId, cloudtrail, alarms } = props;
    const names = baselineNames(prefix);
    const accountId = this.accountIdRef;
    const arn = trailArn(this.partition, region, accountId, names.trail);

    const monitoringKey = new EncryptionKey(this, ORG_TRAIL_IDS.monitoringKey, {
      provider,
      description: "Encrypts the organization trail's log group and the security alarm topic",
      alias: names.monitoringKeyAlias,
      policy: monitoringKeyPolicy({
        partition: this.partition,
        region,
        accountId,
        logGroupName: names.trailLogGroup,
      }),
    });

    const logGroup = new CloudwatchLogGroup(this, ORG_TRAIL_IDS.trailLogGroup, {
      provider,
      name: names.trailLogGroup,
      retentionInDays: cloudtrail.cloudWatchLogsRetentionDays,
      kmsKeyId: monitoringKey.arn,
    });
    const deliveryRole = new IamRole(this, ORG_TRAIL_IDS.deliveryRole, {
      provider,
      name: `${prefix}-cloudtrail-to-cloudwatch`,
      assumeRolePolicy: renderPolicy(trailDeliveryTrustPolicy(arn)),
    });
    const deliveryPolicy = new IamRolePolicy(this, ORG_TRAIL_IDS.deliveryPolicy, {
      provider,
      role: deliveryRole.name,
      name: "deliver-to-trail-log-group",
      policy: renderPolicy(trailDeliveryPolicy(logGroup.arn)),
    });

    // The key lives in the log-archive account; its alias resolves to the key ARN the trail reports
    // back, so plans stay free of perpetual alias-vs-ARN diffs.
    const trailKey = new DataAwsKmsKey(this, "trail-key", {
      provider,
      keyId: `arn:${this.partition}:kms:${region}:${logArchiveId}:${names.trailKeyAlias}`,
    });
    new Cloudtrail(this, ORG_TRAIL_IDS.trail, {
      provider,
      name: names.trail,
      s3BucketName: names.trailBucket(logArchiveId),
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: trailKey.arn,
      cloudWatchLogsGroupArn: `${logGroup.arn}:*`,
      cloudWatchLogsRoleArn: deliveryRole.arn,
      advancedEventSelector: eventSelectors(cloudtrail.dataEvents),
      lifecycle: { preventDestroy: true },
      dependsOn: [deliveryPolicy],
    });

    const topic = new AlarmTopic(this, ORG_TRAIL_IDS.securityAlarms, {
      provider,
      name: names.alarmTopic,
      accountId,
      kmsKeyId: monitoringKey.arn,
      publishers: ["cloudwatch.amazonaws.com"],
      emails: alarms.emails,
    });
    new CisAlarms(this, ORG_TRAIL_IDS.cisAlarms, {
      provider,
      logGroupName: logGroup.name,
      namespace: names.cisNamespace,
      topicArn: topic.topic.arn,
      metrics: [
        ...cisMetrics({ consoleSigninWithoutMfa: alarms.consoleSigninWithoutMfa }),
        accessRoleUseMetric(props.accessRoleName),
        monitoringTamperingMetric({
          managementId: accountId,
          trailLogGroup: names.trailLogGroup,
          alarmTopic: names.alarmTopic,
        }),
      ],
      alarmPrefix: prefix,
    });
  }
}
