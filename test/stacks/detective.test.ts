import { beforeAll, describe, expect, it } from "vitest";
import { REGIONS_ENABLED_BY_DEFAULT } from "../../src/answers/regions.js";
import { planStacks } from "../../src/plan/plan.js";
import { configFrom, exampleAnswers } from "../helpers/answers.js";
import {
  policyOf,
  resourceList,
  resources,
  statementOf,
  synthTo,
  type StackJson,
  type Synthesized,
} from "../helpers/synth.js";

const HOME = "eu-west-1";
const REGIONS = REGIONS_ENABLED_BY_DEFAULT.length;
const SECURITY = "333333333333";
const BUCKET = "acme-security-logs-222222222222";
const ACCOUNTS = ["management", "log-archive", "security", "dev", "test", "prod"];

let out: Synthesized;
let tooling: StackJson;
let management: StackJson;
beforeAll(async () => {
  out = await synthTo(configFrom(exampleAnswers()));
  tooling = out.stack("security-tooling");
  management = out.stack("baseline-management");
});

const providerOf = (r: StackJson): string => (r.provider as string | undefined) ?? "aws";
const homeProvider = (r: StackJson) => providerOf(r) === "aws";

describe("AWS Config (CIS 3.3)", () => {
  it("recorder in every account x enabled region, recording all supported resource types", () => {
    for (const account of ACCOUNTS) {
      const recorders = resourceList(
        out.stack(`baseline-${account}`),
        "aws_config_configuration_recorder",
      );
      expect(recorders, account).toHaveLength(REGIONS);
      expect(new Set(recorders.map(providerOf)).size, account).toBe(REGIONS);
      for (const r of recorders) {
        expect(r.name).toBe("acme-config");
        expect(r.recording_group.all_supported).toBe(true);
        expect(r.role_arn).toMatch(/aws_iam_service_linked_role\..+\.arn/);
      }
      const status = resourceList(
        out.stack(`baseline-${account}`),
        "aws_config_configuration_recorder_status",
      );
      expect(
        status.every((s) => s.is_enabled === true),
        account,
      ).toBe(true);
      expect(status).toHaveLength(REGIONS);
    }
  });

  it("global resources are recorded once, in the home region", () => {
    for (const account of ACCOUNTS) {
      const recorders = resourceList(
        out.stack(`baseline-${account}`),
        "aws_config_configuration_recorder",
      );
      const global = recorders.filter((r) => r.recording_group.include_global_resource_types);
      expect(global, account).toHaveLength(1);
      expect(homeProvider(global[0] as StackJson), account).toBe(true);
    }
  });

  it("records with Config's service-linked role (Security Hub's Config.1) and delivers into the security-logs bucket under config/", () => {
    const stack = out.stack("baseline-dev");
    const [role] = resourceList(stack, "aws_iam_service_linked_role");
    expect(role?.aws_service_name).toBe("config.amazonaws.com");
    for (const r of resourceList(stack, "aws_config_configuration_recorder")) {
      expect(r.role_arn).toMatch(/^\$\{aws_iam_service_linked_role\.[^.]+\.arn\}$/);
    }
    for (const channel of resourceList(stack, "aws_config_delivery_channel")) {
      expect(channel).toMatchObject({ s3_bucket_name: BUCKET, s3_key_prefix: "config" });
    }
    // No role of the baseline's own for Config: Config.1 wants the service-linked one.
    expect(resourceList(stack, "aws_iam_role").map((r) => r.name)).not.toContain(
      "acme-config-recorder",
    );
  });

  it("the security-logs bucket and the key admit Config only for this organization, and only under config/", () => {
    const archive = out.stack("log-archive");
    const [bucketPolicy] = resourceList(archive, "aws_s3_bucket_policy").filter((p) =>
      String(p.bucket).includes("security-logs"),
    );
    expect(statementOf(bucketPolicy?.policy as string, "ConfigWritesDeliveries")).toEqual({
      Sid: "ConfigWritesDeliveries",
      Effect: "Allow",
      Principal: { Service: "config.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `arn:aws:s3:::${BUCKET}/config/AWSLogs/*`,
      Condition: {
        StringEquals: {
          "aws:SourceOrgID": "o-a1b2c3d4e5",
          "s3:x-amz-acl": "bucket-owner-full-control",
        },
      },
    });
    expect(statementOf(bucketPolicy?.policy as string, "ConfigChecksBucket").Condition).toEqual({
      StringEquals: { "aws:SourceOrgID": "o-a1b2c3d4e5" },
    });
    const [key] = resourceList(archive, "aws_kms_key");
    expect(statementOf(key?.policy as string, "ConfigEncryptsDeliveries")).toMatchObject({
      Principal: { Service: "config.amazonaws.com" },
      Condition: { StringEquals: { "aws:SourceOrgID": "o-a1b2c3d4e5" } },
    });
  });

  it("the security-logs bucket is versioned, encrypted with the trail key, access-logged and kept as long as the trail", () => {
    const archive = out.stack("log-archive");
    const byBucket = (type: string) =>
      resourceList(archive, type).filter((r) => String(r.bucket).includes("security-logs"));
    const [bucket] = resourceList(archive, "aws_s3_bucket").filter((b) => b.bucket === BUCKET);
    expect(bucket?.lifecycle).toEqual({ prevent_destroy: true });
    // No Object Lock: Config cannot deliver to a bucket with default retention.
    expect(bucket?.object_lock_enabled).toBeUndefined();
    expect(byBucket("aws_s3_bucket_object_lock_configuration")).toEqual([]);
    expect(byBucket("aws_s3_bucket_versioning")[0]?.versioning_configuration.status).toBe(
      "Enabled",
    );
    const [sse] = byBucket("aws_s3_bucket_server_side_encryption_configuration");
    expect(sse?.rule[0].apply_server_side_encryption_by_default).toMatchObject({
      sse_algorithm: "aws:kms",
      kms_master_key_id: expect.stringMatching(/trail-key/),
    });
    const [lifecycle] = byBucket("aws_s3_bucket_lifecycle_configuration");
    expect(lifecycle?.rule[0].expiration).toEqual([{ days: 365 }]);
    const [logging] = byBucket("aws_s3_bucket_logging");
    expect(logging?.target_prefix).toBe(`${BUCKET}/`);
    // The guardrails deny deleting its objects and the bucket, as for the trail's buckets.
    const scps = resourceList(out.stack("org"), "aws_organizations_policy");
    const deletion = scps
      .flatMap((p) => policyOf(p.content as string).Statement)
      .find((st) => st.Sid === "DenyLogDeletion");
    expect(deletion?.Resource).toEqual(
      expect.arrayContaining(["arn:aws:s3:::acme-security-logs-*/*"]),
    );
  });

  it("an organization aggregator in the security account covers every enabled region", () => {
    const [aggregator] = resourceList(tooling, "aws_config_configuration_aggregator");
    expect(aggregator?.organization_aggregation_source.regions).toHaveLength(REGIONS);
    expect(aggregator?.organization_aggregation_source.role_arn).toMatch(/aws_iam_role\./);
    const [attachment] = resourceList(tooling, "aws_iam_role_policy_attachment");
    expect(attachment?.policy_arn).toBe(
      "arn:aws:iam::aws:policy/service-role/AWSConfigRoleForOrganizations",
    );
  });
});

describe("delegated administrators", () => {
  it("the management account makes the security account administrator of Config, Access Analyzer, GuardDuty (every region) and Security Hub", () => {
    const delegated = resourceList(management, "aws_organizations_delegated_administrator");
    expect(delegated.map((d) => d.service_principal).sort()).toEqual([
      "access-analyzer.amazonaws.com",
      "config.amazonaws.com",
    ]);
    expect(delegated.every((d) => d.account_id === SECURITY)).toBe(true);
    const guardDuty = resourceList(management, "aws_guardduty_organization_admin_account");
    expect(guardDuty).toHaveLength(REGIONS);
    expect(new Set(guardDuty.map(providerOf)).size).toBe(REGIONS);
    expect(guardDuty.every((g) => g.admin_account_id === SECURITY)).toBe(true);
    const [hub] = resourceList(management, "aws_securityhub_organization_admin_account");
    expect(hub?.admin_account_id).toBe(SECURITY);
  });

  it("the organization trusts GuardDuty and Security Hub", () => {
    const [org] = resourceList(out.stack("org"), "aws_organizations_organization");
    expect(org?.aws_service_access_principals).toEqual(
      expect.arrayContaining(["guardduty.amazonaws.com", "securityhub.amazonaws.com"]),
    );
  });

  it("the security account's detectors exist before it becomes administrator, and its tooling after", () => {
    const plans = planStacks(configFrom(exampleAnswers()));
    const depends = (name: string) => plans.find((p) => p.name === name)?.dependsOn ?? [];
    expect(depends("baseline-management")).toContain("baseline-security");
    expect(depends("security-tooling")).toEqual(
      expect.arrayContaining(["baseline-management", "baseline-security", "log-archive"]),
    );
    const names = plans.map((p) => p.name);
    expect(names.indexOf("baseline-security")).toBeLessThan(names.indexOf("baseline-management"));
    expect(names.indexOf("baseline-management")).toBeLessThan(names.indexOf("security-tooling"));
    const detectors = resourceList(out.stack("baseline-security"), "aws_guardduty_detector");
    expect(detectors).toHaveLength(REGIONS);
    expect(detectors.every((d) => d.enable === true)).toBe(true);
    expect(resourceList(out.stack("baseline-dev"), "aws_guardduty_detector")).toHaveLength(0);
  });
});

describe("GuardDuty", () => {
  it("auto-enables every existing and future account in every enabled region, with S3 protection", () => {
    const orgConfig = resourceList(tooling, "aws_guardduty_organization_configuration");
    expect(orgConfig).toHaveLength(REGIONS);
    expect(new Set(orgConfig.map(providerOf)).size).toBe(REGIONS);
    expect(orgConfig.every((c) => c.auto_enable_organization_members === "ALL")).toBe(true);
    const s3 = resourceList(tooling, "aws_guardduty_organization_configuration_feature");
    expect(s3).toHaveLength(REGIONS);
    expect(s3.every((f) => f.name === "S3_DATA_EVENTS" && f.auto_enable === "ALL")).toBe(true);
    const own = resourceList(out.stack("baseline-security"), "aws_guardduty_detector_feature");
    expect(own.every((f) => f.name === "S3_DATA_EVENTS" && f.status === "ENABLED")).toBe(true);
    expect(own).toHaveLength(REGIONS);
  });

  it("findings are exported to the security-logs bucket, KMS-encrypted with the trail key", () => {
    const exports = resourceList(tooling, "aws_guardduty_publishing_destination");
    expect(exports).toHaveLength(REGIONS);
    for (const e of exports) {
      expect(e.destination_arn).toBe(`arn:aws:s3:::${BUCKET}/guardduty/`);
      expect(e.kms_key_arn).toMatch(/^\$\{data\.aws_kms_key\.[^.]+\.arn\}$/);
    }
    expect(resourceList({ resource: tooling.data }, "aws_kms_key")[0]?.key_id).toBe(
      `arn:aws:kms:${HOME}:222222222222:alias/acme-cloudtrail`,
    );
    const archive = out.stack("log-archive");
    const [bucketPolicy] = resourceList(archive, "aws_s3_bucket_policy").filter((p) =>
      String(p.bucket).includes("security-logs"),
    );
    expect(statementOf(bucketPolicy?.policy as string, "GuardDutyWritesFindings")).toMatchObject({
      Principal: { Service: "guardduty.amazonaws.com" },
      Resource: `arn:aws:s3:::${BUCKET}/guardduty/*`,
      Condition: { StringEquals: { "aws:SourceAccount": SECURITY } },
    });
    const [key] = resourceList(archive, "aws_kms_key");
    expect(statementOf(key?.policy as string, "GuardDutyEncryptsFindings").Condition).toEqual({
      StringEquals: { "aws:SourceAccount": SECURITY },
    });
  });
});

describe("Security Hub (CIS 4.16)", () => {
  it("central configuration subscribes CIS v3.0.0 and FSBP in every account through a policy on the root", () => {
    const [central] = resourceList(tooling, "aws_securityhub_organization_configuration");
    expect(central).toMatchObject({
      auto_enable: false,
      auto_enable_standards: "NONE",
      organization_configuration: { configuration_type: "CENTRAL" },
    });
    const [policy] = resourceList(tooling, "aws_securityhub_configuration_policy");
    expect(policy?.configuration_policy.service_enabled).toBe(true);
    expect(policy?.configuration_policy.enabled_standard_arns).toEqual([
      `arn:aws:securityhub:${HOME}::standards/aws-foundational-security-best-practices/v/1.0.0`,
      `arn:aws:securityhub:${HOME}::standards/cis-aws-foundations-benchmark/v/3.0.0`,
    ]);
    const [association] = resourceList(tooling, "aws_securityhub_configuration_policy_association");
    expect(association?.target_id).toMatch(
      /data\.aws_organizations_organization\..+\.roots\[0\]\.id/,
    );
  });

  it("aggregates findings of every other enabled region into the home region", () => {
    const [aggregator] = resourceList(tooling, "aws_securityhub_finding_aggregator");
    expect(homeProvider(aggregator as StackJson)).toBe(true);
    expect(aggregator?.linking_mode).toBe("SPECIFIED_REGIONS");
    expect(aggregator?.specified_regions).toHaveLength(REGIONS - 1);
    expect(aggregator?.specified_regions).not.toContain(HOME);
  });
});

describe("IAM Access Analyzer", () => {
  it("an organization analyzer in the security account; the paid unused-access one only when asked", async () => {
    const analyzers = resourceList(tooling, "aws_accessanalyzer_analyzer");
    expect(analyzers.map((a) => a.type)).toEqual(["ORGANIZATION"]);
    const answers = exampleAnswers();
    answers.detective = { accessAnalyzer: { unusedAccess: true, unusedAccessAgeDays: 60 } };
    const withUnused = await synthTo(configFrom(answers));
    const types = resourceList(withUnused.stack("security-tooling"), "aws_accessanalyzer_analyzer");
    expect(types.find((a) => a.type === "ORGANIZATION_UNUSED_ACCESS")?.configuration).toEqual({
      unused_access: { unused_access_age: 60 },
    });
  });
});

describe("finding alerts", () => {
  it("high and critical GuardDuty and Security Hub findings reach the alarm e-mails through a KMS-encrypted topic", () => {
    const [topic] = resourceList(tooling, "aws_sns_topic");
    expect(topic?.name).toBe("acme-security-findings");
    expect(topic?.kms_master_key_id).toMatch(/aws_kms_key\./);
    const subscriptions = resourceList(tooling, "aws_sns_topic_subscription");
    expect(subscriptions.map((s) => s.endpoint)).toEqual(["security-alerts@acme.example"]);
    const home = resourceList(tooling, "aws_cloudwatch_event_rule").filter(homeProvider);
    const patterns = home.map((r) => JSON.parse(r.event_pattern as string));
    expect(patterns).toContainEqual(
      expect.objectContaining({
        source: ["aws.guardduty"],
        detail: { severity: [{ numeric: [">=", 7] }] },
      }),
    );
    const hub = patterns.find((p) => p.source[0] === "aws.securityhub");
    expect(hub.detail.findings.Severity.Label).toEqual(["HIGH", "CRITICAL"]);
    // GuardDuty alerts on its own: its findings imported by Security Hub do not alert twice.
    expect(hub.detail.findings.ProductName).toEqual([{ "anything-but": "GuardDuty" }]);
    const targets = resourceList(tooling, "aws_cloudwatch_event_target").filter(homeProvider);
    expect(targets.every((t) => /aws_sns_topic\./.test(t.arn))).toBe(true);
    const [keyPolicy] = resourceList(tooling, "aws_kms_key");
    expect(statementOf(keyPolicy?.policy as string, "EventBridgePublishes")).toMatchObject({
      Principal: { Service: "events.amazonaws.com" },
      // Only for the findings topic, named by SNS in the encryption context.
      Condition: {
        StringEquals: {
          "kms:EncryptionContext:aws:sns:topicArn": `arn:aws:sns:${HOME}:${SECURITY}:acme-security-findings`,
        },
      },
    });
  });

  it("every other enabled region forwards its GuardDuty findings to the home region's bus", () => {
    const forwards = resourceList(tooling, "aws_cloudwatch_event_target").filter(
      (t) => !homeProvider(t),
    );
    expect(forwards).toHaveLength(REGIONS - 1);
    for (const f of forwards) {
      expect(f.arn).toBe(`arn:aws:events:${HOME}:${SECURITY}:event-bus/default`);
      expect(f.role_arn).toMatch(/aws_iam_role\./);
    }
  });
});

describe("regions", () => {
  it("opt-in regions get GuardDuty's regional service principal on the key and the bucket", async () => {
    const answers = exampleAnswers();
    answers.regions = { home: HOME, enabled: [HOME, "af-south-1"] };
    const archive = (await synthTo(configFrom(answers))).stack("log-archive");
    const principals = ["guardduty.amazonaws.com", "guardduty.af-south-1.amazonaws.com"];
    const [key] = resourceList(archive, "aws_kms_key");
    expect(statementOf(key?.policy as string, "GuardDutyEncryptsFindings").Principal).toEqual({
      Service: principals,
    });
    const [bucketPolicy] = resourceList(archive, "aws_s3_bucket_policy").filter((p) =>
      String(p.bucket).includes("security-logs"),
    );
    expect(
      statementOf(bucketPolicy?.policy as string, "GuardDutyWritesFindings").Principal,
    ).toEqual({
      Service: principals,
    });
  });

  it("GovCloud has no cross-region EventBridge targets, so nothing forwards there", async () => {
    const answers = exampleAnswers();
    answers.regions = { home: "us-gov-west-1", enabled: ["us-gov-west-1", "us-gov-east-1"] };
    const gov = (await synthTo(configFrom(answers))).stack("security-tooling");
    const targets = resourceList(gov, "aws_cloudwatch_event_target");
    expect(targets.every((t) => /aws_sns_topic\./.test(t.arn))).toBe(true);
    expect(resourceList(gov, "aws_guardduty_organization_configuration")).toHaveLength(2);
  });
});

describe("switches and adoption", () => {
  it("services switched off leave no resources, no stack and no guardrail behind", async () => {
    const answers = exampleAnswers();
    answers.detective = {
      config: { enabled: false },
      guardDuty: { enabled: false },
      securityHub: { enabled: false },
      accessAnalyzer: { enabled: false },
    };
    const off = await synthTo(configFrom(answers));
    expect(off.stacks.map((s) => s.name)).not.toContain("security-tooling");
    for (const stack of ["baseline-management", "baseline-security", "baseline-dev"]) {
      const json = JSON.stringify(off.stack(stack));
      expect(json).not.toMatch(
        /aws_config_|aws_guardduty_|aws_securityhub_|delegated_administrator/,
      );
    }
    expect(JSON.stringify(off.stack("org"))).not.toMatch(/guardduty|securityhub|config:Stop/);
  });

  it("adopted recorders, detectors and administrator designations are imported, keeping their names", async () => {
    const answers = exampleAnswers();
    answers.detective = {
      adopt: {
        configRecorders: { dev: { [HOME]: { recorder: "default", deliveryChannel: "default" } } },
        configServiceLinkedRoles: ["dev"],
        guardDutyDetectors: { [HOME]: "0123456789abcdef0123456789abcdef" },
        guardDutyAdmin: true,
        securityHubAdmin: true,
      },
    };
    const adopted = await synthTo(configFrom(answers));
    const imports = (stack: string) => (adopted.stack(stack).import ?? []) as StackJson[];
    const dev = imports("baseline-dev");
    expect(dev.map((i) => i.id).sort()).toEqual([
      "arn:aws:iam::444444444444:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
      "default",
      "default",
    ]);
    const recorders = resources(adopted.stack("baseline-dev"), "aws_config_configuration_recorder");
    expect(Object.values(recorders).filter((r) => r.name === "default")).toHaveLength(1);
    expect(imports("baseline-security").map((i) => i.id)).toEqual([
      "0123456789abcdef0123456789abcdef",
    ]);
    const management = imports("baseline-management").map((i) => String(i.to));
    expect(
      management.filter((to) => to.startsWith("aws_guardduty_organization_admin_account")),
    ).toHaveLength(REGIONS);
    expect(
      management.filter((to) => to.startsWith("aws_securityhub_organization_admin_account")),
    ).toHaveLength(1);
  });
});
