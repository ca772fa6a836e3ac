/**
 * Environment problems are named, with the path or command and the cause, and exit 3; exit 4
 * ("internal error", a stack trace) stays for real bugs.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_FILE } from "../helpers/answers.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/synth.js";

describe("environment problems exit 3 and say what to check", () => {
  it("--out inside an existing file, or --out that is a file: the path and the cause", () => {
    const dir = tempDir();
    const file = join(dir, "not-a-folder");
    writeFileSync(file, "mine");
    for (const out of [join(file, "cdktf.out"), file]) {
      const run = cli(["synth", "--config", EXAMPLE_FILE, "--out", out]);
      expect(run.code, run.stderr).toBe(3);
      expect(run.stderr).toContain("FILESYSTEM");
      expect(run.stderr).toContain(file);
      expect(run.stderr).not.toContain("internal error");
    }
  });

  it("a terraform whose `version -json` is not JSON is named, not a crash", () => {
    const dir = tempDir();
    const fake = join(dir, "terraform");
    writeFileSync(fake, "#!/bin/sh\necho 'Terraform v1.11.4 (a wrapper that adds text)'\n");
    chmodSync(fake, 0o755);
    const run = cli([
      "synth",
      "--config",
      EXAMPLE_FILE,
      "--out",
      join(dir, "out"),
      "--tf-validate",
      "always",
      "--terraform-bin",
      fake,
    ]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain("TERRAFORM_UNUSABLE");
    expect(run.stderr).toContain("did not print JSON");
  });

  it("--config pointing at a folder says it is a folder (a user error, exit 1)", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "answers"));
    const run = cli(["validate", "--config", join(dir, "answers")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("is a folder, not an answers file");
  });
});
