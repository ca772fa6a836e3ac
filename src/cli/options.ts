/**
 * Options shared by several commands, declared once: each factory returns a fresh Option (commander
 * options cannot be shared between commands). Light on purpose: `--help` loads this module.
 */
import { type Command, InvalidArgumentError, Option } from "commander";
import type { Io } from "./io.js";

export const DEFAULT_CONFIG = "aws-baseline.json";
export const DEFAULT_OUT = "cdktf.out";

/** What a command's action needs from main: the Io chosen for this run (--json, --no-color). */
export type CurrentIo = () => Io;

export function configOption(): Option {
  return new Option("-c, --config <file>", "answers file")
    .default(DEFAULT_CONFIG)
    .env("AWS_BASELINE_CONFIG");
}

export function jsonOption(): Option {
  return new Option("--json", "print the result as JSON on stdout (progress stays on stderr)");
}

export function terraformBinOption(): Option {
  return new Option(
    "--terraform-bin <command>",
    "terraform or tofu binary (default: answers terraform.binary)",
  ).env("AWS_BASELINE_TERRAFORM");
}

export function pluginDirOption(): Option {
  return new Option(
    "--plugin-dir <dir>",
    "provider mirror for air-gapped init (holds registry.terraform.io/)",
  ).env("TF_PLUGIN_DIR");
}

export function endpointOption(): Option {
  return new Option(
    "--endpoint-url <url>",
    "emulator mode: send every AWS call to this local emulator (LocalStack-style)",
  ).env("AWS_BASELINE_ENDPOINT_URL");
}

export function awsOptions(command: Command): Command {
  return command
    .addOption(
      new Option("--profile <name>", "AWS profile (standard chain: env, SSO, roles)").env(
        "AWS_PROFILE",
      ),
    )
    .addOption(endpointOption());
}

/** Options shared by plan, deploy and drift. */
export function runOptions(command: Command): Command {
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

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number >= 1");
  return n;
}
