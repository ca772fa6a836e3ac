import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BaselineConfig } from "../../src/config/resolve.js";
import { BaselineError } from "../../src/errors.js";
import { OUTPUT_MARKER, synthesize } from "../../src/synth.js";
import { configFrom, exampleAnswers } from "../helpers/answers.js";
import { tempDir } from "../helpers/synth.js";

function snapshotTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, "utf8");
    }
  };
  walk(root);
  return files;
}

let config: BaselineConfig;
beforeAll(() => {
  config = configFrom(exampleAnswers());
});

describe("synth output", () => {
  it("is byte-identical across runs and output locations", async () => {
    const a = join(tempDir(), "one", "cdktf.out");
    const b = join(tempDir(), "elsewhere", "deeper", "out");
    await synthesize(config, { outDir: a });
    await synthesize(config, { outDir: b });
    const first = snapshotTree(a);
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(snapshotTree(b)).toEqual(first);
    expect(JSON.stringify(first)).not.toContain(a);
  });

  it("refuses to replace a folder it did not write, unless forced", async () => {
    const dir = join(tempDir(), "src");
    mkdirSync(dir);
    writeFileSync(join(dir, "main.ts"), "user code");
    await expect(synthesize(config, { outDir: dir })).rejects.toMatchObject({
      code: "OUTPUT_NOT_OURS",
    });
    expect(readFileSync(join(dir, "main.ts"), "utf8")).toBe("user code");
    await synthesize(config, { outDir: dir, force: true });
    expect(existsSync(join(dir, OUTPUT_MARKER))).toBe(true);
  });

  it("keeps each stack's .terraform folder and lock file across re-synthesis, drops removed stacks", async () => {
    const dir = join(tempDir(), "cdktf.out");
    await synthesize(config, { outDir: dir });
    writeFileSync(join(dir, "stacks/org/.terraform.lock.hcl"), "# lock");
    mkdirSync(join(dir, "stacks/org/.terraform"));
    const fewer = configFrom({
      ...exampleAnswers(),
      accounts: exampleAnswers().accounts.slice(0, 3),
      billing: {},
    });
    await synthesize(fewer, { outDir: dir });
    expect(readFileSync(join(dir, "stacks/org/.terraform.lock.hcl"), "utf8")).toBe("# lock");
    expect(existsSync(join(dir, "stacks/org/.terraform"))).toBe(true);
    expect(existsSync(join(dir, "stacks/network-prod"))).toBe(false);
  });

  it("a failed synth leaves the previous output untouched and no temp folders behind", async () => {
    const parent = tempDir();
    const dir = join(parent, "cdktf.out");
    await synthesize(config, { outDir: dir });
    const before = snapshotTree(dir);
    const broken = {
      ...config,
      get accessRoleName(): string {
        throw new BaselineError("INTERNAL", "boom");
      },
    };
    await expect(synthesize(broken, { outDir: dir })).rejects.toThrow("boom");
    expect(snapshotTree(dir)).toEqual(before);
    expect(readdirSync(parent)).toEqual(["cdktf.out"]);
  });

  it("the marker lists stacks, pending stacks and manual steps, without absolute paths", async () => {
    const dir = join(tempDir(), "cdktf.out");
    await synthesize(config, { outDir: dir });
    const marker = JSON.parse(readFileSync(join(dir, OUTPUT_MARKER), "utf8"));
    expect(marker).toMatchObject({ generator: "aws-baseline", pending: [] });
    expect(marker.outDir).toBeUndefined();
    expect(marker.stacks[0]).toMatchObject({ name: "org", file: "stacks/org/cdk.tf.json" });
    expect(marker.manualSteps.join(" ")).toContain("root");
  });
});
