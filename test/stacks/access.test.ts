import { beforeAll, describe, expect, it } from "vitest";
import { configFrom, exampleAnswers } from "../helpers/answers.js";
import { policyOf, resourceList, synthTo, type StackJson } from "../helpers/synth.js";

let access: StackJson;
beforeAll(async () => {
  const answers = exampleAnswers();
  answers.deployRole = { trustedPrincipals: ["role/BaselineAdmin", "role/ci/github-deploy"] };
  access = (await synthTo(configFrom(answers))).stack("access-dev");
});

describe("access stack (each member account)", () => {
  it("deploy role trusts only the named management-account principals", () => {
    const [role] = resourceList(access, "aws_iam_role");
    expect(role?.name).toBe("BaselineDeploy");
    expect(policyOf(role?.assume_role_policy).Statement).toEqual([
      {
        Sid: "TrustNamedManagementPrincipals",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111111111111:root" },
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Condition: {
          ArnLike: {
            "aws:PrincipalArn": [
              "arn:aws:iam::111111111111:role/BaselineAdmin",
              "arn:aws:iam::111111111111:role/ci/github-deploy",
            ],
          },
        },
      },
    ]);
    expect(resourceList(access, "aws_iam_role_policy_attachment")).toEqual([
      expect.objectContaining({ policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" }),
    ]);
  });

  it("by default only the management account's admin role may deploy", async () => {
    const stack = (await synthTo(configFrom(exampleAnswers()))).stack("access-prod");
    const [role] = resourceList(stack, "aws_iam_role");
    expect(policyOf(role?.assume_role_policy).Statement[0]?.Condition).toEqual({
      ArnLike: { "aws:PrincipalArn": ["arn:aws:iam::111111111111:role/BaselineAdmin"] },
    });
  });
});
