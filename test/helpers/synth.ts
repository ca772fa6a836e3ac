/** Synthesize once per test file into a temp folder and read stacks back as JSON. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { expect } from "vitest";
import type { BaselineConfig } from "../../src/answers/resolve.js";
import { synthesize, type SynthResult } from "../../src/synth/synth.js";

export interface Synthesized extends SynthResult {
  /** Parsed cdk.tf.json of a stack. */
  stack(name: string): StackJson;
  /** The raw JSON text of a stack (for the cdktf matchers). */
  text(name: string): string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StackJson = Record<string, any>;

export function tempDir(label = "aws-baseline-test-"): string {
  return mkdtempSync(join(tmpdir(), label));
}

export async function synthTo(
  config: BaselineConfig,
  outDir = join(tempDir(), "cdktf.out"),
): Promise<Synthesized> {
  const result = await synthesize(config, { outDir });
  const text = (name: string) => readFileSync(join(outDir, "stacks", name, "cdk.tf.json"), "utf8");
  return { ...result, text, stack: (name) => JSON.parse(text(name)) };
}

/** All resources of one type in a stack, keyed by their Terraform name. */
export function resources(stack: StackJson, type: string): Record<string, StackJson> {
  return stack.resource?.[type] ?? {};
}

/** The resources of one type as a list. */
export function resourceList(stack: StackJson, type: string): StackJson[] {
  return Object.values(resources(stack, type));
}

/** Parses a JSON policy attribute back into a document. */
export function policyOf(text: string): { Statement: StackJson[] } {
  return JSON.parse(text);
}

/** The statement `sid` of a rendered policy; fails the test when it is missing. */
export function statementOf(policy: string, sid: string): StackJson {
  const found = policyOf(policy).Statement.find((s) => s.Sid === sid);
  expect(found, sid).toBeDefined();
  return found as StackJson;
}

/** Every file below `root` with its text, keyed by relative path. */
export function snapshotTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path)] = readFileSync(path, "utf8");
    }
  };
  walk(root);
  return files;
}
