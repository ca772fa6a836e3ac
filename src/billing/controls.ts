/** Controls of the billing area: EstimatedCharges alarms and budgets (`billing`, us-east-1). */
import {
  ALARM_TOPIC_TYPES,
  ENCRYPTION_KEY_TYPES,
  inside,
  perItem,
  type Control,
} from "../controls/control.js";
import { BILLING_IDS as IDS } from "./billing-stack.js";

const BILLING_TEST = "test/stacks/billing.test.ts";

export const BILLING_CONTROLS: readonly Control[] = [
  {
    id: "BIL.1",
    title: "EstimatedCharges alarms in us-east-1: the whole organization and each member account",
    cis: [],
    stacks: ["billing"],
    resources: [
      perItem("aws_cloudwatch_metric_alarm", IDS.alarmPrefix),
      ...inside(IDS.topic, ALARM_TOPIC_TYPES),
      ...inside(IDS.key, ENCRYPTION_KEY_TYPES),
    ],
    verifiedBy: [
      `${BILLING_TEST} › one billing alarm per member account plus the organization total, in us-east-1`,
    ],
  },
  {
    id: "BIL.2",
    title: "A monthly AWS Budget per member account with actual and forecast notifications",
    cis: [],
    stacks: ["billing"],
    resources: [perItem("aws_budgets_budget", IDS.budgetPrefix)],
    switch: "billing.budgets",
    verifiedBy: [
      `${BILLING_TEST} › a monthly cost budget per member account notifies on actual and forecast spend`,
    ],
  },
];

/** Done by a person in the billing console; listed among the manual steps. */
export const BILLING_MANUAL_CONTROLS: readonly Control[] = [
  {
    id: "MAN.2",
    title:
      "Billing alerts switched on in the billing console; alarm e-mail subscriptions confirmed",
    cis: [],
    stacks: [],
    resources: [],
    manual: true,
    verifiedBy: [
      `${BILLING_TEST} › synth lists enabling billing alerts and confirming subscriptions as manual steps`,
    ],
  },
];
