/**
 * Walks the questions over a draft of answers. Interactively, every question is asked with its
 * current or default answer shown, and each answer is validated as it is typed. Otherwise flags
 * and the draft answer, defaults fill the rest, and a required answer that is still missing is an
 * error naming the flag to pass; with --yes a clearly fake placeholder is used instead.
 */
import { validateAnswers } from "../answers/load.js";
import type { Problem } from "../answers/problems.js";
import type { BaselineConfig } from "../answers/resolve.js";
import { BaselineError } from "../errors.js";
import type { AnswersDraft } from "./project.js";
import { parseInput, QUESTIONS, type Draft, type Question } from "./questions.js";
import { checkAnswer } from "./schema-check.js";

export const CANCELLED = Symbol("cancelled");

/** The one seam between the wizard and a terminal (prompts in production, scripted in tests). */
export interface Prompter {
  /** Shows a group heading. */
  section(title: string): void;
  /** Asks until `validate` accepts; returns the raw answer or CANCELLED (Ctrl-C, Esc). */
  ask(
    question: Question,
    initial: unknown,
    validate: (raw: unknown) => string | true,
  ): Promise<unknown>;
}

export interface CollectOptions {
  readonly interactive: boolean;
  /** --yes: accept defaults and placeholders for everything not given. */
  readonly acceptDefaults: boolean;
  /** Raw flag values by question id. */
  readonly flags: Readonly<Record<string, unknown>>;
  readonly dirName: string;
  readonly prompter?: Prompter;
  /** Questions to use. @default QUESTIONS */
  readonly questions?: readonly Question[];
  /** Called with the problems before questions are asked again (interactive only). */
  readonly onProblems?: (problems: readonly Problem[]) => void;
}

export interface CollectResult {
  readonly answers: AnswersDraft;
  /** Question ids answered with a placeholder (only with --yes). */
  readonly placeholders: readonly string[];
}

function flagName(question: Question): string {
  return (question.flag ?? `--${question.id}`).split(" ")[0] as string;
}

export async function collectAnswers(
  base: AnswersDraft,
  options: CollectOptions,
): Promise<CollectResult> {
  const draft: Draft = structuredClone(base);
  draft.version ??= 1;
  const flagProblems: Problem[] = [];
  const missing: Question[] = [];
  const placeholders: string[] = [];
  let section = "";

  for (const question of options.questions ?? QUESTIONS) {
    if (question.skip?.(draft)) continue;
    const flag = options.flags[question.id];
    if (flag !== undefined) {
      const value = parseInput(question, flag);
      const error = checkAnswer(question, value, draft);
      if (error) {
        flagProblems.push({
          path: flagName(question),
          message: error,
          received: flag,
          fix: `pass a valid ${flagName(question)}`,
          rule: "flags",
        });
      } else question.apply(value, draft);
      continue;
    }
    const current = question.read(draft);
    if (options.interactive && options.prompter) {
      if (question.group !== section) options.prompter.section((section = question.group));
      const initial = current ?? question.fallback(draft);
      const raw = await options.prompter.ask(
        question,
        initial,
        (input) => checkAnswer(question, parseInput(question, input), draft) ?? true,
      );
      if (raw === CANCELLED)
        throw new BaselineError("ABORTED", "init cancelled: nothing was written");
      question.apply(parseInput(question, raw), draft);
      continue;
    }
    if (current !== undefined) continue;
    const fallback = question.fallback(draft);
    if (fallback !== undefined) question.apply(fallback, draft);
    else if (question.required && options.acceptDefaults && question.placeholder) {
      question.apply(question.placeholder({ dirName: options.dirName }), draft);
      placeholders.push(question.id);
    } else if (question.required) missing.push(question);
  }

  if (flagProblems.length > 0) {
    throw new BaselineError("ANSWERS_INVALID", `${flagProblems.length} flag value(s) are invalid`, {
      problems: flagProblems,
    });
  }
  if (missing.length > 0) {
    throw new BaselineError(
      "ANSWERS_INVALID",
      `no terminal to ask in, and ${missing.length} required answer(s) are missing`,
      {
        problems: missing.map((q) => ({
          path: flagName(q),
          message: `is required (${q.message})`,
          fix: `pass ${q.flag}`,
          rule: "init",
        })),
        hint: "run init in a terminal, pass the flags above, use --answers FILE, or --yes for placeholders",
      },
    );
  }
  return { answers: draft, placeholders };
}

/** Keys two paths share: "accounts[2].email" lies under "accounts"; "regions.home" under "regions.home". */
function within(problemPath: string, covers: string): boolean {
  return (
    problemPath === covers ||
    problemPath.startsWith(`${covers}.`) ||
    problemPath.startsWith(`${covers}[`)
  );
}

export interface ValidAnswers extends CollectResult {
  readonly config: BaselineConfig;
}

/**
 * Collects answers and validates them as a whole (the semantic rules need every answer). When
 * the wizard is interactive and rules fail, it shows the problems and asks again only the
 * questions behind them, keeping every other answer; otherwise the problems are an error.
 */
export async function collectValidAnswers(
  base: AnswersDraft,
  options: CollectOptions,
): Promise<ValidAnswers> {
  const questions = options.questions ?? QUESTIONS;
  let draft = base;
  let ask: readonly Question[] = questions;
  for (let round = 0; ; round++) {
    const collected = await collectAnswers(draft, { ...options, questions: ask });
    const result = validateAnswers(collected.answers);
    if (result.ok) return { ...collected, config: result.config };
    const again = questions.filter((q) =>
      result.problems.some((p) => within(p.path, q.covers) || q.alsoFixes?.includes(p.rule)),
    );
    if (!options.interactive || again.length === 0 || round >= 2) {
      throw new BaselineError(
        "ANSWERS_INVALID",
        `the answers have ${result.problems.length} problem(s)`,
        { problems: result.problems },
      );
    }
    options.onProblems?.(result.problems);
    draft = collected.answers;
    ask = again;
  }
}
