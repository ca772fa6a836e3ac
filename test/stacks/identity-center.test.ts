import { beforeAll, describe, expect, it } from "vitest";
import { configFrom, exampleAnswers } from "../helpers/answers.js";
import { resourceList, synthTo, type StackJson, type Synthesized } from "../helpers/synth.js";

let out: Synthesized;
let ic: StackJson;
beforeAll(async () => {
  const answers = exampleAnswers();
  answers.identity.admins = { ...answers.identity.admins, enabled: false, billingGroup: true };
  answers.identity.identityCenter = { enabled: true, region: "eu-central-1" };
  out = await synthTo(configFrom(answers));
  ic = out.stack("identity-center");
});

describe("IAM Identity Center mode (CIS 1.21)", () => {
  it("every account gets each permission set, assigned to its identity-store group", () => {
    const sets = resourceList(ic, "aws_ssoadmin_permission_set");
    expect(sets.map((s) => `${s.name} ${s.session_duration}`).sort()).toEqual([
      "BaselineAdmin PT1H",
      "BaselineBilling PT1H",
      "BaselineReadOnly PT1H",
    ]);
    expect(
      resourceList(ic, "aws_ssoadmin_managed_policy_attachment")
        .map((a) => a.managed_policy_arn)
        .sort(),
    ).toEqual([
      "arn:aws:iam::aws:policy/AdministratorAccess",
      "arn:aws:iam::aws:policy/ReadOnlyAccess",
      "arn:aws:iam::aws:policy/job-function/Billing",
    ]);
    const assignments = resourceList(ic, "aws_ssoadmin_account_assignment");
    // 3 permission sets x 6 accounts (management included), each to a group.
    expect(assignments).toHaveLength(18);
    expect(new Set(assignments.map((a) => a.target_id))).toEqual(
      new Set([
        "111111111111",
        "222222222222",
        "333333333333",
        "444444444444",
        "555555555555",
        "666666666666",
      ]),
    );
    for (const a of assignments) {
      expect(a).toMatchObject({ principal_type: "GROUP", target_type: "AWS_ACCOUNT" });
      expect(a.principal_id).toMatch(/data\.aws_identitystore_group\..+\.group_id/);
    }
    const groups = Object.values(ic.data.aws_identitystore_group) as StackJson[];
    expect(
      groups.map((g) => g.alternate_identifier.unique_attribute.attribute_value).sort(),
    ).toEqual(["AWSAdmins", "AWSBilling", "AWSReadOnly"]);
  });

  it("runs in the instance's region only, and IAM users, groups and human roles are off", () => {
    expect(ic.provider.aws).toEqual([expect.objectContaining({ region: "eu-central-1" })]);
    for (const name of ["baseline-management", "baseline-dev"]) {
      const stack = out.stack(name);
      expect(resourceList(stack, "aws_iam_user")).toEqual([]);
      expect(resourceList(stack, "aws_iam_group")).toEqual([]);
    }
    // The deploy role trusts the Admin permission set's role in the management account.
    const [deploy] = resourceList(out.stack("access-dev"), "aws_iam_role");
    expect(deploy?.assume_role_policy).toContain(
      "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_BaselineAdmin_*",
    );
  });

  it("what cannot be automated is a manual step", () => {
    const step = out.manualSteps.find((s) => s.startsWith("IAM Identity Center"));
    expect(step).toContain("eu-central-1");
    expect(step).toContain("AWSAdmins, AWSReadOnly, AWSBilling");
    expect(step).toContain("require MFA");
  });
});
