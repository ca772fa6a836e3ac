/**
 * `aws-baseline stacks` and `aws-baseline drift-report`: what CI needs to fan drift out over
 * parallel jobs and merge it back. Registration only (options, help): actions load lazily.
 */
import { type Command, Option } from "commander";
import {
  configOption,
  type CurrentIo,
  endpointOption,
  jsonOption,
  positiveInt,
} from "../options.js";

export function registerStacks(program: Command, io: CurrentIo): void {
  program
    .command("stacks")
    .description(
      "list the stacks the answers produce, or group them into parallel CI jobs (--matrix)",
    )
    .addOption(configOption())
    .addOption(endpointOption())
    .addOption(
      new Option(
        "--matrix",
        'print a GitHub Actions matrix ({"include":[{"group","stacks"}]}): one job per account',
      ),
    )
    .addOption(
      new Option(
        "--max-jobs <n>",
        "fold accounts together above this many jobs (GitHub allows 256)",
      )
        .default(32)
        .argParser(positiveInt),
    )
    .addOption(jsonOption())
    .addHelpText(
      "after",
      `
Examples:
  $ aws-baseline stacks
  $ aws-baseline stacks --matrix --max-jobs 20     # the drift workflow's first job

No AWS and no terraform: the stacks come from the answers alone.`,
    )
    .action(async (opts) => {
      const { stacksCommand } = await import("../actions/stacks.js");
      await stacksCommand(opts, io());
    });

  program
    .command("drift-report")
    .description(
      "merge the drift --json reports of parallel CI jobs into one report and one exit code",
    )
    .argument("[files...]", "drift --json outputs, one per job")
    .addOption(
      new Option(
        "--matrix <json>",
        "the matrix the jobs ran (from `stacks --matrix`): stacks of a job without a report are unchecked",
      ),
    )
    .addOption(new Option("--markdown", "print a Markdown report (for a CI job summary)"))
    .addOption(jsonOption())
    .addHelpText(
      "after",
      `
Exit codes: 0 every stack in sync, 2 drift found, 1 a stack could not be checked.

Example:
  $ aws-baseline drift-report results/*.json --matrix "$MATRIX" --markdown >> "$GITHUB_STEP_SUMMARY"`,
    )
    .action(async (files: string[], opts) => {
      const { driftReportCommand } = await import("../actions/stacks.js");
      await driftReportCommand(files, opts, io());
    });
}
