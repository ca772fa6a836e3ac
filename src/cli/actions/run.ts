/**
 * `aws-baseline plan | deploy | drift`: synthesize (unless --no-synth), then run terraform/tofu
 * over the stacks in dependency order and report typed results.
 */
import { dirname, join, relative, resolve } from "node:path";
import { editAnswersText } from "../../answers/edit.js";
import { loadConfigFor } from "../../answers/load.js";
import type { BaselineConfig } from "../../answers/resolve.js";
import { deployFlow } from "../../run/deploy.js";
import { emulatorCredentialsEnv, emulatorFor } from "../../answers/emulator.js";
import { BaselineError } from "../../errors.js";
import type { PendingStack } from "../../plan/plan.js";
import { synthesize } from "../../synth/synth.js";
import { findTerraform } from "../../run/terraform/binary.js";
import { readManifest } from "../../run/terraform/manifest.js";
import {
  applyAll,
  driftAll,
  driftExitCode,
  checkProtected,
  planAll,
  type RunOptions,
  type StackPlanOutcome,
} from "../../run/terraform/operations.js";
import type { Node } from "../../run/terraform/order.js";
import type { RunnerOptions, StepEvent } from "../../run/terraform/runner.js";
import { checkPluginDir } from "../../run/terraform/validate.js";
import { writeFileAtomic } from "../../util/fs.js";
import type { Io } from "../io.js";
import { confirmOrStop } from "../prompter.js";
import { answersDiff, readSync } from "./accounts.js";
import {
  driftMarkdown,
  renderApply,
  renderDrift,
  renderPlans,
  renderProtected,
} from "../render-run.js";

export interface RunFlags {
  readonly config: string;
  readonly out: string;
  /** commander's --no-synth */
  readonly synth: boolean;
  readonly stack?: string[];
  readonly concurrency: number;
  readonly terraformBin?: string;
  readonly pluginDir?: string;
  readonly endpointUrl?: string;
  readonly logsDir?: string;
  readonly json?: boolean;
}

interface Prepared {
  readonly stacks: readonly Node[];
  readonly pending: readonly PendingStack[];
  readonly options: RunOptions;
  readonly config?: BaselineConfig;
}

function progress(io: Io) {
  return (e: StepEvent) => {
    const c = io.color;
    if (e.status === "start") io.progress(c.dim(`  ${e.stack}: ${e.step}…`));
    else if (e.status === "done")
      io.progress(`  ${e.stack}: ${e.step} ${c.green("ok")} (${e.seconds} s)`);
    else io.progress(`  ${e.stack}: ${e.step} ${c.red("failed")} (${e.seconds} s)`);
  };
}

function select(stacks: readonly Node[], wanted: readonly string[] | undefined): Node[] {
  if (!wanted || wanted.length === 0) return [...stacks];
  const names = new Set(stacks.map((s) => s.name));
  const unknown = wanted.filter((w) => !names.has(w));
  if (unknown.length > 0) {
    throw new BaselineError("UNKNOWN_STACK", `unknown stack(s): ${unknown.join(", ")}`, {
      hint: `stacks in this output: ${[...names].join(", ")}`,
    });
  }
  return stacks.filter((s) => wanted.includes(s.name));
}

async function synthStacks(config: BaselineConfig, out: string) {
  const result = await synthesize(config, { outDir: out });
  return {
    stacks: result.stacks.map((s) => ({ name: s.name, dependsOn: s.dependsOn })),
    pending: result.pending,
  };
}

/** Binary, logs folder, emulator credentials and progress: what every terraform run needs. */
export async function runnerSetup(
  flags: Pick<RunFlags, "terraformBin" | "pluginDir" | "endpointUrl" | "logsDir">,
  command: string,
  outDir: string,
  config: BaselineConfig | undefined,
  io: Io,
  logsRoot = join(dirname(resolve(outDir)), ".aws-baseline", "logs"),
): Promise<RunnerOptions> {
  const binary = await findTerraform(flags.terraformBin ?? config?.terraform.binary ?? "terraform");
  const emulator = emulatorFor(flags.endpointUrl, config?.emulator);
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const logsDir = resolve(flags.logsDir ?? join(logsRoot, `${command}-${stamp}`));
  io.progress(
    io.color.dim(
      `${command}: ${binary.command} ${binary.version}, logs in ${relative(process.cwd(), logsDir) || "."}` +
        (emulator ? `, emulator ${emulator.endpointUrl}` : ""),
    ),
  );
  return {
    binary,
    outDir: resolve(outDir),
    logsDir,
    pluginDir: checkPluginDir(flags.pluginDir),
    env: emulator ? emulatorCredentialsEnv(process.env) : {},
    onEvent: progress(io),
  };
}

async function prepare(flags: RunFlags, command: string, io: Io): Promise<Prepared> {
  const config = flags.synth ? await loadConfigFor(flags.config, flags.endpointUrl) : undefined;
  const synthesized = config
    ? await synthStacks(config, flags.out)
    : { stacks: await readManifest(flags.out), pending: [] };
  const runner = await runnerSetup(flags, command, flags.out, config, io);
  const options: RunOptions = { ...runner, concurrency: flags.concurrency };
  return { stacks: synthesized.stacks, pending: synthesized.pending, options, config };
}

function failedPlans(plans: readonly StackPlanOutcome[]): void {
  const failed = plans.filter((p) => p.status === "failed");
  if (failed.length > 0) {
    throw new BaselineError(
      "STACK_FAILED",
      `plan failed for ${failed.map((f) => f.stack).join(", ")}`,
      {
        hint: "the full terraform output is in each stack's log file (listed above)",
      },
    );
  }
}

export interface PlanFlags extends RunFlags {
  readonly detailedExitcode?: boolean;
}

export async function planCommand(flags: PlanFlags, io: Io): Promise<void> {
  const prepared = await prepare(flags, "plan", io);
  const stacks = select(prepared.stacks, flags.stack);
  const plans = await planAll(stacks, prepared.options);
  const changed = plans.some((p) => p.status === "planned" && p.hasChanges);
  io.result(
    { ok: plans.every((p) => p.status === "planned"), stacks: plans, pending: prepared.pending },
    () => renderPlans(plans, prepared.pending, io.color),
  );
  failedPlans(plans);
  if (flags.detailedExitcode && changed) process.exitCode = 2;
}

export interface DeployFlags extends RunFlags {
  readonly yes?: boolean;
  readonly allowDestroy?: boolean;
}

/** Plan, refuse protected deletes, confirm, apply saved plans in order. */
async function deployStacks(
  stacks: readonly Node[],
  options: RunOptions,
  flags: DeployFlags,
  io: Io,
): Promise<void> {
  const plans = await planAll(stacks, options);
  io.progress(renderPlans(plans, [], io.color));
  failedPlans(plans);
  checkProtected(plans, flags.allowDestroy ?? false, (risky) => renderProtected(risky, io.color));
  const planned = plans.filter(
    (p): p is StackPlanOutcome & { status: "planned" } => p.status === "planned",
  );
  if (!planned.some((p) => p.hasChanges)) {
    io.progress(io.color.green("nothing to apply: every stack matches its plan"));
    return;
  }
  await confirmOrStop(io, {
    yes: flags.yes,
    command: "deploy",
    question: "Apply these plans?",
    hint: "review `aws-baseline plan`, then run deploy with --yes",
    refused: "nothing applied",
  });
  const applied = await applyAll(planned, stacks, options);
  io.progress(renderApply(applied, io.color));
  const failed = applied.filter((a) => a.status === "failed" || a.status === "skipped");
  if (failed.length > 0) {
    throw new BaselineError(
      "STACK_FAILED",
      `apply did not finish for ${failed.map((f) => f.stack).join(", ")}`,
      {
        hint: "fix the first failure (see its log), then run deploy again: applied stacks show no changes",
      },
    );
  }
}

/** accounts sync, non-interactively, as step 2 of a first deploy. */
async function recordIds(flags: DeployFlags, io: Io): Promise<void> {
  const { text, plan } = await readSync(flags.config, flags, io);
  if (plan.conflicts.length > 0) {
    throw new BaselineError("ANSWERS_CONFLICT", plan.conflicts.map((c) => c.message).join("; "), {
      hint: "run `aws-baseline accounts sync` to review; nothing was written",
    });
  }
  const after = editAnswersText(text, plan.edits);
  if (after !== text) {
    io.progress(answersDiff(flags.config, text, after));
    await writeFileAtomic(flags.config, after);
    io.progress(`${io.color.green("✔")} recorded ${plan.edits.length} ID(s) in ${flags.config}`);
  }
}

export async function deployCommand(flags: DeployFlags, io: Io): Promise<void> {
  const prepared = await prepare(flags, "deploy", io);
  let first = true;
  const result = await deployFlow(
    {
      synth: async () => {
        if (first || !flags.synth) {
          first = false;
          return { stacks: prepared.stacks, pending: prepared.pending };
        }
        return synthStacks(await loadConfigFor(flags.config, flags.endpointUrl), flags.out);
      },
      deploy: (stacks) => deployStacks(stacks, prepared.options, flags, io),
      recordIds: () => recordIds(flags, io),
    },
    flags.stack,
  );
  io.result({ ok: true, phases: result.phases, pending: result.pending }, () =>
    [
      `${io.color.green("✔")} deployed: ${result.phases.map((p) => p.join(", ")).join(" → ")}`,
      ...result.pending.map((p) => `${io.color.yellow("waiting")} ${p.name}: ${p.reason}`),
    ].join("\n"),
  );
}

export interface DriftFlags extends RunFlags {
  readonly markdown?: boolean;
}

export async function driftCommand(flags: DriftFlags, io: Io): Promise<void> {
  const prepared = await prepare(flags, "drift", io);
  const stacks = select(prepared.stacks, flags.stack);
  const results = await driftAll(stacks, prepared.options);
  const code = driftExitCode(results);
  const summary = { ok: code === 0, exitCode: code, stacks: results, pending: prepared.pending };
  if (flags.markdown && !io.json)
    process.stdout.write(`${driftMarkdown(results, prepared.pending)}\n`);
  else io.result(summary, () => renderDrift(results, prepared.pending, io.color));
  process.exitCode = code;
}
