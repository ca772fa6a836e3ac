/**
 * The answers-schema checks behind the generator's questions. Kept apart from questions.ts so
 * that declaring `init`'s flags does not load zod on every CLI start.
 */
import { problemsFromIssues, schemaAt } from "../answers/problems.js";
import { AnswersSchema } from "../answers/schema.js";
import type { AnswersPath } from "../answers/paths.js";
import type { Draft, Question } from "./questions.js";

/**
 * Validates one value with the schema at `path`, the same rule as in an answers file. `draft`
 * picks the branch of discriminated unions (e.g. the S3 state settings).
 */
export function checkWithSchema(
  path: AnswersPath,
  value: unknown,
  draft?: Draft,
): string | undefined {
  const schema = schemaAt(AnswersSchema, path.split("."), draft);
  if (!schema || value === undefined) return undefined;
  const result = (
    schema as unknown as { safeParse: (v: unknown) => { success: boolean; error?: { issues: [] } } }
  ).safeParse(value);
  if (result.success) return undefined;
  const [problem] = problemsFromIssues(schema, result.error?.issues ?? [], value);
  return problem ? `${problem.message} (${problem.fix})` : "invalid value";
}

/** The question's own check, after the generic ones: a select's value (a multiselect's values) are among its choices. */
export function checkAnswer(question: Question, value: unknown, draft: Draft): string | undefined {
  // Enter on an empty required answer: ask again now, rather than fail after the last question.
  if (question.required && (value === undefined || value === "")) {
    const example = question.placeholder?.({ dirName: "example" });
    return `an answer is required here${example ? ` (for example ${example})` : ""}`;
  }
  if (question.kind === "select" && !question.choices?.some((c) => c.value === value)) {
    return `use one of: ${question.choices?.map((c) => c.value).join(", ")}`;
  }
  if (question.kind === "multiselect") {
    const unknown = (value as string[]).filter(
      (v) => !question.choices?.some((c) => c.value === v),
    );
    if (unknown.length > 0)
      return `${unknown.map((v) => `"${v}"`).join(", ")} is not a choice: use any of ${question.choices?.map((c) => c.value).join(", ")}, or none`;
  }
  return question.check(value, draft, checkWithSchema);
}
