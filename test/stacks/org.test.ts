import { beforeAll, describe, expect, it } from "vitest";
import { TRUSTED_SERVICES } from "../../src/organization/organization.js";
import { configFrom, exampleAnswers } from "../helpers/answers.js";
import { policyOf, resourceList, resources, synthTo, type StackJson } from "../helpers/synth.js";

let org: StackJson;
beforeAll(async () => {
  org = (await synthTo(configFrom(exampleAnswers()))).stack("org");
});

describe("org stack", () => {
  it("organization has all features and trusted access for the baseline's services", () => {
    const [organization] = resourceList(org, "aws_organizations_organization");
    expect(organization).toMatchObject({
      feature_set: "ALL",
      enabled_policy_types: ["SERVICE_CONTROL_POLICY"],
      lifecycle: { prevent_destroy: true },
    });
    // The baseline's own services, and GuardDuty and Security Hub for the detective services.
    expect(organization?.aws_service_access_principals).toEqual(
      [...TRUSTED_SERVICES, "guardduty.amazonaws.com", "securityhub.amazonaws.com"].sort(),
    );
    for (const service of ["cloudtrail", "config", "access-analyzer", "sso", "account", "iam"]) {
      expect(organization?.aws_service_access_principals).toContain(`${service}.amazonaws.com`);
    }
  });

  it("OUs form the default tree: Security, and Workloads with one OU per environment", () => {
    const ous = resources(org, "aws_organizations_organizational_unit");
    const byName = Object.fromEntries(
      Object.entries(ous).map(([key, ou]) => [ou.name, { key, ou }]),
    );
    expect(Object.keys(byName).sort()).toEqual(["Security", "Workloads", "dev", "prod", "test"]);
    expect(byName.Security?.ou.parent_id).toMatch(
      /aws_organizations_organization\.[^.]+\.roots\[0\]\.id/,
    );
    for (const env of ["dev", "test", "prod"]) {
      expect(byName[env]?.ou.parent_id).toBe(
        `\${aws_organizations_organizational_unit.${byName.Workloads?.key}.id}`,
      );
    }
  });

  it("accounts sit in their OUs, are never closed and are protected from destroy", () => {
    const accounts = resourceList(org, "aws_organizations_account");
    expect(accounts.map((a) => a.name).sort()).toEqual([
      "dev",
      "log-archive",
      "prod",
      "security",
      "test",
    ]);
    const ous = resources(org, "aws_organizations_organizational_unit");
    const ouKeyByName = Object.fromEntries(Object.entries(ous).map(([key, ou]) => [ou.name, key]));
    for (const account of accounts) {
      expect(account).toMatchObject({
        close_on_deletion: false,
        role_name: "OrganizationAccountAccessRole",
        lifecycle: { prevent_destroy: true },
      });
      expect(account.email).toBe(`aws+${account.name}@acme.example`);
    }
    const prod = accounts.find((a) => a.name === "prod");
    expect(prod?.parent_id).toBe(
      `\${aws_organizations_organizational_unit.${ouKeyByName.prod}.id}`,
    );
    const archive = accounts.find((a) => a.name === "log-archive");
    expect(archive?.parent_id).toBe(
      `\${aws_organizations_organizational_unit.${ouKeyByName.Security}.id}`,
    );
  });

  it("centralized root access enables root credentials management and root sessions", () => {
    expect(resourceList(org, "aws_iam_organizations_features")).toEqual([
      expect.objectContaining({ enabled_features: ["RootCredentialsManagement", "RootSessions"] }),
    ]);
  });

  it("every enabled guardrail is packed into two SCPs attached at the organization root", () => {
    const policies = resources(org, "aws_organizations_policy");
    expect(Object.values(policies).map((p) => p.name)).toEqual([
      "acme-guardrails-1",
      "acme-guardrails-2",
    ]);
    const sids = Object.values(policies).flatMap((p) =>
      policyOf(p.content).Statement.map((s) => s.Sid),
    );
    for (const sid of [
      "DenyLeaveOrganization",
      "DenyBaselineRoleChanges",
      "DenyTrailTampering",
      "DenyDisablingAccountDefaults",
      "DenyRootUser",
      "DenyDisablingDetectiveServices",
      "ProtectConfigServiceLinkedRole",
    ])
      expect(sids).toContain(sid);
    for (const p of Object.values(policies))
      expect(String(p.content).length).toBeLessThanOrEqual(5120);
    const attachments = resourceList(org, "aws_organizations_policy_attachment");
    expect(attachments).toHaveLength(2);
    for (const [key, p] of Object.entries(policies)) {
      expect(p.type).toBe("SERVICE_CONTROL_POLICY");
      expect(policyOf(p.content).Statement.every((s) => s.Effect === "Deny")).toBe(true);
      expect(attachments).toContainEqual(
        expect.objectContaining({
          policy_id: `\${aws_organizations_policy.${key}.id}`,
          target_id: expect.stringContaining("roots[0].id"),
        }),
      );
    }
  });
});

describe("org stack switches", () => {
  it("turning guardrails off removes their SCPs and root access features; region deny is opt-in", async () => {
    const answers = exampleAnswers();
    answers.guardrails = {
      denyLeavingOrganization: false,
      protectBaselineRoles: false,
      protectCloudTrail: false,
      protectAccountDefaults: false,
      denyRootUser: false,
      centralRootAccess: false,
      protectDetectiveServices: false,
    };
    const off = (await synthTo(configFrom(answers))).stack("org");
    expect(resourceList(off, "aws_organizations_policy")).toEqual([]);
    expect(resourceList(off, "aws_organizations_policy_attachment")).toEqual([]);
    expect(resourceList(off, "aws_iam_organizations_features")).toEqual([]);

    answers.guardrails = { denyRegionsOutsideEnabled: true };
    const regional = (await synthTo(configFrom(answers))).stack("org");
    // Every guardrail on, 17 regions: two SCPs, so the root holds 3 of its 5 with FullAWSAccess.
    const packed = resourceList(regional, "aws_organizations_policy");
    expect(packed.map((p) => p.name)).toEqual(["acme-guardrails-1", "acme-guardrails-2"]);
    for (const p of packed) expect(String(p.content).length).toBeLessThanOrEqual(5120);
    expect(packed.flatMap((p) => policyOf(p.content).Statement.map((s) => s.Sid))).toContain(
      "DenyOutsideEnabledRegions",
    );
  });
});
