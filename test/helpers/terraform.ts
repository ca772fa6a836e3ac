/**
 * Terraform for tests: the binary on PATH (or AWS_BASELINE_TERRAFORM) and the provider mirror from
 * TF_PLUGIN_DIR (.ci/run finds it and exports it). When either is missing, tests that need them
 * are skipped with the reason in their name, so a run without terraform is visibly incomplete,
 * never silently green.
 */
import { existsSync } from "node:fs";
import { findTerraform, type TerraformBinary } from "../../src/run/terraform/binary.js";

export type TerraformSetup =
  | { readonly ok: true; readonly binary: TerraformBinary; readonly pluginDir: string }
  | { readonly ok: false; readonly reason: string };

async function detect(): Promise<TerraformSetup> {
  const pluginDir = process.env.TF_PLUGIN_DIR;
  if (!pluginDir)
    return {
      ok: false,
      reason: "TF_PLUGIN_DIR is not set (run via .ci/run, or export the provider mirror root)",
    };
  if (!existsSync(pluginDir))
    return { ok: false, reason: `TF_PLUGIN_DIR=${pluginDir} does not exist` };
  try {
    return { ok: true, binary: await findTerraform(process.env.AWS_BASELINE_TERRAFORM), pluginDir };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

export const terraform: TerraformSetup = await detect();

/** A test title that carries the skip reason when terraform is unavailable. */
export function withTerraform(title: string): string {
  return terraform.ok ? title : `${title} — SKIPPED: ${terraform.reason}`;
}

if (!terraform.ok) {
  console.warn(`\n!!! terraform-backed tests are SKIPPED: ${terraform.reason}\n`);
}
