import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BaselineConfig } from "../../src/answers/resolve.js";
import { BaselineError } from "../../src/errors.js";
import { OUTPUT_MARKER, synthesize } from "../../src/synth/synth.js";
import { configFrom, exampleAnswers } from "../helpers/answers.js";
import { snapshotTree, tempDir } from "../helpers/synth.js";

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

  it("never takes a project folder (which holds aws-baseline.json answers) for a synth output", async () => {
    const project = tempDir();
    writeFileSync(
      join(project, "aws-baseline.json"),
      JSON.stringify({ generator: "aws-baseline" }),
    );
    writeFileSync(join(project, "main.ts"), "user code");
    writeFileSync(join(project, OUTPUT_MARKER), "{ not ours }");
    await expect(synthesize(config, { outDir: project })).rejects.toMatchObject({
      code: "OUTPUT_NOT_OURS",
    });
    expect(readFileSync(join(project, "main.ts"), "utf8")).toBe("user code");
  });

  it("a copied marker does not make a folder of the user's files replaceable", async () => {
    const real = join(tempDir(), "cdktf.out");
    await synthesize(config, { outDir: real });
    const mine = tempDir();
    copyFileSync(join(real, OUTPUT_MARKER), join(mine, OUTPUT_MARKER));
    writeFileSync(join(mine, "notes.txt"), "keep me");
    await expect(synthesize(config, { outDir: mine })).rejects.toMatchObject({
      code: "OUTPUT_NOT_OURS",
      message: expect.stringContaining("holds 1 file(s) synth did not write: notes.txt"),
      hint: expect.stringContaining("--force"),
    });
    expect(readFileSync(join(mine, "notes.txt"), "utf8")).toBe("keep me");
  });

  it("an output with a file added or changed by hand is not replaced; one with only terraform's files is", async () => {
    const dir = join(tempDir(), "cdktf.out");
    await synthesize(config, { outDir: dir });
    // What terraform and a desktop leave in an output: all fine to replace.
    mkdirSync(join(dir, "stacks/org/.terraform/providers"), { recursive: true });
    writeFileSync(join(dir, "stacks/org/.terraform/providers/x"), "cache");
    writeFileSync(join(dir, "stacks/org/.terraform.lock.hcl"), "# lock");
    writeFileSync(join(dir, "stacks/org/aws-baseline.tfplan"), "plan");
    writeFileSync(join(dir, ".DS_Store"), "");
    await synthesize(config, { outDir: dir });
    expect(readFileSync(join(dir, "stacks/org/.terraform.lock.hcl"), "utf8")).toBe("# lock");

    const stack = join(dir, "stacks/org/cdk.tf.json");
    writeFileSync(stack, readFileSync(stack, "utf8").replace("}", ', "edited": true }'));
    writeFileSync(join(dir, "stacks/org/override.tf.json"), "{}");
    await expect(synthesize(config, { outDir: dir })).rejects.toMatchObject({
      code: "OUTPUT_NOT_OURS",
      message: expect.stringContaining(
        "stacks/org/cdk.tf.json (changed since synth wrote it), stacks/org/override.tf.json",
      ),
    });
    expect(existsSync(join(dir, "stacks/org/override.tf.json"))).toBe(true);
    await synthesize(config, { outDir: dir, force: true });
    expect(existsSync(join(dir, "stacks/org/override.tf.json"))).toBe(false);
  });

  it("an output written before the marker had hashes is replaced, unless it holds other files", async () => {
    const dir = join(tempDir(), "cdktf.out");
    await synthesize(config, { outDir: dir });
    const markerFile = join(dir, OUTPUT_MARKER);
    const { sha256: _hashes, ...older } = JSON.parse(readFileSync(markerFile, "utf8"));
    writeFileSync(markerFile, JSON.stringify(older));
    writeFileSync(join(dir, "stacks/org/notes.md"), "mine");
    await expect(synthesize(config, { outDir: dir })).rejects.toMatchObject({
      message: expect.stringContaining("synth did not write: stacks/org/notes.md"),
    });
    rmSync(join(dir, "stacks/org/notes.md"));
    await synthesize(config, { outDir: dir });
    expect(JSON.parse(readFileSync(markerFile, "utf8")).sha256).toBeDefined();
  });

  it("the marker records the SHA-256 of every file synth wrote", async () => {
    const dir = join(tempDir(), "cdktf.out");
    await synthesize(config, { outDir: dir });
    const marker = JSON.parse(readFileSync(join(dir, OUTPUT_MARKER), "utf8"));
    const written = Object.keys(snapshotTree(dir)).filter((f) => f !== OUTPUT_MARKER);
    expect(Object.keys(marker.sha256).sort()).toEqual(written.sort());
    const manifest = readFileSync(join(dir, "manifest.json"));
    expect(marker.sha256["manifest.json"]).toBe(
      createHash("sha256").update(manifest).digest("hex"),
    );
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
    expect(marker).toMatchObject({ generator: "aws-baseline", kind: "synth-output", pending: [] });
    expect(marker.outDir).toBeUndefined();
    expect(marker.stacks[0]).toMatchObject({ name: "org", file: "stacks/org/cdk.tf.json" });
    expect(marker.manualSteps.join(" ")).toContain("root");
  });
});

describe("parallel synthesis", () => {
  it("partition puts every ready stack in exactly one part, balancing the heavy baseline stacks", async () => {
    const { partition } = await import("../../src/synth/synth.js");
    const { planStacks } = await import("../../src/plan/plan.js");
    const plans = planStacks(config);
    const parts = partition(plans, 2);
    expect(parts.flat().sort()).toEqual(plans.map((p) => p.name).sort());
    const baselines = parts.map((names) => names.filter((n) => n.startsWith("baseline-")).length);
    expect(Math.abs((baselines[0] as number) - (baselines[1] as number))).toBeLessThanOrEqual(1);
    const single = partition(plans, 1);
    expect(single).toHaveLength(1);
    expect(single[0]).toHaveLength(plans.length);
  });

  it("output is byte-identical whether stacks are synthesized in one part or several", async () => {
    const one = join(tempDir(), "one");
    const three = join(tempDir(), "three");
    const serial = await synthesize(config, { outDir: one, workers: 1 });
    const split = await synthesize(config, { outDir: three, workers: 3 });
    expect(serial.parallelism.parts).toBe(1);
    expect(split.parallelism.parts).toBe(3);
    expect(snapshotTree(three)).toEqual(snapshotTree(one));
  });
});
