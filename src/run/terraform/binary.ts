/**
 * Finding and running terraform/tofu. The binary is never hard-coded: it comes from the caller
 * (flag or AWS_BASELINE_TERRAFORM via the CLI, or the answers), and must be >= 1.10 (S3-native
 * state locking).
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { constants, homedir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { BaselineError } from "../../errors.js";

const run = promisify(execFile);

export const MINIMUM_VERSION = [1, 10] as const;

export interface TerraformBinary {
  /** What to exec: a name on PATH or a path. */
  readonly command: string;
  readonly flavour: "terraform" | "tofu";
  readonly version: string;
}

/**
 * One provider plugin cache per machine, so the AWS provider (hundreds of MB unpacked) is
 * installed once rather than into every stack folder. A TF_PLUGIN_CACHE_DIR the user set wins.
 * Terraform requires the folder to exist; where it cannot be created, terraform runs without one.
 */
export function pluginCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir =
    env.TF_PLUGIN_CACHE_DIR ||
    join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "aws-baseline", "terraform-plugins");
  try {
    mkdirSync(dir, { recursive: true });
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * Where `terraform init` gets the providers: a local mirror (`-plugin-dir`: nothing to download,
 * so no cache), or the registry through the machine's plugin cache.
 */
export function initSource(pluginDir?: string): {
  readonly args: readonly string[];
  readonly env: Record<string, string>;
} {
  if (pluginDir) return { args: [`-plugin-dir=${pluginDir}`], env: {} };
  const cache = pluginCacheDir();
  return { args: [], env: cache ? { TF_PLUGIN_CACHE_DIR: cache } : {} };
}

/** What `terraform init` says when it cannot get the providers (registry unreachable, mirror incomplete). */
const PROVIDERS_UNAVAILABLE =
  /Failed to (query available provider packages|install provider|resolve provider packages)|could not connect to registry|Invalid provider registry host/i;

/**
 * TERRAFORM_PROVIDERS_UNAVAILABLE (an environment problem, exit 3) when a failed init's output says
 * the providers could not be installed. Every stack needs the same provider, so this is said once
 * and no other stack is tried: with the cause terraform gave and what to do (a provider mirror).
 */
export function providersError(
  output: string,
  context: { readonly stack: string; readonly pluginDir?: string; readonly skip?: string },
): BaselineError | undefined {
  if (!PROVIDERS_UNAVAILABLE.test(output)) return undefined;
  const lines = output
    .split("\n")
    .map((l) => l.replace(/^[│╷╵] ?/, "").trim())
    .filter((l) => !/^(Warning|There are some problems)/.test(l));
  const at = lines.findIndex((l) => l.startsWith("Error: "));
  const paragraphs = lines
    .slice(Math.max(at, 0))
    .join("\n")
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
  const cause = paragraphs
    .slice(0, 2)
    .join(": ")
    .replace(/^Error: /, "");
  const where = context.pluginDir
    ? `the provider mirror ${context.pluginDir} does not hold the providers the stacks need (hashicorp/aws, as pinned in each stack): refresh it, or point --plugin-dir / TF_PLUGIN_DIR at a complete mirror (the folder that holds registry.terraform.io/)`
    : "on a machine without access to registry.terraform.io, point TF_PLUGIN_DIR (or --plugin-dir) at a provider mirror, the folder that holds registry.terraform.io/ (for example `export TF_PLUGIN_DIR=/opt/tf-plugins`); otherwise let terraform reach the registry";
  return new BaselineError(
    "TERRAFORM_PROVIDERS_UNAVAILABLE",
    `terraform init could not install the providers (tried on ${context.stack}; no other stack was tried):\n    ${cause}`,
    { hint: `${where}${context.skip ? `; ${context.skip}` : ""}` },
  );
}

let firstInit: Promise<unknown> | undefined;

/**
 * Terraform's plugin cache is not safe for concurrent writes: the first init of this process
 * fills it alone, the others start once it is done (whether it succeeded or not).
 */
export async function afterFirstInit<T>(init: () => Promise<T>): Promise<T> {
  if (!firstInit) {
    const first = init();
    firstInit = first;
    return first;
  }
  await firstInit.catch(() => undefined);
  return init();
}

/**
 * The environment terraform runs with: no interactive prompts, no update checks, and no
 * TF_CLI_CONFIG_FILE that points at a missing file (terraform warns on every command then).
 */
export function terraformEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_IN_AUTOMATION: "1",
    CHECKPOINT_DISABLE: "1",
    ...extra,
  };
  if (env.TF_CLI_CONFIG_FILE && !existsSync(env.TF_CLI_CONFIG_FILE)) delete env.TF_CLI_CONFIG_FILE;
  return env;
}

function atLeast(version: string, minimum: readonly number[]): boolean {
  const parts = version.split(".").map((p) => Number.parseInt(p, 10));
  for (let i = 0; i < minimum.length; i++) {
    const have = parts[i] ?? 0;
    if (have !== minimum[i]) return have > (minimum[i] as number);
  }
  return true;
}

/** Resolves and version-checks the binary; throws TERRAFORM_MISSING or TERRAFORM_TOO_OLD. */
export async function findTerraform(command = "terraform"): Promise<TerraformBinary> {
  let stdout: string;
  try {
    ({ stdout } = await run(command, ["version", "-json"], {
      env: terraformEnv(),
      timeout: 30_000,
    }));
  } catch (cause) {
    throw new BaselineError(
      "TERRAFORM_MISSING",
      `cannot run "${command} version": ${(cause as Error).message.split("\n")[0]}`,
      {
        cause,
        hint: "install Terraform >= 1.10 or OpenTofu >= 1.10, or point AWS_BASELINE_TERRAFORM at it",
      },
    );
  }
  let info: { terraform_version?: string };
  try {
    info = JSON.parse(stdout) as { terraform_version?: string };
  } catch {
    throw new BaselineError(
      "TERRAFORM_UNUSABLE",
      `"${command} version -json" did not print JSON: ${JSON.stringify(stdout.trim().split("\n")[0]?.slice(0, 80) ?? "")}`,
      {
        hint: "point --terraform-bin or AWS_BASELINE_TERRAFORM at Terraform >= 1.10 or OpenTofu >= 1.10 (a wrapper script must pass its output through unchanged)",
      },
    );
  }
  const version = info.terraform_version ?? "0.0.0";
  const flavour = /tofu/i.test(command) ? "tofu" : "terraform";
  if (!atLeast(version, MINIMUM_VERSION)) {
    throw new BaselineError(
      "TERRAFORM_TOO_OLD",
      `${command} ${version} is too old: ${MINIMUM_VERSION.join(".")} or newer is needed`,
      {
        hint: "use_lockfile (S3-native state locking) needs Terraform or OpenTofu 1.10+",
      },
    );
  }
  return { command, flavour, version };
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs terraform in `cwd`; a non-zero exit is a result, not an exception (a binary that cannot
 * start at all is). With a `signal`, terraform runs in its own process group, so a Ctrl-C in
 * the terminal reaches it only through the signal: once, as one SIGINT, which terraform answers
 * by stopping at a safe point (a second one would make it exit at once, state unsaved). Once the
 * signal has fired, no terraform starts.
 */
export async function runTerraform(
  binary: TerraformBinary,
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<RunResult> {
  if (signal?.aborted) {
    throw new BaselineError("ABORTED", `interrupted: ${binary.command} ${args[0]} was not started`);
  }
  return new Promise((resolveRun, reject) => {
    const child = spawn(binary.command, [...args], {
      cwd,
      env: terraformEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
      detached: signal !== undefined,
    });
    const interrupt = () => child.kill("SIGINT");
    signal?.addEventListener("abort", interrupt, { once: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.once("error", (error) => {
      signal?.removeEventListener("abort", interrupt);
      reject(error); // could not start at all
    });
    child.once("close", (code, killedBy) => {
      signal?.removeEventListener("abort", interrupt);
      resolveRun({
        code: code ?? 128 + (killedBy ? (constants.signals[killedBy] ?? 0) : 0),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
  });
}
