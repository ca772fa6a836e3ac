/**
 * The first hour, end to end: `init` from an answers file, `npm install` in the generated project,
 * then `npx aws-baseline synth` there. aws-baseline is not on the npm registry, so the project
 * must carry it: run from this checkout, init packs it into vendor/ and package.json depends on
 * that file. npm takes every other package from its local cache (--prefer-offline: the registry
 * is asked only for metadata the cache lacks, never for aws-baseline).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { VERSION } from "../../src/version.js";
import { EXAMPLE_FILE } from "../helpers/answers.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/synth.js";

const root = tempDir("aws-baseline-project-install-");
// node_modules of a generated project holds the AWS provider bindings: about 430 MB.
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a generated project installs and synthesizes without a published aws-baseline", () => {
  it("init -> npm install -> npx aws-baseline synth", { timeout: 600_000 }, () => {
    const dir = join(root, "acme");
    const init = cli(["init", "--answers", EXAMPLE_FILE, dir, "--json"], {
      env: { AWS_BASELINE_PACKAGE_SPEC: undefined },
    });
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout).package.dependency).toBe("file:vendor/aws-baseline.tgz");
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(pkg.dependencies["aws-baseline"]).toBe("file:vendor/aws-baseline.tgz");

    // Only what `synth` needs: the dev tools (tsx, typescript) serve `cdktf synth` of main.ts.
    const install = spawnSync(
      "npm",
      ["install", "--prefer-offline", "--omit=dev", "--no-audit", "--no-fund"],
      { cwd: dir, encoding: "utf8", timeout: 540_000 },
    );
    expect(install.status, install.stderr).toBe(0);
    const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));
    expect(lock.packages["node_modules/aws-baseline"]).toMatchObject({
      version: VERSION,
      resolved: "file:vendor/aws-baseline.tgz",
    });

    // --no: fail rather than fetch aws-baseline from anywhere but the project's node_modules.
    const synth = spawnSync("npx", ["--no", "aws-baseline", "synth", "--json"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(synth.status, synth.stderr).toBe(0);
    expect(JSON.parse(synth.stdout).stacks.map((s: { name: string }) => s.name)).toContain("org");
    const manifest = JSON.parse(readFileSync(join(dir, "cdktf.out", "manifest.json"), "utf8"));
    expect(Object.keys(manifest.stacks)).toHaveLength(19);
  });
});
