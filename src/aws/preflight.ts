/**
 * Before terraform runs on any stack: are there AWS credentials (STS GetCallerIdentity, which
 * needs no permission), and does the S3 state bucket exist (HeadBucket)? One call each, so a
 * missing sign-in or a bucket nobody bootstrapped is one message, not a failed stack per account.
 */
import { HeadBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { BaselineError } from "../errors.js";
import { awsError, clientConfig } from "./clients.js";

/** What the stacks about to run use, read from their Terraform JSON. */
export interface AwsTarget {
  /** The home provider's region (STS is called there). */
  readonly region: string;
  /** The STS endpoint the providers use (emulator mode). @default - AWS */
  readonly stsEndpoint?: string;
}

export interface StateBucketTarget {
  readonly bucket: string;
  readonly region: string;
  /** The S3 endpoint the backend uses (emulator mode). @default - AWS */
  readonly endpoint?: string;
}

export interface PreflightClients {
  readonly sts: (target: AwsTarget) => STSClient;
  readonly s3: (target: StateBucketTarget) => S3Client;
}

/** Real clients: the standard credential chain, few retries (a preflight should answer fast). */
export const defaultPreflightClients: PreflightClients = {
  sts: (target) =>
    new STSClient({
      ...clientConfig({ endpointUrl: target.stsEndpoint, maxAttempts: 3 }),
      region: target.region,
    }),
  s3: (target) =>
    new S3Client({
      ...clientConfig({ endpointUrl: target.endpoint, maxAttempts: 3 }),
      region: target.region,
      forcePathStyle: Boolean(target.endpoint),
    }),
};

export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
}

/** Who the credentials belong to; AWS_NO_CREDENTIALS (exit 3) when there are none. */
export async function callerIdentity(
  target: AwsTarget,
  clients: PreflightClients = defaultPreflightClients,
): Promise<CallerIdentity> {
  const sts = clients.sts(target);
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    return { account: identity.Account ?? "", arn: identity.Arn ?? "" };
  } catch (error) {
    throw awsError(error, "sts:GetCallerIdentity");
  } finally {
    sts.destroy();
  }
}

/**
 * Checks that the state bucket exists and the caller may use it. A missing bucket is
 * STATE_BUCKET_MISSING, with `aws-baseline bootstrap` as the fix.
 */
export async function checkStateBucket(
  target: StateBucketTarget,
  clients: PreflightClients = defaultPreflightClients,
): Promise<void> {
  const s3 = clients.s3(target);
  const where = `s3://${target.bucket} (${target.region})`;
  try {
    await s3.send(new HeadBucketCommand({ Bucket: target.bucket }));
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    const status = e.$metadata?.httpStatusCode;
    if (e.name === "NotFound" || e.name === "NoSuchBucket" || status === 404) {
      throw new BaselineError("STATE_BUCKET_MISSING", `the state bucket ${where} does not exist`, {
        cause: error,
        hint: "create it once with `aws-baseline bootstrap` (or fix state.bucket / state.region in the answers)",
      });
    }
    if (status === 403) {
      throw new BaselineError(
        "AWS_ACCESS_DENIED",
        `the state bucket ${where} exists, but s3:ListBucket on it was denied`,
        {
          cause: error,
          hint: "grant the principal you run as s3:ListBucket, s3:GetObject and s3:PutObject on the state bucket; if the bucket belongs to another account (bucket names are global), choose another state.bucket",
        },
      );
    }
    if (status === 301) {
      throw new BaselineError(
        "AWS_REQUEST_FAILED",
        `the state bucket ${target.bucket} is not in ${target.region}`,
        { cause: error, hint: "set state.region in the answers to the bucket's region" },
      );
    }
    throw awsError(error, `s3:ListBucket on ${where}`);
  } finally {
    s3.destroy();
  }
}
