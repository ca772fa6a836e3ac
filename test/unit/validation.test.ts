import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/load.js";
import type { Problem } from "../../src/answers/problems.js";
import {
  KNOWN_REGIONS,
  KNOWN_REGIONS_AS_OF,
  providerKnowsRegion,
  REGIONS_ENABLED_BY_DEFAULT,
} from "../../src/answers/regions.js";
import { RULES } from "../../src/answers/rules.js";
import { exampleAnswers, minimalAnswers } from "../helpers/answers.js";

function problemsOf(answers: unknown): Problem[] {
  const result = validateAnswers(answers);
  return result.ok ? [] : [...result.problems];
}

function byPath(problems: Problem[]): Record<string, Problem> {
  return Object.fromEntries(problems.map((p) => [p.path, p]));
}

describe("schema phase", () => {
  it("five structural mistakes give five problems, each with path, received value and fix", () => {
    const answers = exampleAnswers();
    answers.organization.prefix = "Acme Corp"; // bad format
    answers.accounts[2].accountId = "12345"; // not 12 digits
    answers.accounts[3].email = "not-an-email"; // bad e-mail
    answers.regions.hom = "eu-west-1"; // unknown key (typo)
    answers.accounts[4].network.nat = "always"; // bad enum
    const problems = problemsOf(answers);
    expect(problems).toHaveLength(5);
    const at = byPath(problems);
    expect(Object.keys(at).sort()).toEqual([
      "accounts[2].accountId",
      "accounts[3].email",
      "accounts[4].network.nat",
      "organization.prefix",
      "regions.hom",
    ]);
    expect(at["accounts[2].accountId"]).toMatchObject({
      received: "12345",
      message: expect.stringContaining("12 digits"),
    });
    expect(at["accounts[2].accountId"]?.fix).toContain("123456789012");
    expect(at["regions.hom"]?.fix).toContain('did you mean "home"');
    expect(at["accounts[4].network.nat"]?.fix).toContain('"per-az"');
    for (const p of problems) expect(p.fix.length).toBeGreaterThan(5);
  });

  it("a missing required key names the key and shows an example", () => {
    const answers = minimalAnswers() as Record<string, unknown>;
    delete answers.alarms;
    const at = byPath(problemsOf(answers));
    expect(at.alarms).toMatchObject({ message: "is required" });
  });

  it("wrong types say what was expected and what was found", () => {
    const answers = { ...minimalAnswers(), accounts: "dev,prod" };
    expect(byPath(problemsOf(answers)).accounts).toMatchObject({
      message: "must be an array, not string",
      received: "dev,prod",
    });
  });

  it("an unknown state backend names the allowed ones", () => {
    const answers = { ...minimalAnswers(), state: { backend: "gcs" } };
    expect(byPath(problemsOf(answers))["state.backend"]?.fix).toContain('"s3", "local"');
  });

  it("password policy below CIS 1.8 is rejected", () => {
    const answers = { ...minimalAnswers(), identity: { passwordPolicy: { minimumLength: 8 } } };
    expect(byPath(problemsOf(answers))["identity.passwordPolicy.minimumLength"]?.message).toContain(
      "CIS 1.8",
    );
  });
});

describe("semantic rules", () => {
  it("five semantic mistakes give five problems at once", () => {
    const answers = exampleAnswers();
    answers.accounts[3].name = "dev"; // duplicate name
    answers.accounts[3].email = "aws+test@acme.example"; // (so the name's derived e-mail is not a 6th mistake)
    answers.accounts[1].email = "aws+log-archive@acme.example"; // duplicate e-mail
    answers.regions.home = "af-south-1"; // not enabled
    answers.cloudtrail = { retentionDays: 90, transitionToGlacierAfterDays: 30 }; // < 365
    answers.accounts[4].network = { nat: "single", publicSubnets: false }; // NAT without public subnets
    const problems = problemsOf(answers);
    expect(problems.map((p) => p.rule).sort()).toEqual([
      "home-region-enabled",
      "nat-needs-public-subnets",
      "trail-retention-365",
      "unique-account-emails",
      "unique-account-names",
    ]);
    expect(byPath(problems)["accounts[3].name"]?.message).toContain("accounts[2].name");
  });

  it("an Object Lock longer than the retention, or a COMPLIANCE lock shorter than it, is rejected", () => {
    const lock = (objectLock: object, retentionDays = 730) => {
      const answers = exampleAnswers();
      answers.cloudtrail = { retentionDays, objectLock };
      return byPath(problemsOf(answers))["cloudtrail.objectLock.days"];
    };
    expect(lock({ mode: "GOVERNANCE", days: 800 })).toMatchObject({
      rule: "object-lock-covers-retention",
      received: 800,
      message: expect.stringContaining("longer than they are kept (730 days)"),
    });
    expect(lock({ mode: "COMPLIANCE", days: 365 })).toMatchObject({
      rule: "object-lock-covers-retention",
      received: 365,
      fix: expect.stringContaining("set it to 730"),
    });
    // Without days the lock follows the retention; GOVERNANCE may be shorter; off is off.
    expect(lock({ mode: "COMPLIANCE" })).toBeUndefined();
    expect(lock({ mode: "COMPLIANCE", days: 730 })).toBeUndefined();
    expect(lock({ mode: "GOVERNANCE", days: 365 })).toBeUndefined();
    expect(lock({ enabled: false, mode: "COMPLIANCE", days: 1 })).toBeUndefined();
  });

  it("overlapping CIDRs are reported with both paths", () => {
    const answers = exampleAnswers();
    answers.accounts[2].network = { cidr: "10.0.0.0/16" };
    answers.accounts[3].network = { cidr: "10.0.128.0/17" };
    const p = byPath(problemsOf(answers))["accounts[3].network.cidr"];
    expect(p).toMatchObject({ rule: "cidrs-do-not-overlap", received: "10.0.128.0/17" });
    expect(p?.message).toContain("accounts[2].network.cidr");
  });

  it("public and malformed CIDRs are rejected with the corrected value", () => {
    const answers = exampleAnswers();
    answers.accounts[2].network = { cidr: "8.8.0.0/16" };
    answers.accounts[3].network = { cidr: "10.9.0.1/16" };
    const at = byPath(problemsOf(answers));
    expect(at["accounts[2].network.cidr"]?.rule).toBe("cidrs-private");
    expect(at["accounts[3].network.cidr"]?.fix).toBe("use 10.9.0.0/16");
  });

  it("a VPC too small for its subnets is rejected", () => {
    const answers = exampleAnswers();
    answers.accounts[4].network = { cidr: "10.50.0.0/20", azCount: 3 };
    expect(byPath(problemsOf(answers))["accounts[4].network.cidr"]?.rule).toBe(
      "cidrs-hold-subnets",
    );
  });

  it("a full supernet is reported", () => {
    const answers = { ...minimalAnswers(), addressing: { supernet: "10.0.0.0/15" } };
    expect(problemsOf(answers).map((p) => p.rule)).toEqual(["supernet-has-room"]);
  });

  it("accounts without e-mail or pattern are reported", () => {
    const answers = minimalAnswers() as Record<string, unknown>;
    delete answers.accountEmailPattern;
    const problems = problemsOf(answers);
    expect(problems.map((p) => p.path)).toEqual([
      "accounts[0].email",
      "accounts[1].email",
      "accounts[2].email",
      "accounts[3].email",
      "accounts[4].email",
    ]);
  });

  it("duplicate account IDs, including the management account's, are reported", () => {
    const answers = exampleAnswers();
    answers.accounts[0].accountId = "111111111111";
    expect(byPath(problemsOf(answers))["accounts[0].accountId"]?.rule).toBe("unique-account-ids");
  });

  it("exactly one log-archive account", () => {
    const answers = exampleAnswers();
    answers.accounts[0].kind = "workload";
    expect(problemsOf(answers).map((p) => p.rule)).toEqual(["one-log-archive-account"]);
  });

  it("billing overrides must name a member account", () => {
    const answers = exampleAnswers();
    answers.billing.accountOverridesUsd = { production: 10 };
    expect(byPath(problemsOf(answers))["billing.accountOverridesUsd.production"]?.fix).toContain(
      "prod",
    );
  });

  it("availability zones must be in the home region", () => {
    const answers = exampleAnswers();
    answers.accounts[2].network = { availabilityZones: ["us-east-1a", "eu-west-1b"] };
    expect(problemsOf(answers).map((p) => p.path)).toEqual([
      "accounts[2].network.availabilityZones[0]",
    ]);
  });

  it("every rule has a unique name and a reason", () => {
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
    for (const rule of RULES) expect(rule.why.length).toBeGreaterThan(10);
  });

  it("every rule passes on the bundled example (no false positives)", () => {
    expect(problemsOf(exampleAnswers())).toEqual([]);
  });
});

describe("region names", () => {
  it("a region with the right shape that does not exist is named, with a guess and the way to let a new one in", () => {
    const answers = exampleAnswers();
    answers.regions = { home: "eu-westeros-1", enabled: ["eu-west-1", "us-east-3"] };
    answers.state = { backend: "s3", bucket: "acme-tfstate", region: "eu-centrl-1" };
    const at = byPath(problemsOf(answers).filter((p) => p.rule === "regions-known"));
    expect(at["regions.home"]).toMatchObject({
      rule: "regions-known",
      received: "eu-westeros-1",
      message: `is not an AWS region aws-baseline knows (its list is of ${KNOWN_REGIONS_AS_OF})`,
    });
    expect(at["regions.home"]?.fix).toContain('did you mean "eu-west-1"?');
    expect(at["regions.home"]?.fix).toContain("add it to regions.allowUnknown");
    expect(at["regions.enabled[1]"]?.fix).toContain('did you mean "us-east-1" or "us-east-2"?');
    expect(at["state.region"]?.fix).toContain('did you mean "eu-central-1"?');
    expect(at["regions.enabled[0]"]).toBeUndefined();
  });

  it("regions.allowUnknown lets a region newer than the list in; China's partition stays out", () => {
    const answers = exampleAnswers();
    answers.regions = { home: "eu-west-1", enabled: ["eu-west-1", "xx-newregion-1"] };
    expect(problemsOf(answers).map((p) => p.path)).toEqual(["regions.enabled[1]"]);
    answers.regions.allowUnknown = ["xx-newregion-1"];
    expect(problemsOf(answers)).toEqual([]);
    answers.regions = {
      home: "eu-west-1",
      enabled: ["eu-west-1", "cn-north-1"],
      allowUnknown: ["cn-north-1"],
    };
    expect(problemsOf(answers)).toEqual([
      expect.objectContaining({
        path: "regions.enabled[1]",
        message: "is in the aws-cn (China) partition, which aws-baseline does not support",
      }),
    ]);
    answers.regions = { home: "eu-west-1", enabled: ["eu-west-1"], allowUnknown: ["Mars"] };
    expect(problemsOf(answers).map((p) => p.path)).toEqual(["regions.allowUnknown[0]"]);
  });

  it("the known list has every default region, the 2025 regions and GovCloud; only the newest skip the provider's check", () => {
    for (const region of REGIONS_ENABLED_BY_DEFAULT) expect(KNOWN_REGIONS[region]).toBe("aws");
    for (const region of ["ap-southeast-7", "mx-central-1", "ap-east-2", "ca-west-1"])
      expect(KNOWN_REGIONS[region]).toBe("aws");
    expect(KNOWN_REGIONS["us-gov-west-1"]).toBe("aws-us-gov");
    expect(providerKnowsRegion("eu-west-1")).toBe(true);
    expect(providerKnowsRegion("ap-southeast-6")).toBe(false); // newer than hashicorp/aws 5.100.0
    expect(providerKnowsRegion("xx-newregion-1")).toBe(false);
  });
});

describe("baseline role names", () => {
  it("the deploy role, the access role and the roles people use must be different roles", () => {
    const answers = exampleAnswers();
    answers.accessRoleName = "BaselineDeploy";
    answers.deployRole = { name: "BaselineAdmin" };
    const result = validateAnswers(answers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.problems
        .filter((p) => p.rule === "baseline-role-names-distinct")
        .map((p) => `${p.path} ${String(p.received)}`),
    ).toEqual(["deployRole.name BaselineAdmin"]);
    answers.deployRole = { name: "BaselineDeploy" };
    const same = validateAnswers(answers);
    expect(same.ok).toBe(false);
    if (same.ok) return;
    expect(same.problems.map((p) => p.path)).toContain("deployRole.name");
  });
});
