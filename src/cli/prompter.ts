/** The generator's questions asked in a terminal with `prompts`. */
import prompts, { type PromptObject } from "prompts";
import { BaselineError } from "../errors.js";
import type { Question } from "../generator/questions.js";
import { CANCELLED, type Prompter } from "../generator/wizard.js";
import type { Colors } from "./io.js";

function promptFor(
  question: Question,
  initial: unknown,
  validate: (raw: unknown) => string | true,
): PromptObject {
  const base = { name: "value", message: question.message, validate };
  switch (question.kind) {
    case "list":
      return {
        ...base,
        type: "list",
        separator: ",",
        initial: Array.isArray(initial) ? initial.join(", ") : "",
      };
    case "number":
      return {
        ...base,
        type: "number",
        float: true,
        initial: typeof initial === "number" ? initial : undefined,
      };
    case "confirm":
      return { ...base, type: "confirm", initial: initial === true };
    case "select": {
      const choices = (question.choices ?? []).map((c) => ({ title: c.title, value: c.value }));
      return {
        ...base,
        type: "select",
        choices,
        initial: Math.max(
          0,
          choices.findIndex((c) => c.value === initial),
        ),
      };
    }
    case "multiselect": {
      const chosen = Array.isArray(initial) ? initial : [];
      return {
        ...base,
        type: "multiselect",
        instructions: false,
        hint: "space toggles, enter accepts",
        choices: (question.choices ?? []).map((c) => ({
          title: c.title,
          value: c.value,
          description: c.description,
          selected: chosen.includes(c.value),
        })),
      };
    }
    default:
      return { ...base, type: "text", initial: typeof initial === "string" ? initial : "" };
  }
}

export function terminalPrompter(color: Colors): Prompter {
  return {
    section(title) {
      process.stdout.write(`\n${color.bold(color.cyan(title))}\n`);
    },
    async ask(question, initial, validate) {
      for (let shown = initial; ;) {
        let cancelled = false;
        const { value } = await prompts(promptFor(question, shown, validate), {
          onCancel: () => {
            cancelled = true;
            return false;
          },
        });
        if (cancelled) return CANCELLED;
        // prompts validates every kind itself except multiselect: ask again with the choice kept.
        const verdict = question.kind === "multiselect" ? validate(value) : true;
        if (verdict === true) return value;
        process.stdout.write(`${color.red(`✖ ${verdict}`)}\n`);
        shown = value;
      }
    },
  };
}

/** Yes/no before writing; Ctrl-C counts as no. */
export async function confirmWrite(message: string, initial = true): Promise<boolean> {
  const { value } = await prompts(
    { type: "confirm", name: "value", message, initial },
    { onCancel: () => false },
  );
  return value === true;
}

/**
 * The gate before a change to real infrastructure: --yes passes, a terminal asks, anything else
 * (CI, --json, piped input) stops with a hint rather than waiting or guessing.
 */
export async function confirmOrStop(
  io: { readonly json: boolean },
  o: { yes?: boolean; command: string; question: string; hint: string; refused: string },
): Promise<void> {
  if (o.yes) return;
  if (!process.stdin.isTTY || !process.stdout.isTTY || io.json) {
    throw new BaselineError(
      "CONFIRMATION_NEEDED",
      `${o.command} needs confirmation, and there is no terminal to ask`,
      { hint: o.hint },
    );
  }
  if (!(await confirmWrite(o.question))) throw new BaselineError("ABORTED", o.refused);
}
