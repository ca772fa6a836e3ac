/**
 * `aws-baseline accounts sync | discover`: read the organization.
 * Registration only (options, help): the action is imported when the command runs.
 */
import { type Command, Option } from "commander";
import {
  awsOptions,
  configOption,
  type CurrentIo,
  DEFAULT_CONFIG,
  jsonOption,
} from "../options.js";

export function registerAccounts(program: Command, io: CurrentIo): void {
  const accounts = program
    .command("accounts")
    .description(
      "read the AWS organization (read-only): record account IDs, or adopt an existing organization",
    )
    .addHelpText(
      "after",
      `
Credentials come from the standard AWS chain (AWS_PROFILE/--profile, SSO, env, roles) and must
belong to the management account. The read-only IAM policy the commands need is in the README.`,
    );
  awsOptions(
    accounts
      .command("sync")
      .description(
        "match answers accounts to the organization (by ID, e-mail, then name) and write the account IDs and organization ID into the answers file",
      )
      .addOption(configOption())
      .addOption(new Option("--dry-run", "show the diff and the report; write nothing"))
      .addOption(new Option("-y, --yes", "write without asking (asked only on a terminal)"))
      .addOption(
        new Option("--force", "also replace recorded IDs that disagree with the organization"),
      )
      .addOption(new Option("--region <region>", "region for STS (default: answers home region)"))
      .addOption(jsonOption()),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ aws-baseline accounts sync --dry-run          see which IDs would be written
  $ aws-baseline accounts sync --profile mgmt -y  record them (only those values change)

Run it after the org stack has created the accounts; the member-account stacks then synthesize.`,
    )
    .action(async (opts) => {
      const { syncCommand } = await import("../actions/accounts.js");
      await syncCommand(opts, io());
    });
  awsOptions(
    accounts
      .command("discover")
      .description(
        "brownfield: write answers for an organization that already exists, with import blocks for what exists and a list of conflicts",
      )
      .addOption(new Option("-o, --out <file>", "answers file to write").default(DEFAULT_CONFIG))
      .addOption(
        new Option("--region <region>", "home region of the baseline (trail, logs, VPCs)").env(
          "AWS_REGION",
        ),
      )
      .addOption(
        new Option("--name <name>", "organization name (default: management account name)"),
      )
      .addOption(new Option("--prefix <prefix>", "resource name prefix (default: from the name)"))
      .addOption(
        new Option(
          "--alarm-email <address...>",
          "who receives security alarms (default: the management account e-mail)",
        ),
      )
      .addOption(
        new Option(
          "--inspect-members",
          "also read each member account through the access role: its Config recorders (and the security account's GuardDuty detectors) are adopted too",
        ),
      )
      .addOption(
        new Option(
          "--access-role <name>",
          "role --inspect-members assumes in member accounts (written as accessRoleName)",
        ).default("OrganizationAccountAccessRole"),
      )
      .addOption(new Option("--dry-run", "print the answers instead of writing them"))
      .addOption(new Option("--force", "replace --out if it exists"))
      .addOption(jsonOption()),
  )
    .addHelpText(
      "after",
      `
Examples:
  $ aws-baseline accounts discover --profile mgmt --region eu-west-1 --prefix acme -o acme.json
  $ aws-baseline accounts discover --profile mgmt --region eu-west-1 --inspect-members --dry-run

The answers adopt the organization, its OUs, accounts and same-name SCPs through Terraform import
blocks, so synth + plan import them instead of creating them again. Existing Config recorders,
GuardDuty and Security Hub administrators (Control Tower and earlier setups) are adopted too
(detective.adopt) or listed as conflicts; member accounts are read only with --inspect-members.`,
    )
    .action(async (opts) => {
      const { discoverCommand } = await import("../actions/accounts.js");
      await discoverCommand(opts, io());
    });
}
