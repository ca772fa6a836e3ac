/**
 * `billing` (management account, us-east-1, where AWS/Billing metrics live): an EstimatedCharges
 * alarm for the whole organization and one per member account (LinkedAccount dimension), and an
 * AWS Budget per member account, all notifying an encrypted topic with e-mail subscribers.
 */
import { BudgetsBudget, CloudwatchMetricAlarm, type Construct } from "../build/cdk.js";
import { BILLING_REGION } from "../answers/regions.js";
import type { BillingStackProps, StackTarget } from "../plan/plan.js";
import { baselineNames } from "../answers/names.js";
import { AccountStack } from "../build/account-stack.js";
import { AlarmTopic } from "../monitoring/alarm-topic.js";
import { EncryptionKey } from "../build/encryption-key.js";
import { alarmTopicKeyPolicy } from "../logging/policies.js";

/** Construct ids of the billing stack (controls name resources by these). */
export const BILLING_IDS = {
  key: "billing-key",
  topic: "billing-alarms",
  /** EstimatedCharges alarms: `billing-total` and `billing-<account>`. */
  alarmPrefix: "billing-",
  /** Budgets: `budget-<account>`. */
  budgetPrefix: "budget-",
} as const;

const PUBLISHERS = ["budgets.amazonaws.com", "cloudwatch.amazonaws.com"];

export class BillingStack extends AccountStack {
  constructor(scope: Construct, name: string, target: StackTarget, props: BillingStackProps) {
    super(scope, name, target);
    const provider = this.providers.forRegion(BILLING_REGION);
    const { prefix, billing } = props;
    const names = baselineNames(prefix);
    const accountId = this.accountIdRef;

    const key = new EncryptionKey(this, BILLING_IDS.key, {
      provider,
      description: "Encrypts the billing alarm topic",
      alias: names.billingKeyAlias,
      policy: alarmTopicKeyPolicy({ partition: this.partition, accountId, publishers: PUBLISHERS }),
    });
    const topic = new AlarmTopic(this, BILLING_IDS.topic, {
      provider,
      name: names.billingTopic,
      accountId,
      kmsKeyId: key.arn,
      publishers: PUBLISHERS,
      emails: billing.emails,
    });

    const alarm = (
      id: string,
      description: string,
      threshold: number,
      dimensions: Record<string, string>,
    ) =>
      new CloudwatchMetricAlarm(this, id, {
        provider,
        alarmName: `${prefix}-${id}`,
        alarmDescription: description,
        namespace: "AWS/Billing",
        metricName: "EstimatedCharges",
        dimensions: { Currency: "USD", ...dimensions },
        statistic: "Maximum",
        period: 21600, // billing metrics are published about every 6 hours
        evaluationPeriods: 1,
        threshold,
        comparisonOperator: "GreaterThanThreshold",
        alarmActions: [topic.topic.arn],
      });

    alarm(
      `${BILLING_IDS.alarmPrefix}total`,
      `Estimated charges of the whole organization above ${billing.totalMonthlyUsd} USD`,
      billing.totalMonthlyUsd,
      {},
    );
    for (const account of props.accounts) {
      const usd = account.thresholdUsd;
      alarm(
        `${BILLING_IDS.alarmPrefix}${account.name}`,
        `Estimated charges of ${account.name} above ${usd} USD`,
        usd,
        {
          LinkedAccount: account.accountId,
        },
      );
      if (!billing.budgets) continue;
      const notify = {
        subscriberEmailAddresses: [...billing.emails],
        subscriberSnsTopicArns: [topic.topic.arn],
      };
      new BudgetsBudget(this, `${BILLING_IDS.budgetPrefix}${account.name}`, {
        provider,
        // Explicit: the provider does not look the account up when told not to (emulator mode).
        accountId,
        name: `${prefix}-${account.name}-monthly`,
        budgetType: "COST",
        limitAmount: usd.toFixed(2),
        limitUnit: "USD",
        timeUnit: "MONTHLY",
        costFilter: [{ name: "LinkedAccount", values: [account.accountId] }],
        notification: [
          ...billing.budgetActualPercents.map((percent) => ({
            notificationType: "ACTUAL",
            comparisonOperator: "GREATER_THAN",
            threshold: percent,
            thresholdType: "PERCENTAGE",
            ...notify,
          })),
          {
            notificationType: "FORECASTED",
            comparisonOperator: "GREATER_THAN",
            threshold: billing.budgetForecastPercent,
            thresholdType: "PERCENTAGE",
            ...notify,
          },
        ],
      });
    }
  }
}
