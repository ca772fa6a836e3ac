/**
 * `aws-baseline plan | deploy | drift`: terraform over the synthesized stacks.
 * Registration only (options, help): the action is imported when the command runs.
 */
import { type Command, Option } from "commander";
import { type CurrentIo, runOptions } from "../options.js";

export function registerRun(program: Command, io: CurrentIo): void {
  runOptions(
    program
      .command("plan")
      .description(
        "synthesize, then terraform init + plan every stack in dependency order; summary per stack",
      )
      .addOption(new Option("--detailed-exitcode", "exit 2 when any stack has changes")),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ aws-baseline plan                          every stack, 2 at a time
  $ aws-baseline plan --stack org --json       one stack, machine-readable
  $ aws-baseline plan --terraform-bin tofu     with OpenTofu

Plans are saved next to each stack (aws-baseline.tfplan); deploy applies exactly what it planned.`,
    )
    .action(async (opts) => {
      const { planCommand } = await import("../actions/run.js");
      await planCommand(opts, io());
    });

  runOptions(
    program
      .command("deploy")
      .description(
        "apply in waves: plan each stack once its dependencies are applied, show the wave, confirm, apply",
      )
      .addOption(new Option("-y, --yes", "apply without asking (required without a terminal)"))
      .addOption(
        new Option(
          "--allow-destroy",
          "allow plans that delete or replace accounts, the organization, the trail, log buckets or KMS keys",
        ),
      ),
  )
    .addHelpText(
      "after",
      `
Waves: a stack is planned only after the stacks it depends on are applied (org-trail reads the
key log-archive creates). Each wave's plans are shown and confirmed once (--yes skips). A failed
plan or apply, or a plan that deletes a protected resource without --allow-destroy, skips only
the stacks that depend on it; the others go on, and deploy exits 1 naming what did not finish.

First run on a new organization: deploy applies the org stack, records the new account and
organization IDs in the answers file (as \`accounts sync\` does), synthesizes again and continues
with the other stacks, all in one run.

Examples:
  $ aws-baseline deploy                        plan, show, ask, apply
  $ aws-baseline deploy --yes --stack baseline-dev`,
    )
    .action(async (opts) => {
      const { deployCommand } = await import("../actions/run.js");
      await deployCommand(opts, io());
    });

  runOptions(
    program
      .command("drift")
      .description(
        "one plan per stack: in sync exactly when apply has nothing to do; each change says if it was changed or deleted outside Terraform, its arguments and controls",
      )
      .addOption(new Option("--markdown", "print a Markdown report (CI job summary, issue body)")),
  )
    .addHelpText(
      "after",
      `
Exit codes: 0 every stack in sync, 2 drift found, 1 a stack could not be checked (an error is
never reported as "no drift"), 3 terraform missing. For parallel CI jobs see
\`aws-baseline stacks --matrix\` and \`aws-baseline drift-report\`.

Examples:
  $ aws-baseline drift
  $ aws-baseline drift --markdown >> "$GITHUB_STEP_SUMMARY"
  $ aws-baseline drift --json | jq '.stacks[] | select(.status != "in-sync")'`,
    )
    .action(async (opts) => {
      const { driftCommand } = await import("../actions/run.js");
      await driftCommand(opts, io());
    });
}
