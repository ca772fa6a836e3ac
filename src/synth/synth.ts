/**
 * Synthesis: BaselineConfig -> <out>/manifest.json + <out>/stacks/<stack>/cdk.tf.json, written
 * atomically. Stacks are synthesized into a sibling temp folder which then replaces <out> in one
 * rename, so a failed synth never leaves half an output behind. Large organizations are split
 * into parts synthesized by child processes in parallel (cdktf synthesis is CPU-bound and
 * single-threaded); the parts are merged and one manifest is written, so the output is the same
 * whatever the split. Per-stack `.terraform/` folders
 * and `.terraform.lock.hcl` files of the previous output are carried over (no needless re-init,
 * provider hashes kept). A folder that is not an aws-baseline output is never replaced without
 * `force`.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { fork } from "node:child_process";
import type { BuiltStack } from "../build/app.js";
import type { BaselineConfig } from "../answers/resolve.js";
import { BaselineError } from "../errors.js";
import { manualSteps } from "../plan/manual-steps.js";
import { organizationNetworkCost, type OrganizationNetworkCost } from "../network/cost.js";
import { emulatorView, type LeftOut } from "../plan/emulator-view.js";
import { pendingStacks, planStacks, type PendingStack, type StackPlan } from "../plan/plan.js";
import type { SynthPartRequest } from "./part.js";
import { VERSION } from "../version.js";

/**
 * The marker file that says "this folder is an aws-baseline synth output". Its name differs from
 * the answers file, and its content is checked, so a project folder is never taken for an output.
 * It records the SHA-256 of every file synth wrote: a copied marker does not make a folder of
 * the user's files replaceable (see `unexpectedFiles`).
 */
export const OUTPUT_MARKER = "aws-baseline.synth.json";
const MARKER_KIND = "synth-output";

/** The saved plan terraform writes beside a stack's cdk.tf.json (plan, deploy). */
export const PLAN_FILE = "aws-baseline.tfplan";

/** What terraform keeps in a stack folder; `.terraform/` is its own, and carried over. */
const TERRAFORM_FILES = new Set([".terraform.lock.hcl", PLAN_FILE]);

/** Files a desktop's file browser drops into any folder it shows. */
const DESKTOP_FILES = new Set([".DS_Store", "Thumbs.db"]);

interface OutputMarker {
  readonly generator?: unknown;
  readonly kind?: unknown;
  /** Path (relative, '/'-separated) -> SHA-256 of every file synth wrote, except the marker. */
  readonly sha256?: Readonly<Record<string, string>>;
  /** Markers written before `sha256`: the stacks, whose cdk.tf.json files are ours. */
  readonly stacks?: readonly { readonly name?: unknown }[];
}

async function readMarker(dir: string): Promise<OutputMarker | undefined> {
  try {
    const marker = JSON.parse(await readFile(join(dir, OUTPUT_MARKER), "utf8")) as OutputMarker;
    return marker?.generator === "aws-baseline" && marker.kind === MARKER_KIND ? marker : undefined;
  } catch {
    return undefined;
  }
}

async function sha256Of(file: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
}

/** SHA-256 of every file under `dir` (except the marker), by '/'-separated relative path, sorted. */
async function fileHashes(dir: string): Promise<Record<string, string>> {
  const paths = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((path) => path !== OUTPUT_MARKER)
    .sort();
  const hashes: Record<string, string> = {};
  for (const path of paths) hashes[path] = await sha256Of(join(dir, path));
  return hashes;
}

/**
 * Files in an output folder that synth did not write, or changed since: everything except the
 * marker, the files it records (unchanged), terraform's files in each stack folder and desktop
 * metadata. A marker from before the hashes were recorded vouches for manifest.json and its
 * stacks' cdk.tf.json files only.
 */
async function unexpectedFiles(dir: string, marker: OutputMarker): Promise<string[]> {
  const recorded: Record<string, string | undefined> = marker.sha256
    ? { ...marker.sha256 }
    : Object.fromEntries([
        ["manifest.json", undefined],
        ...(marker.stacks ?? []).map((s) => [`stacks/${String(s.name)}/cdk.tf.json`, undefined]),
      ]);
  const out: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const inStack = /^stacks\/[^/]+$/.test(folder);
    for (const entry of await readdir(join(dir, folder), { withFileTypes: true })) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!(inStack && entry.name === ".terraform")) await walk(path);
      } else if (!entry.isFile()) out.push(`${path} (not a regular file)`);
      else if (path === OUTPUT_MARKER || DESKTOP_FILES.has(entry.name)) continue;
      else if (inStack && TERRAFORM_FILES.has(entry.name)) continue;
      else if (!Object.hasOwn(recorded, path)) out.push(path);
      else if (recorded[path] && recorded[path] !== (await sha256Of(join(dir, path))))
        out.push(`${path} (changed since synth wrote it)`);
    }
  };
  await walk("");
  return out;
}

export interface SynthesizedStack {
  readonly name: string;
  readonly account: string;
  readonly accountId?: string;
  readonly regions: readonly string[];
  readonly dependsOn: readonly string[];
  readonly resourceCount: number;
  /** Relative to the output folder. */
  readonly file: string;
}

export interface SynthResult {
  readonly outDir: string;
  readonly stacks: readonly SynthesizedStack[];
  readonly pending: readonly PendingStack[];
  /** Emulator mode: the parts of the baseline left out (empty for real AWS). */
  readonly emulatorLeftOut: readonly LeftOut[];
  readonly manualSteps: readonly string[];
  readonly networkCost: OrganizationNetworkCost;
  /** How synthesis was split: parts, and whether they ran in child processes. Not written to disk. */
  readonly parallelism: { readonly parts: number; readonly processes: boolean };
}

export interface SynthOptions {
  readonly outDir: string;
  /** Replace `outDir` even when it is not an aws-baseline output. */
  readonly force?: boolean;
  /**
   * Parts synthesized in parallel child processes.
   * @default - 1 below 24 ready stacks, else the number of CPUs (at most 4)
   */
  readonly workers?: number;
  /**
   * Stops synthesis (SIGINT/SIGTERM in the CLI): child processes are stopped, the staging folder
   * is removed, the previous output stays, and ABORTED is thrown.
   */
  readonly signal?: AbortSignal;
}

function interrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new BaselineError("ABORTED", "synth interrupted: the previous output is unchanged");
  }
}

/** Below this many stacks, starting workers costs more than it saves. */
const PARALLEL_FROM_STACKS = 24;

/** Relative synthesis cost of a stack: baseline stacks carry controls in every region. */
function weight(plan: StackPlan): number {
  return plan.kind === "baseline" ? 10 + 4 * plan.regions.length : 12;
}

/** Splits stacks into `parts` groups of similar total weight (largest first, to the lightest group). */
export function partition(plans: readonly StackPlan[], parts: number): string[][] {
  const groups = Array.from({ length: Math.max(1, parts) }, () => ({
    load: 0,
    names: [] as string[],
  }));
  for (const plan of [...plans].sort((a, b) => weight(b) - weight(a))) {
    const lightest = groups.reduce((min, g) => (g.load < min.load ? g : min));
    lightest.load += weight(plan);
    lightest.names.push(plan.name);
  }
  return groups.map((g) => g.names).filter((names) => names.length > 0);
}

/** The compiled worker; absent when running from TypeScript sources (tests), where parts run in-process. */
const WORKER_FILE = fileURLToPath(new URL("./worker.js", import.meta.url));

type WorkerReply =
  { ok: true; stacks: BuiltStack[] } | { ok: false; message: string; stack?: string };

function runWorker(request: SynthPartRequest, signal?: AbortSignal): Promise<BuiltStack[]> {
  return new Promise((resolvePart, reject) => {
    const child = fork(WORKER_FILE, [], {
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    // Interrupted: stop the child now, so it writes nothing more into the staging folder.
    const stop = () => child.kill("SIGTERM");
    signal?.addEventListener("abort", stop, { once: true });
    child.once("exit", () => signal?.removeEventListener("abort", stop));
    let reply: WorkerReply | undefined;
    child.once("message", (message) => (reply = message as WorkerReply));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (reply?.ok) return resolvePart(reply.stacks);
      const error = new Error(
        reply ? reply.message : `synth worker exited with code ${code} and no result`,
      );
      if (reply && !reply.ok && reply.stack) error.stack = reply.stack;
      reject(error);
    });
    child.send(request);
  });
}

async function runPart(
  request: SynthPartRequest,
  inWorker: boolean,
  signal?: AbortSignal,
): Promise<BuiltStack[]> {
  if (inWorker) return runWorker(request, signal);
  const { synthPart } = await import("./part.js");
  return synthPart(request);
}

/** Moves each part's stacks into `staging` and writes one manifest with the planned dependencies. */
async function mergeParts(staging: string, partDirs: string[], built: BuiltStack[]): Promise<void> {
  const entries: Record<string, Record<string, unknown>> = {};
  let version = "";
  await mkdir(join(staging, "stacks"), { recursive: true });
  for (const dir of partDirs) {
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
    version = manifest.version;
    for (const [name, entry] of Object.entries(
      manifest.stacks as Record<string, Record<string, unknown>>,
    )) {
      entries[name] = entry;
      await rename(join(dir, "stacks", name), join(staging, "stacks", name));
    }
    await rm(dir, { recursive: true, force: true });
  }
  const names = new Set(built.map((s) => s.name));
  const stacks: Record<string, unknown> = {};
  for (const stack of built) {
    // Dependencies come from the plan: a part only knows the stacks it built itself.
    stacks[stack.name] = {
      ...entries[stack.name],
      dependencies: stack.dependsOn.filter((d) => names.has(d)),
    };
  }
  await writeFile(
    join(staging, "manifest.json"),
    `${JSON.stringify({ stacks, version }, null, 2)}\n`,
  );
}

/**
 * A folder is replaced only when it is empty, or an aws-baseline output holding nothing but what
 * synth wrote (unchanged) and what terraform keeps there; `force` replaces anything.
 */
async function assertReplaceable(outDir: string, force: boolean): Promise<void> {
  if (!existsSync(outDir) || force) return;
  const entries = await readdir(outDir);
  if (entries.length === 0) return;
  const marker = await readMarker(outDir);
  if (!marker) {
    throw new BaselineError(
      "OUTPUT_NOT_OURS",
      `refusing to replace ${outDir}: it is not an aws-baseline synth output`,
      { hint: "choose another --out folder, or pass --force to replace it" },
    );
  }
  const unexpected = await unexpectedFiles(outDir, marker);
  if (unexpected.length === 0) return;
  const shown = unexpected.slice(0, 10).join(", ");
  const more = unexpected.length > 10 ? ` and ${unexpected.length - 10} more` : "";
  throw new BaselineError(
    "OUTPUT_NOT_OURS",
    `refusing to replace ${outDir}: it holds ${unexpected.length} file(s) synth did not write: ${shown}${more}`,
    {
      hint: "move those files out of the folder, choose another --out folder, or pass --force to replace the folder and everything in it",
    },
  );
}

/** Moves `.terraform/` and `.terraform.lock.hcl` of each stack from the old output to the new one. */
async function carryOverTerraformFiles(oldDir: string, newDir: string): Promise<void> {
  const oldStacks = join(oldDir, "stacks");
  if (!existsSync(oldStacks)) return;
  for (const stack of await readdir(oldStacks)) {
    const target = join(newDir, "stacks", stack);
    if (!existsSync(target)) continue; // stack no longer exists
    for (const item of [".terraform", ".terraform.lock.hcl"]) {
      const from = join(oldStacks, stack, item);
      if (existsSync(from)) await rename(from, join(target, item));
    }
  }
}

/** Synthesizes every stack whose inputs are known and writes the output folder atomically. */
export async function synthesize(
  config: BaselineConfig,
  options: SynthOptions,
): Promise<SynthResult> {
  const outDir = resolve(options.outDir);
  await assertReplaceable(outDir, options.force ?? false);
  await mkdir(dirname(outDir), { recursive: true });
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(dirname(outDir), `.${basename(outDir)}.synth-${suffix}`);
  const previous = join(dirname(outDir), `.${basename(outDir)}.old-${suffix}`);
  try {
    const plans = planStacks(config);
    const ready = plans.filter((p) => p.waitingFor.length === 0);
    const workers =
      options.workers ??
      (ready.length < PARALLEL_FROM_STACKS ? 1 : Math.min(availableParallelism(), 4));
    const parts = partition(ready, workers);
    const inWorkers = parts.length > 1 && existsSync(WORKER_FILE);
    const partDirs = parts.map((_, i) => join(staging, `.part-${i}`));
    await mkdir(staging, { recursive: true }); // cdktf creates only the last folder of its outdir
    // allSettled: every child has exited before the staging folder can be removed.
    const settled = await Promise.allSettled(
      parts.map((names, i) => {
        const inPart = new Set(names);
        const plans = ready.filter((p) => inPart.has(p.name));
        return runPart({ plans, outdir: partDirs[i] as string }, inWorkers, options.signal);
      }),
    );
    interrupted(options.signal);
    const failed = settled.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    const results = settled.map((r) => (r as PromiseFulfilledResult<BuiltStack[]>).value);
    const order = new Map(plans.map((p, i) => [p.name, i]));
    const built = results
      .flat()
      .sort((a, b) => (order.get(a.name) as number) - (order.get(b.name) as number));
    await mergeParts(staging, partDirs, built);

    const stacks = built.map((spec): SynthesizedStack => ({
      name: spec.name,
      account: spec.account.name,
      accountId: spec.account.accountId,
      regions: spec.regions,
      dependsOn: spec.dependsOn,
      resourceCount: spec.resourceCount,
      file: join("stacks", spec.name, "cdk.tf.json"),
    }));
    const result: SynthResult = {
      outDir,
      stacks,
      pending: pendingStacks(plans),
      emulatorLeftOut: emulatorView(config).leftOut,
      manualSteps: manualSteps(config),
      networkCost: organizationNetworkCost(config.accounts, config.regions.home),
      parallelism: { parts: parts.length, processes: inWorkers },
    };
    // The marker holds no absolute path and nothing about how work was split, so outputs stay
    // identical across checkout locations and machines.
    const {
      outDir: _absolute,
      parallelism: _howSplit,
      emulatorLeftOut: _rehearsalOnly,
      ...portable
    } = result;
    const marker = {
      generator: "aws-baseline",
      kind: MARKER_KIND,
      version: VERSION,
      ...portable,
      sha256: await fileHashes(staging),
    };
    await writeFile(join(staging, OUTPUT_MARKER), `${JSON.stringify(marker, null, 2)}\n`);

    interrupted(options.signal);
    if (existsSync(outDir)) {
      await carryOverTerraformFiles(outDir, staging);
      await rename(outDir, previous);
    }
    await rename(staging, outDir);
    await rm(previous, { recursive: true, force: true });
    return result;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(outDir) && existsSync(previous)) await rename(previous, outDir);
    throw error;
  }
}
