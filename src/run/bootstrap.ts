/**
 * `aws-baseline bootstrap`: create the S3 state bucket with local state, then move that state
 * into the bucket. Idempotent: a marker records that the state moved, so later runs use the S3
 * backend directly and only apply what changed (usually nothing).
 */
import { existsSync, mkdirSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { App, withoutTokenStackTraces } from "../build/cdk.js";
import type { BaselineConfig } from "../answers/resolve.js";
import { BaselineError } from "../errors.js";
import {
  applyStack,
  credentialsError,
  initStack,
  planStack,
  runStep,
  StepFailed,
  type RunnerOptions,
} from "./terraform/runner.js";
import { STATE_BUCKET_STACK, StateBucketStack } from "../state/state-bucket-stack.js";

/** Written once the state lives in the bucket. */
export const MIGRATED_MARKER = "state-in-s3";

export interface BootstrapResult {
  readonly bucket: string;
  readonly region: string;
  /** created: this run created the bucket; updated: it changed it; unchanged: nothing to do. */
  readonly bucketChange: "created" | "updated" | "unchanged";
  /** This run moved the local state into the bucket. */
  readonly migrated: boolean;
  readonly dir: string;
}

export function synthStateBucket(config: BaselineConfig, dir: string, backend: "local" | "s3") {
  mkdirSync(dir, { recursive: true }); // cdktf creates only the last folder of its outdir
  withoutTokenStackTraces(() => {
    const app = new App({ outdir: dir, stackTraces: false });
    new StateBucketStack(app, { config, backend });
    app.synth();
  });
}

/** The S3 state settings; bootstrap has nothing to do for local state. */
export function assertS3State(config: BaselineConfig) {
  const state = config.state;
  if (state.backend !== "s3") {
    throw new BaselineError("BOOTSTRAP_NOT_NEEDED", "the answers keep state in local files", {
      hint: 'bootstrap creates the S3 state bucket: set state to { "backend": "s3", "bucket": ..., "region": ... }',
    });
  }
  return state;
}

/**
 * Without the marker (a fresh clone, another machine), asks terraform whether the bucket already
 * holds the state: init against the S3 backend succeeds only when the bucket exists.
 */
async function bucketHoldsState(config: BaselineConfig, options: RunnerOptions): Promise<boolean> {
  synthStateBucket(config, options.outDir, "s3");
  try {
    await initStack(options, STATE_BUCKET_STACK);
    return true;
  } catch (error) {
    if (error instanceof StepFailed && /does not exist|NoSuchBucket/i.test(error.detail))
      return false;
    throw error;
  }
}

type BootstrapOptions = RunnerOptions & {
  readonly confirm: (summary: string) => Promise<boolean>;
};

/**
 * Creates the state bucket and moves its state into it (see bootstrapSteps). A failed terraform
 * step is a typed error: missing credentials are an environment problem (exit 3), anything else
 * names the step, terraform's error and the log.
 */
export async function bootstrap(
  config: BaselineConfig,
  options: BootstrapOptions,
): Promise<BootstrapResult> {
  try {
    return await bootstrapSteps(config, options);
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    throw (
      credentialsError([error.detail]) ??
      new BaselineError("STACK_FAILED", `bootstrap: ${error.step} failed: ${error.detail}`, {
        hint: `terraform's full output is in ${error.logFile}`,
      })
    );
  }
}

async function bootstrapSteps(
  config: BaselineConfig,
  options: BootstrapOptions,
): Promise<BootstrapResult> {
  const state = assertS3State(config);
  const dir = options.outDir;
  let migratedBefore = existsSync(join(dir, MIGRATED_MARKER));
  if (migratedBefore) {
    synthStateBucket(config, dir, "s3");
    await initStack(options, STATE_BUCKET_STACK);
  } else {
    migratedBefore = await bucketHoldsState(config, options);
  }
  if (!migratedBefore) {
    synthStateBucket(config, dir, "local");
    await initStack(options, STATE_BUCKET_STACK);
  }
  const planned = await planStack(options, STATE_BUCKET_STACK);
  let bucketChange: BootstrapResult["bucketChange"] = "unchanged";
  if (planned.hasChanges) {
    const { add, change, replace, destroy } = planned.plan.counts;
    if (replace + destroy > 0) {
      throw new BaselineError(
        "PROTECTED_DESTROY",
        "bootstrap would replace or delete part of the state bucket",
        {
          hint: `see ${join(options.logsDir, `${STATE_BUCKET_STACK}.log`)}; fix the bucket by hand or in the answers`,
        },
      );
    }
    const summary = `state bucket s3://${state.bucket} (${state.region}): ${add} to add, ${change} to change`;
    if (!(await options.confirm(summary))) throw new BaselineError("ABORTED", "nothing applied");
    await applyStack(options, STATE_BUCKET_STACK, planned.planFile);
    bucketChange = add > 0 ? "created" : "updated";
  }
  let migrated = false;
  if (!migratedBefore) {
    // Same stack, S3 backend: terraform copies the local state into the bucket.
    synthStateBucket(config, dir, "s3");
    await runStep(options, STATE_BUCKET_STACK, "init", [
      "init",
      "-input=false",
      "-no-color",
      "-migrate-state",
      "-force-copy",
      ...(options.pluginDir ? [`-plugin-dir=${options.pluginDir}`] : []),
    ]);
    await writeFile(
      join(dir, MIGRATED_MARKER),
      `state moved to s3://${state.bucket}/${state.keyPrefix}/${STATE_BUCKET_STACK}.tfstate\n`,
    );
    // The local copy is stale from now on; keep it under another name rather than delete it.
    const local = join(dir, `${STATE_BUCKET_STACK}.tfstate`);
    if (existsSync(local)) await rename(local, `${local}.moved-to-s3`);
    migrated = true;
  }
  return { bucket: state.bucket, region: state.region, bucketChange, migrated, dir };
}
