import { beforeAll, describe, expect, it } from "vitest";
import { callerMatches, checkDeployTrust } from "../../src/run/deploy-trust.js";
import { awsNeeds } from "../../src/run/preflight.js";
import { configFrom, exampleAnswers } from "../helpers/answers.js";
import { synthTo, type Synthesized } from "../helpers/synth.js";

let out: Synthesized;
beforeAll(async () => {
  const answers = exampleAnswers();
  answers.deployRole = {
    trustedPrincipals: [
      "role/BaselineAdmin",
      "role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Admin_*",
    ],
  };
  out = await synthTo(configFrom(answers));
});

const mgmt = "111111111111";
/** The roles the stacks' providers assume, as the run's preflight reads them. */
const roles = async (stacks: string[]) => (await awsNeeds(out.outDir, stacks)).memberRoles;

describe("the caller must be trusted by the deploy role before member stacks run", () => {
  it("an assumed-role session matches its role by account and name, whatever the role's path", () => {
    const trusted = [
      `arn:aws:iam::${mgmt}:role/BaselineAdmin`,
      `arn:aws:iam::${mgmt}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_Admin_*`,
      `arn:aws:iam::${mgmt}:user/ci-*`,
    ];
    expect(callerMatches(`arn:aws:sts::${mgmt}:assumed-role/BaselineAdmin/alice`, trusted)).toBe(
      true,
    );
    expect(
      callerMatches(
        `arn:aws:sts::${mgmt}:assumed-role/AWSReservedSSO_Admin_0123abcd/alice`,
        trusted,
      ),
    ).toBe(true);
    expect(callerMatches(`arn:aws:iam::${mgmt}:user/ci-deployer`, trusted)).toBe(true);
    // Another role, another account, the root user: not trusted.
    expect(callerMatches(`arn:aws:sts::${mgmt}:assumed-role/Operator/bob`, trusted)).toBe(false);
    expect(callerMatches(`arn:aws:sts::999999999999:assumed-role/BaselineAdmin/x`, trusted)).toBe(
      false,
    );
    expect(callerMatches(`arn:aws:iam::${mgmt}:root`, trusted)).toBe(false);
  });

  it("an untrusted caller is stopped before any terraform step, told which entry to add", async () => {
    const error = await checkDeployTrust(
      out.outDir,
      await roles(["org", "access-dev", "baseline-dev"]),
      `arn:aws:sts::${mgmt}:assumed-role/Operator/bob`,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "DEPLOY_ROLE_UNTRUSTED",
      kind: "user",
      message: expect.stringContaining("BaselineDeploy"),
      hint: expect.stringContaining('add "role/Operator" to deployRole.trustedPrincipals'),
    });
  });

  it("a trusted caller, or a run of management and access stacks only, proceeds", async () => {
    await expect(
      checkDeployTrust(
        out.outDir,
        await roles(["baseline-dev"]),
        `arn:aws:sts::${mgmt}:assumed-role/BaselineAdmin/alice`,
      ),
    ).resolves.toBeUndefined();
    // org and the access stacks never assume the deploy role.
    await expect(
      checkDeployTrust(
        out.outDir,
        await roles(["org", "access-dev", "billing"]),
        `arn:aws:sts::${mgmt}:assumed-role/Operator/bob`,
      ),
    ).resolves.toBeUndefined();
  });
});
