/**
 * The AWS side of a run, checked once before terraform runs on any stack: credentials (STS) and,
 * for S3 state, the state bucket. What to check is read from the synthesized stacks themselves
 * (their providers and backends), so it holds with --no-synth, in emulator mode (the stacks'
 * endpoints) and for stacks that need no AWS at all (nothing is called).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  callerIdentity,
  checkStateBucket,
  defaultPreflightClients,
  type AwsTarget,
  type CallerIdentity,
  type PreflightClients,
  type StateBucketTarget,
} from "../aws/preflight.js";
import { BaselineError } from "../errors.js";
import { noCredentials } from "./terraform/runner.js";

/** What the stacks of a run need from AWS. */
export interface AwsNeeds {
  /** Where to ask for the caller's identity; absent when no stack talks to AWS. */
  readonly aws?: AwsTarget;
  /** Distinct S3 state buckets the stacks' backends use. */
  readonly stateBuckets: readonly StateBucketTarget[];
  /** Roles the stacks' providers assume in member accounts (none in emulator mode). */
  readonly memberRoles: readonly string[];
}

export interface PreflightReport {
  readonly identity?: CallerIdentity;
  /** The state buckets found (`s3://bucket`). */
  readonly stateBuckets: readonly string[];
}

/** The check a run makes before terraform; tests inject their own. */
export type Preflight = (needs: AwsNeeds) => Promise<PreflightReport>;

interface StackJson {
  provider?: {
    aws?: {
      region?: string;
      endpoints?: { sts?: string }[];
      assume_role?: { role_arn?: string }[];
    }[];
  };
  terraform?: {
    backend?: {
      s3?: { bucket?: string; region?: string; endpoints?: { s3?: string; sts?: string } };
    };
  };
}

/** Reads the providers and backends of `stacks` (in `<outDir>/stacks/<name>/cdk.tf.json`). */
export async function awsNeeds(outDir: string, stacks: readonly string[]): Promise<AwsNeeds> {
  let aws: AwsTarget | undefined;
  const buckets = new Map<string, StateBucketTarget>();
  const memberRoles = new Set<string>();
  for (const stack of stacks) {
    let json: StackJson;
    try {
      json = JSON.parse(await readFile(join(outDir, "stacks", stack, "cdk.tf.json"), "utf8"));
    } catch {
      continue; // the runner reports a missing or broken stack as that stack's failure
    }
    const provider = json.provider?.aws?.[0];
    if (!aws && provider?.region) {
      aws = { region: provider.region, stsEndpoint: provider.endpoints?.[0]?.sts };
    }
    // Emulators do not enforce trust; their caller identity is a fixed stand-in.
    const emulated = (provider?.endpoints ?? []).length > 0;
    for (const role of emulated ? [] : (provider?.assume_role ?? [])) {
      const name = role.role_arn?.split(":role/")[1];
      if (name) memberRoles.add(name);
    }
    const s3 = json.terraform?.backend?.s3;
    if (s3?.bucket && s3.region) {
      buckets.set(`${s3.bucket} ${s3.endpoints?.s3 ?? ""}`, {
        bucket: s3.bucket,
        region: s3.region,
        endpoint: s3.endpoints?.s3,
      });
      aws ??= { region: s3.region, stsEndpoint: s3.endpoints?.sts };
    }
  }
  return { aws, stateBuckets: [...buckets.values()], memberRoles: [...memberRoles] };
}

/**
 * Credentials first (AWS_NO_CREDENTIALS, exit 3, saying how to sign in), then every state bucket
 * (STATE_BUCKET_MISSING, exit 3, suggesting `aws-baseline bootstrap`).
 */
export async function awsPreflight(
  needs: AwsNeeds,
  clients: PreflightClients = defaultPreflightClients,
): Promise<PreflightReport> {
  if (!needs.aws) return { stateBuckets: [] };
  let identity: CallerIdentity;
  try {
    identity = await callerIdentity(needs.aws, clients);
  } catch (error) {
    if (error instanceof BaselineError && error.code === "AWS_NO_CREDENTIALS") {
      throw noCredentials(error.message, error.cause);
    }
    throw error;
  }
  for (const bucket of needs.stateBuckets) await checkStateBucket(bucket, clients);
  return { identity, stateBuckets: needs.stateBuckets.map((b) => `s3://${b.bucket}`) };
}
