/**
 * How a semantic rule is declared: its name once, one line on why, and a check that returns every
 * problem it finds (never just the first), with key paths into the answers. Rules run only on
 * answers that passed the schema, so they can trust types and defaults. Each area keeps its rules
 * in `src/<area>/rules.ts`; `rules.ts` lists them in the order problems are reported.
 */
import type { Problem } from "./problems.js";
import type { Answers } from "./schema.js";

export interface Rule {
  readonly name: string;
  /** One line: what the rule protects against. */
  readonly why: string;
  readonly check: (answers: Answers) => Problem[];
}

/** Builds a Problem found by the rule being checked (the rule's name is filled in). */
export type ProblemAt = (path: string, message: string, fix: string, received?: unknown) => Problem;

export function defineRule(
  name: string,
  why: string,
  check: (answers: Answers, problem: ProblemAt) => Problem[],
): Rule {
  const problem: ProblemAt = (path, message, fix, received) =>
    received === undefined
      ? { rule: name, path, message, fix }
      : { rule: name, path, message, fix, received };
  return { name, why, check: (answers) => check(answers, problem) };
}

/** Reports every later occurrence of a repeated key. */
export function duplicates<T>(
  problem: ProblemAt,
  items: { key: T | undefined; path: string; shown: unknown }[],
  what: string,
): Problem[] {
  const first = new Map<T, string>();
  const out: Problem[] = [];
  for (const item of items) {
    if (item.key === undefined) continue;
    const seen = first.get(item.key);
    if (seen) {
      out.push(
        problem(
          item.path,
          `repeats the ${what} of ${seen}`,
          `give it a unique ${what}`,
          item.shown,
        ),
      );
    } else first.set(item.key, item.path);
  }
  return out;
}
