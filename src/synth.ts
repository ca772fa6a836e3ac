/**
 * Synthesis: BaselineConfig -> <out>/manifest.json + <out>/stacks/<stack>/cdk.tf.json, written
 * atomically. The App synthesizes into a sibling temp folder which then replaces <out> in one
 * rename, so a failed synth never leaves half an output behind. Per-stack `.terraform/` folders
 * and `.terraform.lock.hcl` files of the previous output are carried over (no needless re-init,
 * provider hashes kept). A folder that is not an aws-baseline output is never replaced without
 * `force`.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { buildBaseline, type PendingStack } from "./app.js";
import { App } from "./cdk.js";
import type { BaselineConfig } from "./config/resolve.js";
import { BaselineError } from "./errors.js";
import { manualSteps } from "./manual-steps.js";
import { organizationNetworkCost, type OrganizationNetworkCost } from "./network/cost.js";
import { VERSION } from "./version.js";

/** The marker file that says "this folder is an aws-baseline synth output". */
export const OUTPUT_MARKER = "aws-baseline.json";

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
  readonly manualSteps: readonly string[];
  readonly networkCost: OrganizationNetworkCost;
}

export interface SynthOptions {
  readonly outDir: string;
  /** Replace `outDir` even when it is not an aws-baseline output. */
  readonly force?: boolean;
}

async function assertReplaceable(outDir: string, force: boolean): Promise<void> {
  if (!existsSync(outDir) || force) return;
  const entries = await readdir(outDir);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return;
  throw new BaselineError(
    "OUTPUT_NOT_OURS",
    `refusing to replace ${outDir}: it is not an aws-baseline synth output`,
    {
      hint: "choose another --out folder, or pass --force to replace it",
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
    const app = new App({ outdir: staging, stackTraces: false });
    const built = buildBaseline(app, config);
    app.synth();

    const stacks = built.stacks.map((spec): SynthesizedStack => ({
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
      pending: built.pending,
      manualSteps: manualSteps(config),
      networkCost: organizationNetworkCost(config.accounts),
    };
    // The marker holds no absolute path, so outputs stay identical across checkout locations.
    const { outDir: _absolute, ...portable } = result;
    const marker = { generator: "aws-baseline", version: VERSION, ...portable };
    await writeFile(join(staging, OUTPUT_MARKER), `${JSON.stringify(marker, null, 2)}\n`);

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
