/**
 * The plan is the contract between answers and stacks: each ready stack carries exactly the
 * target and props it is built from; a stack whose inputs are unknown carries none.
 */
import { describe, expect, it } from "vitest";
import { planStacks } from "../../src/plan/plan.js";
import { exampleAnswers, minimalAnswers, configFrom } from "../helpers/answers.js";

describe("stack plan", () => {
  it("every ready member stack targets its account by a known ID, through the deploy role (the access stack through the access role)", () => {
    const plans = planStacks(configFrom(exampleAnswers()));
    for (const plan of plans) {
      expect(plan.waitingFor, plan.name).toEqual([]);
      const target = plan.build?.target;
      expect(target?.account.name, plan.name).toBe(plan.account.name);
      if (target?.account.kind === "member") {
        expect(target.account.accountId).toMatch(/^\d{12}$/);
      }
      expect(target?.memberRoleName).toBe(
        plan.kind === "access" ? "OrganizationAccountAccessRole" : "BaselineDeploy",
      );
      expect(target?.regions).toEqual(plan.regions);
    }
  });

  it("props are computed by the plan: billing thresholds and account IDs, network names", () => {
    const plans = planStacks(configFrom(exampleAnswers()));
    const billing = plans.find((p) => p.name === "billing")?.build;
    expect(billing?.kind).toBe("billing");
    if (billing?.kind !== "billing") return;
    expect(billing.props.accounts.find((a) => a.name === "prod")).toEqual({
      name: "prod",
      accountId: "666666666666",
      thresholdUsd: 2500,
    });
    const network = plans.find((p) => p.name === "network-dev")?.build;
    expect(network?.kind === "network" && network.props.vpcName).toBe("acme-dev");
  });

  it("a stack waiting for IDs has no build, and says which answers keys it needs", () => {
    const plans = planStacks(configFrom(minimalAnswers()));
    const org = plans.find((p) => p.name === "org");
    expect(org?.build?.kind).toBe("org");
    const logArchive = plans.find((p) => p.name === "log-archive");
    expect(logArchive?.build).toBeUndefined();
    expect(logArchive?.waitingFor).toEqual([
      "accounts[0].accountId",
      "accounts[1].accountId",
      "management.accountId",
      "organization.id",
    ]);
  });

  it("log-archive names the security account as a trail log reader, so it waits for that ID too", () => {
    const ready = planStacks(configFrom(exampleAnswers())).find((p) => p.name === "log-archive");
    expect(ready?.build?.kind === "log-archive" && ready.build.props.securityId).toBe(
      "333333333333",
    );
    const answers = exampleAnswers();
    delete answers.accounts[1].accountId; // the security account
    const waiting = planStacks(configFrom(answers)).find((p) => p.name === "log-archive");
    expect(waiting?.waitingFor).toEqual(["accounts[1].accountId"]);
  });
});
