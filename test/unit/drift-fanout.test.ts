/**
 * Drift fanned out over CI jobs: one job per account (folded above a limit), and one merged
 * report whose exit code counts a job that left no result as unchecked.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planStacks } from "../../src/plan/plan.js";
import { driftMatrix } from "../../src/run/drift-matrix.js";
import { mergeDriftReports } from "../../src/run/drift-report.js";
import { configFrom, EXAMPLE_FILE, exampleAnswers } from "../helpers/answers.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/synth.js";

const plans = planStacks(configFrom(exampleAnswers()));

describe("drift matrix", () => {
  it("one job per account, each with that account's stacks, leaving out the break-glass access stacks", () => {
    const { include } = driftMatrix(plans);
    expect(include.map((j) => j.group)).toEqual([
      "management",
      "log-archive",
      "security",
      "dev",
      "test",
      "prod",
    ]);
    expect(include.find((j) => j.group === "dev")?.stacks).toBe("baseline-dev network-dev");
    expect(include.find((j) => j.group === "management")?.stacks).toBe(
      "org org-trail billing baseline-management",
    );
  });

  it("folds accounts into at most --max-jobs jobs, keeping every stack exactly once", () => {
    const { include } = driftMatrix(plans, 4);
    expect(include).toHaveLength(4);
    const all = include.flatMap((j) => j.stacks.split(" ")).sort();
    expect(all).toEqual(
      plans
        .filter((p) => p.kind !== "access")
        .map((p) => p.name)
        .sort(),
    );
  });
});

describe("merged drift report", () => {
  const inSync = (stack: string) => ({ stack, status: "in-sync", logFile: "l" });

  it("a job without a result makes its stacks unchecked (exit 1); drift elsewhere is exit 2", () => {
    const matrix = {
      include: [
        { group: "dev", stacks: "baseline-dev network-dev" },
        { group: "prod", stacks: "baseline-prod" },
      ],
    };
    const merged = mergeDriftReports(
      [{ source: "dev.json", json: { stacks: [inSync("baseline-dev"), inSync("network-dev")] } }],
      matrix,
    );
    expect(merged.exitCode).toBe(1);
    expect(merged.stacks.find((s) => s.stack === "baseline-prod")).toMatchObject({
      status: "unchecked",
      reason: expect.stringContaining('CI job "prod"'),
    });
    const drifted = mergeDriftReports([
      { source: "a", json: { stacks: [inSync("baseline-dev")] } },
      {
        source: "b",
        json: { stacks: [{ stack: "org", status: "drifted", changes: [], logFile: "" }] },
      },
    ]);
    expect(drifted.exitCode).toBe(2);
  });

  it("the CLI: stacks --matrix for the workflow, drift-report merging files (exit codes CI acts on)", () => {
    const matrix = cli(["stacks", "--matrix", "--config", EXAMPLE_FILE]);
    expect(matrix.code, matrix.stderr).toBe(0);
    expect(JSON.parse(matrix.stdout).include).toHaveLength(6);

    const dir = tempDir();
    mkdirSync(join(dir, "results"));
    const file = join(dir, "results", "drift-dev.json");
    writeFileSync(file, JSON.stringify({ stacks: [inSync("baseline-dev")] }));
    const ok = cli(["drift-report", file, "--markdown"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("| baseline-dev | in sync |");
    const missing = cli(["drift-report", file, "--matrix", matrix.stdout.trim(), "--json"]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).stacks.length).toBe(14); // access stacks are not drift-checked
    const bad = cli(["drift-report", join(dir, "nope.json")]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("cannot read");
  });
});
