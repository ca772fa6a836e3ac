#!/usr/bin/env node
/**
 * aws-baseline CLI entry. Parses arguments, runs one command, and is the single error boundary:
 * commands and the library throw; only this file chooses what is printed on failure and the exit
 * code. Command modules are imported lazily so `--help` does not load cdktf.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { BaselineError, EXIT_CODES } from "../errors.js";
import { QUESTIONS } from "../generator/questions.js";
import { VERSION } from "../version.js";
import { createIo, type Io } from "./io.js";

const DEFAULT_CONFIG = "aws-baseline.json";
const DEFAULT_OUT = "cdktf.out";

let io: Io = createIo({ json: false });

function configOption(): Option {
  return new Option("-c, --config <file>", "answers file")
    .default(DEFAULT_CONFIG)
    .env("AWS_BASELINE_CONFIG");
}

function jsonOption(): Option {
  return new Option("--json", "print the result as JSON on stdout (progress stays on stderr)");
}

function terraformBinOption(): Option {
  return new Option(
    "--terraform-bin <command>",
    "terraform or tofu binary (default: answers terraform.binary)",
  ).env("AWS_BASELINE_TERRAFORM");
}

function pluginDirOption(): Option {
  return new Option(
    "--plugin-dir <dir>",
    "provider mirror for air-gapped init (holds registry.terraform.io/)",
  ).env("TF_PLUGIN_DIR");
}

function endpointOption(): Option {
  return new Option(
    "--endpoint-url <url>",
    "emulator mode: send every AWS call to this local emulator (LocalStack-style)",
  ).env("AWS_BASELINE_ENDPOINT_URL");
}

function awsOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--profile <name>", "AWS profile (standard chain: env, SSO, roles)").env(
        "AWS_PROFILE",
      ),
    )
    .addOption(endpointOption());
}

/** Options shared by plan, deploy and drift. */
function runOptions(command: Command): Command {
  return command
    .addOption(configOption())
    .addOption(new Option("-o, --out <dir>", "synth output folder").default(DEFAULT_OUT))
    .addOption(new Option("--no-synth", "use the stacks already in --out (from manifest.json)"))
    .addOption(
      new Option(
        "-s, --stack <name...>",
        "only these stacks (their dependencies count as applied)",
      ),
    )
    .addOption(
      new Option("--concurrency <n>", "independent stacks run in parallel, at most this many")
        .default(2)
        .argParser(positiveInt),
    )
    .addOption(terraformBinOption())
    .addOption(pluginDirOption())
    .addOption(
      new Option(
        "--logs-dir <dir>",
        "full terraform output, one <stack>.log per stack (default: .aws-baseline/logs/<command>-<time> beside --out)",
      ),
    )
    .addOption(endpointOption())
    .addOption(jsonOption());
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number >= 1");
  return n;
}

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

Exit codes: 0 ok, 1 invalid input or failed check, 2 drift (drift, plan --detailed-exitcode),
3 environment problem (e.g. terraform missing), 4 internal error, 130 aborted.`,
    );

  program.hook("preAction", (_root, command) => {
    const opts = command.optsWithGlobals() as { json?: boolean; color?: boolean };
    io = createIo({ json: opts.json ?? false, color: opts.color === false ? false : undefined });
  });

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
    .addOption(jsonOption());
  for (const question of QUESTIONS) if (question.flag) init.option(question.flag, question.message);
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
own are written once and replaced only with --force.`,
    )
    .action(async (dir: string, opts) => {
      const { initCommand } = await import("./commands/init.js");
      await initCommand(dir, opts, io);
    });

  program
    .command("validate")
    .description(
      "check an answers file: structure first, then the semantic rules; report every problem at once",
    )
    .addOption(configOption())
    .addOption(jsonOption())
    .addHelpText("after", "\nExample:\n  $ aws-baseline validate --config clients/acme.json --json")
    .action(async (opts: { config: string }) => {
      const { validateCommand } = await import("./commands/validate.js");
      await validateCommand(opts, io);
    });

  program
    .command("synth")
    .description(
      "synthesize one Terraform stack per account and area into --out (atomic, deterministic)",
    )
    .addOption(configOption())
    .addOption(new Option("-o, --out <dir>", "output folder").default(DEFAULT_OUT))
    .addOption(new Option("--force", "replace --out even if it is not an aws-baseline output"))
    .addOption(
      new Option(
        "--tf-validate <when>",
        "run terraform init+validate on every stack: always | auto (when terraform is found) | never",
      )
        .choices(["always", "auto", "never"])
        .default("never"),
    )
    .addOption(terraformBinOption())
    .addOption(pluginDirOption())
    .addOption(
      new Option("--concurrency <n>", "stacks validated in parallel")
        .default(2)
        .argParser(positiveInt),
    )
    .addOption(endpointOption())
    .addOption(jsonOption())
    .addHelpText(
      "after",
      `
Examples:
  $ aws-baseline synth --config aws-baseline.json --out cdktf.out
  $ aws-baseline synth --tf-validate always --plugin-dir /opt/tf-plugins --json

Stacks whose account ID is not known yet are listed as waiting, never synthesized with a placeholder.`,
    )
    .action(async (opts) => {
      const { synthCommand } = await import("./commands/synth.js");
      await synthCommand(opts, io);
    });

  runOptions(
    program
      .command("plan")
      .description(
        "synthesize, then terraform init + plan every stack in dependency order; summary per stack",
      )
      .addOption(new Option("--detailed-exitcode", "exit 2 when any stack has changes")),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ aws-baseline plan                          every stack, 2 at a time
  $ aws-baseline plan --stack org --json       one stack, machine-readable
  $ aws-baseline plan --terraform-bin tofu     with OpenTofu

Plans are saved next to each stack (aws-baseline.tfplan); deploy applies exactly what it planned.`,
    )
    .action(async (opts) => {
      const { planCommand } = await import("./commands/run.js");
      await planCommand(opts, io);
    });

  runOptions(
    program
      .command("deploy")
      .description(
        "plan, refuse deletes of protected resources, confirm, then apply the saved plans in order",
      )
      .addOption(new Option("-y, --yes", "apply without asking (required without a terminal)"))
      .addOption(
        new Option(
          "--allow-destroy",
          "allow plans that delete or replace accounts, the organization, the trail, log buckets or KMS keys",
        ),
      ),
  )
    .addHelpText(
      "after",
      `
First run on a new organization: deploy applies the org stack, records the new account and
organization IDs in the answers file (as \`accounts sync\` does), synthesizes again and continues
with the member-account stacks, all in one run.

Examples:
  $ aws-baseline deploy                        plan, show, ask, apply
  $ aws-baseline deploy --yes --stack baseline-dev`,
    )
    .action(async (opts) => {
      const { deployCommand } = await import("./commands/run.js");
      await deployCommand(opts, io);
    });

  runOptions(
    program
      .command("drift")
      .description(
        "per stack: what changed outside Terraform (refresh-only plan) and what apply would change; in-sync | drifted | unchecked",
      )
      .addOption(new Option("--markdown", "print a Markdown report (CI job summary, issue body)")),
  )
    .addHelpText(
      "after",
      `
Exit codes: 0 every stack in sync, 2 drift found, 1 a stack could not be checked (an error is
never reported as "no drift"), 3 terraform missing.

Examples:
  $ aws-baseline drift
  $ aws-baseline drift --markdown >> "$GITHUB_STEP_SUMMARY"
  $ aws-baseline drift --json | jq '.stacks[] | select(.status != "in-sync")'`,
    )
    .action(async (opts) => {
      const { driftCommand } = await import("./commands/run.js");
      await driftCommand(opts, io);
    });

  program
    .command("bootstrap")
    .description(
      "create the S3 state bucket (versioned, encrypted, TLS-only, private) and move its own state into it; safe to re-run",
    )
    .addOption(configOption())
    .addOption(
      new Option(
        "--dir <dir>",
        "where the bootstrap stack and its local state live until moved",
      ).default(".aws-baseline/bootstrap"),
    )
    .addOption(new Option("-y, --yes", "create without asking (required without a terminal)"))
    .addOption(terraformBinOption())
    .addOption(pluginDirOption())
    .addOption(new Option("--logs-dir <dir>", "full terraform output"))
    .addOption(endpointOption())
    .addOption(jsonOption())
    .addHelpText(
      "after",
      `
Needs "state": { "backend": "s3", "bucket": ..., "region": ... } in the answers. The first run
creates the bucket with local state, then moves that state into the bucket; later runs find it
there and change nothing.`,
    )
    .action(async (opts) => {
      const { bootstrapCommand } = await import("./commands/bootstrap.js");
      await bootstrapCommand(opts, io);
    });

  const accounts = program
    .command("accounts")
    .description(
      "read the AWS organization (read-only): record account IDs, or adopt an existing organization",
    )
    .addHelpText(
      "after",
      `
Credentials come from the standard AWS chain (AWS_PROFILE/--profile, SSO, env, roles) and must
belong to the management account. The read-only IAM policy the commands need is in the README.`,
    );
  awsOptions(
    accounts
      .command("sync")
      .description(
        "match answers accounts to the organization (by ID, e-mail, then name) and write the account IDs and organization ID into the answers file",
      )
      .addOption(configOption())
      .addOption(new Option("--dry-run", "show the diff and the report; write nothing"))
      .addOption(new Option("-y, --yes", "write without asking (asked only on a terminal)"))
      .addOption(
        new Option("--force", "also replace recorded IDs that disagree with the organization"),
      )
      .addOption(new Option("--region <region>", "region for STS (default: answers home region)"))
      .addOption(jsonOption()),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ aws-baseline accounts sync --dry-run          see which IDs would be written
  $ aws-baseline accounts sync --profile mgmt -y  record them (only those values change)

Run it after the org stack has created the accounts; the member-account stacks then synthesize.`,
    )
    .action(async (opts) => {
      const { syncCommand } = await import("./commands/accounts.js");
      await syncCommand(opts, io);
    });
  awsOptions(
    accounts
      .command("discover")
      .description(
        "brownfield: write answers for an organization that already exists, with import blocks for what exists and a list of conflicts",
      )
      .addOption(new Option("-o, --out <file>", "answers file to write").default(DEFAULT_CONFIG))
      .addOption(
        new Option("--region <region>", "home region of the baseline (trail, logs, VPCs)").env(
          "AWS_REGION",
        ),
      )
      .addOption(
        new Option("--name <name>", "organization name (default: management account name)"),
      )
      .addOption(new Option("--prefix <prefix>", "resource name prefix (default: from the name)"))
      .addOption(
        new Option(
          "--alarm-email <address...>",
          "who receives security alarms (default: the management account e-mail)",
        ),
      )
      .addOption(new Option("--dry-run", "print the answers instead of writing them"))
      .addOption(new Option("--force", "replace --out if it exists"))
      .addOption(jsonOption()),
  )
    .addHelpText(
      "after",
      `
Example:
  $ aws-baseline accounts discover --profile mgmt --region eu-west-1 --prefix acme -o acme.json

The answers adopt the organization, its OUs, accounts and same-name SCPs through Terraform import
blocks, so synth + plan import them instead of creating them again.`,
    )
    .action(async (opts) => {
      const { discoverCommand } = await import("./commands/accounts.js");
      await discoverCommand(opts, io);
    });

  program
    .command("schema")
    .description("print the JSON Schema of answers files (for editors and other tools)")
    .action(async () => {
      const { answersJsonSchemaText } = await import("../answers/json-schema.js");
      process.stdout.write(answersJsonSchemaText());
    });

  program
    .command("controls")
    .description(
      "list the controls the baseline implements, with CIS v3.0.0 numbers and how each is verified",
    )
    .addOption(jsonOption())
    .action(async (opts: { json?: boolean }) => {
      const { CONTROLS, controlsMarkdown } = await import("../controls/registry.js");
      io.result(opts.json ? CONTROLS : undefined, () => controlsMarkdown().trimEnd());
    });

  return program;
}

/** The error boundary: render, pick the exit code. */
async function report(error: unknown): Promise<number> {
  const known = error instanceof BaselineError ? error : undefined;
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
