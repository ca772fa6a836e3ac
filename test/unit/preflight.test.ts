/**
 * The AWS preflight of plan, deploy and drift (runnerSetup with `stacks`), against a mocked SDK
 * (aws-sdk-client-mock): no test calls AWS. Credentials and the S3 state bucket are checked once,
 * before terraform runs on any stack; a stand-in terraform only answers `version`.
 */
import { HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultPreflightClients } from "../../src/aws/preflight.js";
import { EXIT_CODES, type BaselineError } from "../../src/errors.js";
import { awsNeeds } from "../../src/run/preflight.js";
import { runnerSetup } from "../../src/run/setup.js";
import type { StepEvent } from "../../src/run/terraform/runner.js";
import { configFrom, minimalAnswers } from "../helpers/answers.js";
import { synthTo, tempDir } from "../helpers/synth.js";

const sts = mockClient(STSClient);
const s3 = mockClient(S3Client);
beforeEach(() => {
  sts.reset();
  s3.reset();
});

const STATE = { backend: "s3", bucket: "tiny-tfstate", region: "eu-central-1" } as const;
const root = tempDir("aws-baseline-preflight-");
const out = join(root, "cdktf.out");
let stacks: string[] = [];

/** Answers `version` like terraform 1.11.4; any other command would be a preflight failure. */
const fakeTerraform = join(root, "terraform");
writeFileSync(
  fakeTerraform,
  `#!/bin/sh\n[ "$1" = version ] && echo '{"terraform_version":"1.11.4"}' && exit 0\necho "terraform ran: $*" >&2\nexit 1\n`,
);
chmodSync(fakeTerraform, 0o755);

beforeAll(async () => {
  const config = configFrom({ ...minimalAnswers(), regions: { home: "eu-west-1" }, state: STATE });
  stacks = (await synthTo(config, out)).stacks.map((s) => s.name);
}, 120_000);

/** runnerSetup as plan/deploy/drift call it, recording terraform steps and the preflight report. */
async function setup(names: readonly string[] = stacks, outDir = out) {
  const events: StepEvent[] = [];
  const reports: unknown[] = [];
  const options = await runnerSetup(
    { terraformBin: fakeTerraform, logsDir: join(root, "logs") },
    {
      command: "plan",
      outDir,
      stacks: names,
      onEvent: (e) => events.push(e),
      onPreflight: (r) => reports.push(r),
    },
  );
  return { options, events, reports };
}

async function failure(promise: Promise<unknown>): Promise<BaselineError> {
  try {
    await promise;
  } catch (error) {
    return error as BaselineError;
  }
  throw new Error("expected the preflight to fail");
}

describe("AWS preflight before any terraform step", () => {
  it("no AWS credentials: AWS_NO_CREDENTIALS, exit 3, saying how to sign in; the bucket is not asked", async () => {
    sts.on(GetCallerIdentityCommand).rejects(
      Object.assign(new Error("Could not load credentials from any providers"), {
        name: "CredentialsProviderError",
      }),
    );
    const error = await failure(setup());
    expect(error.code).toBe("AWS_NO_CREDENTIALS");
    expect(EXIT_CODES[error.kind]).toBe(3);
    expect(error.message).toContain("Could not load credentials from any providers");
    expect(error.hint).toContain("aws sso login");
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
    expect(s3.commandCalls(HeadBucketCommand)).toHaveLength(0);
  });

  it("an expired session is the same environment problem", async () => {
    sts.on(GetCallerIdentityCommand).rejects(
      Object.assign(new Error("The security token included in the request is expired"), {
        name: "ExpiredToken",
      }),
    );
    expect((await failure(setup())).code).toBe("AWS_NO_CREDENTIALS");
  });

  it("state bucket missing: STATE_BUCKET_MISSING, exit 3, naming the bucket and suggesting bootstrap", async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: "111111111111", Arn: "arn:x" });
    s3.on(HeadBucketCommand).rejects(
      Object.assign(new Error("UnknownError"), {
        name: "NotFound",
        $metadata: { httpStatusCode: 404 },
      }),
    );
    const error = await failure(setup());
    expect(error.code).toBe("STATE_BUCKET_MISSING");
    expect(EXIT_CODES[error.kind]).toBe(3);
    expect(error.message).toContain("s3://tiny-tfstate (eu-central-1)");
    expect(error.hint).toContain("aws-baseline bootstrap");
  });

  it("a state bucket the caller may not read is AWS_ACCESS_DENIED (exit 3), naming the permission", async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: "111111111111", Arn: "arn:x" });
    s3.on(HeadBucketCommand).rejects(
      Object.assign(new Error("UnknownError"), { name: "403", $metadata: { httpStatusCode: 403 } }),
    );
    const error = await failure(setup());
    expect(error.code).toBe("AWS_ACCESS_DENIED");
    expect(EXIT_CODES[error.kind]).toBe(3);
    expect(error.message).toContain("s3:ListBucket");
  });

  it("all OK: setup proceeds, one call each, reporting the account and the bucket; no terraform step ran", async () => {
    sts.on(GetCallerIdentityCommand).resolves({
      Account: "111111111111",
      Arn: "arn:aws:sts::111111111111:assumed-role/Admin/me",
    });
    s3.on(HeadBucketCommand).resolves({});
    const { options, events, reports } = await setup();
    expect(options.binary.version).toBe("1.11.4");
    expect(events).toEqual([]);
    expect(reports).toEqual([
      {
        identity: {
          account: "111111111111",
          arn: "arn:aws:sts::111111111111:assumed-role/Admin/me",
        },
        stateBuckets: ["s3://tiny-tfstate"],
      },
    ]);
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
    const heads = s3.commandCalls(HeadBucketCommand);
    expect(heads.map((c) => c.args[0].input)).toEqual([{ Bucket: "tiny-tfstate" }]);
    // The bucket is asked in its own region, the identity in the home region.
    expect(await (heads[0]?.thisValue as S3Client).config.region()).toBe("eu-central-1");
    const caller = sts.commandCalls(GetCallerIdentityCommand)[0]?.thisValue as STSClient;
    expect(await caller.config.region()).toBe("eu-west-1");
  });

  it("stacks that use no AWS provider and local state call nothing", async () => {
    const local = join(tempDir("aws-baseline-preflight-local-"), "cdktf.out");
    mkdirSync(join(local, "stacks", "only"), { recursive: true });
    writeFileSync(
      join(local, "stacks", "only", "cdk.tf.json"),
      JSON.stringify({
        terraform: { backend: { local: { path: "x.tfstate" } } },
        resource: { terraform_data: { a: { input: 1 } } },
      }),
    );
    const { reports } = await setup(["only"], local);
    expect(reports).toEqual([{ stateBuckets: [] }]);
    expect(sts.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
  });

  it("emulator mode: the check goes to the endpoints the stacks use, path-style", async () => {
    const url = "http://127.0.0.1:4566";
    const config = configFrom({
      ...minimalAnswers(),
      state: STATE,
      emulator: { endpointUrl: url },
    });
    const emulated = await synthTo(config);
    const needs = await awsNeeds(emulated.outDir, ["org"]);
    expect(needs.aws?.stsEndpoint).toBe(url);
    expect(needs.stateBuckets).toEqual([
      { bucket: "tiny-tfstate", region: "eu-central-1", endpoint: url },
    ]);
    const client = defaultPreflightClients.s3(needs.stateBuckets[0]!);
    expect(client.config.forcePathStyle).toBe(true);
    expect((await client.config.endpoint?.())?.hostname).toBe("127.0.0.1");
    client.destroy();
  }, 120_000);
});
