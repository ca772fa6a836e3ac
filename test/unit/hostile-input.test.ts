/** Hostile or odd answers files get clear problems with key paths, never a crash. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readAnswersFile, validateAnswers } from "../../src/answers/load.js";
import { exampleAnswers, minimalAnswers } from "../helpers/answers.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/synth.js";

const problemsOf = (data: unknown) => {
  const result = validateAnswers(data);
  return result.ok ? [] : result.problems.map((p) => `${p.path} ${p.message}`);
};

describe("hostile and odd input", () => {
  it("100,000 nested arrays: one problem naming the depth, and --json still prints JSON (exit 1)", () => {
    const file = join(tempDir(), "deep.json");
    const n = 100_000;
    writeFileSync(file, `{"version":1,"x":${"[".repeat(n)}${"]".repeat(n)}}`);
    const run = cli(["validate", "--config", file, "--json"]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.error.problems).toEqual([
      expect.objectContaining({ message: "nests deeper than 32 levels" }),
    ]);
  });

  it("a __proto__ key in a record is rejected, with every other problem", () => {
    const answers = JSON.parse(
      JSON.stringify(exampleAnswers()).replace(
        '"accountOverridesUsd":{"prod":2500}',
        '"accountOverridesUsd":{"prod":2500,"__proto__":5}',
      ),
    );
    answers.cloudtrail = { retentionDays: 365.5 };
    expect(problemsOf(answers)).toEqual([
      "billing.accountOverridesUsd.__proto__ is not an allowed key",
      "cloudtrail.retentionDays must be a whole number, not 365.5",
    ]);
  });

  it("numbers: too large is named as such, and exclusive minimums say 'greater than'", () => {
    const answers = { ...minimalAnswers(), billing: { totalMonthlyUsd: Number.POSITIVE_INFINITY } };
    expect(problemsOf(answers)).toEqual([
      "billing.totalMonthlyUsd must be a finite number (the value written is too large for a number)",
    ]);
    const zero = { ...minimalAnswers(), billing: { totalMonthlyUsd: 0 } };
    expect(problemsOf(zero)).toEqual(["billing.totalMonthlyUsd must be greater than 0"]);
  });

  it("a UTF-8 byte-order mark before the JSON is accepted", async () => {
    const file = join(tempDir(), "bom.json");
    writeFileSync(file, `\uFEFF${JSON.stringify(minimalAnswers())}`);
    expect(validateAnswers(await readAnswersFile(file)).ok).toBe(true);
  });
});

describe("S3 bucket names for state", () => {
  for (const [bucket, why] of [
    ["192.168.1.1", "must not look like an IP address"],
    ["acme..state", "must not have '..'"],
    ["acme-state-s3alias", "must not use a prefix or suffix S3 reserves"],
    ["Acme-State", "must be 3-63 lowercase letters"],
  ]) {
    it(`${bucket} is rejected: ${why}`, () => {
      const answers = {
        ...minimalAnswers(),
        state: { backend: "s3", bucket, region: "eu-west-1" },
      };
      expect(problemsOf(answers).join("\n")).toContain(`state.bucket ${why}`);
    });
  }
  it("acme-tfstate.eu is a valid name", () => {
    const answers = {
      ...minimalAnswers(),
      state: { backend: "s3", bucket: "acme-tfstate.eu", region: "eu-west-1" },
    };
    expect(problemsOf(answers)).toEqual([]);
  });
});
