/**
 * `aws-baseline bootstrap`: the S3 state bucket.
 * Registration only (options, help): the action is imported when the command runs.
 */
import { type Command, Option } from "commander";
import {
  configOption,
  type CurrentIo,
  endpointOption,
  jsonOption,
  pluginDirOption,
  terraformBinOption,
} from "../options.js";

export function registerBootstrap(program: Command, io: CurrentIo): void {
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
      const { bootstrapCommand } = await import("../actions/bootstrap.js");
      await bootstrapCommand(opts, io());
    });
}
