/**
 * Offline validation: `terraform init -backend=false [-plugin-dir=DIR]` + `terraform validate
 * -json` on every synthesized stack, bounded in parallel. With a plugin dir (a filesystem mirror of
 * the providers) this checks the output against the real provider schema without any network.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { BaselineError } from "../../errors.js";
import { mapLimit } from "../../util/pool.js";
import {
  afterFirstInit,
  initSource,
  providersError,
  runTerraform,
  type TerraformBinary,
} from "./binary.js";

export interface Diagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail?: string;
  /** e.g. `cdk.tf.json:12` */
  readonly where?: string;
}

export type StackValidation =
  | {
      readonly stack: string;
      readonly status: "valid";
      readonly warnings: readonly Diagnostic[];
      readonly seconds: number;
    }
  | {
      readonly stack: string;
      readonly status: "invalid";
      readonly diagnostics: readonly Diagnostic[];
      readonly seconds: number;
    }
  | {
      readonly stack: string;
      readonly status: "error";
      readonly step: "init" | "validate";
      readonly message: string;
      readonly seconds: number;
    };

export interface ValidateOptions {
  readonly binary: TerraformBinary;
  /** Filesystem mirror root (holds registry.terraform.io/...). @default - providers come from the registry */
  readonly pluginDir?: string;
  /** @default 2 */
  readonly concurrency?: number;
  /** Called as each stack finishes, for progress output: `done` of `total` stacks are finished. */
  readonly onResult?: (result: StackValidation, done: number, total: number) => void;
  /** Added to the hint when the providers cannot be installed (e.g. how to skip the check). */
  readonly skipHint?: string;
}

interface ValidateJson {
  valid: boolean;
  diagnostics?: {
    severity: string;
    summary: string;
    detail?: string;
    range?: { filename: string; start: { line: number } };
  }[];
}

/** Checks a plugin dir given by the user; throws PLUGIN_DIR_MISSING when it does not exist. */
export function checkPluginDir(dir: string | undefined): string | undefined {
  if (dir && !existsSync(dir)) {
    throw new BaselineError("PLUGIN_DIR_MISSING", `provider mirror not found: ${dir}`, {
      hint: "point --plugin-dir / TF_PLUGIN_DIR at the folder that holds registry.terraform.io/",
    });
  }
  return dir;
}

/** Shared by the stacks of one validateStacks call: set once the providers cannot be installed. */
interface Run {
  stopped?: BaselineError;
}

async function validateOne(
  outDir: string,
  stack: string,
  options: ValidateOptions,
  run: Run,
): Promise<StackValidation> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const cwd = join(outDir, "stacks", stack);
  const source = initSource(options.pluginDir);
  const init = await afterFirstInit(async () => {
    // The first init runs alone; when it could not install the providers, no other stack tries.
    if (run.stopped) throw run.stopped;
    const result = await runTerraform(
      options.binary,
      ["init", "-backend=false", "-input=false", "-no-color", ...source.args],
      cwd,
      source.env,
    );
    if (result.code !== 0) {
      // Decided here, before the inits waiting for this one start.
      run.stopped ??= providersError(`${result.stderr}\n${result.stdout}`, {
        stack,
        pluginDir: options.pluginDir,
        skip: options.skipHint,
      });
      if (run.stopped) throw run.stopped;
    }
    return result;
  });
  if (init.code !== 0) {
    return {
      stack,
      status: "error",
      step: "init",
      message: (init.stderr || init.stdout).trim(),
      seconds: seconds(),
    };
  }
  const result = await runTerraform(options.binary, ["validate", "-json", "-no-color"], cwd);
  let parsed: ValidateJson;
  try {
    parsed = JSON.parse(result.stdout) as ValidateJson;
  } catch {
    return {
      stack,
      status: "error",
      step: "validate",
      message: (result.stderr || result.stdout).trim(),
      seconds: seconds(),
    };
  }
  const diagnostics = (parsed.diagnostics ?? []).map((d): Diagnostic => ({
    severity: d.severity === "error" ? "error" : "warning",
    summary: d.summary,
    detail: d.detail || undefined,
    where: d.range ? `${d.range.filename}:${d.range.start.line}` : undefined,
  }));
  return parsed.valid
    ? { stack, status: "valid", warnings: diagnostics, seconds: seconds() }
    : {
        stack,
        status: "invalid",
        diagnostics: diagnostics.filter((d) => d.severity === "error"),
        seconds: seconds(),
      };
}

/**
 * Validates the named stacks of a synth output; results keep the input order. Throws
 * TERRAFORM_PROVIDERS_UNAVAILABLE (exit 3) once, from the first init, when terraform cannot
 * install the providers: every stack would fail the same way.
 */
export async function validateStacks(
  outDir: string,
  stacks: readonly string[],
  options: ValidateOptions,
): Promise<StackValidation[]> {
  const run: Run = {};
  let done = 0;
  return mapLimit(stacks, options.concurrency ?? 2, async (stack) => {
    const result = await validateOne(outDir, stack, options, run);
    options.onResult?.(result, ++done, stacks.length);
    return result;
  });
}
