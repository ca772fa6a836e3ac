/**
 * `aws-baseline schema | controls`: print reference material (JSON Schema, controls list).
 * Registration only (options, help): the action is imported when the command runs.
 */
import { type Command } from "commander";
import { type CurrentIo, jsonOption } from "../options.js";

export function registerReference(program: Command, io: CurrentIo): void {
  program
    .command("schema")
    .description("print the JSON Schema of answers files (for editors and other tools)")
    .action(async () => {
      const { answersJsonSchemaText } = await import("../../answers/json-schema.js");
      process.stdout.write(answersJsonSchemaText());
    });

  program
    .command("controls")
    .description(
      "list the controls the baseline implements, with CIS v3.0.0 numbers and how each is verified",
    )
    .addOption(jsonOption())
    .action(async (opts: { json?: boolean }) => {
      const { CONTROLS, controlsMarkdown } = await import("../../controls/registry.js");
      io().result(opts.json ? CONTROLS : undefined, () => controlsMarkdown().trimEnd());
    });
}
