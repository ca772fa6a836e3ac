/**
 * Where a generated project gets aws-baseline from (package-source.ts), and the vendored tarball's
 * ownership on re-runs (writeVendoredPackage): refreshed only while it is the one init wrote.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  choosePackageSource,
  installedFromRegistry,
  sha256,
  VENDOR_SPEC,
  VENDOR_TARBALL,
} from "../../src/generator/package-source.js";
import {
  GENERATED_MARKER,
  renderProject,
  VENDOR_README,
  writeVendoredPackage,
} from "../../src/generator/project.js";
import { PACKAGE_ROOT, VERSION } from "../../src/version.js";
import { configFrom, minimalAnswers } from "../helpers/answers.js";
import { tempDir } from "../helpers/synth.js";

/** An installed copy of the package, with npm's hidden lockfile saying where it came from. */
function installed(resolved: string | undefined): string {
  const prefix = tempDir("aws-baseline-installed-");
  const root = join(prefix, "lib", "node_modules", "aws-baseline");
  mkdirSync(root, { recursive: true });
  if (resolved !== undefined) {
    writeFileSync(
      join(prefix, "lib", "node_modules", ".package-lock.json"),
      JSON.stringify({ packages: { "node_modules/aws-baseline": { version: VERSION, resolved } } }),
    );
  }
  return root;
}

describe("the aws-baseline dependency of a generated project", () => {
  it("installed from the npm registry: the semver range of this version", () => {
    const root = installed(`https://registry.npmjs.org/aws-baseline/-/aws-baseline-${VERSION}.tgz`);
    expect(installedFromRegistry(root)).toBe(true);
    expect(choosePackageSource(undefined, root)).toMatchObject({
      kind: "spec",
      spec: `^${VERSION}`,
    });
  });

  it("a git checkout, a linked folder or an installed tarball: the packed copy in vendor/", () => {
    for (const root of [
      PACKAGE_ROOT,
      installed("file:../../aws-baseline-0.1.0.tgz"),
      installed(undefined),
    ]) {
      expect(installedFromRegistry(root), root).toBe(false);
      expect(choosePackageSource(undefined, root)).toMatchObject({
        kind: "vendor",
        spec: VENDOR_SPEC,
      });
    }
  });

  it("--package-spec wins, and goes into package.json as given (JSON-escaped)", async () => {
    const source = choosePackageSource(" github:acme/aws-baseline#v0.1.0 ");
    expect(source).toMatchObject({ kind: "spec", spec: "github:acme/aws-baseline#v0.1.0" });
    const answers = minimalAnswers();
    const files = await renderProject(answers, configFrom(answers), {
      packageSpec: 'file:odd"name.tgz',
    });
    const pkg = JSON.parse(files.find((f) => f.path === "package.json")?.content ?? "");
    expect(pkg.dependencies["aws-baseline"]).toBe('file:odd"name.tgz');
  });
});

describe("vendor/aws-baseline.tgz on re-runs", () => {
  const v1 = Buffer.from("tarball one");
  const v2 = Buffer.from("tarball two");
  const actions = async (dir: string, tarball: Buffer, force = false) =>
    Object.fromEntries(
      (await writeVendoredPackage(dir, tarball, { force })).map((r) => [r.path, r.action]),
    );

  it("created, then unchanged, then refreshed by a newer tool while it is the one init wrote", async () => {
    const dir = tempDir();
    expect(await actions(dir, v1)).toEqual({
      [VENDOR_TARBALL]: "created",
      [VENDOR_README]: "created",
    });
    const readme = readFileSync(join(dir, VENDOR_README), "utf8");
    expect(readme).toContain(GENERATED_MARKER);
    expect(readme).toContain(`sha256 of the tarball init wrote: ${sha256(v1)}`);
    expect(await actions(dir, v1)).toEqual({
      [VENDOR_TARBALL]: "unchanged",
      [VENDOR_README]: "unchanged",
    });
    expect(await actions(dir, v2)).toEqual({
      [VENDOR_TARBALL]: "updated",
      [VENDOR_README]: "updated",
    });
    expect(readFileSync(join(dir, VENDOR_TARBALL))).toEqual(v2);
  });

  it("a tarball someone replaced is theirs: kept (README untouched) unless --force", async () => {
    const dir = tempDir();
    await actions(dir, v1);
    const theirs = Buffer.from("a patched build");
    writeFileSync(join(dir, VENDOR_TARBALL), theirs);
    const readme = readFileSync(join(dir, VENDOR_README), "utf8");
    const kept = await writeVendoredPackage(dir, v2);
    expect(kept).toEqual([
      expect.objectContaining({
        path: VENDOR_TARBALL,
        action: "kept",
        note: expect.stringContaining("--force"),
      }),
    ]);
    expect(readFileSync(join(dir, VENDOR_TARBALL))).toEqual(theirs);
    expect(readFileSync(join(dir, VENDOR_README), "utf8")).toBe(readme);
    expect(await actions(dir, v2, true)).toEqual({
      [VENDOR_TARBALL]: "replaced",
      [VENDOR_README]: "updated",
    });
    expect(readFileSync(join(dir, VENDOR_TARBALL))).toEqual(v2);
  });

  it("without our README (marker deleted) the folder is the user's: the tarball is kept", async () => {
    const dir = tempDir();
    await actions(dir, v1);
    writeFileSync(join(dir, VENDOR_README), "our own notes\n");
    expect(await actions(dir, v2)).toEqual({ [VENDOR_TARBALL]: "kept" });
    expect(readFileSync(join(dir, VENDOR_TARBALL))).toEqual(v1);
  });
});
