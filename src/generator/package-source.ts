/**
 * Where the generated project gets aws-baseline from, so that `npm install` in it (and the drift
 * workflow's `npm ci`) works whether or not this version is on the npm registry:
 *
 * - an explicit spec (`init --package-spec`, AWS_BASELINE_PACKAGE_SPEC): written as given;
 * - a tool installed from the npm registry: the semver range of its version;
 * - anything else (a git checkout, `npm link`, a global install of a folder or a tarball): the
 *   running package packed with `npm pack` into `vendor/aws-baseline.tgz`, which package.json
 *   depends on as `file:vendor/aws-baseline.tgz`. The file name carries no version, so the
 *   dependency stays valid when a newer tool refreshes the tarball.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { BaselineError } from "../errors.js";
import { writeFileAtomic } from "../util/fs.js";
import { PACKAGE_ROOT, VERSION } from "../version.js";

const run = promisify(execFile);

export const VENDOR_TARBALL = "vendor/aws-baseline.tgz";
export const VENDOR_SPEC = `file:${VENDOR_TARBALL}`;

export type PackageSource =
  | {
      /** package.json names this spec; nothing is vendored. */
      readonly kind: "spec";
      readonly spec: string;
      /** Why this spec, for the init report. */
      readonly why: string;
    }
  | { readonly kind: "vendor"; readonly spec: typeof VENDOR_SPEC; readonly why: string };

/**
 * Whether the package at `root` was installed from the npm registry: npm records where each
 * installed package came from in the hidden lockfile of the node_modules folder holding it.
 */
export function installedFromRegistry(root: string = PACKAGE_ROOT): boolean {
  const parts = root.split(sep);
  const at = parts.indexOf("node_modules");
  if (at <= 0) return false;
  const modules = parts.slice(0, at + 1).join(sep);
  const key = parts.slice(at).join("/");
  try {
    const lock = JSON.parse(readFileSync(join(modules, ".package-lock.json"), "utf8")) as {
      packages?: Record<string, { resolved?: unknown }>;
    };
    const resolved = lock.packages?.[key]?.resolved;
    return typeof resolved === "string" && /^https?:\/\//.test(resolved);
  } catch {
    return false;
  }
}

export function choosePackageSource(
  explicit: string | undefined,
  root: string = PACKAGE_ROOT,
): PackageSource {
  if (explicit !== undefined && explicit.trim() !== "") {
    return { kind: "spec", spec: explicit.trim(), why: "as given by --package-spec" };
  }
  if (installedFromRegistry(root)) {
    return {
      kind: "spec",
      spec: `^${VERSION}`,
      why: "aws-baseline was installed from the npm registry",
    };
  }
  return {
    kind: "vendor",
    spec: VENDOR_SPEC,
    why: `aws-baseline ${VERSION} runs from ${root}, not from the npm registry: packed into ${VENDOR_TARBALL}`,
  };
}

/** The files `npm pack` takes from `root`: package.json, README, LICENSE and the `files` entries. */
async function packedFiles(root: string): Promise<string[]> {
  const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
    files?: string[];
  };
  const out: string[] = [];
  const walk = async (path: string): Promise<void> => {
    if (!existsSync(path)) return;
    const entries = await readdir(path, { withFileTypes: true }).catch(() => undefined);
    if (!entries) {
      out.push(path);
      return;
    }
    for (const entry of entries) await walk(join(path, entry.name));
  };
  for (const top of ["package.json", "README.md", "LICENSE", ...(pkg.files ?? [])]) {
    await walk(join(root, top));
  }
  return out.sort();
}

/** A key that changes whenever anything `npm pack` would put into the tarball changes. */
async function contentKey(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const file of await packedFiles(root)) {
    hash.update(`${relative(root, file)}\0`);
    hash.update(await readFile(file));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "aws-baseline", "packages");
}

/**
 * The package at `root` as `npm pack` makes it (deterministic: the same files give the same
 * bytes). Packed once per content: later calls reuse the copy in the user's cache folder.
 */
export async function packedTarball(root: string = PACKAGE_ROOT): Promise<Buffer> {
  const cached = join(cacheDir(), `aws-baseline-${VERSION}-${await contentKey(root)}.tgz`);
  if (existsSync(cached)) return readFile(cached);
  const destination = await mkdtemp(join(tmpdir(), "aws-baseline-pack-"));
  try {
    const { stdout } = await run(
      "npm",
      ["pack", root, "--pack-destination", destination, "--json", "--ignore-scripts", "--offline"],
      { timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
    );
    const [info] = JSON.parse(stdout) as { filename: string }[];
    const bytes = await readFile(join(destination, info?.filename ?? ""));
    await writeFileAtomic(cached, bytes).catch(() => undefined); // the cache is best effort
    return bytes;
  } catch (cause) {
    throw new BaselineError(
      "PACKAGE_PACK_FAILED",
      `cannot pack aws-baseline for the project: npm pack ${root} failed: ${(cause as Error).message.split("\n")[0]}`,
      {
        cause,
        hint: "init puts the running aws-baseline into vendor/ because it is not installed from the npm registry: make `npm` available on PATH, or pass --package-spec (e.g. a published version, a tarball or a git URL)",
      },
    );
  } finally {
    await rm(destination, { recursive: true, force: true });
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
