import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answersJsonSchemaText } from "../../src/answers/json-schema.js";
import { synthesize } from "../../src/synth/synth.js";
import { configFrom, EXAMPLE_FILE, exampleAnswers } from "../helpers/answers.js";
import { cli } from "../helpers/cli.js";
import { snapshotTree, tempDir } from "../helpers/synth.js";

function writeAnswers(value: unknown): string {
  const file = join(tempDir(), "answers.json");
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

function fiveMistakes(): string {
  const answers = exampleAnswers();
  answers.organization.prefix = "Acme Corp";
  answers.accounts[2].accountId = "12345";
  answers.accounts[3].email = "not-an-email";
  answers.regions.hom = "eu-west-1";
  answers.accounts[4].network.nat = "always";
  return writeAnswers(answers);
}

describe("aws-baseline (built CLI)", () => {
  it("--help teaches the commands, a flow and the exit codes", () => {
    const run = cli(["--help"]);
    expect(run.code).toBe(0);
    for (const text of ["validate", "synth", "schema", "Exit codes", "Typical flow"])
      expect(run.stdout).toContain(text);
    expect(run.stdout).not.toContain("cdktf-app");
  });

  it("default-vpcs deletes only when the answers say so, and says which key to set", () => {
    const answers = exampleAnswers();
    answers.accountDefaults = { defaultVpc: "neutralize" };
    const run = cli(["default-vpcs", "--config", writeAnswers(answers), "--yes"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("[DEFAULT_VPC_MODE]");
    expect(run.stderr).toContain('accountDefaults.defaultVpc is "neutralize"');
    expect(run.stderr).toContain("--dry-run");
  });

  it("validate: a good file exits 0 and says what it would build", () => {
    const run = cli(["validate", "--config", EXAMPLE_FILE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("is valid: 6 accounts, 17 regions, 19 stacks");
    // The answers summary includes the estimated fixed network cost.
    expect(run.stdout).toContain(
      "$182.50/month fixed network cost (dev $36.50, test $36.50, prod $109.50;",
    );
    // And the range of the detective services, one line per service with its assumption.
    expect(run.stdout).toMatch(
      /\$\d+–\$\d+\/month estimated for the detective services \(6 accounts × 17 regions; us-east-1 list prices of \d{4}-\d{2}-\d{2}/,
    );
    for (const service of ["AWS Config", "Amazon GuardDuty", "AWS Security Hub"])
      expect(run.stdout).toMatch(new RegExp(`\\n    ${service} \\$\\d+–\\$\\d+: \\S`));
    const json = JSON.parse(cli(["validate", "--config", EXAMPLE_FILE, "--json"]).stdout);
    expect(json.networkCost.monthlyUsd).toBe(182.5);
    expect(json.detectiveCost).toMatchObject({
      accounts: 6,
      regions: 17,
      pricesRegion: "us-east-1",
      pricesAsOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(json.detectiveCost.lines.map((l: { service: string }) => l.service)).toEqual([
      "config",
      "guardDuty",
      "securityHub",
      "accessAnalyzer",
    ]);
  });

  it("validate: a region that does not exist is named with a guess and regions.allowUnknown; listed there it passes", () => {
    const dir = tempDir();
    const file = join(dir, "answers.json");
    const answers = exampleAnswers();
    answers.regions = { home: "eu-west-1", enabled: ["eu-west-1", "eu-westeros-1"] };
    writeFileSync(file, JSON.stringify(answers));
    const run = cli(["validate", "--config", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("✖ regions.enabled[1] is not an AWS region aws-baseline knows");
    expect(run.stderr).toContain('received: "eu-westeros-1"');
    expect(run.stderr).toContain('did you mean "eu-west-1"?');
    expect(run.stderr).toContain("add it to regions.allowUnknown");
    expect(run.stderr).not.toContain("    at "); // no stack trace
    writeFileSync(
      file,
      JSON.stringify({
        ...answers,
        regions: { ...answers.regions, allowUnknown: ["eu-westeros-1"] },
      }),
    );
    expect(cli(["validate", "--config", file]).code).toBe(0);
  });

  it("validate: region deny without us-east-1 is valid but comes with a caution, in text and JSON", () => {
    const answers = exampleAnswers();
    answers.guardrails = { denyRegionsOutsideEnabled: true };
    answers.regions = { home: "eu-west-1", enabled: ["eu-west-1", "eu-central-1"] };
    const file = writeAnswers(answers);
    const text = cli(["validate", "--config", file]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      "caution guardrails.denyRegionsOutsideEnabled is on and us-east-1",
    );
    const json = JSON.parse(cli(["validate", "--config", file, "--json"]).stdout);
    expect(json.cautions).toEqual([expect.stringContaining("add us-east-1 to regions.enabled")]);
    answers.regions.enabled.push("us-east-1");
    expect(
      JSON.parse(cli(["validate", "--config", writeAnswers(answers), "--json"]).stdout).cautions,
    ).toEqual([]);
  });

  it("validate: Config with a home region that cannot record IAM resources comes with a caution", () => {
    const answers = exampleAnswers();
    answers.regions = { home: "eu-central-2", enabled: ["eu-central-2", "eu-west-1"] };
    const json = JSON.parse(cli(["validate", "--config", writeAnswers(answers), "--json"]).stdout);
    expect(json.cautions).toEqual([
      expect.stringContaining("AWS Config cannot record them in eu-central-2"),
    ]);
    answers.detective = { config: { enabled: false }, securityHub: { enabled: false } };
    expect(
      JSON.parse(cli(["validate", "--config", writeAnswers(answers), "--json"]).stdout).cautions,
    ).toEqual([]);
  });

  it("validate: five mistakes exit 1 with five messages naming key paths, values and fixes", () => {
    const run = cli(["validate", "--config", fiveMistakes()]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("5 problem(s) found");
    expect(run.stderr.match(/^✖ /gm)).toHaveLength(5);
    for (const path of [
      "organization.prefix",
      "accounts[2].accountId",
      "accounts[3].email",
      "regions.hom",
      "accounts[4].network.nat",
    ]) {
      expect(run.stderr).toContain(`✖ ${path} `);
    }
    expect(run.stderr).toContain('received: "12345"');
    expect(run.stderr).toContain('fix: did you mean "home"?');
    expect(run.stdout).toBe("");
  });

  it("validate --json: machine-readable problems on stdout, exit 1", () => {
    const run = cli(["validate", "--json", "--config", fiveMistakes()]);
    expect(run.code).toBe(1);
    const body = JSON.parse(run.stdout);
    expect(body).toMatchObject({ ok: false, error: { code: "ANSWERS_INVALID", kind: "user" } });
    expect(body.error.problems).toHaveLength(5);
  });

  it("a missing answers file or broken JSON is a user error with the file and a hint", () => {
    const missing = cli(["validate", "--config", "nope.json"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("answers file not found: nope.json");
    expect(missing.stderr).toContain("aws-baseline init");
    const file = join(tempDir(), "broken.json");
    writeFileSync(file, '{\n  "version": 1,\n  "organization": {,\n}');
    const broken = cli(["validate", "--config", file]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json:3:\d+ is not valid JSON/);
  });

  it("synth writes every stack and --json reports them", () => {
    const out = join(tempDir(), "cdktf.out");
    const run = cli(["synth", "--config", EXAMPLE_FILE, "--out", out, "--json"]);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body.ok).toBe(true);
    expect(body.stacks).toHaveLength(19); // 14 + an access stack per member account
    expect(existsSync(join(out, "stacks/network-prod/cdk.tf.json"))).toBe(true);
    expect(body.manualSteps.length).toBeGreaterThan(0);
    expect(body.networkCost.monthlyUsd).toBe(182.5);
    const text = cli(["synth", "--config", EXAMPLE_FILE, "--out", out]);
    expect(text.stdout).toContain("$182.50/month fixed network cost");
  });

  it("synth --tf-validate auto without terraform skips visibly; always fails with exit 3", () => {
    const env = { PATH: "/nonexistent", AWS_BASELINE_TERRAFORM: undefined };
    const out = join(tempDir(), "cdktf.out");
    const auto = cli(["synth", "-c", EXAMPLE_FILE, "-o", out, "--tf-validate", "auto"], { env });
    expect(auto.code).toBe(0);
    expect(auto.stdout).toContain("terraform validate skipped");
    const always = cli(["synth", "-c", EXAMPLE_FILE, "-o", out, "--tf-validate", "always"], {
      env,
    });
    expect(always.code).toBe(3);
    expect(always.stderr).toContain("[TERRAFORM_MISSING]");
  });

  it("synth of a large organization runs in parallel processes and writes the same bytes as one part", async () => {
    const answers = exampleAnswers();
    answers.accounts.push(
      ...Array.from({ length: 8 }, (_, i) => ({
        name: `team-${i}`,
        accountId: String(700000000000 + i),
        network: {},
      })),
    );
    const file = writeAnswers(answers);
    const out = join(tempDir(), "cdktf.out");
    const run = cli(["synth", "--config", file, "--out", out, "--json"]);
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body.stacks.length).toBeGreaterThanOrEqual(24);
    expect(body.parallelism.processes).toBe(true);
    expect(body.parallelism.parts).toBeGreaterThan(1);
    const reference = join(tempDir(), "cdktf.out");
    await synthesize(configFrom(answers), { outDir: reference, workers: 1 });
    expect(snapshotTree(out)).toEqual(snapshotTree(reference));
  });

  it("synth never replaces a folder it did not write", () => {
    const dir = join(tempDir(), "mine");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "keep me");
    const run = cli(["synth", "-c", EXAMPLE_FILE, "-o", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("[OUTPUT_NOT_OURS]");
    expect(run.stderr).toContain("--force");
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("keep me");
  });

  it("synth: a copied marker beside the user's files is not enough to replace them; a real output is replaced", () => {
    const out = join(tempDir(), "cdktf.out");
    expect(cli(["synth", "-c", EXAMPLE_FILE, "-o", out, "--tf-validate", "never"]).code).toBe(0);
    const mine = join(tempDir(), "mine");
    mkdirSync(mine);
    writeFileSync(join(mine, "notes.txt"), "keep me");
    writeFileSync(
      join(mine, "aws-baseline.synth.json"),
      readFileSync(join(out, "aws-baseline.synth.json")),
    );
    const run = cli(["synth", "-c", EXAMPLE_FILE, "-o", mine, "--tf-validate", "never"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("[OUTPUT_NOT_OURS]");
    expect(run.stderr).toContain("synth did not write: notes.txt");
    expect(run.stderr).toContain("--force");
    expect(readFileSync(join(mine, "notes.txt"), "utf8")).toBe("keep me");
    // The real previous output is replaced without --force.
    const again = cli(["synth", "-c", EXAMPLE_FILE, "-o", out, "--tf-validate", "never"]);
    expect(again.code, again.stderr).toBe(0);
  });

  it("schema prints the committed JSON Schema", () => {
    const run = cli(["schema"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(answersJsonSchemaText());
  });

  it("a bad flag value is rejected by the parser with exit 1", () => {
    const run = cli(["synth", "--concurrency", "zero"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("must be a whole number");
  });
});
