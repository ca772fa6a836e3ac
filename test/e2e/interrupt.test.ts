/**
 * SIGINT or SIGTERM during a large synth (parallel child processes): the children are stopped,
 * the staging folder is removed, the previous output stays intact, and the exit code is 130.
 * plan, deploy and drift synthesize first and behave the same; while terraform runs, each
 * terraform gets exactly one SIGINT (it stops at a safe point), no other starts, none is left
 * running, and the exit code is 130.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, cli } from "../helpers/cli.js";
import { exampleAnswers } from "../helpers/answers.js";
import { fakeOrg, startFakeAws } from "../helpers/fake-org.js";
import { tempDir } from "../helpers/synth.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function bigOrg(dir: string, accounts: number): string {
  const answers = exampleAnswers();
  delete answers.$schema;
  answers.accounts = [
    { name: "log-archive", kind: "log-archive", accountId: "200000000000" },
    { name: "security", kind: "security", accountId: "199999999999" },
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

/**
 * A stand-in for terraform: `version -json` and `init` succeed at once; any other command (plan)
 * logs its pid and waits until interrupted, logging every SIGINT it gets. Real terraform stops at
 * a safe point on the first SIGINT and exits at once on the second, so "exactly one" matters.
 */
function fakeTerraform(dir: string): string {
  const file = join(dir, "terraform");
  writeFileSync(
    file,
    `#!/bin/sh
case "$1" in
  version) echo '{"terraform_version":"1.11.4"}'; exit 0 ;;
  init) mkdir -p .terraform; exit 0 ;;
esac
echo "start $$ $1" >> "$FAKE_TF_LOG"
trap 'echo "SIGINT $$" >> "$FAKE_TF_LOG"; kill $sleeper 2>/dev/null; exit 1' INT
sleep 60 & sleeper=$!
wait $sleeper
`,
  );
  chmodSync(file, 0o755);
  return file;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function runCli(args: string[], env: Record<string, string> = {}) {
  // Its own process group, like a shell's foreground job: a Ctrl-C goes to the whole group.
  const child = spawn(process.execPath, [CLI, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", ...env },
    detached: true,
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, exited, stderr: () => stderr };
}

describe("interrupted plan, deploy and drift", () => {
  it(
    "plan interrupted while it synthesizes: no staging debris, previous output intact, terraform never started, exit 130",
    { timeout: 120_000 },
    async () => {
      const dir = tempDir();
      const out = join(dir, "cdktf.out");
      const log = join(dir, "terraform.log");
      const small = join(dir, "small.json");
      const example = exampleAnswers();
      delete example.$schema;
      writeFileSync(small, JSON.stringify(example));
      expect(cli(["synth", "--config", small, "--out", out, "--tf-validate", "never"]).code).toBe(
        0,
      );
      const before = readFileSync(join(out, "manifest.json"), "utf8");

      const run = runCli(
        ["plan", "--config", bigOrg(dir, 150), "--out", out, "--terraform-bin", fakeTerraform(dir)],
        { FAKE_TF_LOG: log },
      );
      const staging = () => readdirSync(dir).filter((f) => f.startsWith(".cdktf.out.synth-"));
      for (let i = 0; i < 400 && staging().length === 0; i++) await sleep(25);
      expect(staging().length, run.stderr()).toBe(1);
      await sleep(300);
      process.kill(-(run.child.pid as number), "SIGINT"); // Ctrl-C: the whole group
      const code = await run.exited;

      expect(code, run.stderr()).toBe(130);
      expect(run.stderr()).toContain("interrupted");
      await sleep(500);
      expect(readdirSync(dir).filter((f) => f.startsWith(".cdktf.out."))).toEqual([]);
      expect(readFileSync(join(out, "manifest.json"), "utf8")).toBe(before);
      expect(existsSync(log)).toBe(false);
    },
  );

  const cases = [
    { command: ["plan"], signal: "SIGINT", to: "group" },
    { command: ["plan"], signal: "SIGTERM", to: "process" },
    { command: ["drift"], signal: "SIGINT", to: "group" },
    { command: ["deploy", "--yes"], signal: "SIGINT", to: "group" },
  ] as const;
  // The runs check credentials (STS) before terraform: a local stand-in answers, never AWS.
  let aws: Awaited<ReturnType<typeof startFakeAws>>;
  beforeAll(async () => {
    aws = await startFakeAws(fakeOrg());
  });
  afterAll(() => aws.server.close());
  for (const { command, signal, to } of cases) {
    it(
      `${command[0]}: ${signal} to the ${to} while terraform runs: each terraform gets one SIGINT, no other starts, none is left, exit 130`,
      { timeout: 120_000 },
      async () => {
        const dir = tempDir();
        const log = join(dir, "terraform.log");
        const answers = exampleAnswers();
        delete answers.$schema;
        const file = join(dir, "answers.json");
        writeFileSync(file, JSON.stringify(answers));
        const run = runCli(
          [
            ...command,
            "--config",
            file,
            "--out",
            join(dir, "cdktf.out"),
            "--terraform-bin",
            fakeTerraform(dir),
            "--concurrency",
            "2",
            // Three independent stacks, two at a time: two terraforms run when the signal comes.
            "--stack",
            "baseline-dev",
            "baseline-test",
            "baseline-prod",
            "--endpoint-url",
            aws.url,
          ],
          { FAKE_TF_LOG: log, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" },
        );
        const lines = () => (existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : []);
        const started = () => lines().filter((l) => l.startsWith("start "));
        const want = 2;
        for (let i = 0; i < 1200 && started().length < want; i++) await sleep(25);
        expect(started().length, run.stderr()).toBe(want);
        await sleep(200);
        const pid = run.child.pid as number;
        process.kill(to === "group" ? -pid : pid, signal);
        const code = await run.exited;

        expect(code, run.stderr()).toBe(130);
        expect(run.stderr()).toContain(`${command[0]} interrupted`);
        await sleep(300);
        const pids = started().map((l) => Number(l.split(" ")[1]));
        expect(pids).toHaveLength(want); // nothing started after the interrupt
        for (const p of pids) {
          expect(lines().filter((l) => l === `SIGINT ${p}`)).toHaveLength(1);
          expect(alive(p)).toBe(false);
        }
      },
    );
  }
});
