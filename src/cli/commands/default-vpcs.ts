/**
 * `aws-baseline default-vpcs`: delete the default VPCs nothing uses, in every account and enabled
 * region (`accountDefaults.defaultVpc: "delete"`). Registration only: the action loads lazily.
 */
import { type Command, Option } from "commander";
import { awsOptions, configOption, type CurrentIo, jsonOption } from "../options.js";

export function registerDefaultVpcs(program: Command, io: CurrentIo): void {
  awsOptions(
    program
      .command("default-vpcs")
      .description(
        'delete every default VPC that nothing uses, in every account and enabled region (accountDefaults.defaultVpc: "delete"); deploy runs it too',
      )
      .addOption(configOption())
      .addOption(
        new Option("--dry-run", "list the default VPCs and what would happen; change nothing"),
      )
      .addOption(new Option("-y, --yes", "delete without asking (asked only on a terminal)"))
      .addOption(jsonOption()),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ aws-baseline default-vpcs --dry-run     list them (exit 2 when some would be deleted)
  $ aws-baseline default-vpcs --yes         delete the unused ones

Member accounts are reached through the deploy role, the management account with the caller's
credentials (the management account's, as for deploy). A default VPC with any network interface
is kept and stays neutralized by the baseline stack.`,
    )
    .action(async (opts) => {
      const { defaultVpcsCommand } = await import("../actions/default-vpcs.js");
      await defaultVpcsCommand(opts, io());
    });
}
