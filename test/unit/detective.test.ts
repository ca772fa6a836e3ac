import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/load.js";
import {
  CONFORMANCE_RULES,
  conformancePackTemplate,
} from "../../src/detective/conformance-pack.js";
import { guardDutyHighFindings, securityHubHighFindings } from "../../src/detective/policies.js";
import { exampleAnswers, type AnswersJson } from "../helpers/answers.js";
import type { StackJson } from "../helpers/synth.js";

function problems(answers: AnswersJson) {
  const result = validateAnswers(answers);
  return result.ok ? [] : result.problems;
}

describe("detective answers", () => {
  it("the default answers switch every service on except the paid extras, with a security account", () => {
    const result = validateAnswers({
      version: 1,
      organization: { name: "Tiny", prefix: "tiny" },
      accountEmailPattern: "aws+{name}@tiny.example",
      alarms: { emails: ["alerts@tiny.example"] },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const d = result.answers.detective;
    expect([
      d.config.enabled,
      d.guardDuty.enabled,
      d.securityHub.enabled,
      d.accessAnalyzer.enabled,
    ]).toEqual([true, true, true, true]);
    expect([d.config.conformancePack, d.accessAnalyzer.unusedAccess]).toEqual([false, false]);
    expect(result.answers.accounts.filter((a) => a.kind === "security")).toHaveLength(1);
  });

  it("services without a security account are one problem naming both fixes", () => {
    const answers = exampleAnswers();
    answers.accounts = answers.accounts.filter((a: AnswersJson) => a.kind !== "security");
    const found = problems(answers).filter((p) => p.rule === "detective-needs-security-account");
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe("accounts");
    expect(found[0]?.fix).toMatch(/"kind": "security"/);
    expect(found[0]?.fix).toMatch(/detective\.guardDuty\.enabled: false/);
    answers.detective = {
      config: { enabled: false },
      guardDuty: { enabled: false },
      securityHub: { enabled: false },
      accessAnalyzer: { enabled: false },
    };
    expect(problems(answers)).toEqual([]);
  });

  it("Security Hub and the conformance pack without Config are reported, each at its key", () => {
    const answers = exampleAnswers();
    answers.detective = { config: { enabled: false, conformancePack: true } };
    const paths = problems(answers)
      .filter((p) => p.rule === "security-hub-needs-config")
      .map((p) => p.path);
    expect(paths).toEqual(["detective.securityHub.enabled", "detective.config.conformancePack"]);
  });

  it("adoption must name accounts and enabled regions of these answers", () => {
    const answers = exampleAnswers();
    answers.regions = { home: "eu-west-1", enabled: ["eu-west-1"] };
    answers.detective = {
      adopt: {
        configRecorders: {
          nosuch: { "eu-west-1": { recorder: "default" } },
          dev: { "us-east-2": { recorder: "default" } },
          management: { "eu-west-1": { recorder: "default" } },
        },
        guardDutyDetectors: { "ap-south-1": "0123456789abcdef0123456789abcdef" },
      },
    };
    expect(
      problems(answers)
        .filter((p) => p.rule === "detective-adoption-known")
        .map((p) => p.path),
    ).toEqual([
      "detective.adopt.configRecorders.nosuch",
      "detective.adopt.configRecorders.dev.us-east-2",
      "detective.adopt.guardDutyDetectors.ap-south-1",
    ]);
  });
});

describe("detective policies", () => {
  it("alert patterns match high and critical findings only", () => {
    expect(guardDutyHighFindings()).toEqual({
      source: ["aws.guardduty"],
      "detail-type": ["GuardDuty Finding"],
      detail: { severity: [{ numeric: [">=", 7] }] },
    });
    const alone = securityHubHighFindings(false) as {
      detail: { findings: Record<string, unknown> };
    };
    expect(alone.detail.findings.Severity).toEqual({ Label: ["HIGH", "CRITICAL"] });
    expect(alone.detail.findings.ProductName).toBeUndefined();
  });

  it("the conformance pack checks the CIS credential recommendations", () => {
    const template = JSON.parse(conformancePackTemplate()) as {
      Resources: Record<string, { Type: string; Properties: StackJson }>;
    };
    const rules = Object.values(template.Resources);
    expect(rules.every((r) => r.Type === "AWS::Config::ConfigRule")).toBe(true);
    expect(rules.map((r) => r.Properties.Source.SourceIdentifier)).toEqual(
      CONFORMANCE_RULES.map((r) => r.identifier),
    );
    expect(CONFORMANCE_RULES.map((r) => r.cis)).toEqual(
      expect.arrayContaining(["1.4", "1.5", "1.6", "1.10", "1.12", "1.14"]),
    );
    // Change-triggered rules take no frequency (Config rejects one).
    const noPolicies = rules.find(
      (r) => r.Properties.Source.SourceIdentifier === "IAM_USER_NO_POLICIES_CHECK",
    );
    expect(noPolicies?.Properties.MaximumExecutionFrequency).toBeUndefined();
    const keys = rules.find((r) => r.Properties.Source.SourceIdentifier === "ACCESS_KEYS_ROTATED");
    expect(keys?.Properties).toMatchObject({
      MaximumExecutionFrequency: "TwentyFour_Hours",
      InputParameters: { maxAccessKeyAge: "90" },
    });
  });
});
