import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleAnswers } from "../helpers/answers.js";
import { cli, CLI } from "../helpers/cli.js";
import { snapshotTree, tempDir } from "../helpers/synth.js";
import { Terminal, tmuxMissing, withTmux } from "../helpers/tty.js";

describe("aws-baseline init (built CLI)", () => {
  it("without a terminal and without answers it exits 1, names what is missing, and writes nothing", () => {
    const dir = join(tempDir(), "acme");
    const run = cli(["init", dir]);
    expect(run.code).toBe(1);
    for (const flag of ["--name", "--email-pattern", "--alarm-emails"])
      expect(run.stderr).toContain(`✖ ${flag} is required`);
    expect(run.stderr).toContain("--yes");
    expect(existsSync(dir)).toBe(false);
  });

  it("--yes writes a valid project with visible placeholders", () => {
    const dir = join(tempDir(), "acme");
    const run = cli(["init", dir, "--yes"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("placeholders were used for: name, emailPattern, alarmEmails");
    expect(readdirSync(dir).sort()).toEqual([
      ".github",
      ".gitignore",
      "README.md",
      "aws-baseline.json",
      "cdktf.json",
      "main.ts",
      "package.json",
      "vendor", // this checkout, packed: it is not installed from the npm registry
    ]);
    const check = cli(["validate", "--config", join(dir, "aws-baseline.json")]);
    expect(check.code).toBe(0);
  });

  it("flags and a preset, as --json for scripts", () => {
    const dir = join(tempDir(), "acme");
    const run = cli([
      "init",
      dir,
      "--preset",
      "regulated",
      "--name",
      "Acme",
      "--email-pattern",
      "aws+{name}@acme.example",
      "--alarm-emails",
      "sec@acme.example",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body.files.map((f: { action: string }) => f.action)).toEqual(Array(9).fill("created"));
    // org, log-archive, org-trail, billing + 6 account baselines (incl. security) + 3 networks
    expect(body.summary.stacks.length).toBe(13);
    const answers = JSON.parse(readFileSync(join(dir, "aws-baseline.json"), "utf8"));
    expect(answers.cloudtrail.objectLock).toMatchObject({ enabled: true, mode: "COMPLIANCE" });
  });

  it("consultant flow: the same answers file gives the same files, byte for byte", () => {
    const answersFile = join(tempDir(), "acme.json");
    writeFileSync(answersFile, JSON.stringify(exampleAnswers()));
    const a = join(tempDir(), "out", "acme");
    const b = join(tempDir(), "elsewhere", "acme");
    expect(cli(["init", "--answers", answersFile, a]).code).toBe(0);
    expect(cli(["init", "--answers", answersFile, b]).code).toBe(0);
    expect(snapshotTree(b)).toEqual(snapshotTree(a));
    const again = cli(["init", "--answers", answersFile, a, "--json"]);
    expect(
      JSON.parse(again.stdout).files.every((f: { action: string }) => f.action === "unchanged"),
    ).toBe(true);
  });

  it("an invalid answers file is rejected with every problem and nothing is written", () => {
    const answersFile = join(tempDir(), "bad.json");
    writeFileSync(
      answersFile,
      JSON.stringify({ ...exampleAnswers(), regions: { home: "mars-1" }, alarms: { emails: [] } }),
    );
    const dir = join(tempDir(), "acme");
    const run = cli(["init", "--answers", answersFile, dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("regions.home");
    expect(run.stderr).toContain("alarms.emails");
    expect(existsSync(dir)).toBe(false);
  });

  it.skipIf(Boolean(tmuxMissing))(
    withTmux("the wizard in a real terminal: defaults, an invalid answer corrected, confirmation"),
    async () => {
      const dir = join(tempDir(), "acme");
      const term = new Terminal(`NO_COLOR=1 node ${CLI} init ${dir}`);
      try {
        await term.answer("Organization name", "Acme Corp");
        await term.answer("Resource name prefix"); // accept the derived acme-corp
        await term.answer("Root e-mail pattern", "ops@acme.example");
        await term.waitFor("must be an e-mail address containing {name}");
        term.keys(...Array(16).fill("BSpace"));
        await term.answer("Root e-mail pattern", "aws+{name}@acme.example");
        for (const prompt of [
          "Management account ID",
          "Workload environments",
          "Add a separate security",
          "Home region",
          "Regions the baseline covers",
        ]) {
          await term.answer(prompt);
        }
        await term.answer("Admin IAM users", "alice");
        await term.answer("Deny regional actions");
        await term.answer("Who receives security alarms", "sec@acme.example");
        for (const prompt of [
          "Object Lock",
          "Alarm when the whole organization",
          "Alarm and budget per account",
          "Where Terraform state lives",
        ]) {
          await term.answer(prompt);
        }
        const summary = await term.waitFor("Write the project to");
        expect(summary).toContain("fixed network cost");
        expect(summary).toContain("Manual steps");
        term.keys("Enter");
        await term.waitFor("EXIT=0");
      } finally {
        term.close();
      }
      const answers = JSON.parse(readFileSync(join(dir, "aws-baseline.json"), "utf8"));
      expect(answers).toMatchObject({
        organization: { name: "Acme Corp", prefix: "acme-corp" },
        accountEmailPattern: "aws+{name}@acme.example",
        identity: { admins: { users: ["alice"] } },
        alarms: { emails: ["sec@acme.example"] },
      });
    },
    90_000,
  );

  it.skipIf(Boolean(tmuxMissing))(
    withTmux("Ctrl-C in the wizard aborts with exit 130 and writes nothing"),
    async () => {
      const dir = join(tempDir(), "acme");
      const term = new Terminal(`NO_COLOR=1 node ${CLI} init ${dir}`);
      try {
        await term.answer("Organization name", "Acme Corp");
        await term.waitFor("? Resource name prefix");
        term.keys("C-c");
        const screen = await term.waitFor(/EXIT=\d+/);
        expect(screen).toContain("EXIT=130");
        expect(screen).toContain("nothing was written");
      } finally {
        term.close();
      }
      expect(existsSync(dir)).toBe(false);
    },
    60_000,
  );
});
