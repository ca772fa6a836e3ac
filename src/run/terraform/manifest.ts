/** The stacks of a synth output and their dependencies, from cdktf's manifest.json. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { BaselineError } from "../../errors.js";
import type { Node } from "./order.js";

export async function readManifest(outDir: string): Promise<Node[]> {
  let manifest: { stacks?: Record<string, { name?: string; dependencies?: string[] }> };
  try {
    manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8"));
  } catch (cause) {
    throw new BaselineError("OUTPUT_MISSING", `no synth output in ${outDir} (manifest.json)`, {
      cause,
      hint: "run `aws-baseline synth` first, or drop --no-synth",
    });
  }
  return Object.entries(manifest.stacks ?? {}).map(([name, stack]) => ({
    name,
    dependsOn: stack.dependencies ?? [],
  }));
}
