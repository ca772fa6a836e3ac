/**
 * For every bundled preset: `aws-baseline init` generates a project, the account and
 * organization IDs are recorded (as after the org stack has run), and every stack synthesizes and
 * passes `terraform validate` against provider 5.100.0.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/load.js";
import { validateStacks } from "../../src/run/terraform/validate.js";
import { cli } from "../helpers/cli.js";
import { synthTo, tempDir } from "../helpers/synth.js";
import { terraform, withTerraform } from "../helpers/terraform.js";

const PRESETS = ["minimal", "standard", "regulated"];

describe("presets generate projects that terraform validates", () => {
  for (const preset of PRESETS) {
    it.skipIf(!terraform.ok)(
      withTerraform(`preset ${preset}: every stack is valid`),
      async () => {
        if (!terraform.ok) return;
        const dir = join(tempDir(), preset);
        const init = cli([
          "init",
          dir,
          "--preset",
          preset,
          "--name",
          "Acme",
          "--email-pattern",
          "aws+{name}@acme.example",
          "--alarm-emails",
          "sec@acme.example",
        ]);
        expect(init.code, init.stderr).toBe(0);
        const answers = JSON.parse(readFileSync(join(dir, "aws-baseline.json"), "utf8"));
        answers.organization.id = "o-a1b2c3d4e5";
        answers.management = { ...answers.management, accountId: "100000000000" };
        answers.accounts.forEach(
          (a: { accountId?: string }, i: number) => (a.accountId = String(200000000000 + i)),
        );
        const result = validateAnswers(answers);
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        const out = await synthTo(result.config);
        expect(out.pending).toEqual([]);
        const validations = await validateStacks(
          out.outDir,
          out.stacks.map((s) => s.name),
          {
            binary: terraform.binary,
            pluginDir: terraform.pluginDir,
            concurrency: 2,
          },
        );
        const failures = validations.filter((v) => v.status !== "valid");
        expect(failures, JSON.stringify(failures, null, 2)).toEqual([]);
      },
      600_000,
    );
  }
});
