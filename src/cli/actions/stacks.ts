/** `aws-baseline stacks` and `aws-baseline drift-report`: CI fan-out of drift, and the merge. */
import { readFile } from "node:fs/promises";
import { loadConfigFor } from "../../answers/load.js";
import { BaselineError } from "../../errors.js";
import { planStacks } from "../../plan/plan.js";
import { driftMatrix, type DriftMatrix } from "../../run/drift-matrix.js";
import { mergeDriftReports } from "../../run/drift-report.js";
import type { Io } from "../io.js";
import { table } from "../render.js";
import { driftMarkdown, renderDrift } from "../render-run.js";

export interface StacksFlags {
  readonly config: string;
  readonly endpointUrl?: string;
  readonly matrix?: boolean;
  readonly maxJobs: number;
}

export async function stacksCommand(flags: StacksFlags, io: Io): Promise<void> {
  const config = await loadConfigFor(flags.config, flags.endpointUrl);
  const plans = planStacks(config);
  if (flags.matrix) {
    // One line: the workflow puts it into $GITHUB_OUTPUT.
    process.stdout.write(`${JSON.stringify(driftMatrix(plans, flags.maxJobs))}\n`);
    return;
  }
  const stacks = plans.map((p) => ({
    name: p.name,
    kind: p.kind,
    account: p.account.name,
    regions: p.regions,
    dependsOn: p.dependsOn,
    waitingFor: p.waitingFor,
  }));
  io.result({ stacks }, () =>
    table(
      ["stack", "account", "regions", "after", "waiting for"],
      stacks.map((s) => [
        s.name,
        s.account,
        String(s.regions.length),
        s.dependsOn.join(", "),
        s.waitingFor.join(", "),
      ]),
    ),
  );
}

export interface DriftReportFlags {
  readonly matrix?: string;
  readonly markdown?: boolean;
}

async function readReport(file: string): Promise<{ source: string; json: unknown }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new BaselineError(
      "DRIFT_REPORT_INVALID",
      `cannot read ${file}: ${(error as Error).message}`,
      {
        hint: "pass the files written by `aws-baseline drift --json`",
      },
    );
  }
  try {
    return { source: file, json: JSON.parse(text) };
  } catch {
    throw new BaselineError("DRIFT_REPORT_INVALID", `${file} is not JSON`, {
      hint: "write it with `aws-baseline drift --json > <file>` (progress goes to stderr)",
    });
  }
}

function parseMatrix(text: string | undefined): DriftMatrix | undefined {
  if (text === undefined) return undefined;
  try {
    const matrix = JSON.parse(text) as DriftMatrix;
    if (Array.isArray(matrix?.include)) return matrix;
  } catch {
    // reported below
  }
  throw new BaselineError("DRIFT_REPORT_INVALID", `--matrix is not a stacks --matrix document`, {
    hint: 'pass the output of `aws-baseline stacks --matrix`: {"include":[{"group":…,"stacks":…}]}',
  });
}

export async function driftReportCommand(
  files: readonly string[],
  flags: DriftReportFlags,
  io: Io,
): Promise<void> {
  const matrix = parseMatrix(flags.matrix);
  const merged = mergeDriftReports(await Promise.all(files.map(readReport)), matrix);
  if (flags.markdown && !io.json) {
    process.stdout.write(`${driftMarkdown(merged.stacks, merged.pending)}\n`);
  } else {
    io.result({ ok: merged.exitCode === 0, ...merged }, () =>
      renderDrift(merged.stacks, merged.pending, io.color),
    );
  }
  process.exitCode = merged.exitCode;
}
