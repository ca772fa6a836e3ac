/**
 * The Terraform state bucket, created by `aws-baseline bootstrap` before any other stack can use
 * the S3 backend: private, versioned (state history survives a bad write), encrypted, TLS-only,
 * never destroyed by Terraform. It starts with local state and then moves that state into itself.
 */
import { TerraformStack, type Construct } from "../build/cdk.js";
import type { BaselineConfig } from "../answers/resolve.js";
import { partitionOf } from "../answers/names.js";
import { AccountProviders } from "../build/account-providers.js";
import { SecureBucket } from "../build/secure-bucket.js";
import { useLocalBackend, useS3Backend } from "../build/state-backend.js";
import { policy } from "../build/policy-document.js";
import { denyInsecureTransport } from "../logging/policies.js";

export const STATE_BUCKET_STACK = "state-bucket";

export interface StateBucketProps {
  readonly config: BaselineConfig;
  /** local: first run (the bucket does not exist yet); s3: the state lives in the bucket. */
  readonly backend: "local" | "s3";
}

export class StateBucketStack extends TerraformStack {
  constructor(scope: Construct, props: StateBucketProps) {
    super(scope, STATE_BUCKET_STACK);
    const { config } = props;
    const state = config.state;
    if (state.backend !== "s3") throw new Error("StateBucketStack: the answers use local state");
    if (props.backend === "s3") useS3Backend(this, STATE_BUCKET_STACK, state, config.emulator);
    // Relative to the stack folder: <bootstrap dir>/state-bucket.tfstate.
    else useLocalBackend(this, `../../${STATE_BUCKET_STACK}.tfstate`);
    const providers = new AccountProviders(this, {
      account: {
        name: config.management.name,
        kind: "management",
        accountId: config.management.accountId,
      },
      homeRegion: state.region,
      memberRoleName: config.deployRole.name,
      tags: { BaselineStack: STATE_BUCKET_STACK },
      emulator: config.emulator,
    });
    const arn = `arn:${partitionOf(state.region)}:s3:::${state.bucket}`;
    new SecureBucket(this, "state", {
      provider: providers.home,
      bucketName: state.bucket,
      policy: policy(denyInsecureTransport(arn)),
    });
  }
}
