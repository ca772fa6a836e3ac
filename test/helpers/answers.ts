/** Answers fixtures: the bundled example, and small edits of it for rule tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateAnswers } from "../../src/answers/load.js";
import type { BaselineConfig } from "../../src/answers/resolve.js";
import type { AnswersInput } from "../../src/answers/schema.js";
import { PACKAGE_ROOT } from "../../src/version.js";

export const EXAMPLE_FILE = join(PACKAGE_ROOT, "templates/examples/acme.json");

/** Answers as plain JSON that tests edit freely, including into invalid shapes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnswersJson = Record<string, any>;

/** A fresh deep copy of the example answers. */
export function exampleAnswers(): AnswersJson {
  return JSON.parse(readFileSync(EXAMPLE_FILE, "utf8"));
}

/** The smallest valid answers: everything else defaults. */
export function minimalAnswers(): AnswersInput {
  return {
    version: 1,
    organization: { name: "Tiny", prefix: "tiny" },
    accountEmailPattern: "aws+{name}@tiny.example",
    alarms: { emails: ["alerts@tiny.example"] },
  };
}

/** Validated, resolved config; throws with the problems when the answers are invalid. */
export function configFrom(answers: unknown): BaselineConfig {
  const result = validateAnswers(answers);
  if (!result.ok) throw new Error(`invalid answers:\n${JSON.stringify(result.problems, null, 2)}`);
  return result.config;
}

/** Every detective service off: answers without a security account need it (detective rules). */
export const DETECTIVE_OFF = {
  config: { enabled: false },
  guardDuty: { enabled: false },
  securityHub: { enabled: false },
  accessAnalyzer: { enabled: false },
} as const;
