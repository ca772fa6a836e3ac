/**
 * The generated project's own cdktf app (main.ts) runs: with the project's dependencies pointing
 * at this package, main.ts builds the baseline from aws-baseline.json, plus a stack a user adds.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/version.js";
import { exampleAnswers } from "../helpers/answers.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/synth.js";

describe("generated project", () => {
  it("main.ts synthesizes the baseline from the answers, and the stacks a user adds", () => {
    const answersFile = join(tempDir(), "acme.json");
    writeFileSync(answersFile, JSON.stringify(exampleAnswers()));
    const dir = join(tempDir(), "acme");
    expect(cli(["init", "--answers", answersFile, dir]).code).toBe(0);

    // What `npm install` would provide, from this checkout.
    mkdirSync(join(dir, "node_modules/@cdktf"), { recursive: true });
    symlinkSync(PACKAGE_ROOT, join(dir, "node_modules/aws-baseline"));
    for (const dep of ["cdktf", "constructs", "@cdktf/provider-aws"]) {
      symlinkSync(join(PACKAGE_ROOT, "node_modules", dep), join(dir, "node_modules", dep));
    }
    // A user adds a stack where main.ts says to.
    const source = readFileSync(join(dir, "main.ts"), "utf8")
      .replace('import { App } from "cdktf";', 'import { App, TerraformStack } from "cdktf";')
      .replace(
        '// new WorkloadStack(app, "workload-prod");',
        'new TerraformStack(app, "my-own-stack");',
      );
    expect(source).toContain("my-own-stack");
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(join(dir, "main.mjs"), js);

    const run = spawnSync(process.execPath, ["main.mjs"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, "cdktf.out/manifest.json"), "utf8"));
    expect(Object.keys(manifest.stacks)).toEqual(
      expect.arrayContaining(["org", "org-trail", "baseline-prod", "network-prod", "my-own-stack"]),
    );
    expect(Object.keys(manifest.stacks)).toHaveLength(20); // 19 of the baseline + the user's
    const org = JSON.parse(readFileSync(join(dir, "cdktf.out/stacks/org/cdk.tf.json"), "utf8"));
    expect(Object.keys(org.resource)).toContain("aws_organizations_organization");
  }, 60_000);
});
