/**
 * Running terraform/tofu on one synthesized stack: init, plan to a saved plan file + `show -json`,
 * apply of that saved plan. Every command's full output is appended to one log file per stack;
 * callers get typed results and step events for progress, never raw output.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { BaselineError } from "../../errors.js";
import { dirname, join } from "node:path";
import {
  afterFirstInit,
  initSource,
  providersError,
  runTerraform,
  type RunResult,
  type TerraformBinary,
} from "./binary.js";
import { parsePlan, type ParsedPlan } from "./plan-json.js";
import { PLAN_FILE } from "../../synth/synth.js";

export type Step = "init" | "plan" | "show" | "apply";

export interface StepEvent {
  readonly stack: string;
  readonly step: Step;
  /** skipped: not needed (init when the stack's .terraform is current). */
  readonly status: "start" | "done" | "failed" | "skipped";
  readonly seconds?: number;
}

export interface RunnerOptions {
  readonly binary: TerraformBinary;
  /** The synth output: stacks live in <outDir>/stacks/<name>. */
  readonly outDir: string;
  /** One <stack>.log per stack with every command's full output. */
  readonly logsDir: string;
  /** Provider mirror for air-gapped init. @default - the registry */
  readonly pluginDir?: string;
  /** Extra environment (e.g. emulator credentials). */
  readonly env?: Record<string, string>;
  readonly onEvent?: (event: StepEvent) => void;
  /**
   * Interrupt (SIGINT/SIGTERM in the CLI): each running terraform gets one SIGINT and stops at a
   * safe point, no step starts any more, and the interrupted steps throw ABORTED.
   */
  readonly signal?: AbortSignal;
}

/** A step that failed: the stack, the step, and the end of terraform's error output. */
export class StepFailed extends Error {
  constructor(
    readonly stackName: string,
    readonly step: Step,
    readonly detail: string,
    readonly logFile: string,
    /** terraform's whole error output (detail is its end). */
    readonly output: string = detail,
  ) {
    super(`${step} failed for ${stackName}: ${detail}`);
    this.name = "StepFailed";
  }
}

/** What terraform and the AWS provider say when there are no usable AWS credentials. */
const NO_CREDENTIALS =
  /No valid credential sources found|failed to refresh cached credentials|NoCredentialProviders|no EC2 IMDS role found|InvalidClientTokenId|ExpiredToken|security token included in the request is (invalid|expired)/i;

/**
 * AWS_NO_CREDENTIALS (an environment problem, exit 3) when the failures given are all about
 * missing or expired AWS credentials, so the user is told to sign in rather than shown a
 * failed stack per account.
 */
export function credentialsError(reasons: readonly string[]): BaselineError | undefined {
  if (reasons.length === 0 || !reasons.every((r) => NO_CREDENTIALS.test(r))) return undefined;
  return noCredentials("terraform found no valid AWS credentials");
}

/** AWS_NO_CREDENTIALS with the sign-in hint every run command gives. */
export function noCredentials(message: string, cause?: unknown): BaselineError {
  return new BaselineError("AWS_NO_CREDENTIALS", message, {
    cause,
    hint: "sign in first (e.g. `aws sso login --profile NAME` and AWS_PROFILE=NAME, or the environment's role); the management account's credentials are needed",
  });
}

export { PLAN_FILE };

export function stackDir(options: RunnerOptions, stack: string): string {
  return join(options.outDir, "stacks", stack);
}

export function logFile(options: RunnerOptions, stack: string): string {
  return join(options.logsDir, `${stack}.log`);
}

/** The last lines of terraform's error output: enough to act on, the rest is in the log. */
function tail(result: RunResult): string {
  const text = (result.stderr.trim() || result.stdout.trim()).split("\n");
  const errorAt = text.findIndex((line) => /^(│ )?Error: /.test(line));
  const lines = errorAt >= 0 ? text.slice(errorAt) : text.slice(-12);
  return lines
    .slice(0, 12)
    .map((l) => l.replace(/^│ ?/, "").trimEnd())
    .filter((l) => l && !/^[╷╵]$/.test(l))
    .join("\n");
}

/** Runs one terraform command in a stack folder, logged; throws StepFailed unless the exit is ok. */
export async function runStep(
  options: RunnerOptions,
  stack: string,
  name: Step,
  args: readonly string[],
  okCodes: readonly number[] = [0],
  extraEnv: Record<string, string> = {},
): Promise<RunResult> {
  if (options.signal?.aborted) {
    throw new BaselineError("ABORTED", `${name} of ${stack} was not started: interrupted`);
  }
  const started = performance.now();
  options.onEvent?.({ stack, step: name, status: "start" });
  const log = logFile(options, stack);
  await mkdir(options.logsDir, { recursive: true });
  const result = await runTerraform(
    options.binary,
    args,
    stackDir(options, stack),
    { ...options.env, ...extraEnv },
    options.signal,
  );
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const shown = name === "show" ? "(plan JSON, not logged)" : result.stdout;
  await appendFile(
    log,
    `\n===== ${new Date().toISOString()} ${options.binary.command} ${args.join(" ")} -> exit ${result.code} (${seconds} s)\n${shown}${result.stderr}`,
  );
  if (options.signal?.aborted) {
    options.onEvent?.({ stack, step: name, status: "failed", seconds });
    throw new BaselineError("ABORTED", `${name} of ${stack} was interrupted`);
  }
  const ok = okCodes.includes(result.code);
  options.onEvent?.({ stack, step: name, status: ok ? "done" : "failed", seconds });
  if (!ok) throw new StepFailed(stack, name, tail(result), log, result.stderr || result.stdout);
  return result;
}

/** Per run (keyed by its logs folder): the providers problem its first failed init found. */
const providersProblems = new Map<string, BaselineError>();

/**
 * TERRAFORM_PROVIDERS_UNAVAILABLE when this run's `terraform init` could not install the
 * providers; the run's other stacks did not try. Callers throw it once instead of a failed stack
 * per account.
 */
export function providersProblem(options: RunnerOptions): BaselineError | undefined {
  return providersProblems.get(options.logsDir);
}

/** Written into .terraform after a successful init: what that init was for. */
export const INIT_STAMP = "aws-baseline-init.sha256";

/**
 * What decides whether an init is still current: the stack's terraform block (backend, required
 * providers and version), the binary, and where providers come from.
 */
async function initFingerprint(options: RunnerOptions, stack: string) {
  const config = JSON.parse(await readFile(join(stackDir(options, stack), "cdk.tf.json"), "utf8"));
  const inputs = {
    terraform: config.terraform ?? null,
    binary: `${options.binary.command} ${options.binary.version}`,
    pluginDir: options.pluginDir ?? null,
  };
  return {
    fingerprint: createHash("sha256").update(JSON.stringify(inputs)).digest("hex"),
    // init writes a dependency lock file only when the stack uses providers.
    locksProviders: Boolean(config.terraform?.required_providers),
  };
}

/**
 * `terraform init`, skipped when the stack's .terraform was initialized for the same backend,
 * providers, binary and plugin source (synth carries .terraform over to the new output).
 */
export async function initStack(options: RunnerOptions, stack: string): Promise<void> {
  const dir = stackDir(options, stack);
  const stamp = join(dir, ".terraform", INIT_STAMP);
  const { fingerprint, locksProviders } = await initFingerprint(options, stack);
  const current =
    (!locksProviders || existsSync(join(dir, ".terraform.lock.hcl"))) &&
    existsSync(stamp) &&
    (await readFile(stamp, "utf8")) === fingerprint;
  if (current) {
    options.onEvent?.({ stack, step: "init", status: "skipped" });
    return;
  }
  const source = initSource(options.pluginDir);
  await afterFirstInit(async () => {
    // The first init runs alone; when it could not install the providers, no other stack tries.
    const known = providersProblems.get(options.logsDir);
    if (known) throw known;
    try {
      await runStep(
        options,
        stack,
        "init",
        ["init", "-input=false", "-no-color", ...source.args],
        [0],
        source.env,
      );
    } catch (error) {
      // Decided here, before the inits waiting for this one start.
      const problem =
        error instanceof StepFailed
          ? providersError(error.output, { stack, pluginDir: options.pluginDir })
          : undefined;
      if (!problem) throw error;
      providersProblems.set(options.logsDir, providersProblems.get(options.logsDir) ?? problem);
      throw providersProblems.get(options.logsDir);
    }
  });
  await mkdir(dirname(stamp), { recursive: true });
  await writeFile(stamp, fingerprint);
}

/** A plan terraform saved next to a stack (`plan -out`), with its parsed JSON. */
export interface SavedPlan {
  readonly stack: string;
  /** Relative to the stack folder. */
  readonly planFile: string;
  /** From -detailed-exitcode: false means terraform found nothing to do. */
  readonly hasChanges: boolean;
  readonly plan: ParsedPlan;
}

/** A plan with nothing to do: what `show` would report, without starting the provider again. */
const EMPTY_PLAN: ParsedPlan = {
  counts: { add: 0, change: 0, replace: 0, destroy: 0, forget: 0, import: 0 },
  changes: [],
  drift: [],
  errored: false,
};

/**
 * `plan -detailed-exitcode -out=FILE`, then `show -json FILE` only when the plan has changes
 * (show starts the provider again: seconds per stack). Read-only runs skip the state lock.
 */
export async function planStack(
  options: RunnerOptions,
  stack: string,
  mode: { lock?: boolean } = {},
): Promise<SavedPlan> {
  const planFile = PLAN_FILE;
  const args = [
    "plan",
    "-input=false",
    "-no-color",
    "-detailed-exitcode",
    `-out=${planFile}`,
    ...(mode.lock === false ? ["-lock=false"] : []),
  ];
  const result = await runStep(options, stack, "plan", args, [0, 2]);
  const hasChanges = result.code === 2;
  if (!hasChanges) return { stack, planFile, hasChanges, plan: EMPTY_PLAN };
  const shown = await runStep(options, stack, "show", ["show", "-json", "-no-color", planFile]);
  let plan: ParsedPlan;
  try {
    plan = parsePlan(shown.stdout);
  } catch (error) {
    throw new StepFailed(stack, "show", (error as Error).message, logFile(options, stack));
  }
  return { stack, planFile, hasChanges, plan };
}

/** Applies a saved plan (never re-plans: what was reviewed is what runs). */
export async function applyStack(options: RunnerOptions, stack: string, planFile: string) {
  await runStep(options, stack, "apply", ["apply", "-input=false", "-no-color", planFile]);
}
