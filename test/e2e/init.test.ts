import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleAnswers } from "../helpers/answers.js";
import { cli, CLI } from "../helpers/cli.js";
import { snapshotTree, tempDir } from "../helpers/synth.js";
import { Terminal, tmuxMissing, withTmux } from "../helpers/tty.js";

/** Every question of the default wizard, in order. */
const WIZARD_PROMPTS = [
  "Organization name",
  "Resource name prefix",
  "Root e-mail pattern",
  "Management account ID",
  "Workload environments",
  "Add a separate security",
  "Home region",
  "Regions the baseline covers",
  "Default VPCs",
  "How people sign in",
  "Admin IAM users",
  "Deny regional actions",
  "Who receives security alarms",
  "Object Lock",
  "Detective services",
  "Alarm when the whole organization",
  "Alarm and budget per account",
  "Where Terraform state lives",
];

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

  it("the summary speaks the user's words: what waits for the first deploy, the account, the price basis", () => {
    const dir = join(tempDir(), "acme");
    const run = cli(["init", dir, "--yes", "--home-region", "eu-west-1"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\n log-archive\s+log-archive\s+\d+\s+after the first deploy/);
    expect(run.stderr).toMatch(/access-dev\s+dev\s+2\s+after the first deploy/);
    expect(run.stderr).toMatch(/\n org\s+management\s+\d+\s+now/);
    expect(run.stderr).toContain(
      "Filled in after the first deploy: the organization ID and the account IDs of management, log-archive, security, dev, test and prod.",
    );
    expect(run.stderr).toContain("Management account (name: management): sign in as root");
    expect(run.stderr).toContain("in the Billing console of the management account,");
    expect(run.stderr).toContain(
      "priced at us-east-1 list prices of 2026-11-23; the networks are in eu-west-1, which can cost up to about a third more",
    );
    expect(run.stderr).toMatch(
      /\$\d+–\$\d+\/month estimated for the detective services \(6 accounts × 17 regions; us-east-1 list prices of \d{4}-\d{2}-\d{2}, to be checked/,
    );
    for (const internal of ["accounts[0]", "management.accountId", "organization.id"])
      expect(run.stderr).not.toContain(internal);
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
    // org, 5 access, log-archive, org-trail, billing, 6 account baselines (incl. security),
    // 3 networks and identity-center (regulated uses Identity Center)
    expect(body.summary.stacks.length).toBe(20);
    // Scripts still get the answers keys each stack waits for.
    expect(
      body.summary.stacks.find((st: { name: string }) => st.name === "org-trail"),
    ).toMatchObject({ waitingFor: ["accounts[0].accountId"] });
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

  it("re-run with a changed answer: without a terminal it stops naming the change, writes nothing; --force replaces", () => {
    const dir = join(tempDir(), "acme");
    const required = ["--name", "Acme", "--email-pattern", "aws+{name}@acme.example"];
    const first = cli(["init", dir, "--yes", ...required, "--alarm-emails", "sec@acme.example"]);
    expect(first.code, first.stderr).toBe(0);
    const before = snapshotTree(dir);

    const changed = cli(["init", dir, "--yes", "--home-region", "eu-central-1"]);
    expect(changed.code, changed.stderr).toBe(1);
    expect(changed.stderr).toContain("[ANSWERS_DIFFER]");
    expect(changed.stderr).toContain('regions.home: "us-east-1" → "eu-central-1"');
    expect(changed.stderr).toContain("Nothing was written");
    expect(changed.stderr).toContain("pass --force to replace");
    expect(changed.stdout).not.toContain("project in");
    expect(snapshotTree(dir)).toEqual(before);

    // The same refusal for an answers file given with --answers, and as JSON for scripts.
    const other = join(tempDir(), "other.json");
    const answers = JSON.parse(readFileSync(join(dir, "aws-baseline.json"), "utf8"));
    writeFileSync(other, JSON.stringify({ ...answers, alarms: { emails: ["soc@acme.example"] } }));
    const json = cli(["init", "--answers", other, dir, "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: "ANSWERS_DIFFER" });
    expect(JSON.parse(json.stdout).error.message).toContain("alarms.emails: added");
    expect(snapshotTree(dir)).toEqual(before);

    // Same answers: kept silently, exit 0.
    const same = cli(["init", dir, "--yes", "--json"]);
    expect(same.code, same.stderr).toBe(0);
    expect(JSON.parse(same.stdout).files[0]).toMatchObject({
      path: "aws-baseline.json",
      action: "unchanged",
    });

    const forced = cli(["init", dir, "--yes", "--home-region", "eu-central-1", "--force"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('regions.home: "us-east-1" → "eu-central-1"');
    expect(forced.stdout).toMatch(/replaced\s+aws-baseline.json/);
    const after = JSON.parse(readFileSync(join(dir, "aws-baseline.json"), "utf8"));
    expect(after.regions.home).toBe("eu-central-1");
  });

  it.skipIf(Boolean(tmuxMissing))(
    withTmux(
      "re-run in a terminal with a changed answer: shows it, asks, and No (the default) keeps the file",
    ),
    async () => {
      const dir = join(tempDir(), "acme");
      const setup = cli([
        "init",
        dir,
        "--yes",
        "--name",
        "Acme",
        "--email-pattern",
        "aws+{name}@acme.example",
        "--alarm-emails",
        "sec@acme.example",
      ]);
      expect(setup.code, setup.stderr).toBe(0);
      const before = readFileSync(join(dir, "aws-baseline.json"), "utf8");
      for (const reply of ["Enter", "y"] as const) {
        const term = new Terminal(`NO_COLOR=1 node ${CLI} init ${dir}`);
        try {
          for (const prompt of WIZARD_PROMPTS)
            await term.answer(prompt, prompt === "Home region" ? "eu-central-1" : undefined);
          const screen = await term.waitFor("Replace aws-baseline.json with these answers");
          expect(screen).toContain('regions.home: "us-east-1" → "eu-central-1"');
          expect(screen).toMatch(/Replace aws-baseline.json .*\(y\/N\)/);
          term.keys(reply);
          if (reply === "y") term.keys("Enter");
          const end = await term.waitFor(/EXIT=\d+/);
          if (reply === "Enter") {
            expect(end).toContain("EXIT=130");
            expect(end).toContain("aws-baseline.json keeps its answers");
            expect(readFileSync(join(dir, "aws-baseline.json"), "utf8")).toBe(before);
          } else {
            expect(end).toContain("EXIT=0");
            const answers = JSON.parse(readFileSync(join(dir, "aws-baseline.json"), "utf8"));
            expect(answers.regions.home).toBe("eu-central-1");
          }
        } finally {
          term.close();
        }
      }
    },
    120_000,
  );

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
          "Default VPCs",
          "How people sign in",
        ]) {
          await term.answer(prompt);
        }
        await term.answer("Admin IAM users", "alice");
        await term.answer("Deny regional actions");
        await term.answer("Who receives security alarms", "sec@acme.example");
        for (const prompt of [
          "Object Lock",
          "Detective services",
          "Alarm when the whole organization",
          "Alarm and budget per account",
          "Where Terraform state lives",
        ]) {
          await term.answer(prompt);
        }
        const summary = await term.waitFor("Write the project to");
        expect(summary).toContain("fixed network cost");
        expect(summary).toContain("/month estimated for the detective services");
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
        detective: { config: { enabled: true }, guardDuty: { enabled: true } },
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
