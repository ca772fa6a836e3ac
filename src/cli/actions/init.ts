/** `aws-baseline init [DIR]`: answers (wizard, file, preset, flags) -> a generated project. */
import { existsSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import pc from "picocolors";
import { readAnswersFile } from "../../answers/load.js";
import { BaselineError } from "../../errors.js";
import {
  ANSWERS_FILE,
  type AnswersDraft,
  mergeAnswers,
  packageDependency,
  readPreset,
  renderProject,
  writeProject,
  writeVendoredPackage,
} from "../../generator/project.js";
import { choosePackageSource, packedTarball, VENDOR_SPEC } from "../../generator/package-source.js";
import { prefixFrom } from "../../answers/names.js";
import { QUESTIONS } from "../../generator/questions.js";
import { answersFileChanges, type AnswersFileChanges } from "../../generator/answers-changes.js";
import { summarize } from "../../generator/summary.js";
import { collectValidAnswers } from "../../generator/wizard.js";
import type { Colors, Io } from "../io.js";
import { confirmWrite, terminalPrompter } from "../prompter.js";
import { renderAnswerChanges, renderInitResult, renderProblems, renderSummary } from "../render.js";

export interface InitFlags {
  readonly answers?: string;
  readonly preset?: string;
  readonly yes?: boolean;
  readonly force?: boolean;
  /** --package-spec / AWS_BASELINE_PACKAGE_SPEC: the aws-baseline dependency, as given. */
  readonly packageSpec?: string;
  readonly [questionFlag: string]: unknown;
}

/** Base answers: an answers file, else the project's own answers (re-run), under an optional preset. */
async function baseAnswers(target: string, flags: InitFlags): Promise<AnswersDraft> {
  const own = join(target, ANSWERS_FILE);
  const file = flags.answers ?? (existsSync(own) ? own : undefined);
  const base = file ? ((await readAnswersFile(file)) as AnswersDraft) : {};
  return flags.preset ? mergeAnswers(await readPreset(flags.preset), base) : base;
}

export async function initCommand(
  dir: string | undefined,
  flags: InitFlags,
  io: Io,
): Promise<void> {
  const target = resolve(dir ?? ".");
  const interactive =
    !flags.yes &&
    !flags.answers &&
    !io.json &&
    Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const questionFlags = Object.fromEntries(
    QUESTIONS.flatMap((q) => (flags[q.id] === undefined ? [] : [[q.id, flags[q.id]]])),
  );

  const { answers, placeholders, config } = await collectValidAnswers(
    await baseAnswers(target, flags),
    {
      interactive,
      acceptDefaults: flags.yes === true,
      flags: questionFlags,
      dirName: prefixFrom(basename(target)) ?? "my-org",
      prompter: interactive ? terminalPrompter(io.color) : undefined,
      onProblems: (problems) =>
        io.error(`\n${renderProblems(problems, io.color)}\nPlease answer these again:`),
    },
  );

  const summary = await summarize(config);
  const where = relative(process.cwd(), target) || ".";
  if (!io.json) io.progress(renderSummary(summary, io.color));
  const changed = await answersFileChanges(target, answers);
  const replace = changed ? await replaceAnswers(changed, { interactive, where, flags, io }) : [];
  // Replacing the answers was asked already (unless --force decided it).
  const confirmed = changed !== undefined && !flags.force;
  if (!confirmed && interactive && !(await confirmWrite(`Write the project to ${where}?`))) {
    throw new BaselineError("ABORTED", "init cancelled: nothing was written");
  }
  const source = choosePackageSource(flags.packageSpec);
  const files = await renderProject(answers, config, { packageSpec: source.spec });
  const written = await writeProject(target, files, { force: flags.force, replace });
  // The tarball only where package.json (which may be the user's, kept) depends on it.
  const dependency = await packageDependency(target);
  if (source.kind === "vendor" && dependency === VENDOR_SPEC) {
    written.push(
      ...(await writeVendoredPackage(target, await packedTarball(), { force: flags.force })),
    );
  }
  const pkg = {
    dependency,
    ...(dependency === source.spec
      ? { why: source.why }
      : {
          note: `package.json is yours and kept: it depends on ${dependency === undefined ? "no aws-baseline" : `aws-baseline ${JSON.stringify(dependency)}`} (init would write ${JSON.stringify(source.spec)}: ${source.why}); edit that dependency and run init again, or pass --force to rewrite package.json`,
        }),
  };
  io.result({ ok: true, dir: where, files: written, package: pkg, placeholders, summary }, () =>
    renderInitResult(where, written, placeholders, io.color, pkg),
  );
}

/**
 * The project's answers file holds other answers than these: never keep it and report success.
 * --force replaces it (the changes are shown); a terminal asks (default no); anything else
 * (--yes, --answers, --json, no terminal) stops with the changes, and nothing is written.
 */
async function replaceAnswers(
  changed: AnswersFileChanges,
  o: { interactive: boolean; where: string; flags: InitFlags; io: Io },
): Promise<string[]> {
  const { io } = o;
  const file = relative(process.cwd(), changed.file) || ANSWERS_FILE;
  // Coloured on the terminal; plain in the error, which --json carries as text.
  const what = (c: Colors) =>
    changed.unreadable
      ? `${file} is not valid JSON (${changed.unreadable})`
      : `${file} holds other answers:\n${renderAnswerChanges(changed.changes, c)}`;
  if (o.flags.force) {
    io.progress(
      `${what(io.color)}\n${io.color.yellow("--force: replacing it with these answers")}`,
    );
    return [ANSWERS_FILE];
  }
  if (o.interactive) {
    io.progress(what(io.color));
    if (
      await confirmWrite(`Replace ${ANSWERS_FILE} with these answers and write ${o.where}?`, false)
    )
      return [ANSWERS_FILE];
    throw new BaselineError(
      "ABORTED",
      `init cancelled: ${ANSWERS_FILE} keeps its answers, and nothing was written`,
    );
  }
  throw new BaselineError(
    "ANSWERS_DIFFER",
    `${what(pc.createColors(false))}\nNothing was written.`,
    {
      hint: `pass --force to replace ${file} with these answers, or edit ${file} and run init again`,
    },
  );
}
