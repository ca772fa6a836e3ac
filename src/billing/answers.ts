/** Answers slice of the billing area: billing alarms and budgets. */
import { z } from "zod";
import { BILLING_DEFAULTS } from "./defaults.js";
import { email } from "../answers/fields.js";

export const Billing = z
  .strictObject({
    emails: z
      .array(email())
      .min(1)
      .optional()
      .meta({ description: "Who receives billing alarms. @default - alarms.emails." }),
    totalMonthlyUsd: z.number().positive().default(BILLING_DEFAULTS.totalMonthlyUsd).meta({
      description: "Alarm when estimated charges for the whole organization exceed this (USD).",
    }),
    accountMonthlyUsd: z.number().positive().default(BILLING_DEFAULTS.accountMonthlyUsd).meta({
      description: "Alarm and budget per member account (USD), unless overridden.",
    }),
    accountOverridesUsd: z
      .record(z.string(), z.number().positive())
      .default({})
      .meta({
        description: "Per-account monthly thresholds by account name.",
        examples: [{ prod: 2000 }],
      }),
    budgets: z.boolean().default(true).meta({ description: "Create an AWS Budget per account." }),
    budgetActualPercents: z
      .array(z.number().int().min(1).max(1000))
      .min(1)
      .default([80, 100])
      .meta({
        description: "Budget alerts when actual spend passes these percentages of the limit.",
      }),
    budgetForecastPercent: z.number().int().min(1).max(1000).default(100).meta({
      description: "Budget alert when forecast spend passes this percentage of the limit.",
    }),
  })
  .meta({
    description:
      "Billing alarms and budgets. AWS publishes the EstimatedCharges metric only after billing alerts are switched on once in the management account (Billing console > Billing preferences > Receive CloudWatch billing alerts); synth lists this among the manual steps.",
  });
