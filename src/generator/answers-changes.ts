/**
 * What re-running `init` would change in a project's answers file, as key paths
 * (`regions.home: "us-east-1" → "eu-central-1"`), so new answers are never dropped in silence and
 * an answers file is never replaced without the user seeing what changes.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { validateAnswers } from "../answers/load.js";
import { ANSWERS_FILE, type AnswersDraft } from "./project.js";

/** One answer that differs; `undefined` on a side means the key is not set there. */
export interface AnswerChange {
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Written by the generator itself, not answers: never a difference. */
const NOT_ANSWERS = new Set(["$schema", "generatedBy"]);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The answers that differ between two answers documents, by key path. Objects and lists of
 * objects (accounts) are compared key by key; any other value (a region list) is one change.
 */
export function answerChanges(before: unknown, after: unknown, path = ""): AnswerChange[] {
  if (isDeepStrictEqual(before, after)) return [];
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .filter((key) => path !== "" || !NOT_ANSWERS.has(key))
      .flatMap((key) => answerChanges(before[key], after[key], path ? `${path}.${key}` : key));
  }
  const objects = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(isRecord);
  if (Array.isArray(before) && Array.isArray(after) && (objects(before) || objects(after))) {
    return Array.from({ length: Math.max(before.length, after.length) }, (_, i) =>
      answerChanges(before[i], after[i], `${path}[${i}]`),
    ).flat();
  }
  return [{ path: path || "(top level)", before, after }];
}

function withoutGeneratorKeys(doc: unknown): unknown {
  if (!isRecord(doc)) return doc;
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !NOT_ANSWERS.has(key)));
}

export interface AnswersFileChanges {
  /** The answers file in the project folder. */
  readonly file: string;
  /** What would change; `unreadable` when the file is not JSON (the whole file would change). */
  readonly changes: readonly AnswerChange[];
  readonly unreadable?: string;
}

/**
 * How the project's answers file differs from `answers`, or undefined when there is no file or
 * it holds the same answers. Files that differ only where defaults apply (a key left out that
 * the new answers spell out with its default value) hold the same answers.
 */
export async function answersFileChanges(
  dir: string,
  answers: AnswersDraft,
): Promise<AnswersFileChanges | undefined> {
  const file = join(dir, ANSWERS_FILE);
  if (!existsSync(file)) return undefined;
  let existing: unknown;
  try {
    existing = JSON.parse((await readFile(file, "utf8")).replace(/^\uFEFF/, ""));
  } catch (error) {
    return { file, changes: [], unreadable: (error as Error).message };
  }
  const changes = answerChanges(existing, answers);
  if (changes.length === 0) return undefined;
  const was = validateAnswers(withoutGeneratorKeys(existing));
  const now = validateAnswers(withoutGeneratorKeys(answers));
  if (was.ok && now.ok && isDeepStrictEqual(was.answers, now.answers)) return undefined;
  return { file, changes };
}
