/** Text rendering of library results. Pure: values in, strings out. */
import type { LeftOut } from "../plan/emulator-view.js";
import Table from "cli-table3";
import type { Problem } from "../answers/problems.js";
import { showValue } from "../answers/problems.js";
import type { AnswerChange } from "../generator/answers-changes.js";
import type { WrittenFile } from "../generator/project.js";
import type { ProjectSummary } from "../generator/summary.js";
import { describeDetectiveCost } from "../detective/cost.js";
import { describeNetworkCost } from "../network/cost.js";
import type { SynthResult } from "../synth/synth.js";
import type { StackValidation } from "../run/terraform/validate.js";
import type { Colors } from "./io.js";

/** The numbered manual-steps block shown by synth and by init's summary. */
function manualStepLines(steps: readonly string[], c: Colors): string[] {
  if (steps.length === 0) return [];
  return [
    "",
    c.bold("Manual steps (no API can do these):"),
    ...steps.map((step, i) => `  ${i + 1}. ${step}`),
  ];
}

export function renderProblems(problems: readonly Problem[], c: Colors): string {
  return problems
    .map((p) => {
      const lines = [`${c.red("✖")} ${c.bold(p.path)} ${p.message}`];
      if ("received" in p) lines.push(`    received: ${showValue(p.received)}`);
      lines.push(`    fix: ${p.fix}`);
      return lines.join("\n");
    })
    .join("\n");
}

export function table(head: string[], rows: (string | number)[][]): string {
  const t = new Table({
    head,
    style: { head: [], border: [], compact: true },
    chars: {
      mid: "",
      "left-mid": "",
      "mid-mid": "",
      "right-mid": "",
      top: "",
      "top-mid": "",
      "top-left": "",
      "top-right": "",
      bottom: "",
      "bottom-mid": "",
      "bottom-left": "",
      "bottom-right": "",
      left: "",
      right: "",
      middle: "  ",
    },
  });
  t.push(...rows.map((r) => r.map(String)));
  return t
    .toString()
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n");
}

export function validationCell(v: StackValidation | undefined, c: Colors): string {
  if (!v) return c.dim("-");
  switch (v.status) {
    case "valid":
      return c.green(`valid${v.warnings.length ? ` (${v.warnings.length} warning(s))` : ""}`);
    case "invalid":
      return c.red(`invalid: ${v.diagnostics.length} error(s)`);
    case "error":
      return c.red(`${v.step} failed`);
  }
}

export function renderValidationFailures(
  validations: readonly StackValidation[],
  c: Colors,
): string {
  const out: string[] = [];
  for (const v of validations) {
    if (v.status === "invalid") {
      for (const d of v.diagnostics) {
        out.push(
          `${c.red("✖")} ${c.bold(v.stack)}${d.where ? ` ${d.where}` : ""}: ${d.summary}${d.detail ? `\n    ${d.detail.replaceAll("\n", "\n    ")}` : ""}`,
        );
      }
    } else if (v.status === "error") {
      out.push(
        `${c.red("✖")} ${c.bold(v.stack)}: terraform ${v.step} failed\n    ${v.message.replaceAll("\n", "\n    ")}`,
      );
    }
  }
  return out.join("\n");
}

export function renderSynth(
  result: SynthResult,
  c: Colors,
  extra: {
    seconds: number;
    relativeOut: string;
    validations?: readonly StackValidation[];
    validationSkipped?: string;
  },
): string {
  const byStack = new Map(extra.validations?.map((v) => [v.stack, v]));
  const showValidation = extra.validations !== undefined;
  const rows = result.stacks.map((s) => [
    s.name,
    s.account,
    s.accountId ?? c.dim("(caller)"),
    s.regions.length,
    s.resourceCount,
    ...(showValidation ? [validationCell(byStack.get(s.name), c)] : []),
  ]);
  const lines = [
    `${c.green("✔")} synthesized ${result.stacks.length} stack(s) into ${extra.relativeOut} in ${extra.seconds.toFixed(1)} s`,
    "",
    table(
      [
        "stack",
        "account",
        "account id",
        "regions",
        "resources",
        ...(showValidation ? ["terraform validate"] : []),
      ],
      rows,
    ),
  ];
  lines.push("", describeNetworkCost(result.networkCost));
  if (extra.validationSkipped)
    lines.push("", c.yellow(`! terraform validate skipped: ${extra.validationSkipped}`));
  lines.push(...leftOutLines(result.emulatorLeftOut, c));
  if (result.pending.length > 0) {
    lines.push(
      "",
      c.yellow(`Waiting for account IDs (${result.pending.length} stack(s) not synthesized):`),
    );
    for (const p of result.pending)
      lines.push(`  ${c.bold(p.name)}: set ${p.waitingFor.join(", ")}`);
    lines.push(
      `  ${c.dim("Apply the org stack first; then record the new account IDs in the answers file and synth again.")}`,
    );
  }
  lines.push(...manualStepLines(result.manualSteps, c));
  return lines.join("\n");
}

export function renderSummary(summary: ProjectSummary, c: Colors): string {
  const lines = [
    c.bold("Accounts"),
    table(
      ["account", "kind", "e-mail", "OU"],
      summary.accounts.map((a) => [a.name, a.kind, a.email ?? c.dim("-"), a.ou ?? c.dim("(root)")]),
    ),
    "",
    c.bold(
      `Stacks (${summary.stacks.length}, ${summary.stacks.reduce((n, s) => n + s.resources, 0)} resources)`,
    ),
    table(
      ["stack", "account", "resources", "synthesized"],
      summary.stacks.map((s) => [
        s.name,
        s.account,
        s.resources,
        s.waitingFor.length ? c.yellow("after the first deploy") : c.green("now"),
      ]),
    ),
    ...(summary.filledInByFirstDeploy
      ? [
          c.dim(
            `Filled in after the first deploy: ${summary.filledInByFirstDeploy}. \`deploy\` applies the org stack, records them in aws-baseline.json, then synthesizes and deploys the rest.`,
          ),
        ]
      : []),
    "",
    describeNetworkCost(summary.networkCost),
    ...describeDetectiveCost(summary.detectiveCost),
  ];
  lines.push(...manualStepLines(summary.manualSteps, c));
  return lines.join("\n");
}

/** One line per changed answer: `regions.home: "us-east-1" → "eu-central-1"`. */
export function renderAnswerChanges(changes: readonly AnswerChange[], c: Colors): string {
  const shown = (v: unknown) => (v === undefined ? c.dim("(not set)") : showValue(v));
  const scalars = (v: unknown): v is unknown[] =>
    Array.isArray(v) && v.every((item) => item === null || typeof item !== "object");
  return changes
    .map(({ path, before, after }) => {
      let what = `${shown(before)} → ${shown(after)}`;
      if (scalars(before) && scalars(after)) {
        const added = after.filter((v) => !before.includes(v));
        const removed = before.filter((v) => !after.includes(v));
        const parts = [
          added.length > 0 ? `added ${added.map(shown).join(", ")}` : "",
          removed.length > 0 ? `removed ${removed.map(shown).join(", ")}` : "",
        ].filter(Boolean);
        what = parts.length > 0 ? parts.join("; ") : "same items, new order";
      }
      return `  ${c.bold(path)}: ${what}`;
    })
    .join("\n");
}

export function renderInitResult(
  dir: string,
  files: readonly WrittenFile[],
  placeholders: readonly string[],
  c: Colors,
  pkg: { dependency?: string; why?: string; note?: string } = {},
): string {
  const lines = [`${c.green("✔")} project in ${dir}`];
  for (const f of files) {
    const action = f.action === "kept" ? c.yellow(f.action.padEnd(9)) : f.action.padEnd(9);
    lines.push(`  ${action} ${f.path}${f.note ? c.dim(`  (${f.note})`) : ""}`);
  }
  if (pkg.why)
    lines.push("", `aws-baseline dependency: ${pkg.dependency} ${c.dim(`(${pkg.why})`)}`);
  if (pkg.note) lines.push("", c.yellow(`! ${pkg.note}`));
  if (placeholders.length > 0) {
    lines.push(
      "",
      c.yellow(
        `! placeholders were used for: ${placeholders.join(", ")}. Replace them (example.com addresses) in aws-baseline.json before applying.`,
      ),
    );
  }
  lines.push("", `Next: cd ${dir} && npm install && npx aws-baseline synth`);
  return lines.join("\n");
}

/** What emulator mode left out, each with why and the switch that brings it back. */
export function leftOutLines(leftOut: readonly LeftOut[], c: Colors): string[] {
  if (leftOut.length === 0) return [];
  return [
    "",
    c.yellow(`Emulator mode leaves out ${leftOut.length} part(s) emulators cannot run:`),
    ...leftOut.map((l) => `  ${c.bold(l.what)}: ${l.why} (${l.switch}: false brings it back)`),
  ];
}
