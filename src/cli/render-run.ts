/** Text and Markdown rendering of plan, deploy and drift results, and of terraform progress. */
import { relative } from "node:path";
import type { PendingStack } from "../plan/plan.js";
import type {
  DriftChange,
  DriftResult,
  ProtectedChange,
  StackPlanOutcome,
} from "../run/terraform/operations.js";
import type { AttributeChange } from "../run/terraform/plan-json.js";
import type { PreflightReport } from "../run/preflight.js";
import type { RunnerChoice } from "../run/setup.js";
import type { StepEvent } from "../run/terraform/runner.js";
import type { WaveOutcome } from "../run/waves.js";
import type { Colors, Io } from "./io.js";
import { table } from "./render.js";

function short(value: unknown): string {
  const text =
    value === undefined ? "(none)" : typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function describeAttribute(a: AttributeChange): string {
  return `${a.path || "(whole object)"}: ${short(a.before)} → ${short(a.after)}`;
}

function pendingLines(pending: readonly PendingStack[], c: Colors): string[] {
  return pending.map((p) => `${c.yellow("waiting")} ${p.name}: ${p.reason}`);
}

export function renderPlans(
  plans: readonly StackPlanOutcome[],
  pending: readonly PendingStack[],
  c: Colors,
): string {
  const rows = plans.map((p) =>
    p.status === "planned"
      ? [
          p.stack,
          p.hasChanges ? c.yellow("changes") : c.green("no changes"),
          p.counts.add,
          p.counts.change,
          p.counts.replace,
          p.counts.destroy,
          p.counts.import,
        ]
      : [p.stack, c.red("failed"), "-", "-", "-", "-", "-"],
  );
  const out = [table(["stack", "result", "add", "change", "replace", "destroy", "import"], rows)];
  for (const p of plans) {
    if (p.status === "failed")
      out.push(`${c.red("✖")} ${p.stack}: ${p.reason}\n  log: ${p.logFile}`);
  }
  const changed = plans.filter((p) => p.status === "planned" && p.hasChanges).length;
  out.push(
    `${plans.length} stack(s) planned, ${changed} with changes`,
    ...pendingLines(pending, c),
  );
  return out.join("\n");
}

export function renderProtected(changes: readonly ProtectedChange[], c: Colors): string {
  return changes
    .map(
      (p) =>
        `  ${c.red(p.action)} ${p.stack}: ${p.address} (${p.what})${p.advice ? `\n    ${p.advice}` : ""}`,
    )
    .join("\n");
}

/** What one deploy wave did to each of its stacks. */
export function renderWaveOutcomes(outcomes: readonly WaveOutcome[], c: Colors): string {
  return outcomes
    .map((o) => {
      if ("reason" in o) return `${c.red("✖")} ${o.stack}: ${o.status}: ${o.reason}`;
      if (o.status === "applied") return `${c.green("✔")} ${o.stack}: applied`;
      return `${c.dim("·")} ${o.stack}: no changes`;
    })
    .join("\n");
}

/** Where a drifted change came from, in words. */
function sourceText(change: DriftChange): string {
  if (change.source === "outside") return "changed outside Terraform (actual → desired)";
  if (change.source === "deleted") return "deleted outside Terraform (apply recreates it)";
  return `the answers differ from the deployment: apply would ${change.action}`;
}

/** A recreate lists every argument; the line already says what happened. */
function namedAttributes(change: DriftChange) {
  return change.source === "deleted" ? [] : change.attributes;
}

function changeLines(change: DriftChange): string[] {
  const controls = change.controls.length ? ` [breaks ${change.controls.join(", ")}]` : "";
  return [
    `  ${change.address}: ${sourceText(change)}${controls}`,
    ...namedAttributes(change).map((a) => `      ${describeAttribute(a)}`),
  ];
}

export function renderDrift(
  results: readonly DriftResult[],
  pending: readonly PendingStack[],
  c: Colors,
): string {
  const cell = (r: DriftResult) =>
    r.status === "in-sync"
      ? c.green("in sync")
      : r.status === "drifted"
        ? c.yellow(`drifted (${r.changes.length})`)
        : c.red("unchecked");
  const out = [
    table(
      ["stack", "drift"],
      results.map((r) => [r.stack, cell(r)]),
    ),
  ];
  for (const r of results) {
    if (r.status === "drifted")
      out.push(`${c.yellow(r.stack)}:`, ...r.changes.flatMap(changeLines));
    if (r.status === "unchecked")
      out.push(
        `${c.red(r.stack)}: not checked: ${r.reason}${r.logFile ? `\n  log: ${r.logFile}` : ""}`,
      );
  }
  out.push(...pendingLines(pending, c));
  return out.join("\n");
}

const md = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** A Markdown report for a CI job summary or an issue. */
export function driftMarkdown(
  results: readonly DriftResult[],
  pending: readonly PendingStack[],
): string {
  const drifted = results.filter((r) => r.status === "drifted").length;
  const unchecked = results.filter((r) => r.status === "unchecked").length;
  const out = [
    "## aws-baseline drift",
    "",
    `${results.length} stack(s): ${results.length - drifted - unchecked} in sync, ${drifted} drifted, ${unchecked} unchecked.`,
    "",
    "| stack | result | resource | change | controls |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const r of results) {
    if (r.status === "in-sync") out.push(`| ${r.stack} | in sync | | | |`);
    if (r.status === "unchecked") out.push(`| ${r.stack} | **unchecked** | | ${md(r.reason)} | |`);
    if (r.status === "drifted") {
      for (const change of r.changes) {
        const what = namedAttributes(change)
          .map((a) => md(describeAttribute(a)))
          .join("<br>");
        const how = md(sourceText(change));
        out.push(
          `| ${r.stack} | **drifted** | \`${change.address}\` | ${how}${what ? `<br>${what}` : ""} | ${change.controls.join(", ")} |`,
        );
      }
    }
  }
  if (pending.length > 0) {
    out.push("", ...pending.map((p) => `- waiting: ${p.name}: ${md(p.reason)}`));
  }
  return out.join("\n");
}

/** runnerSetup's callbacks that show the chosen binary and each terraform step on stderr. */
export function runnerProgress(io: Io) {
  const c = io.color;
  return {
    onReady: ({ command, binary, logsDir, emulator }: RunnerChoice) =>
      io.progress(
        c.dim(
          `${command}: ${binary.command} ${binary.version}, logs in ${relative(process.cwd(), logsDir) || "."}` +
            (emulator ? `, emulator ${emulator.endpointUrl}` : ""),
        ),
      ),
    onPreflight: ({ identity, stateBuckets }: PreflightReport) => {
      if (!identity) return;
      const buckets =
        stateBuckets.length > 0 ? `; state bucket ${stateBuckets.join(", ")} found` : "";
      io.progress(c.dim(`AWS: account ${identity.account} as ${identity.arn}${buckets}`));
    },
    onEvent: (e: StepEvent) => {
      if (e.status === "start") io.progress(c.dim(`  ${e.stack}: ${e.step}…`));
      else if (e.status === "skipped")
        io.progress(c.dim(`  ${e.stack}: ${e.step} current, skipped`));
      else if (e.status === "done")
        io.progress(`  ${e.stack}: ${e.step} ${c.green("ok")} (${e.seconds} s)`);
      else io.progress(`  ${e.stack}: ${e.step} ${c.red("failed")} (${e.seconds} s)`);
    },
  };
}
