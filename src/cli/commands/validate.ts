/**
 * `aws-baseline validate`: check an answers file.
 * Registration only (options, help): the action is imported when the command runs.
 */
import { type Command } from "commander";
import { configOption, type CurrentIo, jsonOption } from "../options.js";

export function registerValidate(program: Command, io: CurrentIo): void {
  program
    .command("validate")
    .description(
      "check an answers file: structure first, then the semantic rules; report every problem at once",
    )
    .addOption(configOption())
    .addOption(jsonOption())
    .addHelpText("after", "\nExample:\n  $ aws-baseline validate --config clients/acme.json --json")
    .action(async (opts: { config: string }) => {
      const { validateCommand } = await import("../actions/validate.js");
      await validateCommand(opts, io());
    });
}
