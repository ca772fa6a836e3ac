/** Defaults of the billing slice that the generator also offers (plain constants, no zod). */
export const BILLING_DEFAULTS = { totalMonthlyUsd: 1000, accountMonthlyUsd: 200 } as const;
