import { beforeAll, describe, expect, it } from "vitest";
import { configFrom, exampleAnswers } from "../helpers/answers.js";
import {
  resourceList,
  resources,
  synthTo,
  type StackJson,
  type Synthesized,
} from "../helpers/synth.js";

const MEMBERS: Record<string, string> = {
  "log-archive": "222222222222",
  security: "333333333333",
  dev: "444444444444",
  test: "555555555555",
  prod: "666666666666",
};

let out: Synthesized;
let billing: StackJson;
beforeAll(async () => {
  out = await synthTo(configFrom(exampleAnswers()));
  billing = out.stack("billing");
});

describe("billing stack", () => {
  it("one billing alarm per member account plus the organization total, in us-east-1", () => {
    const alarms = resourceList(billing, "aws_cloudwatch_metric_alarm");
    expect(alarms).toHaveLength(Object.keys(MEMBERS).length + 1);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({
        namespace: "AWS/Billing",
        metric_name: "EstimatedCharges",
        statistic: "Maximum",
        provider: "aws.us-east-1",
      });
      expect(alarm.alarm_actions).toEqual([expect.stringMatching(/aws_sns_topic\..+\.arn/)]);
    }
    const total = alarms.find((a) => a.alarm_name === "acme-billing-total");
    expect(total).toMatchObject({ threshold: 5000, dimensions: { Currency: "USD" } });
    for (const [name, id] of Object.entries(MEMBERS)) {
      const alarm = alarms.find((a) => a.alarm_name === `acme-billing-${name}`);
      expect(alarm?.dimensions).toEqual({ Currency: "USD", LinkedAccount: id });
      expect(alarm?.threshold).toBe(name === "prod" ? 2500 : 200);
    }
    expect(billing.provider.aws.find((p: StackJson) => p.alias === "us-east-1")).toMatchObject({
      region: "us-east-1",
    });
  });

  it("a monthly cost budget per member account notifies on actual and forecast spend", () => {
    const budgets = resourceList(billing, "aws_budgets_budget");
    expect(budgets).toHaveLength(Object.keys(MEMBERS).length);
    const prod = budgets.find((b) => b.name === "acme-prod-monthly");
    expect(prod).toMatchObject({
      budget_type: "COST",
      limit_amount: "2500.00",
      limit_unit: "USD",
      time_unit: "MONTHLY",
      cost_filter: [{ name: "LinkedAccount", values: ["666666666666"] }],
    });
    expect(prod?.notification.map((n: StackJson) => [n.notification_type, n.threshold])).toEqual([
      ["ACTUAL", 80],
      ["ACTUAL", 100],
      ["FORECASTED", 100],
    ]);
    for (const n of prod?.notification ?? []) {
      expect(n.subscriber_email_addresses).toEqual(["security-alerts@acme.example"]);
      expect(n.subscriber_sns_topic_arns).toEqual([expect.stringMatching(/aws_sns_topic/)]);
    }
  });

  it("the billing topic is encrypted, has a subscriber, and only CloudWatch and Budgets may publish", () => {
    const [topic] = resourceList(billing, "aws_sns_topic");
    expect(topic?.kms_master_key_id).toMatch(/aws_kms_key/);
    expect(resourceList(billing, "aws_sns_topic_subscription")).toHaveLength(1);
    const policy = JSON.parse(resourceList(billing, "aws_sns_topic_policy")[0]?.policy);
    expect(policy.Statement[0].Principal).toEqual({
      Service: ["budgets.amazonaws.com", "cloudwatch.amazonaws.com"],
    });
  });

  it("turning budgets off removes them but keeps the alarms", async () => {
    const answers = exampleAnswers();
    answers.billing.budgets = false;
    const stack = (await synthTo(configFrom(answers))).stack("billing");
    expect(resources(stack, "aws_budgets_budget")).toEqual({});
    expect(resourceList(stack, "aws_cloudwatch_metric_alarm")).toHaveLength(6);
  });

  it("synth lists enabling billing alerts and confirming subscriptions as manual steps", () => {
    const steps = out.manualSteps.join("\n");
    expect(steps).toContain('"Receive CloudWatch billing alerts"');
    expect(steps).toContain("subscription confirmation");
  });

  it("billing, log-archive and org-trail wait for the IDs and organization they name", async () => {
    const answers = exampleAnswers();
    delete answers.organization.id;
    delete answers.accounts[2].accountId;
    const partial = await synthTo(configFrom(answers));
    const waiting = Object.fromEntries(partial.pending.map((p) => [p.name, p.waitingFor]));
    expect(waiting["log-archive"]).toEqual(["organization.id"]);
    expect(waiting.billing).toEqual(["accounts[2].accountId"]);
    expect(waiting["org-trail"]).toBeUndefined();
    expect(partial.stacks.map((s) => s.name)).toContain("org-trail");
  });
});
