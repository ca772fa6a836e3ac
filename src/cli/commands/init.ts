/**
 * `aws-baseline init`: generate a project from the wizard, an answers file, a preset or flags.
 * Registration only (options, help): the action is imported when the command runs.
 */
import { type Command, Option } from "commander";
import { type Question, QUESTIONS } from "../../generator/questions.js";
import { type CurrentIo, jsonOption } from "../options.js";

export function registerInit(program: Command, io: CurrentIo): void {
  const init = program
    .command("init")
    .argument("[dir]", "project folder", ".")
    .description(
      "generate a baseline project: ask about 15 questions (or take them from --answers, --preset, flags), then write it",
    )
    .addOption(
      new Option(
        "--answers <file>",
        "take every answer from this answers file (no questions; reproducible)",
      ),
    )
    .addOption(
      new Option("--preset <name>", "start from a bundled preset: minimal | standard | regulated"),
    )
    .addOption(new Option("-y, --yes", "accept defaults for everything not given; never ask"))
    .addOption(
      new Option(
        "--force",
        "also replace files you own (answers, main.ts, package.json, cdktf.json)",
      ),
    )
    .addOption(
      new Option(
        "--package-spec <spec>",
        "the aws-baseline dependency in package.json, as given (e.g. ^0.1.0 once published, a tarball, a git URL); default: the registry range when installed from the registry, else a packed copy in vendor/",
      ).env("AWS_BASELINE_PACKAGE_SPEC"),
    )
    .addOption(jsonOption());
  for (const question of QUESTIONS)
    if (question.flag) init.option(question.flag, flagHelp(question));
  init
    .addHelpText(
      "after",
      `
Examples:
  $ aws-baseline init acme                                   interactive wizard
  $ aws-baseline init --answers clients/acme.json out/acme   consultant flow: same answers, same files
  $ aws-baseline init --preset regulated --name "Acme" --email-pattern "aws+{name}@acme.example" \\
      --alarm-emails sec@acme.example --yes acme

Without a terminal, init never waits for input: it fails and names the answers it is missing.
Files with the marker line (README.md, .gitignore, drift.yml) are refreshed on every run; files you
own are written once and replaced only with --force. A re-run whose answers differ from the
project's aws-baseline.json lists the changes and asks before replacing it; without a terminal it
writes nothing and exits 1 unless --force is given.`,
    )
    .action(async (dir: string, opts) => {
      const { initCommand } = await import("../actions/init.js");
      await initCommand(dir, opts, io());
    });
}

/** A question's flag help: its message, and the values a select or multiselect takes. */
function flagHelp(question: Question): string {
  const values = question.choices?.map((c) => c.value).join(", ");
  if (!values) return question.message;
  return question.kind === "multiselect"
    ? `${question.message}: any of ${values} (comma-separated), or none`
    : `${question.message}: ${values}`;
}
