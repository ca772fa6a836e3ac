import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTROLS, controlsMarkdown } from "../../src/controls/registry.js";
import { PACKAGE_ROOT } from "../../src/version.js";

describe("controls registry", () => {
  it("CONTROLS.md is generated from the registry (regenerate with `npm run controls`)", () => {
    expect(readFileSync(join(PACKAGE_ROOT, "CONTROLS.md"), "utf8")).toBe(
      `${controlsMarkdown().trimEnd()}\n`,
    );
  });

  it("ids are unique and every control names what implements it", () => {
    expect(new Set(CONTROLS.map((c) => c.id)).size).toBe(CONTROLS.length);
    for (const c of CONTROLS) expect(c.manual || c.resources.length > 0, c.id).toBe(true);
  });

  it("every 'verified by' names a test that exists", () => {
    for (const control of CONTROLS) {
      for (const ref of control.verifiedBy) {
        const [file, title] = ref.split(" › ");
        const source = readFileSync(join(PACKAGE_ROOT, file as string), "utf8");
        expect(source, `${control.id}: ${ref}`).toContain(JSON.stringify(title).slice(1, -1));
      }
    }
  });
});
