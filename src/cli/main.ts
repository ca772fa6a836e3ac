#!/usr/bin/env node
/**
 * aws-baseline CLI entry. Parses arguments, runs one command, and is the single error boundary:
 * commands and the library throw; only this file chooses what is printed on failure and the exit
 * code. Each command group registers itself (src/cli/commands/*) and imports its action
 * (src/cli/actions/*) only when it runs, so `--help` does not load cdktf.
 */
import { Command } from "commander";
import { BaselineError, environmentError, EXIT_CODES } from "../errors.js";
import { VERSION } from "../version.js";
import { registerAccounts } from "./commands/accounts.js";
import { registerBootstrap } from "./commands/bootstrap.js";
import { registerDefaultVpcs } from "./commands/default-vpcs.js";
import { registerInit } from "./commands/init.js";
import { registerReference } from "./commands/reference.js";
import { registerRun } from "./commands/run.js";
import { registerStacks } from "./commands/stacks.js";
import { registerSynth } from "./commands/synth.js";
import { registerValidate } from "./commands/validate.js";
import { createIo, type Io } from "./io.js";

let io: Io = createIo({ json: false });

export function buildProgram(): Command {
  const program = new Command("aws-baseline")
    .version(VERSION, "-V, --version")
    .description(
      "Generate the 'first 5 minutes' AWS organization baseline as CDK for Terraform stacks,\n" +
        "check it offline with Terraform, and keep it true.",
    )
    .option("--no-color", "disable colours (also: NO_COLOR=1)")
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Typical flow:
  $ aws-baseline validate -c aws-baseline.json        check the answers, list the stacks
  $ aws-baseline synth -c aws-baseline.json           write cdktf.out/stacks/<stack>/cdk.tf.json
  $ aws-baseline synth --tf-validate always \\
      --plugin-dir /opt/tf-plugins                     ...and check every stack with terraform offline

Then, against AWS (or an emulator with --endpoint-url):
  $ aws-baseline deploy                                 plan, confirm, apply in order
  $ aws-baseline drift                                  in sync? (exit 2 when not)

Exit codes: 0 ok, 1 invalid input or failed check, 2 drift (drift, plan --detailed-exitcode,
default-vpcs --dry-run), 3 environment problem (e.g. terraform missing), 4 internal error,
130 aborted.`,
    );

  program.hook("preAction", (_root, command) => {
    const opts = command.optsWithGlobals() as { json?: boolean; color?: boolean };
    io = createIo({ json: opts.json ?? false, color: opts.color === false ? false : undefined });
  });

  const current = () => io;
  for (const register of [
    registerInit,
    registerValidate,
    registerSynth,
    registerRun,
    registerStacks,
    registerBootstrap,
    registerAccounts,
    registerDefaultVpcs,
    registerReference,
  ])
    register(program, current);

  return program;
}

/** The error boundary: render, pick the exit code. */
async function report(error: unknown): Promise<number> {
  const known = error instanceof BaselineError ? error : environmentError(error);
  const kind = known?.kind ?? "internal";
  if (io.json && !io.resultWritten) {
    const body = known
      ? {
          code: known.code,
          kind,
          message: known.message,
          hint: known.hint,
          problems: known.problems,
        }
      : { code: "INTERNAL", kind, message: String((error as Error)?.message ?? error) };
    process.stdout.write(`${JSON.stringify({ ok: false, error: body }, null, 2)}\n`);
    return EXIT_CODES[kind];
  }
  const c = io.color;
  if (known) {
    io.error(`${c.red("error")} ${c.dim(`[${known.code}]`)} ${known.message}`);
    if (known.problems.length > 0) {
      const { renderProblems } = await import("./render.js"); // lazy: pulls in the table library
      io.error(renderProblems(known.problems, c));
    }
    if (known.hint) io.error(known.hint);
  } else {
    io.error(`${c.red("internal error")} ${(error as Error)?.stack ?? String(error)}`);
    io.error("This is a bug in aws-baseline; please report it with the command you ran.");
  }
  return EXIT_CODES[kind];
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = await report(error);
}
