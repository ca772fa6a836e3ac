import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/version.js";

/** Every folder under src/, recursively, as `src/<path>/`. */
function folders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return [`${relative(PACKAGE_ROOT, path).split("\\").join("/")}/`, ...folders(path)];
    });
}

describe("ARCHITECTURE.md", () => {
  const doc = readFileSync(join(PACKAGE_ROOT, "ARCHITECTURE.md"), "utf8");

  it("names every folder under src/ (add a row to its table for a new folder)", () => {
    const all = folders(join(PACKAGE_ROOT, "src"));
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((folder) => !doc.includes(`\`${folder}\``))).toEqual([]);
  });
});
