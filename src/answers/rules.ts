/**
 * Semantic rules: checks that need more than one key. Each area declares its rules in
 * `src/<area>/rules.ts` (see define-rule.ts); this list fixes the order problems are reported in.
 */
import { billingRules } from "../billing/rules.js";
import { detectiveRules } from "../detective/rules.js";
import { guardrailAdoptionRules, guardrailRules } from "../guardrails/rules.js";
import { identityRules } from "../identity/rules.js";
import { loggingRules } from "../logging/rules.js";
import { networkRules } from "../network/rules.js";
import { adoptionRules, organizationRules } from "../organization/rules.js";
import type { Rule } from "./define-rule.js";
import type { Problem } from "./problems.js";
import type { Answers } from "./schema.js";

export type { Rule } from "./define-rule.js";

/** Every semantic rule, in the order problems are reported. */
export const RULES: readonly Rule[] = [
  ...organizationRules,
  ...loggingRules,
  ...networkRules,
  ...billingRules,
  ...identityRules,
  ...guardrailRules,
  ...detectiveRules,
  ...adoptionRules,
  ...guardrailAdoptionRules,
];

export function checkRules(answers: Answers): Problem[] {
  return RULES.flatMap((rule) => rule.check(answers));
}
