import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AnswersPath } from "../../src/controls/control.js";
import { CONTROLS, controlsMarkdown } from "../../src/controls/registry.js";
import { PACKAGE_ROOT } from "../../src/version.js";

/** The titles of `it(...)` calls in a test file, as patterns (`${...}` in a template matches anything). */
function testTitles(source: string): RegExp[] {
  const calls = source.matchAll(
    /\bit(?:\.skipIf\([^)]*\))?\(\s*(?:withTerraform\()?(["'`])((?:\\.|(?!\1)[^\\])*)\1/g,
  );
  return [...calls].map((m) => {
    const raw = (m[2] as string).replace(/\\(.)/g, "$1");
    const parts = raw.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    return new RegExp(`^${parts.join(".+")}$`);
  });
}

describe("controls registry", () => {
  it("title matching accepts template titles and rejects unknown ones", () => {
    const titles = testTitles(
      'it(`CIS ${cis} pattern is exact`, () => {}); it("plain title", () => {});',
    );
    expect(titles.some((t) => t.test("CIS 4.10 pattern is exact"))).toBe(true);
    expect(titles.some((t) => t.test("plain title"))).toBe(true);
    expect(titles.some((t) => t.test("a title nobody wrote"))).toBe(false);
  });

  it("CONTROLS.md is generated from the registry (regenerate with `npm run controls`)", () => {
    expect(readFileSync(join(PACKAGE_ROOT, "CONTROLS.md"), "utf8")).toBe(
      `${controlsMarkdown().trimEnd()}\n`,
    );
  });

  it("ids are unique and every control names what implements it", () => {
    expect(new Set(CONTROLS.map((c) => c.id)).size).toBe(CONTROLS.length);
    for (const c of CONTROLS) expect(c.manual || c.resources.length > 0, c.id).toBe(true);
  });

  it("switches are answers keys, checked by the compiler, shown as dotted paths", () => {
    const key: AnswersPath = "guardrails.denyRootUser";
    // @ts-expect-error a key the answers do not have does not compile
    const typo: AnswersPath = "guardrails.denyRootUserX";
    expect([key, typo]).toHaveLength(2);
    const scp4 = CONTROLS.find((c) => c.id === "SCP.4");
    expect(JSON.parse(JSON.stringify(scp4)).switch).toBe("guardrails.denyRootUser");
    expect(controlsMarkdown()).toContain("| `guardrails.denyRootUser` |");
  });

  it("every switch exists in the answers JSON schema", () => {
    const schema = JSON.parse(
      readFileSync(join(PACKAGE_ROOT, "templates/answers.schema.json"), "utf8"),
    );
    for (const control of CONTROLS) {
      if (!control.switch) continue;
      let node = schema;
      for (const key of control.switch.split(".")) node = node?.properties?.[key];
      expect(node, `${control.id}: ${control.switch}`).toBeDefined();
    }
  });

  it("every 'verified by' names a test that exists", () => {
    for (const control of CONTROLS) {
      for (const ref of control.verifiedBy) {
        const [file, title] = ref.split(" › ") as [string, string];
        const titles = testTitles(readFileSync(join(PACKAGE_ROOT, file), "utf8"));
        expect(
          titles.some((t) => t.test(title)),
          `${control.id}: ${ref}`,
        ).toBe(true);
      }
    }
  });
});
