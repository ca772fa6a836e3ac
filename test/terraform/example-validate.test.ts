/**
 * Every stack of the bundled example passes `terraform validate` against the real AWS provider
 * (5.100.0, from the offline mirror). New stacks join this check automatically.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { validateStacks, type StackValidation } from "../../src/run/terraform/validate.js";
import { configFrom, exampleAnswers } from "../helpers/answers.js";
import { synthTo } from "../helpers/synth.js";
import { terraform, withTerraform } from "../helpers/terraform.js";

let results: StackValidation[] = [];
let stackCount = 0;

beforeAll(async () => {
  if (!terraform.ok) return;
  const out = await synthTo(configFrom(exampleAnswers()));
  stackCount = out.stacks.length;
  results = await validateStacks(
    out.outDir,
    out.stacks.map((s) => s.name),
    {
      binary: terraform.binary,
      pluginDir: terraform.pluginDir,
      concurrency: 2,
    },
  );
}, 600_000);

describe("terraform validate (offline, provider 5.100.0)", () => {
  it.skipIf(!terraform.ok)(withTerraform("every stack of the example is valid"), () => {
    expect(results).toHaveLength(stackCount);
    const failures = results.filter((r) => r.status !== "valid");
    expect(failures, JSON.stringify(failures, null, 2)).toEqual([]);
  });
});
