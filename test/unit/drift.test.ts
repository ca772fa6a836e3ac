/**
 * Drift classification on plan JSON captured from the real hashicorp/aws 5.100.0 provider against
 * an AWS API emulator (test/fixtures/plans/README.md says how). An untouched deployment carries
 * refresh noise in `resource_drift` (computed attributes, sibling side effects, null <-> empty)
 * that must never count as drift; out-of-band changes must, each naming its arguments and control.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { driftChanges } from "../../src/run/terraform/drift.js";
import { controlsFor } from "../../src/run/terraform/operations.js";
import { parsePlan } from "../../src/run/terraform/plan-json.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/plans");
const plan = (set: string, stack: string) =>
  parsePlan(readFileSync(join(FIXTURES, set, `${stack}.plan.json`), "utf8"));

function drift(stack: string) {
  return driftChanges(plan("changed", stack)).map((c) => ({
    address: c.address,
    source: c.source,
    attributes: c.attributes,
    controls: controlsFor(stack, c),
  }));
}

describe("drift on an untouched deployment (real provider plans)", () => {
  const stacks = [
    "org",
    "log-archive",
    "org-trail",
    "billing",
    "baseline-management",
    "network-dev",
  ];
  for (const stack of stacks) {
    it(`${stack}: refresh noise is not drift`, () => {
      const parsed = plan("untouched", stack);
      expect(driftChanges(parsed)).toEqual([]);
      expect(parsed.changes).toEqual([]);
    });
  }

  it("the noise is there: organization/OU accounts, route tables, roles' managed policies, alarms' null -> []", () => {
    const noisy = (stack: string) => plan("untouched", stack).drift.map((d) => d.type);
    expect(noisy("org")).toContain("aws_organizations_organization");
    expect(noisy("org")).toContain("aws_organizations_organizational_unit");
    expect(noisy("org-trail")).toContain("aws_cloudwatch_metric_alarm");
    expect(noisy("baseline-management")).toContain("aws_iam_role");
    expect(noisy("network-dev").length).toBeGreaterThan(0);
  });
});

describe("drift after out-of-band changes (real provider plans)", () => {
  it("password policy weakened: names the argument and IAM.1", () => {
    expect(drift("baseline-management")).toContainEqual({
      address: expect.stringContaining("aws_iam_account_password_policy."),
      source: "outside",
      attributes: [{ path: "minimum_password_length", before: 8, after: 14 }],
      controls: ["IAM.1"],
    });
  });

  it("EBS default encryption switched off in a member account: DEF.1", () => {
    expect(drift("baseline-dev")).toEqual([
      {
        address: expect.stringContaining("aws_ebs_encryption_by_default."),
        source: "outside",
        attributes: [{ path: "enabled", before: false, after: true }],
        controls: ["DEF.1"],
      },
    ]);
  });

  it("an SCP detached from the root is a deleted attachment that names its guardrails' controls", () => {
    const [change, ...rest] = drift("org");
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      address: expect.stringContaining(
        "aws_organizations_policy_attachment.guardrails_acme-guardrails-1-root",
      ),
      source: "deleted",
      // The packed SCP carries every guardrail, so its detachment breaks each one's control.
      controls: ["SCP.1", "SCP.6", "SCP.2", "SCP.3", "SCP.4", "SCP.5", "SCP.7"],
    });
    expect(change?.attributes.map((a) => a.path)).toContain("target_id");
  });

  it("log group retention shortened and a CIS alarm deleted: LOG.6 and MON.3", () => {
    const changes = drift("org-trail");
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({
      source: "outside",
      attributes: [{ path: "retention_in_days", before: 30, after: 365 }],
      controls: ["LOG.6"],
    });
    expect(changes[1]).toMatchObject({
      address: expect.stringContaining("RootAccountUsage"),
      source: "deleted",
      controls: ["MON.3"],
    });
  });

  it("every drifted resource names at least one argument and one control", () => {
    for (const stack of ["org", "org-trail", "baseline-management", "baseline-dev"]) {
      for (const change of drift(stack)) {
        expect(change.attributes.length, change.address).toBeGreaterThan(0);
        expect(change.controls.length, change.address).toBeGreaterThan(0);
      }
    }
  });
});
