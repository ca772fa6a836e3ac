/**
 * `aws-baseline bootstrap`: the state bucket stack (synth assertions and terraform validate), and
 * the create-then-move flow, run through the built CLI with a scripted stand-in for terraform
 * that plays a bucket appearing in S3 (no AWS involved).
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synthStateBucket } from "../../src/run/bootstrap.js";
import { validateStacks } from "../../src/run/terraform/validate.js";
import { configFrom, minimalAnswers } from "../helpers/answers.js";
import { cli } from "../helpers/cli.js";
import { policyOf, resourceList, tempDir, type StackJson } from "../helpers/synth.js";
import { terraform, withTerraform } from "../helpers/terraform.js";

const STATE = { backend: "s3", bucket: "tiny-tfstate", region: "eu-west-1" } as const;
const config = configFrom({ ...minimalAnswers(), state: STATE });

function synth(backend: "local" | "s3"): { dir: string; stack: StackJson } {
  const dir = tempDir("aws-baseline-bootstrap-");
  synthStateBucket(config, dir, backend);
  const file = join(dir, "stacks", "state-bucket", "cdk.tf.json");
  return { dir, stack: JSON.parse(readFileSync(file, "utf8")) };
}

describe("state bucket stack", () => {
  const { dir, stack } = synth("local");

  it("state bucket is versioned, encrypted, private, TLS-only and never destroyed", () => {
    const [bucket] = resourceList(stack, "aws_s3_bucket");
    expect(bucket).toMatchObject({ bucket: "tiny-tfstate", lifecycle: { prevent_destroy: true } });
    expect(resourceList(stack, "aws_s3_bucket_versioning")[0]?.versioning_configuration).toEqual({
      status: "Enabled",
    });
    expect(
      resourceList(stack, "aws_s3_bucket_server_side_encryption_configuration")[0]?.rule[0]
        .apply_server_side_encryption_by_default.sse_algorithm,
    ).toBe("AES256");
    expect(resourceList(stack, "aws_s3_bucket_public_access_block")[0]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const statement = policyOf(resourceList(stack, "aws_s3_bucket_policy")[0]?.policy).Statement[0];
    expect(statement).toMatchObject({
      Effect: "Deny",
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
  });

  it("starts with local state and then uses the bucket itself (encrypted, S3-native locking)", () => {
    expect(stack.terraform.backend).toEqual({ local: { path: "../../state-bucket.tfstate" } });
    expect(synth("s3").stack.terraform.backend.s3).toMatchObject({
      bucket: "tiny-tfstate",
      key: "aws-baseline/state-bucket.tfstate",
      encrypt: true,
      use_lockfile: true,
    });
  });

  it.skipIf(!terraform.ok)(
    withTerraform("the state bucket stack passes terraform validate"),
    async () => {
      if (!terraform.ok) return;
      const [result] = await validateStacks(dir, ["state-bucket"], {
        binary: terraform.binary,
        pluginDir: terraform.pluginDir,
      });
      expect(result?.status, JSON.stringify(result)).toBe("valid");
    },
    120_000,
  );
});

/** A stand-in for terraform: S3 init fails until "apply" has created the bucket. */
const FAKE_TERRAFORM = `#!/usr/bin/env node
const fs = require("node:fs");
const path = require("node:path");
const args = process.argv.slice(2);
if (args[0] === "version") { process.stdout.write('{"terraform_version":"1.11.4"}'); process.exit(0); }
if (process.env.FAKE_TF_NO_CREDS) { process.stderr.write("Error: No valid credential sources found\\n"); process.exit(1); }
fs.appendFileSync(process.env.FAKE_TF_LOG, args.filter(a => !a.startsWith("-no-color") && !a.startsWith("-input")).join(" ") + "\\n");
const bucket = process.env.FAKE_TF_BUCKET;
const config = JSON.parse(fs.readFileSync("cdk.tf.json", "utf8"));
const s3 = Boolean(config.terraform.backend.s3);
const exists = fs.existsSync(bucket);
switch (args[0]) {
  case "init":
    if (s3 && !exists) { process.stderr.write('Error: Failed to get existing workspaces: S3 bucket "tiny-tfstate" does not exist.\\n'); process.exit(1); }
    process.exit(0);
  case "plan":
    fs.writeFileSync("aws-baseline.tfplan", "");
    process.exit(exists ? 0 : 2);
  case "show":
    process.stdout.write(JSON.stringify(exists ? { format_version: "1.2" } : { format_version: "1.2", resource_changes: [
      { address: "aws_s3_bucket.state", type: "aws_s3_bucket", name: "state", mode: "managed", change: { actions: ["create"], before: null, after: { bucket: "tiny-tfstate" } } } ] }));
    process.exit(0);
  case "apply":
    fs.writeFileSync(bucket, "created");
    fs.writeFileSync(path.join("..", "..", "state-bucket.tfstate"), "{}");
    process.exit(0);
}
process.exit(1);
`;

/** A project with S3-state answers and the terraform stand-in; `run` runs bootstrap in it. */
function fakeProject(label: string, o: { bucketExists?: boolean } = {}) {
  const root = tempDir(`aws-baseline-bootstrap-${label}-`);
  const fake = join(root, "terraform");
  writeFileSync(fake, FAKE_TERRAFORM);
  chmodSync(fake, 0o755);
  if (o.bucketExists) writeFileSync(join(root, "bucket-exists"), "created earlier");
  writeFileSync(
    join(root, "aws-baseline.json"),
    JSON.stringify({ ...minimalAnswers(), state: STATE }),
  );
  const log = join(root, "calls.log");
  const env = {
    FAKE_TF_LOG: log,
    FAKE_TF_BUCKET: join(root, "bucket-exists"),
    TF_PLUGIN_DIR: undefined,
  };
  const run = () =>
    cli(["bootstrap", "--yes", "--json", "--terraform-bin", fake], { cwd: root, env });
  return { root, log, run };
}

describe("bootstrap flow", () => {
  it("creates the bucket with local state, moves the state into it, and is a no-op the second time", () => {
    const { root, log, run } = fakeProject("flow");
    const first = run();
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ bucketChange: "created", migrated: true });
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual([
      "init", // S3 backend: the bucket does not exist yet
      "init", // local backend
      "plan -detailed-exitcode -out=aws-baseline.tfplan",
      "show -json aws-baseline.tfplan",
      "apply aws-baseline.tfplan",
      "init -migrate-state -force-copy",
    ]);
    const bootstrapDir = join(root, ".aws-baseline", "bootstrap");
    expect(existsSync(join(bootstrapDir, "state-in-s3"))).toBe(true);
    expect(existsSync(join(bootstrapDir, "state-bucket.tfstate"))).toBe(false);
    expect(existsSync(join(bootstrapDir, "state-bucket.tfstate.moved-to-s3"))).toBe(true);

    writeFileSync(log, "");
    const second = run();
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ bucketChange: "unchanged", migrated: false });
    // Nothing to change: the plan's exit code says so, and show (another provider start) is skipped.
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual([
      "init",
      "plan -detailed-exitcode -out=aws-baseline.tfplan",
    ]);
  });

  it("on a fresh clone (no marker) it finds the state already in the bucket and changes nothing", () => {
    const project = fakeProject("clone", { bucketExists: true });
    const log = project.log;
    const run = project.run();
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ bucketChange: "unchanged", migrated: false });
    expect(readFileSync(log, "utf8")).not.toContain("apply");
  });

  it("without AWS credentials it is an environment problem (exit 3) telling how to sign in, not a bug", () => {
    const { root, log } = fakeProject("no-credentials");
    const run = cli(["bootstrap", "--yes", "--terraform-bin", join(root, "terraform")], {
      cwd: root,
      env: { FAKE_TF_LOG: log, FAKE_TF_NO_CREDS: "1", TF_PLUGIN_DIR: undefined },
    });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain("AWS_NO_CREDENTIALS");
    expect(run.stderr).not.toContain("internal error");
  });

  it("refuses answers with local state, naming the fix", () => {
    const root = tempDir("aws-baseline-bootstrap-local-");
    writeFileSync(join(root, "aws-baseline.json"), JSON.stringify(minimalAnswers()));
    const run = cli(["bootstrap", "--yes", "--terraform-bin", process.execPath], { cwd: root });
    expect(run.code).toBe(1);
  });
});
