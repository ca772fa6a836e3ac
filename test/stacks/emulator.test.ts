/**
 * Emulator mode: what emulators cannot run is left out, by name and by switch, never silently;
 * providers give up quickly instead of retrying an unimplemented call for minutes; and account
 * IDs the provider would otherwise look up are explicit.
 */
import { describe, expect, it } from "vitest";
import { EMULATED_SERVICES } from "../../src/answers/emulator.js";
import { configFrom, exampleAnswers } from "../helpers/answers.js";
import { resourceList, synthTo } from "../helpers/synth.js";

const EMULATOR = "http://127.0.0.1:5000";

async function synthWith(emulator: Record<string, unknown> | undefined) {
  const answers = exampleAnswers();
  delete answers.$schema;
  if (emulator) answers.emulator = emulator;
  return synthTo(configFrom(answers));
}

const real = await synthWith(undefined);
const rehearsal = await synthWith({ endpointUrl: EMULATOR });
const everything = await synthWith({
  endpointUrl: EMULATOR,
  leaveOut: {
    accessAnalyzer: false,
    imdsDefaults: false,
    budgets: false,
    s3AccountPublicAccessBlock: false,
    centralRootAccess: false,
    guardDuty: false,
    securityHub: false,
    configAggregator: false,
    organizationTrail: false,
  },
});

describe("emulator mode", () => {
  it("leaves out each emulator gap and reports it with its switch", () => {
    expect(rehearsal.emulatorLeftOut.map((l) => l.switch)).toEqual([
      "emulator.leaveOut.accessAnalyzer",
      "emulator.leaveOut.imdsDefaults",
      "emulator.leaveOut.budgets",
      "emulator.leaveOut.s3AccountPublicAccessBlock",
      "emulator.leaveOut.centralRootAccess",
      "emulator.leaveOut.guardDuty",
      "emulator.leaveOut.securityHub",
      "emulator.leaveOut.configAggregator",
      "emulator.leaveOut.organizationTrail",
    ]);
    // Config stays: emulators record it. GuardDuty and Security Hub are left out everywhere.
    expect(
      resourceList(rehearsal.stack("baseline-dev"), "aws_config_configuration_recorder"),
    ).not.toEqual([]);
    const tooling = rehearsal.stack("security-tooling");
    expect(JSON.stringify(tooling)).not.toMatch(
      /aws_guardduty_|aws_securityhub_|aws_accessanalyzer/,
    );
    expect(resourceList(rehearsal.stack("baseline-security"), "aws_guardduty_detector")).toEqual(
      [],
    );
    expect(JSON.stringify(rehearsal.stack("baseline-management").resource)).not.toMatch(
      /guardduty|securityhub/,
    );
    const baseline = rehearsal.stack("baseline-dev");
    expect(resourceList(baseline, "aws_accessanalyzer_analyzer")).toEqual([]);
    expect(resourceList(baseline, "aws_ec2_instance_metadata_defaults")).toEqual([]);
    expect(resourceList(baseline, "aws_s3_account_public_access_block")).toEqual([]);
    expect(resourceList(rehearsal.stack("billing"), "aws_budgets_budget")).toEqual([]);
    const org = rehearsal.stack("org");
    expect(resourceList(org, "aws_iam_organizations_features")).toEqual([]);
    const [organization] = resourceList(org, "aws_organizations_organization");
    expect(organization?.aws_service_access_principals).not.toContain("iam.amazonaws.com");
    expect(rehearsal.stacks.map((s) => s.name)).not.toContain("org-trail");
  });

  it("real AWS keeps the whole baseline, and so does an emulator told it supports every gap", () => {
    expect(real.emulatorLeftOut).toEqual([]);
    expect(everything.emulatorLeftOut).toEqual([]);
    for (const out of [real, everything]) {
      expect(out.stacks.map((s) => s.name)).toContain("org-trail");
      expect(resourceList(out.stack("baseline-dev"), "aws_accessanalyzer_analyzer")).not.toEqual(
        [],
      );
      expect(resourceList(out.stack("billing"), "aws_budgets_budget")).not.toEqual([]);
    }
  });

  it("every AWS service the stacks call is pointed at the emulator, so a rehearsal never reaches AWS", () => {
    // Terraform type prefix -> the provider's endpoint key. An unknown prefix fails the test: a new
    // service must be added here and to EMULATED_SERVICES together.
    const services: [RegExp, string][] = [
      [/^aws_accessanalyzer_/, "accessanalyzer"],
      [/^aws_account_/, "account"],
      [/^aws_budgets_/, "budgets"],
      [/^aws_cloudtrail/, "cloudtrail"],
      [/^aws_cloudwatch_event_/, "events"],
      [/^aws_cloudwatch_log_/, "cloudwatchlogs"],
      [/^aws_cloudwatch_metric_alarm$/, "cloudwatch"],
      [/^aws_config_/, "configservice"],
      [/^aws_guardduty_/, "guardduty"],
      [/^aws_iam_organizations_features$/, "iam"],
      [/^aws_iam_/, "iam"],
      [/^aws_kms_/, "kms"],
      [/^aws_organizations_/, "organizations"],
      [/^aws_s3_account_/, "s3control"],
      [/^aws_s3_/, "s3"],
      [/^aws_securityhub_/, "securityhub"],
      [/^aws_sns_/, "sns"],
      [
        /^aws_(default_|ebs_|ec2_|eip|flow_log|internet_gateway|nat_gateway|network_acl|route|subnet|vpc|security_group)/,
        "ec2",
      ],
    ];
    const emulated = new Set<string>(EMULATED_SERVICES);
    for (const { name } of everything.stacks) {
      const stack = everything.stack(name);
      const types = [...Object.keys(stack.resource ?? {}), ...Object.keys(stack.data ?? {})];
      for (const type of types) {
        const service = services.find(([pattern]) => pattern.test(type))?.[1];
        expect(service, `${name}: ${type} has no service mapping`).toBeDefined();
        expect(emulated.has(service as string), `${name}: ${type} -> ${service}`).toBe(true);
      }
      for (const provider of stack.provider.aws) {
        expect(Object.keys(provider.endpoints[0]).sort(), name).toEqual(
          [...EMULATED_SERVICES].sort(),
        );
      }
    }
  });

  it("every provider gives up after 2 retries instead of retrying an unimplemented call for minutes", () => {
    for (const { name } of rehearsal.stacks) {
      for (const provider of rehearsal.stack(name).provider.aws) {
        expect(provider.max_retries, name).toBe(2);
      }
    }
    expect(real.stack("org").provider.aws[0].max_retries).toBeUndefined();
  });

  it("S3 account Block Public Access and budgets name their account explicitly", () => {
    const [pab] = resourceList(real.stack("baseline-dev"), "aws_s3_account_public_access_block");
    expect(pab?.account_id).toBe("444444444444");
    for (const budget of resourceList(real.stack("billing"), "aws_budgets_budget")) {
      expect(budget.account_id).toBe("111111111111");
    }
  });

  it("SCPs are created after the organization (they need its all-features mode)", () => {
    for (const scp of resourceList(real.stack("org"), "aws_organizations_policy")) {
      expect(scp.depends_on).toEqual([expect.stringMatching(/^aws_organizations_organization\./)]);
    }
  });
});
