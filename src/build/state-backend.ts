/**
 * Every stack gets an explicit backend so synth output is byte-identical across runs and checkout
 * locations: S3 (encrypted, S3-native locking) or a local path relative to the stack folder.
 */
import { LocalBackend, S3Backend, type TerraformStack } from "./cdk.js";
import type { BaselineConfig } from "../answers/resolve.js";
import { backendEmulation, type Emulator } from "../answers/emulator.js";
import { s3BackendKnowsRegion } from "../answers/regions.js";

/** Terraform and OpenTofu both support `use_lockfile` from 1.10. */
export const REQUIRED_TERRAFORM_VERSION = ">= 1.10";

type State = BaselineConfig["state"];
type S3State = Extract<State, { backend: "s3" }>;

/** State in the S3 bucket, one object per stack (`key` names it). */
export function useS3Backend(
  stack: TerraformStack,
  key: string,
  state: S3State,
  emulator?: Emulator,
): void {
  new S3Backend(stack, {
    bucket: state.bucket,
    key: `${state.keyPrefix}/${key}.tfstate`,
    region: state.region,
    encrypt: true,
  });
  // cdktf 0.21 predates use_lockfile (Terraform 1.10); DynamoDB locking is deprecated.
  stack.addOverride("terraform.backend.s3.use_lockfile", true);
  // A region newer than Terraform's S3 backend: validation already checked the name.
  if (!s3BackendKnowsRegion(state.region))
    stack.addOverride("terraform.backend.s3.skip_region_validation", true);
  if (emulator) {
    for (const [name, value] of Object.entries(backendEmulation(emulator))) {
      stack.addOverride(`terraform.backend.s3.${name}`, value);
    }
  }
  stack.addOverride("terraform.required_version", REQUIRED_TERRAFORM_VERSION);
}

/** State in a local file, `path` relative to the stack folder. */
export function useLocalBackend(stack: TerraformStack, path: string): void {
  new LocalBackend(stack, { path });
  stack.addOverride("terraform.required_version", REQUIRED_TERRAFORM_VERSION);
}

/** The backend the answers choose for a stack whose state is named `key`. */
export function applyStateBackend(
  stack: TerraformStack,
  backend: { readonly key: string; readonly state: State; readonly emulator?: Emulator },
): void {
  const { key, state, emulator } = backend;
  if (state.backend === "s3") useS3Backend(stack, key, state, emulator);
  // The stack runs in <out>/stacks/<name>: three levels up is the folder holding <out>, so state
  // survives re-synthesis (which replaces <out>) and the path is the same in every checkout.
  else useLocalBackend(stack, `../../../${state.directory}/${key}.tfstate`);
}
