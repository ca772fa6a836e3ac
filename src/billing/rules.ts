/** Semantic rules of the billing area. */
import { defineRule } from "../answers/define-rule.js";

export const billingOverridesKnown = defineRule(
  "billing-overrides-known",
  "A threshold for an account that does not exist would be silently ignored.",
  (a, problem) => {
    const names = new Set(a.accounts.map((acc) => acc.name));
    return Object.entries(a.billing.accountOverridesUsd).flatMap(([name, usd]) =>
      names.has(name)
        ? []
        : [
            problem(
              `billing.accountOverridesUsd.${name}`,
              "names no member account",
              `use one of: ${[...names].join(", ")}`,
              usd,
            ),
          ],
    );
  },
);

export const billingRules = [billingOverridesKnown];
