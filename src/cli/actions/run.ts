/**
 * `aws-baseline plan | deploy | drift`: synthesize (unless --no-synth), then run terraform/tofu
 * over the stacks in dependency order and report typed results.
 */
import { loadConfigFor } from "../../answers/load.js";
import { stackName } from "../../answers/names.js";
import { allAccounts, type BaselineConfig } from "../../answers/resolve.js";
import type { DefaultVpcStep } from "../../aws/default-vpcs.js";
import { BaselineError } from "../../errors.js";
import { stackKindOf, type PendingStack } from "../../plan/plan.js";
import { deploy, synthStacks, type DeployFlowResult } from "../../run/deploy.js";
import { runnerSetup } from "../../run/setup.js";
import { readManifest } from "../../run/terraform/manifest.js";
import {
  checkPlans,
  driftAll,
  driftExitCode,
  planAll,
  type RunOptions,
} from "../../run/terraform/operations.js";
import type { Node } from "../../run/terraform/order.js";
import { stopIfInterrupted, whileInterruptible } from "../interrupt.js";
import type { Io } from "../io.js";
import { credentialsError } from "../../run/terraform/runner.js";
import { confirmOrStop } from "../prompter.js";
import { checkDefaultVpcStep, defaultVpcStep } from "../default-vpc-step.js";
import { renderDefaultVpcStep } from "../render-default-vpcs.js";
import { leftOutLines } from "../render.js";
import {
  driftMarkdown,
  renderWaveOutcomes,
  renderDrift,
  renderPlans,
  renderProtected,
  runnerProgress,
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
  /** The stacks --stack selects (plan, drift); deploy selects in its own flow. */
  readonly selected: readonly Node[];
  readonly pending: readonly PendingStack[];
  readonly options: RunOptions;
  readonly config?: BaselineConfig;
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

/**
 * Routine drift leaves out the access stacks: they run as the break-glass access role, whose every
 * use raises an alarm. `deploy` and `plan` check them; `drift --stack access-<account>` too.
 */
function withoutBreakGlass(stacks: readonly Node[]): Node[] {
  return stacks.filter((s) => stackKindOf(s.name) !== "access");
}

async function prepare(
  flags: RunFlags,
  command: string,
  io: Io,
  signal: AbortSignal,
): Promise<Prepared> {
  const config = flags.synth ? await loadConfigFor(flags.config, flags.endpointUrl) : undefined;
  const synthesized = config
    ? await synthStacks(config, flags.out, signal)
    : { stacks: await readManifest(flags.out), pending: [] };
  const leftOut = leftOutLines(synthesized.emulatorLeftOut ?? [], io.color);
  if (leftOut.length > 0) io.progress(leftOut.join("\n").trim());
  // deploy's first run synthesizes again after `org`: check what the whole output needs.
  const selected =
    command === "deploy"
      ? synthesized.stacks
      : command === "drift" && !flags.stack?.length
        ? withoutBreakGlass(synthesized.stacks)
        : select(synthesized.stacks, flags.stack);
  const runner = await runnerSetup(flags, {
    command,
    outDir: flags.out,
    config,
    stacks: selected.map((s) => s.name),
    ...runnerProgress(io),
  });
  const options: RunOptions = { ...runner, concurrency: flags.concurrency, signal };
  return { stacks: synthesized.stacks, selected, pending: synthesized.pending, options, config };
}

const INTERRUPTED = "interrupted: every terraform it started has stopped, and no other was started";

/**
 * Runs a command's body so that SIGINT/SIGTERM stop it cleanly: during synthesis as `synth`
 * does, during terraform by one SIGINT to each running terraform (no new one starts), then
 * exit 130.
 */
function interruptible<T>(command: string, io: Io, body: (signal: AbortSignal) => Promise<T>) {
  let told = false;
  return whileInterruptible(body, {
    interrupted: `${command} ${INTERRUPTED}`,
    onRepeat: () => {
      if (told) return;
      told = true;
      io.progress(
        io.color.yellow(
          "stopping: terraform finishes what it is doing and saves its state (interrupting it twice could lose state); please wait",
        ),
      );
    },
  });
}

export interface PlanFlags extends RunFlags {
  readonly detailedExitcode?: boolean;
}

export async function planCommand(flags: PlanFlags, io: Io): Promise<void> {
  await interruptible("plan", io, (signal) => plan(flags, io, signal));
}

async function plan(flags: PlanFlags, io: Io, signal: AbortSignal): Promise<void> {
  const prepared = await prepare(flags, "plan", io, signal);
  const plans = await planAll(prepared.selected, prepared.options);
  stopIfInterrupted(signal, `plan ${INTERRUPTED}`);
  const changed = plans.some((p) => p.status === "planned" && p.hasChanges);
  io.result(
    { ok: plans.every((p) => p.status === "planned"), stacks: plans, pending: prepared.pending },
    () => renderPlans(plans, prepared.pending, io.color),
  );
  checkPlans(plans);
  if (flags.detailedExitcode && changed) process.exitCode = 2;
}

export interface DeployFlags extends RunFlags {
  readonly yes?: boolean;
  readonly allowDestroy?: boolean;
}

export async function deployCommand(flags: DeployFlags, io: Io): Promise<void> {
  await interruptible("deploy", io, (signal) => deployStacks(flags, io, signal));
}

async function deployStacks(flags: DeployFlags, io: Io, signal: AbortSignal): Promise<void> {
  const prepared = await prepare(flags, "deploy", io, signal);
  const c = io.color;
  const result = await deploy({
    answersFile: flags.config,
    outDir: flags.out,
    synth: flags.synth,
    endpointUrl: flags.endpointUrl,
    stack: flags.stack,
    allowDestroy: flags.allowDestroy,
    synthesized: { stacks: prepared.stacks, pending: prepared.pending },
    run: prepared.options,
    confirm: async (wave) => {
      stopIfInterrupted(signal, `deploy ${INTERRUPTED}; wave ${wave.wave} was not applied`);
      await confirmOrStop(io, {
        yes: flags.yes,
        command: "deploy",
        question: `Apply wave ${wave.wave} of ${wave.waves} (${wave.toApply.join(", ")})?`,
        hint: "review `aws-baseline plan`, then run deploy with --yes",
        refused: `stopped before wave ${wave.wave}: its stacks were not applied`,
      });
      return true;
    },
    describeProtected: (risky) => renderProtected(risky, c),
    report: (e) => {
      if (e.type === "wave-planned") {
        io.progress(c.bold(`wave ${e.wave} of ${e.waves}: planned`));
        io.progress(renderPlans(e.plans, [], c));
        if (e.toApply.length === 0) io.progress(c.green("nothing to apply in this wave"));
      } else if (e.type === "wave-done") io.progress(renderWaveOutcomes(e.outcomes, c));
      else if (e.type === "organization") io.progress(c.dim(e.line));
      else if (e.type === "ids-diff") io.progress(e.diff);
      else io.progress(`${c.green("✔")} recorded ${e.count} ID(s) in ${e.file}`);
    },
  });
  const defaultVpcs = await defaultVpcsAfterDeploy(flags, io, result);
  io.result(
    {
      ok: true,
      phases: result.phases,
      stacks: result.outcomes,
      pending: result.pending,
      ...(defaultVpcs ? { defaultVpcs } : {}),
    },
    () =>
      [
        `${io.color.green("✔")} deployed: ${result.phases.map((p) => p.join(", ")).join(" → ")}`,
        ...result.pending.map((p) => `${io.color.yellow("waiting")} ${p.name}: ${p.reason}`),
        ...(defaultVpcs ? [renderDefaultVpcStep(defaultVpcs, io.color)] : []),
      ].join("\n"),
  );
  if (defaultVpcs) checkDefaultVpcStep(defaultVpcs);
}

/**
 * With `accountDefaults.defaultVpc: "delete"`, the last step of deploy: delete the unused default
 * VPCs of every account whose baseline stack this run applied (or found unchanged). The answers
 * are read again, since a first run has just recorded the account IDs.
 */
async function defaultVpcsAfterDeploy(
  flags: DeployFlags,
  io: Io,
  result: DeployFlowResult,
): Promise<DefaultVpcStep | undefined> {
  if (!flags.synth) return undefined;
  const config = await loadConfigFor(flags.config, flags.endpointUrl);
  if (config.accountDefaults.defaultVpc !== "delete") return undefined;
  const done = new Set(
    result.outcomes
      .filter((o) => o.status === "applied" || o.status === "unchanged")
      .map((o) => o.stack),
  );
  const accounts = allAccounts(config)
    .map((a) => a.name)
    .filter((name) => done.has(stackName.baseline(name)));
  if (accounts.length === 0) return undefined;
  io.progress(io.color.bold("default VPCs: deleting the unused ones (accountDefaults.defaultVpc)"));
  return defaultVpcStep(config, { yes: flags.yes }, io, "deploy", accounts);
}

export interface DriftFlags extends RunFlags {
  readonly markdown?: boolean;
}

export async function driftCommand(flags: DriftFlags, io: Io): Promise<void> {
  await interruptible("drift", io, (signal) => drift(flags, io, signal));
}

async function drift(flags: DriftFlags, io: Io, signal: AbortSignal): Promise<void> {
  const prepared = await prepare(flags, "drift", io, signal);
  const results = await driftAll(prepared.selected, prepared.options);
  stopIfInterrupted(signal, `drift ${INTERRUPTED}`);
  const code = driftExitCode(results);
  const summary = { ok: code === 0, exitCode: code, stacks: results, pending: prepared.pending };
  if (flags.markdown && !io.json)
    process.stdout.write(`${driftMarkdown(results, prepared.pending)}\n`);
  else io.result(summary, () => renderDrift(results, prepared.pending, io.color));
  process.exitCode = code;
  // Nothing could be checked for lack of credentials: say so once, as an environment problem.
  const noCredentials = results.every((r) => r.status === "unchecked")
    ? credentialsError(results.flatMap((r) => (r.status === "unchecked" ? [r.reason] : [])))
    : undefined;
  if (noCredentials) throw noCredentials;
}
