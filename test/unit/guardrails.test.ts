import { describe, expect, it } from "vitest";
import { renderPolicy, type PolicyStatement } from "../../src/build/policy-document.js";
import {
  denyLeavingOrganization,
  denyRegionsOutsideEnabled,
  denyRootUser,
  GLOBAL_SERVICE_ACTIONS,
  GUARDRAILS,
  protectAccountDefaults,
  protectDetectiveServices,
  protectBaselineRoles,
  protectCloudTrail,
} from "../../src/guardrails/scp.js";
import {
  enabledGuardrails,
  isGuardrailPolicyName,
  packGuardrails,
  SCP_MAX_CHARS,
} from "../../src/guardrails/pack.js";
import { REGIONS_ENABLED_BY_DEFAULT } from "../../src/answers/regions.js";
import { validateAnswers } from "../../src/answers/load.js";
import { exampleAnswers } from "../helpers/answers.js";

const ctx = {
  partition: "aws",
  prefix: "acme",
  trailName: "acme-org-trail",
  deployRoleName: "BaselineDeploy",
  accessRoleName: "OrganizationAccountAccessRole",
  humanRoleNames: ["BaselineAdmin", "BaselineReadOnly", "BaselineBilling"],
  enabledRegions: [...REGIONS_ENABLED_BY_DEFAULT],
  detective: { config: true, guardDuty: true, securityHub: true },
};
const ALL_GUARDRAILS = Object.values(GUARDRAILS);
const ALL_ON = Object.fromEntries(Object.keys(GUARDRAILS).map((k) => [k, true])) as Record<
  keyof typeof GUARDRAILS,
  boolean
>;
const EXEMPT = {
  ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/BaselineDeploy" },
};

function statement(statements: readonly PolicyStatement[], sid: string): PolicyStatement {
  const found = statements.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
}

describe("SCP guardrails", () => {
  it("deny leaving the organization", () => {
    const { statements } = denyLeavingOrganization();
    expect(statements).toEqual([
      {
        Sid: "DenyLeaveOrganization",
        Effect: "Deny",
        Action: "organizations:LeaveOrganization",
        Resource: "*",
      },
    ]);
  });

  it("the deploy and access roles change only through themselves; people's roles only through the deploy role", () => {
    const [s, human] = protectBaselineRoles(ctx).statements;
    expect(human).toMatchObject({
      Sid: "DenyHumanRoleChanges",
      Effect: "Deny",
      Resource: [
        "arn:aws:iam::*:role/BaselineAdmin",
        "arn:aws:iam::*:role/BaselineReadOnly",
        "arn:aws:iam::*:role/BaselineBilling",
      ],
      Condition: EXEMPT,
    });
    expect(human?.Action).toContain("iam:UpdateAssumeRolePolicy");
    const roles = [
      "arn:aws:iam::*:role/BaselineDeploy",
      "arn:aws:iam::*:role/OrganizationAccountAccessRole",
    ];
    expect(s).toMatchObject({
      Effect: "Deny",
      Resource: roles,
      Condition: { ArnNotLike: { "aws:PrincipalArn": roles } },
    });
    expect(s?.Action).toEqual(
      expect.arrayContaining([
        "iam:UpdateAssumeRolePolicy",
        "iam:AttachRolePolicy",
        "iam:PutRolePolicy",
        "iam:DeleteRole",
        "iam:CreateRole",
      ]),
    );
  });

  it("protect the trail, its buckets and key, exempting only the deploy role", () => {
    const s = protectCloudTrail(ctx).statements;
    const trail = statement(s, "DenyTrailTampering");
    expect(trail).toMatchObject({
      Effect: "Deny",
      Resource: "arn:aws:cloudtrail:*:*:trail/acme-org-trail",
      Condition: EXEMPT,
    });
    expect(trail.Action).toEqual(
      expect.arrayContaining([
        "cloudtrail:StopLogging",
        "cloudtrail:DeleteTrail",
        "cloudtrail:UpdateTrail",
      ]),
    );
    const bucket = statement(s, "DenyLogBucketTampering");
    expect(bucket).toMatchObject({ Effect: "Deny", Condition: EXEMPT });
    expect(bucket.Resource).toEqual([
      "arn:aws:s3:::acme-cloudtrail-*",
      "arn:aws:s3:::acme-s3-access-logs-*",
      "arn:aws:s3:::acme-security-logs-*",
    ]);
    expect(bucket.Action).toEqual(
      expect.arrayContaining([
        "s3:PutBucketPolicy",
        "s3:PutEncryptionConfiguration",
        "s3:PutLifecycleConfiguration",
      ]),
    );
    // Nobody, not even the deploy role, deletes log files or the log buckets.
    const files = statement(s, "DenyLogDeletion");
    expect(files).toMatchObject({
      Effect: "Deny",
      Resource: [
        "arn:aws:s3:::acme-cloudtrail-*",
        "arn:aws:s3:::acme-s3-access-logs-*",
        "arn:aws:s3:::acme-security-logs-*",
        "arn:aws:s3:::acme-cloudtrail-*/*",
        "arn:aws:s3:::acme-s3-access-logs-*/*",
        "arn:aws:s3:::acme-security-logs-*/*",
      ],
    });
    expect(files.Action).toEqual(
      expect.arrayContaining([
        "s3:DeleteObject",
        "s3:DeleteBucket",
        "s3:BypassGovernanceRetention",
      ]),
    );
    expect(files.Condition).toBeUndefined();
    const key = statement(s, "DenyLogKeyTampering");
    expect(key.Action).toEqual(expect.arrayContaining(["kms:PutKeyPolicy", "kms:UntagResource"]));
    expect(key.Condition).toEqual({
      StringEquals: { "aws:ResourceTag/BaselineProtected": "cloudtrail" },
      ...EXEMPT,
    });
    expect(key.Action).toContain("kms:CreateGrant");
    // Removing or overwriting the tag that protects the key: nobody, not even the deploy role.
    expect(statement(s, "DenyLogKeyUntagging")).toMatchObject({
      Action: ["kms:TagResource", "kms:UntagResource"],
      Condition: {
        StringEquals: { "aws:ResourceTag/BaselineProtected": "cloudtrail" },
        "ForAnyValue:StringEquals": { "aws:TagKeys": "BaselineProtected" },
      },
    });
    // Disabling or deleting the trail key: nobody, ever.
    const destroy = statement(s, "DenyLogKeyDestruction");
    expect(destroy.Action).toEqual(["kms:DisableKey", "kms:ScheduleKeyDeletion"]);
    expect(destroy.Condition).toEqual({
      StringEquals: { "aws:ResourceTag/BaselineProtected": "cloudtrail" },
    });
  });

  it("protect account defaults", () => {
    const [s, vpc] = protectAccountDefaults(ctx).statements;
    // Deleted default VPCs stay deleted: only the deploy role may create one.
    expect(vpc).toEqual({
      Sid: "DenyDefaultVpcCreation",
      Effect: "Deny",
      Action: ["ec2:CreateDefaultSubnet", "ec2:CreateDefaultVpc"],
      Resource: "*",
      Condition: EXEMPT,
    });
    expect(s).toMatchObject({ Effect: "Deny", Resource: "*", Condition: EXEMPT });
    expect(s?.Action).toEqual([
      "access-analyzer:DeleteAnalyzer",
      "account:DeleteAlternateContact",
      "account:PutAlternateContact",
      "ec2:DisableEbsEncryptionByDefault",
      "ec2:ModifyEbsDefaultKmsKeyId",
      "ec2:ModifyInstanceMetadataDefaults",
      "ec2:ResetEbsDefaultKmsKeyId",
      "iam:DeleteAccountPasswordPolicy",
      "iam:UpdateAccountPasswordPolicy",
      "s3:PutAccountPublicAccessBlock",
    ]);
  });

  it("deny the root user except centralized root sessions, and root access keys always", () => {
    const s = denyRootUser(ctx).statements;
    expect(statement(s, "DenyRootUser")).toEqual({
      Sid: "DenyRootUser",
      Effect: "Deny",
      Action: "*",
      Resource: "*",
      Condition: {
        ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" },
        Null: { "aws:AssumedRoot": "true" },
      },
    });
    expect(statement(s, "DenyRootAccessKeys")).toEqual({
      Sid: "DenyRootAccessKeys",
      Effect: "Deny",
      Action: "iam:CreateAccessKey",
      Resource: "*",
      Condition: { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:root" } },
    });
  });

  it("region deny keeps global services and the deploy role working", () => {
    const [s, optIn] = denyRegionsOutsideEnabled(ctx).statements;
    expect(s).toMatchObject({ Effect: "Deny", Resource: "*", NotAction: GLOBAL_SERVICE_ACTIONS });
    expect(s?.Condition).toEqual({
      StringNotEquals: { "aws:RequestedRegion": ctx.enabledRegions },
      ...EXEMPT,
    });
    for (const global of [
      "iam:*",
      "organizations:*",
      "sts:*",
      "support:*",
      "cloudfront:*",
      "route53:*",
      "sso:*",
      "account:*",
      "billing:*",
      "acm:*",
      "ecr-public:*",
      "notifications:*",
      "savingsplans:*",
      "supportplans:*",
    ]) {
      expect(GLOBAL_SERVICE_ACTIONS).toContain(global);
    }
    // Opting regions in or out is the deploy role's job only.
    expect(optIn).toMatchObject({
      Effect: "Deny",
      Action: ["account:DisableRegion", "account:EnableRegion"],
      Condition: EXEMPT,
    });
  });

  it("every guardrail explains itself and names no exemption but the deploy role", () => {
    for (const g of ALL_GUARDRAILS) {
      const { reason, statements } = g(ctx);
      expect(reason.length).toBeGreaterThan(20);
      const text = JSON.stringify(statements);
      // The access role appears only as a protected resource, never as an exempt caller.
      for (const s of statements) {
        const exempt = JSON.stringify(s.Condition?.ArnNotLike ?? {});
        if (s.Sid !== "DenyBaselineRoleChanges")
          expect(exempt).not.toContain("OrganizationAccountAccessRole");
      }
      expect(text).not.toMatch(/\$\{(?!aws:)/);
    }
  });
});

describe("SCP packing within AWS Organizations quotas", () => {
  it("the default guardrails fit two SCPs; every guardrail switched on still fits two, leaving the root two free slots", () => {
    const defaults = { ...ALL_ON, denyRegionsOutsideEnabled: false };
    const one = packGuardrails("acme", enabledGuardrails(ctx, defaults));
    expect(one.map((p) => p.name)).toEqual(["acme-guardrails-1", "acme-guardrails-2"]);
    // The detective services' guardrail is the one that no longer fits the first SCP.
    expect(one[1]?.guardrails).toEqual(["protectDetectiveServices"]);
    const all = packGuardrails("acme", enabledGuardrails(ctx, ALL_ON));
    expect(all.map((p) => p.name)).toEqual(["acme-guardrails-1", "acme-guardrails-2"]);
    expect(all.flatMap((p) => p.guardrails)).toEqual(Object.keys(GUARDRAILS));
    for (const p of [...one, ...all]) {
      expect(p.chars).toBe(renderPolicy(p.document).length);
      expect(p.chars).toBeLessThanOrEqual(SCP_MAX_CHARS);
      expect(p.description.length).toBeLessThanOrEqual(512);
    }
    // FullAWSAccess + 2 of 5: room for two SCPs of the user's own.
    expect(1 + all.length).toBeLessThanOrEqual(3);
  });

  it("guardrails spill into a second SCP only when the first is full, and statements keep unique Sids", () => {
    const many = { ...ctx, enabledRegions: Array.from({ length: 40 }, (_, i) => `xx-region-${i}`) };
    const packed = packGuardrails("acme", enabledGuardrails(many, ALL_ON));
    expect(packed.length).toBe(2);
    expect(packed[1]?.guardrails).toEqual([
      "denyRegionsOutsideEnabled",
      "protectDetectiveServices",
    ]);
    for (const p of packed) {
      expect(p.chars).toBeLessThanOrEqual(SCP_MAX_CHARS);
      const sids = p.document.Statement.map((s) => s.Sid);
      expect(new Set(sids).size).toBe(sids.length);
    }
    expect(packed.flatMap((p) => p.guardrails)).toEqual(Object.keys(GUARDRAILS));
  });

  it("a guardrail that cannot fit one SCP alone is refused", () => {
    const huge = {
      ...ctx,
      enabledRegions: Array.from({ length: 400 }, (_, i) => `xx-region-${i}`),
    };
    expect(() => packGuardrails("acme", enabledGuardrails(huge, ALL_ON))).toThrow(
      /denyRegionsOutsideEnabled is \d+ characters alone/,
    );
  });

  it("packed SCP names are recognised by prefix and number only", () => {
    expect(isGuardrailPolicyName("acme", "acme-guardrails-1")).toBe(true);
    expect(isGuardrailPolicyName("acme", "acme-guardrails-12")).toBe(true);
    expect(isGuardrailPolicyName("acme", "acme-guardrails-0")).toBe(false);
    expect(isGuardrailPolicyName("acme", "acme-guardrails-x")).toBe(false);
    expect(isGuardrailPolicyName("acme", "other-guardrails-1")).toBe(false);
  });
});

describe("SCP quota rule (before anything is deployed)", () => {
  it("counts FullAWSAccess, the baseline's SCPs and the user's own on the root against AWS's 5", () => {
    const answers = exampleAnswers();
    answers.guardrails = { denyRegionsOutsideEnabled: true }; // every guardrail on: 2 SCPs
    answers.adopt = { otherRootPolicies: ["deny-gpu", "deny-marketplace"] };
    expect(validateAnswers(answers).ok).toBe(true); // 1 + 2 + 2 = 5
    answers.adopt = { otherRootPolicies: ["deny-gpu", "deny-marketplace", "tag-policy-x"] };
    const result = validateAnswers(answers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({
        rule: "scp-quota",
        path: "adopt.otherRootPolicies",
        message: expect.stringContaining("would hold 6 SCPs"),
        fix: expect.stringContaining("attach them to OUs"),
      }),
    ]);
  });
});

describe("protectDetectiveServices guardrail", () => {
  it("denies stopping or deleting Config, GuardDuty and Security Hub to everyone but the deploy role", () => {
    const s = statement(protectDetectiveServices(ctx).statements, "DenyDisablingDetectiveServices");
    expect(s.Effect).toBe("Deny");
    expect(s.Condition).toEqual(EXEMPT);
    expect(s.Action).toEqual(
      expect.arrayContaining([
        "config:StopConfigurationRecorder",
        "config:DeleteConfigurationRecorder",
        "config:DeleteDeliveryChannel",
        "guardduty:DeleteDetector",
        "guardduty:Disassociate*",
        "guardduty:DeletePublishingDestination",
        "securityhub:DisableSecurityHub",
        "securityhub:BatchDisableStandards",
        "securityhub:Disassociate*",
      ]),
    );
    const role = statement(
      protectDetectiveServices(ctx).statements,
      "ProtectConfigServiceLinkedRole",
    );
    expect(role.Action).toBe("iam:DeleteServiceLinkedRole");
    expect(role.Resource).toBe(
      "arn:aws:iam::*:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
    );
    expect(role.Condition).toEqual(EXEMPT);
  });

  it("protects the path findings take to people: its rules, topic and key", () => {
    const alerts = statement(protectDetectiveServices(ctx).statements, "ProtectFindingAlerts");
    expect(alerts.Resource).toEqual([
      "arn:aws:events:*:*:rule/acme-*",
      "arn:aws:sns:*:*:acme-security-findings",
    ]);
    expect(alerts.Action).toEqual(
      expect.arrayContaining(["events:DisableRule", "sns:DeleteTopic"]),
    );
    const key = statement(protectDetectiveServices(ctx).statements, "ProtectFindingsKey");
    expect(key.Condition).toEqual({
      "ForAnyValue:StringEquals": { "kms:ResourceAliases": "alias/acme-security-findings" },
      ...EXEMPT,
    });
  });

  it("protects only the services the baseline runs, so another tool's recorder or detector is not locked", () => {
    const onlyConfig = protectDetectiveServices({
      ...ctx,
      detective: { config: true, guardDuty: false, securityHub: false },
    });
    const actions = statement(onlyConfig.statements, "DenyDisablingDetectiveServices").Action;
    expect(actions).toContain("config:StopConfigurationRecorder");
    expect(JSON.stringify(actions)).not.toMatch(/guardduty|securityhub/);
    const none = protectDetectiveServices({
      ...ctx,
      detective: { config: false, guardDuty: false, securityHub: false },
    });
    expect(none.statements).toEqual([]);
  });

  it("never denies reading or triaging findings", () => {
    const actions = statement(
      protectDetectiveServices(ctx).statements,
      "DenyDisablingDetectiveServices",
    ).Action as string[];
    for (const action of actions) {
      expect(action).not.toMatch(/:(Get|List|Describe|BatchUpdateFindings|UpdateFindingsFeedback)/);
    }
  });
});
