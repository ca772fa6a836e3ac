import { describe, expect, it } from "vitest";
import { renderPolicy, type PolicyStatement } from "../../src/build/policy-document.js";
import {
  denyLeavingOrganization,
  denyRegionsOutsideEnabled,
  denyRootUser,
  GLOBAL_SERVICE_ACTIONS,
  protectAccountDefaults,
  protectCloudTrail,
  SCP_MAX_CHARS,
} from "../../src/guardrails/scp.js";
import { REGIONS_ENABLED_BY_DEFAULT } from "../../src/answers/regions.js";

const ctx = {
  partition: "aws",
  prefix: "acme",
  trailName: "acme-org-trail",
  accessRoleName: "OrganizationAccountAccessRole",
  enabledRegions: [...REGIONS_ENABLED_BY_DEFAULT],
};
const ALL_GUARDRAILS = [
  denyLeavingOrganization,
  protectCloudTrail,
  protectAccountDefaults,
  denyRootUser,
  denyRegionsOutsideEnabled,
];
const EXEMPT = {
  ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/OrganizationAccountAccessRole" },
};

function statement(statements: readonly PolicyStatement[], sid: string): PolicyStatement {
  const found = statements.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}`);
  return found;
}

describe("SCP guardrails", () => {
  it("deny leaving the organization", () => {
    const { document } = denyLeavingOrganization(ctx);
    expect(document.Statement).toEqual([
      {
        Sid: "DenyLeaveOrganization",
        Effect: "Deny",
        Action: "organizations:LeaveOrganization",
        Resource: "*",
      },
    ]);
  });

  it("protect the trail, its buckets and key, exempting only the access role", () => {
    const s = protectCloudTrail(ctx).document.Statement;
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
    ]);
    expect(bucket.Action).toEqual(
      expect.arrayContaining([
        "s3:DeleteBucket",
        "s3:PutBucketPolicy",
        "s3:PutEncryptionConfiguration",
        "s3:PutLifecycleConfiguration",
      ]),
    );
    // Nobody, not even the baseline, deletes log files.
    const files = statement(s, "DenyLogFileDeletion");
    expect(files).toMatchObject({
      Effect: "Deny",
      Resource: ["arn:aws:s3:::acme-cloudtrail-*/*", "arn:aws:s3:::acme-s3-access-logs-*/*"],
    });
    expect(files.Condition).toBeUndefined();
    const key = statement(s, "DenyLogKeyTampering");
    expect(key.Action).toEqual(
      expect.arrayContaining([
        "kms:ScheduleKeyDeletion",
        "kms:DisableKey",
        "kms:PutKeyPolicy",
        "kms:UntagResource",
      ]),
    );
    expect(key.Condition).toEqual({
      StringEquals: { "aws:ResourceTag/BaselineProtected": "cloudtrail" },
      ...EXEMPT,
    });
  });

  it("protect account defaults", () => {
    const [s] = protectAccountDefaults(ctx).document.Statement;
    expect(s).toMatchObject({ Effect: "Deny", Resource: "*", Condition: EXEMPT });
    expect(s?.Action).toEqual([
      "access-analyzer:DeleteAnalyzer",
      "ec2:DisableEbsEncryptionByDefault",
      "ec2:ModifyEbsDefaultKmsKeyId",
      "ec2:ModifyInstanceMetadataDefaults",
      "ec2:ResetEbsDefaultKmsKeyId",
      "s3:PutAccountPublicAccessBlock",
    ]);
  });

  it("deny the root user except centralized root sessions, and root access keys always", () => {
    const s = denyRootUser(ctx).document.Statement;
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

  it("region deny keeps global services and the access role working", () => {
    const [s] = denyRegionsOutsideEnabled(ctx).document.Statement;
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
    ]) {
      expect(GLOBAL_SERVICE_ACTIONS).toContain(global);
    }
  });

  it("every guardrail fits the 5,120-character SCP limit, even with 30 regions", () => {
    const many = { ...ctx, enabledRegions: Array.from({ length: 30 }, (_, i) => `xx-region-${i}`) };
    for (const g of ALL_GUARDRAILS) {
      expect(renderPolicy(g(many).document).length).toBeLessThanOrEqual(SCP_MAX_CHARS);
    }
  });

  it("every guardrail explains itself", () => {
    for (const g of ALL_GUARDRAILS) {
      const { name, reason } = g(ctx);
      expect(name).toMatch(/^acme-/);
      expect(reason.length).toBeGreaterThan(20);
    }
  });
});
