/**
 * SIGINT or SIGTERM during a large synth (parallel child processes): the children are stopped,
 * the staging folder is removed, the previous output stays intact, and the exit code is 130.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, cli } from "../helpers/cli.js";
import { exampleAnswers } from "../helpers/answers.js";
import { tempDir } from "../helpers/synth.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function bigOrg(dir: string, accounts: number): string {
  const answers = exampleAnswers();
  delete answers.$schema;
  answers.accounts = [
    { name: "log-archive", kind: "log-archive", accountId: "200000000000" },
    ...Array.from({ length: accounts }, (_, i) => ({
      name: `env-${i + 1}`,
      accountId: String(200000000001 + i),
    })),
  ];
  answers.billing = {};
  const file = join(dir, "answers.json");
  writeFileSync(file, JSON.stringify(answers));
  return file;
}

describe("interrupted synth", () => {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    it(
      `${signal}: children stopped, no staging debris, previous output intact, exit 130`,
      { timeout: 120_000 },
      async () => {
        const dir = tempDir();
        const out = join(dir, "cdktf.out");
        const small = join(dir, "small.json");
        const example = exampleAnswers();
        delete example.$schema;
        writeFileSync(small, JSON.stringify(example));
        expect(cli(["synth", "--config", small, "--out", out]).code).toBe(0);
        const before = readFileSync(join(out, "manifest.json"), "utf8");

        const child = spawn(
          process.execPath,
          [CLI, "synth", "--config", bigOrg(dir, 150), "--out", out],
          {
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
        // Wait until the parts are being written, then interrupt.
        const staging = () => readdirSync(dir).filter((f) => f.startsWith(".cdktf.out.synth-"));
        for (let i = 0; i < 200 && staging().length === 0; i++) await sleep(25);
        expect(staging().length).toBe(1);
        await sleep(300);
        child.kill(signal);
        const code = await exited;

        expect(code, stderr).toBe(130);
        expect(stderr).toContain("synth interrupted");
        await sleep(500); // a child still writing would recreate files now
        expect(staging()).toEqual([]);
        expect(readdirSync(dir).filter((f) => f.startsWith(".cdktf.out."))).toEqual([]);
        expect(readFileSync(join(out, "manifest.json"), "utf8")).toBe(before);
        expect(existsSync(join(out, "stacks", "baseline-env-1"))).toBe(false);
      },
    );
  }
});
