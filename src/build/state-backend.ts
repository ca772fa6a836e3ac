/**
 * Every stack gets an explicit backend so synth output is byte-identical across runs and checkout
 * locations: S3 (encrypted, S3-native locking) or a local path relative to the stack folder.
 */
import { LocalBackend, S3Backend, type TerraformStack } from "./cdk.js";
import type { BaselineConfig } from "../answers/resolve.js";
import { backendEmulation, type Emulator } from "../answers/emulator.js";

/** Terraform and OpenTofu both support `use_lockfile` from 1.10. */
export const REQUIRED_TERRAFORM_VERSION = ">= 1.10";

export function applyStateBackend(
  stack: TerraformStack,
  name: string,
  state: BaselineConfig["state"],
  emulator?: Emulator,
): void {
  if (state.backend === "s3") {
    new S3Backend(stack, {
      bucket: state.bucket,
      key: `${state.keyPrefix}/${name}.tfstate`,
      region: state.region,
      encrypt: true,
    });
    // cdktf 0.21 predates use_lockfile (Terraform 1.10); DynamoDB locking is deprecated.
    stack.addOverride("terraform.backend.s3.use_lockfile", true);
    if (emulator) {
      for (const [key, value] of Object.entries(backendEmulation(emulator))) {
        stack.addOverride(`terraform.backend.s3.${key}`, value);
      }
    }
  } else {
    // The stack runs in <out>/stacks/<name>: three levels up is the folder holding <out>, so state
    // survives re-synthesis (which replaces <out>) and the path is the same in every checkout.
    new LocalBackend(stack, { path: `../../../${state.directory}/${name}.tfstate` });
  }
  stack.addOverride("terraform.required_version", REQUIRED_TERRAFORM_VERSION);
}
