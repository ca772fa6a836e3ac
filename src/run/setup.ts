/**
 * What every terraform run needs before the first step: the binary (checked), a logs folder, the
 * provider mirror and, in emulator mode, dummy credentials. Nothing here prints: the caller hears
 * about the choice through `onReady` and about each step through `onEvent`.
 */
import { dirname, join, resolve } from "node:path";
import type { BaselineConfig } from "../answers/resolve.js";
import { emulatorCredentialsEnv, emulatorFor, type Emulator } from "../answers/emulator.js";
import { findTerraform, type TerraformBinary } from "./terraform/binary.js";
import type { RunnerOptions, StepEvent } from "./terraform/runner.js";
import { checkPluginDir } from "./terraform/validate.js";
import { checkDeployTrust } from "./deploy-trust.js";
import { awsNeeds, awsPreflight, type Preflight, type PreflightReport } from "./preflight.js";

export interface RunnerFlags {
  /** --terraform-bin; default: the answers' terraform.binary, else `terraform`. */
  readonly terraformBin?: string;
  readonly pluginDir?: string;
  readonly endpointUrl?: string;
  /** --logs-dir; default: `<logsRoot>/<command>-<time>`. */
  readonly logsDir?: string;
}

/** What the run will use, for the caller to show before it starts. */
export interface RunnerChoice {
  readonly command: string;
  readonly binary: TerraformBinary;
  readonly logsDir: string;
  readonly emulator?: Emulator;
}

export interface RunnerSetupOptions {
  /** Names the logs folder (`plan`, `deploy`, `drift`, `bootstrap`). */
  readonly command: string;
  readonly outDir: string;
  readonly config?: BaselineConfig;
  /** Default: `.aws-baseline/logs` beside outDir. */
  readonly logsRoot?: string;
  /** Called once the binary and the logs folder are known (before the plugin dir is checked). */
  readonly onReady?: (choice: RunnerChoice) => void;
  readonly onEvent?: (event: StepEvent) => void;
  /**
   * The stacks the run will touch (in outDir): before setup returns, their AWS credentials and S3
   * state bucket are checked once (see preflight.ts). @default - nothing is checked
   */
  readonly stacks?: readonly string[];
  /** The check; tests inject one. @default awsPreflight */
  readonly preflight?: Preflight;
  /** Called with what the check found (the caller's account, the state buckets). */
  readonly onPreflight?: (report: PreflightReport) => void;
}

/**
 * Binary, logs folder, emulator credentials and progress: what every terraform run needs. With
 * `stacks`, also the AWS preflight: an environment problem (exit 3) before any terraform step,
 * and a deploy role that does not trust the caller (exit 1).
 */
export async function runnerSetup(
  flags: RunnerFlags,
  options: RunnerSetupOptions,
): Promise<RunnerOptions> {
  const { command, outDir, config } = options;
  const logsRoot = options.logsRoot ?? join(dirname(resolve(outDir)), ".aws-baseline", "logs");
  const binary = await findTerraform(flags.terraformBin ?? config?.terraform.binary ?? "terraform");
  const emulator = emulatorFor(flags.endpointUrl, config?.emulator);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const logsDir = resolve(flags.logsDir ?? join(logsRoot, `${command}-${stamp}`));
  options.onReady?.({ command, binary, logsDir, emulator });
  const pluginDir = checkPluginDir(flags.pluginDir);
  if (options.stacks && options.stacks.length > 0) {
    const preflight = options.preflight ?? ((needs) => awsPreflight(needs));
    const needs = await awsNeeds(resolve(outDir), options.stacks);
    const report = await preflight(needs);
    options.onPreflight?.(report);
    // Member stacks deploy as the deploy role: the caller must be one it trusts.
    if (report.identity)
      await checkDeployTrust(resolve(outDir), needs.memberRoles, report.identity.arn);
  }
  return {
    binary,
    outDir: resolve(outDir),
    logsDir,
    pluginDir,
    env: emulator ? emulatorCredentialsEnv(process.env) : {},
    onEvent: options.onEvent,
  };
}
