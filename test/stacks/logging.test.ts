import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/version.js";
import { configFrom, DETECTIVE_OFF, exampleAnswers } from "../helpers/answers.js";
import {
  policyOf,
  resourceList,
  resources,
  statementOf,
  synthTo,
  type StackJson,
  type Synthesized,
} from "../helpers/synth.js";

const TRAIL_ARN = "arn:aws:cloudtrail:eu-west-1:111111111111:trail/acme-org-trail";

let out: Synthesized;
let archive: StackJson;
let trail: StackJson;
beforeAll(async () => {
  out = await synthTo(configFrom(exampleAnswers()));
  archive = out.stack("log-archive");
  trail = out.stack("org-trail");
});

/** The single resource of `type` whose Terraform name contains `part`. */
function one(stack: StackJson, type: string, part: string): StackJson {
  const found = Object.entries(resources(stack, type)).filter(([key]) => key.includes(part));
  expect(found, `${type} *${part}*`).toHaveLength(1);
  return found[0]?.[1] as StackJson;
}

describe("org-trail stack", () => {
  it("trail is organization-wide, multi-region, validated, KMS-encrypted and sends to CloudWatch Logs", () => {
    const [t] = resourceList(trail, "aws_cloudtrail");
    expect(t).toMatchObject({
      name: "acme-org-trail",
      is_organization_trail: true,
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
      s3_bucket_name: "acme-cloudtrail-222222222222",
      lifecycle: { prevent_destroy: true },
    });
    expect(t?.kms_key_id).toMatch(/^\$\{data\.aws_kms_key\.[^.]+\.arn\}$/);
    expect(resourceList({ resource: trail.data }, "aws_kms_key")[0]?.key_id).toBe(
      "arn:aws:kms:eu-west-1:222222222222:alias/acme-cloudtrail",
    );
    expect(t?.cloud_watch_logs_group_arn).toMatch(
      /^\$\{aws_cloudwatch_log_group\.[^.]+\.arn\}:\*$/,
    );
    expect(t?.cloud_watch_logs_role_arn).toMatch(/aws_iam_role\..+\.arn/);
    const [group] = resourceList(trail, "aws_cloudwatch_log_group");
    expect(group).toMatchObject({ name: "/aws/cloudtrail/acme-org-trail", retention_in_days: 365 });
    expect(group?.kms_key_id).toMatch(/aws_kms_key\..+\.arn/);
  });

  it("the delivery role may only write streams of the trail's log group, for our trail", () => {
    const role = one(trail, "aws_iam_role", "delivery");
    expect(statementOf(role.assume_role_policy, "CloudTrailAssumes")).toMatchObject({
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
    });
    const [policy] = resourceList(trail, "aws_iam_role_policy");
    expect(policyOf(policy?.policy).Statement).toEqual([
      {
        Sid: "DeliverToTrailLogGroup",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: expect.stringMatching(/aws_cloudwatch_log_group\..+\.arn\}:log-stream:\*$/),
      },
    ]);
  });

  it("any use of the break-glass access role raises an alarm", () => {
    const filter = resourceList(trail, "aws_cloudwatch_log_metric_filter").find(
      (f) => f.name === "BreakGlassAccessRoleUsed",
    );
    expect(filter?.pattern).toBe(
      '{ ($.eventSource = "sts.amazonaws.com") && ($.eventName = "AssumeRole") && ($.requestParameters.roleArn = "*:role/OrganizationAccountAccessRole") }',
    );
    expect(resourceList(trail, "aws_cloudwatch_metric_alarm")).toContainEqual(
      expect.objectContaining({
        alarm_name: "acme-BreakGlassAccessRoleUsed",
        metric_name: "BreakGlassAccessRoleUsed",
        threshold: 1,
      }),
    );
  });

  it("weakening the trail's log group, filters, alarms or topic raises an alarm", () => {
    const filter = resourceList(trail, "aws_cloudwatch_log_metric_filter").find(
      (f) => f.name === "SecurityMonitoringChanged",
    );
    for (const part of [
      '{ ($.recipientAccountId = "111111111111") && ',
      '($.requestParameters.logGroupName = "/aws/cloudtrail/acme-org-trail")',
      '($.eventName = "PutRetentionPolicy")',
      '($.eventName = "PutMetricFilter")',
      '($.eventName = "DeleteMetricFilter")',
      '($.eventName = "DeleteAlarms")',
      '($.eventName = "DisableAlarmActions")',
      '($.eventName = "PutMetricAlarm")',
      '($.requestParameters.topicArn = "*:acme-security-alarms")',
      '($.eventName = "DeleteTopic")',
      '($.eventName = "Unsubscribe")',
    ])
      expect(filter?.pattern).toContain(part);
    // CloudWatch Logs limits a filter pattern to 1,024 characters.
    expect(String(filter?.pattern).length).toBeLessThanOrEqual(1024);
    expect(resourceList(trail, "aws_cloudwatch_metric_alarm")).toContainEqual(
      expect.objectContaining({ alarm_name: "acme-SecurityMonitoringChanged" }),
    );
  });

  it("every alarm notifies an encrypted topic that has subscribers", () => {
    const topics = resources(trail, "aws_sns_topic");
    const [topicKey, topic] = Object.entries(topics)[0] as [string, StackJson];
    expect(topic.kms_master_key_id).toMatch(/aws_kms_key\..+\.arn/);
    const topicArn = `\${aws_sns_topic.${topicKey}.arn}`;
    const subscriptions = resourceList(trail, "aws_sns_topic_subscription");
    expect(subscriptions).toEqual([
      expect.objectContaining({
        topic_arn: topicArn,
        protocol: "email",
        endpoint: "security-alerts@acme.example",
      }),
    ]);
    const alarms = resourceList(trail, "aws_cloudwatch_metric_alarm");
    expect(alarms).toHaveLength(17); // CIS 4.1-4.15, break-glass and monitoring tampering
    for (const alarm of alarms) expect(alarm.alarm_actions).toEqual([topicArn]);
    const [topicPolicy] = resourceList(trail, "aws_sns_topic_policy");
    expect(statementOf(topicPolicy?.policy, "AlarmPublishersPublish").Principal).toEqual({
      Service: "cloudwatch.amazonaws.com",
    });
    // The monitoring key lets CloudWatch use it, or encrypted alarm notifications would be dropped.
    expect(
      statementOf(one(trail, "aws_kms_key", "monitoring").policy, "AlarmPublishersUseKey")
        .Principal,
    ).toEqual({
      Service: "cloudwatch.amazonaws.com",
    });
  });

  it("S3 data events are added only when the answers ask for them", async () => {
    expect(resourceList(trail, "aws_cloudtrail")[0]?.advanced_event_selector).toBeUndefined();
    const answers = exampleAnswers();
    answers.cloudtrail = { dataEvents: "write" };
    const t = resourceList(
      (await synthTo(configFrom(answers))).stack("org-trail"),
      "aws_cloudtrail",
    )[0];
    expect(t?.advanced_event_selector).toEqual([
      {
        name: "All management events",
        field_selector: [{ field: "eventCategory", equals: ["Management"] }],
      },
      {
        name: "S3 object writes",
        field_selector: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::S3::Object"] },
          { field: "readOnly", equals: ["false"] },
        ],
      },
    ]);
  });
});

/** CIS v3.0.0 4.x patterns, transcribed independently of stacks/policies/cis-monitoring.ts. */
const EXPECTED_PATTERNS: [string, string, string][] = [
  [
    "4.1",
    "UnauthorizedAPICalls",
    '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }',
  ],
  [
    "4.2",
    "ConsoleSigninWithoutMFA",
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
  ],
  [
    "4.3",
    "RootAccountUsage",
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  ],
  [
    "4.4",
    "IAMPolicyChanges",
    "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}",
  ],
  [
    "4.5",
    "CloudTrailConfigChanges",
    "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
  ],
  [
    "4.6",
    "ConsoleAuthenticationFailures",
    '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  ],
  [
    "4.7",
    "DisableOrDeleteCMK",
    "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }",
  ],
  [
    "4.8",
    "S3BucketPolicyChanges",
    "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }",
  ],
  [
    "4.9",
    "AWSConfigChanges",
    "{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }",
  ],
  [
    "4.10",
    "SecurityGroupChanges",
    "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) || ($.eventName = ModifySecurityGroupRules) }",
  ],
  [
    "4.11",
    "NACLChanges",
    "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }",
  ],
  [
    "4.12",
    "NetworkGatewayChanges",
    "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }",
  ],
  [
    "4.13",
    "RouteTableChanges",
    "{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }",
  ],
  [
    "4.14",
    "VPCChanges",
    "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }",
  ],
  [
    "4.15",
    "OrganizationsChanges",
    '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
  ],
];

describe("CIS 4.x monitoring", () => {
  for (const [cis, name, pattern] of EXPECTED_PATTERNS) {
    it(`CIS ${cis} metric filter pattern is exact`, () => {
      const filter = resourceList(trail, "aws_cloudwatch_log_metric_filter").find(
        (f) => f.name === name,
      );
      expect(filter?.pattern).toBe(pattern);
      expect(filter?.metric_transformation).toEqual({
        name,
        namespace: "CISBenchmark",
        value: "1",
      });
      expect(filter?.log_group_name).toMatch(/aws_cloudwatch_log_group\..+\.name/);
      const alarm = resourceList(trail, "aws_cloudwatch_metric_alarm").find(
        (a) => a.metric_name === name,
      );
      expect(alarm).toMatchObject({
        alarm_name: `acme-cis-${cis}-${name}`,
        namespace: "CISBenchmark",
        statistic: "Sum",
        period: 300,
        threshold: 1,
        comparison_operator: "GreaterThanOrEqualToThreshold",
      });
    });
  }

  it("the SSO-aware variant of CIS 4.2 counts only successful IAM-user sign-ins", async () => {
    const answers = exampleAnswers();
    answers.alarms.consoleSigninWithoutMfa = "iam-users-only";
    const stack = (await synthTo(configFrom(answers))).stack("org-trail");
    expect(
      resourceList(stack, "aws_cloudwatch_log_metric_filter").find(
        (f) => f.name === "ConsoleSigninWithoutMFA",
      )?.pattern,
    ).toBe(
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
    );
  });
});

describe("log-archive stack", () => {
  it("trail key rotates and lets CloudTrail encrypt only for our trail", () => {
    const key = one(archive, "aws_kms_key", "trail-key");
    expect(key).toMatchObject({
      enable_key_rotation: true,
      tags: { BaselineProtected: "cloudtrail" },
    });
    expect(statementOf(key.policy, "CloudTrailEncryptsForOurTrail")).toMatchObject({
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:GenerateDataKey*",
      Condition: {
        StringEquals: { "aws:SourceArn": TRAIL_ARN },
        StringLike: {
          "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111111111111:trail/*",
        },
      },
    });
    expect(one(archive, "aws_kms_alias", "trail-key").name).toBe("alias/acme-cloudtrail");
  });

  it("trail logs can be decrypted only by the log-archive and security accounts", async () => {
    const policy = policyOf(one(archive, "aws_kms_key", "trail-key").policy);
    expect(statementOf(JSON.stringify(policy), "TrailLogReadersDecrypt")).toEqual({
      Sid: "TrailLogReadersDecrypt",
      Effect: "Allow",
      Principal: { AWS: ["arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:root"] },
      Action: ["kms:Decrypt", "kms:ReEncryptFrom"],
      Resource: "*",
      Condition: {
        StringLike: {
          "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111111111111:trail/*",
        },
      },
    });
    // No statement grants decryption to the whole organization or to anyone.
    const decrypting = policy.Statement.filter((s) =>
      [s.Action].flat().some((a: string) => a === "kms:*" || a.startsWith("kms:Decrypt")),
    );
    expect(decrypting.map((s) => s.Sid).sort()).toEqual([
      "ConfigEncryptsDeliveries",
      "LogArchiveAccountAdministers",
      "TrailLogReadersDecrypt",
    ]);
    // The Config service may decrypt (multipart uploads of its deliveries); it never reads logs.
    const config = policy.Statement.find((s) => s.Sid === "ConfigEncryptsDeliveries") as StackJson;
    expect(config.Principal).toEqual({ Service: "config.amazonaws.com" });
    for (const s of decrypting.filter((d) => d.Sid !== "ConfigEncryptsDeliveries")) {
      expect(JSON.stringify(s.Principal)).not.toContain('"*"');
      expect(JSON.stringify(s.Condition ?? {})).not.toContain("aws:PrincipalOrgID");
    }

    // Without a security account, only the log-archive account reads.
    const answers = exampleAnswers();
    answers.accounts = answers.accounts.filter((a: { kind?: string }) => a.kind !== "security");
    answers.detective = DETECTIVE_OFF;
    const alone = (await synthTo(configFrom(answers))).stack("log-archive");
    expect(
      statementOf(one(alone, "aws_kms_key", "trail-key").policy, "TrailLogReadersDecrypt")
        .Principal,
    ).toEqual({ AWS: "arn:aws:iam::222222222222:root" });
  });

  it("the trail bucket denies non-TLS access and allows CloudTrail only for our trail", () => {
    const bucket = one(archive, "aws_s3_bucket", "trail-bucket");
    expect(bucket).toMatchObject({
      bucket: "acme-cloudtrail-222222222222",
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    const policy = one(archive, "aws_s3_bucket_policy", "trail-bucket").policy;
    expect(statementOf(policy, "DenyInsecureTransport")).toEqual({
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: "s3:*",
      Resource: [
        "arn:aws:s3:::acme-cloudtrail-222222222222",
        "arn:aws:s3:::acme-cloudtrail-222222222222/*",
      ],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
    expect(statementOf(policy, "CloudTrailChecksAcl").Condition).toEqual({
      StringEquals: { "aws:SourceArn": TRAIL_ARN },
    });
    expect(statementOf(policy, "CloudTrailWritesOurTrail")).toMatchObject({
      Action: "s3:PutObject",
      Resource: [
        "arn:aws:s3:::acme-cloudtrail-222222222222/AWSLogs/111111111111/*",
        "arn:aws:s3:::acme-cloudtrail-222222222222/AWSLogs/o-a1b2c3d4e5/*",
      ],
      Condition: {
        StringEquals: { "aws:SourceArn": TRAIL_ARN, "s3:x-amz-acl": "bucket-owner-full-control" },
      },
    });
    // CloudTrail is the only writer: Config and GuardDuty deliver to the security-logs bucket
    // (Config cannot deliver to a bucket with Object Lock default retention).
    expect(
      policyOf(policy)
        .Statement.filter((s) => s.Effect === "Allow")
        .every((s) => s.Condition?.StringEquals?.["aws:SourceArn"] === TRAIL_ARN),
    ).toBe(true);
    expect(
      one(archive, "aws_s3_bucket_server_side_encryption_configuration", "trail-bucket").rule,
    ).toEqual([
      {
        apply_server_side_encryption_by_default: {
          sse_algorithm: "aws:kms",
          kms_master_key_id: expect.stringMatching(/aws_kms_key/),
        },
        bucket_key_enabled: true,
      },
    ]);
    expect(one(archive, "aws_s3_bucket_public_access_block", "trail-bucket")).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(
      one(archive, "aws_s3_bucket_versioning", "trail-bucket").versioning_configuration,
    ).toEqual({ status: "Enabled" });
  });

  it("the access-log bucket receives the trail bucket's logs and has no Object Lock", async () => {
    const answers = exampleAnswers();
    answers.cloudtrail = { objectLock: { enabled: true, mode: "COMPLIANCE" } };
    const locked = (await synthTo(configFrom(answers))).stack("log-archive");
    const accessLogs = one(locked, "aws_s3_bucket", "access-logs");
    expect(accessLogs.bucket).toBe("acme-s3-access-logs-222222222222");
    expect(accessLogs.object_lock_enabled).toBeUndefined();
    expect(
      Object.keys(resources(locked, "aws_s3_bucket_object_lock_configuration")).every(
        (k) => !k.includes("access-logs"),
      ),
    ).toBe(true);
    expect(
      one(locked, "aws_s3_bucket_server_side_encryption_configuration", "access-logs").rule[0]
        .apply_server_side_encryption_by_default,
    ).toEqual({ sse_algorithm: "AES256" });
    const logging = resourceList(locked, "aws_s3_bucket_logging");
    expect(logging.map((l) => String(l.bucket).split(".")[1]?.split("_")[0]).sort()).toEqual([
      "security-logs",
      "trail-bucket",
    ]);
    expect(logging.every((l) => /access-logs/.test(l.target_bucket))).toBe(true);
    expect(
      statementOf(
        one(locked, "aws_s3_bucket_policy", "access-logs").policy,
        "S3ServerAccessLogDelivery",
      ).Condition,
    ).toEqual({
      ArnLike: {
        "aws:SourceArn": [
          "arn:aws:s3:::acme-cloudtrail-222222222222",
          "arn:aws:s3:::acme-security-logs-222222222222",
        ],
      },
      StringEquals: { "aws:SourceAccount": "222222222222" },
    });
  });

  it("trail bucket has Object Lock in GOVERNANCE mode by default", () => {
    const [lock] = resourceList(archive, "aws_s3_bucket_object_lock_configuration");
    expect(lock).toMatchObject({
      bucket: expect.stringMatching(/^\$\{aws_s3_bucket\.[^.]*trail-bucket[^.]*\.id\}$/),
      rule: { default_retention: { mode: "GOVERNANCE", days: 365 } },
    });
    // Locked for as long as files are kept (the retention), and only once versioning is on.
    expect(lock?.depends_on).toEqual(
      expect.arrayContaining([expect.stringMatching(/^aws_s3_bucket_versioning\..*trail-bucket/)]),
    );
    // Switched on by the lock configuration, in place: never by the bucket's
    // object_lock_enabled, which would replace a bucket that already holds logs.
    expect(one(archive, "aws_s3_bucket", "trail-bucket").object_lock_enabled).toBeUndefined();
  });

  it("regulated locks logs for the whole retention", async () => {
    const answers = exampleAnswers();
    const preset = JSON.parse(
      readFileSync(join(PACKAGE_ROOT, "templates/presets/regulated.json"), "utf8"),
    );
    answers.cloudtrail = preset.cloudtrail;
    const regulated = (await synthTo(configFrom(answers))).stack("log-archive");
    expect(preset.cloudtrail.retentionDays).toBe(2557);
    expect(resourceList(regulated, "aws_s3_bucket_object_lock_configuration")[0]?.rule).toEqual({
      default_retention: { mode: "COMPLIANCE", days: 2557 },
    });
    expect(
      one(regulated, "aws_s3_bucket_lifecycle_configuration", "trail-bucket").rule[0].expiration,
    ).toEqual([{ days: 2557 }]);
  });

  it("Object Lock and lifecycle follow the answers", async () => {
    const lifecycle = one(archive, "aws_s3_bucket_lifecycle_configuration", "trail-bucket").rule[0];
    expect(lifecycle).toMatchObject({
      transition: [{ days: 90, storage_class: "GLACIER_IR" }],
      expiration: [{ days: 365 }],
    });

    const answers = exampleAnswers();
    answers.cloudtrail = { objectLock: { enabled: true, mode: "COMPLIANCE" }, retentionDays: 730 };
    const locked = (await synthTo(configFrom(answers))).stack("log-archive");
    expect(resourceList(locked, "aws_s3_bucket_object_lock_configuration")[0]?.rule).toEqual({
      default_retention: { mode: "COMPLIANCE", days: 730 },
    });
    expect(
      one(locked, "aws_s3_bucket_lifecycle_configuration", "trail-bucket").rule[0].expiration,
    ).toEqual([{ days: 730 }]);

    answers.cloudtrail = { objectLock: { mode: "GOVERNANCE", days: 400 }, retentionDays: 730 };
    const shorter = (await synthTo(configFrom(answers))).stack("log-archive");
    expect(resourceList(shorter, "aws_s3_bucket_object_lock_configuration")[0]?.rule).toEqual({
      default_retention: { mode: "GOVERNANCE", days: 400 },
    });

    answers.cloudtrail = { objectLock: { enabled: false } };
    const off = (await synthTo(configFrom(answers))).stack("log-archive");
    expect(resourceList(off, "aws_s3_bucket_object_lock_configuration")).toEqual([]);
  });
});
