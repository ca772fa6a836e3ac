/** The package root and version, found from this file (works from src/ under vitest and from dist/). */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackage(): { root: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      if (pkg.name === "aws-baseline") return { root: dir, version: pkg.version as string };
    } catch {
      // no package.json here; keep walking up
    }
    dir = dirname(dir);
  }
  throw new Error("aws-baseline: cannot find its own package.json");
}

const pkg = findPackage();

/** The package root: holds package.json and templates/. */
export const PACKAGE_ROOT = pkg.root;
export const VERSION = pkg.version;
