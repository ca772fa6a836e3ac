/** `aws-baseline synth`: answers -> Terraform JSON per stack, optionally checked by terraform. */
import { relative } from "node:path";
import { loadConfigFor } from "../../answers/load.js";
import { BaselineError } from "../../errors.js";
import { synthesize } from "../../synth/synth.js";
import { findTerraform, type TerraformBinary } from "../../run/terraform/binary.js";
import {
  checkPluginDir,
  validateStacks,
  type StackValidation,
} from "../../run/terraform/validate.js";
import { whileInterruptible } from "../interrupt.js";
import type { Io } from "../io.js";
import { renderSynth, renderValidationFailures, validationCell } from "../render.js";

export interface SynthFlags {
  readonly config: string;
  readonly out: string;
  readonly force?: boolean;
  readonly tfValidate: "always" | "auto" | "never";
  readonly terraformBin?: string;
  readonly pluginDir?: string;
  readonly concurrency: number;
  readonly endpointUrl?: string;
}

/** Finds terraform for --tf-validate; in auto mode a missing binary is a visible skip, not an error. */
async function terraformFor(
  flags: SynthFlags,
  fromAnswers: string,
): Promise<TerraformBinary | string> {
  try {
    return await findTerraform(flags.terraformBin ?? fromAnswers);
  } catch (error) {
    if (
      flags.tfValidate === "auto" &&
      error instanceof BaselineError &&
      error.kind === "environment"
    ) {
      return error.message;
    }
    throw error;
  }
}

export async function synthCommand(flags: SynthFlags, io: Io): Promise<void> {
  const started = performance.now();
  const config = await loadConfigFor(flags.config, flags.endpointUrl);
  const result = await whileInterruptible((signal) =>
    synthesize(config, { outDir: flags.out, force: flags.force, signal }),
  );
  const seconds = (performance.now() - started) / 1000;

  let validations: StackValidation[] | undefined;
  let validationSkipped: string | undefined;
  if (flags.tfValidate !== "never" && result.stacks.length > 0) {
    const binary = await terraformFor(flags, config.terraform.binary);
    if (typeof binary === "string") {
      validationSkipped = binary;
    } else {
      const pluginDir = checkPluginDir(flags.pluginDir);
      io.progress(
        io.color.dim(
          `terraform validate: ${result.stacks.length} stack(s) with ${binary.command} ${binary.version}` +
            (pluginDir ? ` and providers from ${pluginDir}` : " (providers from the registry)"),
        ),
      );
      try {
        validations = await validateStacks(
          result.outDir,
          result.stacks.map((s) => s.name),
          {
            binary,
            pluginDir,
            concurrency: flags.concurrency,
            skipHint: "`--tf-validate never` synthesizes without the check",
            onResult: (v, done, total) =>
              io.progress(
                `  [${done}/${total}] ${v.stack}: ${validationCell(v, io.color)} (${v.seconds} s)`,
              ),
          },
        );
      } catch (error) {
        // The output is written; only the check could not run: say so before the error.
        if (error instanceof BaselineError && error.code === "TERRAFORM_PROVIDERS_UNAVAILABLE") {
          io.progress(
            `${io.color.green("✔")} synthesized ${result.stacks.length} stack(s) into ${relative(process.cwd(), result.outDir) || "."}; terraform validate did not run`,
          );
        }
        throw error;
      }
    }
  }

  const relativeOut = relative(process.cwd(), result.outDir) || ".";
  io.result(
    { ok: true, ...result, outDir: relativeOut, seconds, validations, validationSkipped },
    () => renderSynth(result, io.color, { seconds, relativeOut, validations, validationSkipped }),
  );
  const failed = validations?.filter((v) => v.status !== "valid") ?? [];
  if (failed.length > 0) {
    const invalid = failed.filter((v) => v.status === "invalid").length;
    const unchecked = failed.length - invalid;
    const parts = [
      ...(invalid > 0 ? [`${invalid} stack(s) invalid`] : []),
      ...(unchecked > 0 ? [`${unchecked} stack(s) could not be checked (terraform failed)`] : []),
    ];
    throw new BaselineError("TERRAFORM_INVALID", `terraform validate: ${parts.join(", ")}`, {
      hint: renderValidationFailures(failed, io.color),
    });
  }
}
