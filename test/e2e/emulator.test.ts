/**
 * The whole baseline rehearsed against an AWS API emulator with the built CLI and the real
 * hashicorp/aws provider: one `deploy --yes` takes a new organization to every stack applied, a
 * new plan has no changes, drift is in sync; then out-of-band changes are drift naming each
 * resource, its arguments and its control.
 *
 * Needs a running emulator (moto's server works: README, "Rehearsing against moto") at
 * AWS_BASELINE_EMULATOR_URL, plus terraform and TF_PLUGIN_DIR; skipped, saying why, otherwise.
 * It creates an organization in the emulator, so point it at a fresh (or reset) one.
 */
import { CloudWatchLogsClient, PutRetentionPolicyCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  ConfigServiceClient,
  StopConfigurationRecorderCommand,
} from "@aws-sdk/client-config-service";
import { DisableEbsEncryptionByDefaultCommand, EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient, UpdateAccountPasswordPolicyCommand } from "@aws-sdk/client-iam";
import {
  DetachPolicyCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleAnswers } from "../helpers/answers.js";
import { cliAsync } from "../helpers/cli.js";
import { tempDir } from "../helpers/synth.js";
import { terraform } from "../helpers/terraform.js";

const URL = process.env.AWS_BASELINE_EMULATOR_URL;
const why = !URL
  ? "AWS_BASELINE_EMULATOR_URL is not set (start an emulator, see README: Rehearsing against moto)"
  : !terraform.ok
    ? terraform.reason
    : undefined;
if (why) console.warn(`\n!!! emulator rehearsal SKIPPED: ${why}\n`);
const title = (t: string) => (why ? `${t} — SKIPPED: ${why}` : t);

const root = tempDir("aws-baseline-emulator-");
const answersFile = join(root, "aws-baseline.json");
const REGION = "eu-west-1";
const credentials = { accessKeyId: "test", secretAccessKey: "test" };
const env = { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: REGION };

const run = (...args: string[]) =>
  cliAsync(
    [
      ...args,
      "--config",
      answersFile,
      "--out",
      join(root, "cdktf.out"),
      "--endpoint-url",
      URL ?? "",
      ...(terraform.ok ? ["--plugin-dir", terraform.pluginDir] : []),
    ],
    { cwd: root, env },
  );

/** SDK credentials inside a member account: the deploy role, as the member stacks' providers use it. */
async function memberCredentials(accountId: string) {
  const sts = new STSClient({ endpoint: URL, region: REGION, credentials });
  const role = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/BaselineDeploy`,
      RoleSessionName: "drift-test",
    }),
  );
  const c = role.Credentials;
  return {
    accessKeyId: c?.AccessKeyId ?? "",
    secretAccessKey: c?.SecretAccessKey ?? "",
    sessionToken: c?.SessionToken,
  };
}

describe.skipIf(Boolean(why))("rehearsal against an AWS API emulator", () => {
  it(
    title("one deploy --yes takes a new organization to every stack applied; then in sync"),
    { timeout: 3_600_000 },
    async () => {
      const answers = exampleAnswers();
      delete answers.$schema;
      delete answers.organization.id;
      delete answers.management.accountId;
      for (const account of answers.accounts) delete account.accountId;
      answers.regions = { home: REGION, enabled: [REGION, "us-east-1"] };
      writeFileSync(answersFile, JSON.stringify(answers, null, 2));

      const deployed = await run("deploy", "--yes", "--json", "--concurrency", "2");
      expect(deployed.code, deployed.stderr.slice(-4000)).toBe(0);
      const result = JSON.parse(deployed.stdout);
      expect(result.pending).toEqual([]);
      expect(
        result.stacks.filter(
          (s: { status: string }) => s.status !== "applied" && s.status !== "unchanged",
        ),
      ).toEqual([]);
      const recorded = JSON.parse(readFileSync(answersFile, "utf8"));
      expect(recorded.organization.id).toMatch(/^o-/);

      const plan = await run("plan", "--no-synth", "--detailed-exitcode");
      expect(plan.code, plan.stderr.slice(-3000)).toBe(0);
      const drift = await run("drift", "--no-synth", "--json");
      expect(drift.code, drift.stderr.slice(-3000)).toBe(0);
    },
  );

  it(
    title("out-of-band changes are drift naming each resource, its arguments and its control"),
    { timeout: 1_800_000 },
    async () => {
      const recorded = JSON.parse(readFileSync(answersFile, "utf8"));
      const dev = recorded.accounts.find((a: { name: string }) => a.name === "dev").accountId;
      const endpoint = { endpoint: URL, region: REGION };

      await new IAMClient({ ...endpoint, credentials }).send(
        new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8 }),
      );
      const devCredentials = await memberCredentials(dev);
      await new EC2Client({ ...endpoint, credentials: devCredentials }).send(
        new DisableEbsEncryptionByDefaultCommand({}),
      );
      await new CloudWatchLogsClient({ ...endpoint, credentials: devCredentials }).send(
        new PutRetentionPolicyCommand({
          logGroupName: "/aws/vpc-flow-logs/acme-dev",
          retentionInDays: 1,
        }),
      );
      // Someone in dev stops the Config recorder of the home region (DET.1, CIS 3.3).
      await new ConfigServiceClient({ ...endpoint, credentials: devCredentials }).send(
        new StopConfigurationRecorderCommand({ ConfigurationRecorderName: "acme-config" }),
      );
      const organizations = new OrganizationsClient({ ...endpoint, credentials });
      const rootId = (await organizations.send(new ListRootsCommand({}))).Roots?.[0]?.Id;
      const policies = await organizations.send(
        new ListPoliciesCommand({ Filter: "SERVICE_CONTROL_POLICY" }),
      );
      const guardrails = policies.Policies?.find((p) => p.Name === "acme-guardrails-1");
      await organizations.send(
        new DetachPolicyCommand({ PolicyId: guardrails?.Id, TargetId: rootId }),
      );

      const drift = await run("drift", "--no-synth", "--json");
      expect(drift.code, drift.stderr.slice(-3000)).toBe(2);
      const changes = JSON.parse(drift.stdout).stacks.flatMap(
        (s: {
          stack: string;
          changes?: { address: string; controls: string[]; attributes: { path: string }[] }[];
        }) => (s.changes ?? []).map((c) => ({ stack: s.stack, ...c })),
      );
      const find = (stack: string, type: string) =>
        changes.find(
          (c: { stack: string; address: string }) =>
            c.stack === stack && c.address.startsWith(`${type}.`),
        );
      expect(find("baseline-management", "aws_iam_account_password_policy")).toMatchObject({
        controls: ["IAM.1"],
        // UpdateAccountPasswordPolicy replaces the whole policy: every other setting reverts too.
        attributes: expect.arrayContaining([
          { path: "minimum_password_length", before: 8, after: 14 },
        ]),
      });
      expect(find("baseline-dev", "aws_ebs_encryption_by_default")).toMatchObject({
        controls: ["DEF.1"],
        attributes: [expect.objectContaining({ path: "enabled" })],
      });
      expect(find("network-dev", "aws_cloudwatch_log_group")?.controls).toContain("NET.4");
      expect(find("baseline-dev", "aws_config_configuration_recorder_status")).toMatchObject({
        controls: ["DET.1"],
        attributes: [expect.objectContaining({ path: "is_enabled", before: false, after: true })],
      });
      // The packed SCP carries every guardrail: its detachment breaks each guardrail's control.
      expect(find("org", "aws_organizations_policy_attachment")).toMatchObject({
        source: "deleted",
        controls: expect.arrayContaining(["SCP.1", "SCP.2", "SCP.4", "SCP.6"]),
      });
      // The detective guardrail is packed into the second SCP, which stays attached.
      expect(find("org", "aws_organizations_policy_attachment")).not.toMatchObject({
        address: expect.stringContaining("guardrails-2"),
      });
      for (const change of changes)
        expect(change.attributes.length, change.address).toBeGreaterThan(0);
    },
  );
});
