/** Answers in, validated BaselineConfig out: schema phase, then semantic rules, then resolution. */
import { readFile } from "node:fs/promises";
import { emulatorFor } from "./emulator.js";
import { BaselineError } from "../errors.js";
import { problemsFromIssues, type Problem } from "./problems.js";
import { resolveConfig, type BaselineConfig } from "./resolve.js";
import { checkRules } from "./rules.js";
import { AnswersSchema, type Answers } from "./schema.js";

export type ValidationResult =
  | { readonly ok: true; readonly answers: Answers; readonly config: BaselineConfig }
  | {
      readonly ok: false;
      readonly phase: "schema" | "rules";
      readonly problems: readonly Problem[];
    };

/**
 * Validates answers in two phases. Structure first (types, formats, unknown keys): every schema
 * problem at once. Only structurally sound answers reach the semantic rules, which again report
 * every problem at once.
 */
export function validateAnswers(data: unknown): ValidationResult {
  const shape = shapeProblems(data);
  // Too deep: nothing else may walk it. Prototype keys: reported with every schema problem.
  if (shape.some((p) => p.message.startsWith("nests deeper"))) {
    return { ok: false, phase: "schema", problems: shape };
  }
  const parsed = AnswersSchema.safeParse(data, { reportInput: true });
  if (!parsed.success || shape.length > 0) {
    return {
      ok: false,
      phase: "schema",
      problems: [
        ...shape,
        ...(parsed.success ? [] : problemsFromIssues(AnswersSchema, parsed.error.issues, data)),
      ],
    };
  }
  const problems = checkRules(parsed.data);
  if (problems.length > 0) return { ok: false, phase: "rules", problems };
  return { ok: true, answers: parsed.data, config: resolveConfig(parsed.data) };
}

/** Deeper than any answers file needs: the schema's own depth is about 6. */
export const MAX_ANSWERS_DEPTH = 32;

/** Keys that JSON can carry but a JavaScript object would silently turn into its prototype. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * What the schema cannot report safely: nesting deeper than MAX_ANSWERS_DEPTH (a hostile file
 * could exhaust the stack of every recursive step after parsing) and prototype keys, which
 * records would otherwise drop without a word. Walks iteratively, so depth itself cannot crash it.
 */
function shapeProblems(data: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value: data, path: "", depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as (typeof stack)[number];
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_ANSWERS_DEPTH) {
      problems.push({
        path: path || "(top level)",
        message: `nests deeper than ${MAX_ANSWERS_DEPTH} levels`,
        fix: "answers files are shallow (about 6 levels); remove the nested arrays or objects",
        rule: "schema",
      });
      break;
    }
    for (const [key, item] of Object.entries(value)) {
      const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key)) {
        problems.push({
          path: at,
          message: "is not an allowed key",
          received: key,
          fix: "remove it (it is a JavaScript prototype key, never an account, OU or setting name)",
          rule: "schema",
        });
      }
      stack.push({ value: item, path: at, depth: depth + 1 });
    }
  }
  return problems;
}

/** Reads and parses an answers file; errors name the file and, for bad JSON, the line. */
export async function readAnswersFile(file: string): Promise<unknown> {
  return (await readAnswersText(file)).data;
}

/** The answers file's text (for byte-preserving edits) and its parsed content. */
export async function readAnswersText(file: string): Promise<{ text: string; data: unknown }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? `answers file not found: ${file}`
        : code === "EISDIR"
          ? `${file} is a folder, not an answers file`
          : `cannot read answers file ${file}: ${(cause as Error).message}`;
    throw new BaselineError("ANSWERS_NOT_FOUND", why, {
      cause,
      hint: "pass --config FILE, or create one with `aws-baseline init`",
    });
  }
  try {
    // A UTF-8 byte-order mark (some Windows editors write one) is not part of the JSON.
    return { text, data: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (cause) {
    const message = (cause as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? lineColumn(text, Number(at[1])) : "";
    throw new BaselineError("ANSWERS_NOT_JSON", `${file}${where} is not valid JSON: ${message}`, {
      cause,
      hint: "answers files are JSON; an editor that knows the $schema shows the mistake",
    });
  }
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position).split("\n");
  return `:${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

/** Reads, validates and resolves an answers file, or throws ANSWERS_INVALID with every problem. */
export async function loadConfig(file: string): Promise<BaselineConfig> {
  return configFrom(file, await readAnswersFile(file));
}

/** loadConfig, with the emulator of --endpoint-url / AWS_BASELINE_ENDPOINT_URL over the answers'. */
export async function loadConfigFor(file: string, endpointUrl?: string): Promise<BaselineConfig> {
  const config = await loadConfig(file);
  return { ...config, emulator: emulatorFor(endpointUrl, config.emulator) };
}

/** Validates parsed answers from `file`, or throws ANSWERS_INVALID with every problem. */
export function configFrom(file: string, data: unknown): BaselineConfig {
  const result = validateAnswers(data);
  if (!result.ok) {
    throw new BaselineError(
      "ANSWERS_INVALID",
      `${file}: ${result.problems.length} problem(s) found`,
      { problems: result.problems },
    );
  }
  return result.config;
}
