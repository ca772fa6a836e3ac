/** The JSON Schema for answers files, generated from the zod schema (never edited by hand). */
import { z } from "zod";
import { AnswersSchema } from "./schema.js";

/** Where the committed copy lives, relative to the package root. */
export const JSON_SCHEMA_PATH = "templates/answers.schema.json";

export function answersJsonSchema(): Record<string, unknown> {
  // io: "input" describes what users write: keys with defaults are optional.
  return z.toJSONSchema(AnswersSchema, { io: "input", target: "draft-2020-12" }) as Record<
    string,
    unknown
  >;
}

export function answersJsonSchemaText(): string {
  return `${JSON.stringify(answersJsonSchema(), null, 2)}\n`;
}
