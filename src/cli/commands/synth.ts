/**
 * `aws-baseline synth`: answers -> Terraform JSON per stack.
 * Registration only (options, help): the action is imported when the command runs.
 */
import { type Command, Option } from "commander";
import {
  configOption,
  type CurrentIo,
  DEFAULT_OUT,
  endpointOption,
  jsonOption,
  pluginDirOption,
  positiveInt,
  terraformBinOption,
} from "../options.js";

export function registerSynth(program: Command, io: CurrentIo): void {
  program
    .command("synth")
    .description(
      "synthesize one Terraform stack per account and area into --out (atomic, deterministic)",
    )
    .addOption(configOption())
    .addOption(new Option("-o, --out <dir>", "output folder").default(DEFAULT_OUT))
    .addOption(new Option("--force", "replace --out even if it holds files synth did not write"))
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
      const { synthCommand } = await import("../actions/synth.js");
      await synthCommand(opts, io());
    });
}
