/**
 * The generated project: real template files from templates/project/ plus the answers file.
 * Files the generator owns carry a marker line and are refreshed on every `init`. Files the user
 * owns (the answers, main.ts, package.json, cdktf.json) are written once and replaced only with
 * `force`. Writes are atomic, and the same answers always give the same bytes.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { BaselineConfig } from "../answers/resolve.js";
import { ANSWERS_SCHEMA_REF } from "../answers/schema.js";
import { BaselineError } from "../errors.js";
import { manualSteps } from "../plan/manual-steps.js";
import { writeFileAtomic } from "../util/fs.js";
import { PACKAGE_ROOT, VERSION } from "../version.js";
import { sha256, VENDOR_TARBALL } from "./package-source.js";

/**
 * An answers document as read from a file, a preset or the wizard, before validation: any JSON.
 * Validation (answers/load.ts) turns it into typed answers; the questions work on a typed `Draft`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnswersDraft = Record<string, any>;

/** Marker text that makes a file generator-owned. */
export const GENERATED_MARKER = "aws-baseline:generated";
export const ANSWERS_FILE = "aws-baseline.json";
/** Beside the vendored tarball: the marker, and the sha256 of the tarball init last wrote. */
export const VENDOR_README = "vendor/README.md";
const TEMPLATE_DIR = join(PACKAGE_ROOT, "templates/project");
const PRESET_DIR = join(PACKAGE_ROOT, "templates/presets");
/** Editors find the JSON Schema in the installed package. */

export type Owner = "generator" | "user";

export interface ProjectFile {
  /** Relative to the project folder. */
  readonly path: string;
  readonly content: string;
  readonly owner: Owner;
}

/** Template file -> project path and owner. npm drops .gitignore and dot-folders from packages. */
const TEMPLATES: readonly { template: string; path: string; owner: Owner }[] = [
  { template: "main.ts", path: "main.ts", owner: "user" },
  { template: "package.json", path: "package.json", owner: "user" },
  { template: "cdktf.json", path: "cdktf.json", owner: "user" },
  { template: "README.md", path: "README.md", owner: "generator" },
  { template: "gitignore", path: ".gitignore", owner: "generator" },
  {
    template: "github/workflows/drift.yml",
    path: ".github/workflows/drift.yml",
    owner: "generator",
  },
];

/** Replaces %%name%% placeholders; an unknown placeholder is a bug in a template. */
export function fillTemplate(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(/%%([a-zA-Z]+)%%/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined)
      throw new BaselineError("INTERNAL", `template placeholder %%${key}%% has no value`);
    return value;
  });
}

/** The answers file as written: schema reference and generator first, then the answers. */
export function answersFileContent(answers: AnswersDraft): string {
  const { $schema: _schema, generatedBy: _by, ...rest } = answers;
  return `${JSON.stringify({ $schema: ANSWERS_SCHEMA_REF, generatedBy: `aws-baseline ${VERSION}`, ...rest }, null, 2)}\n`;
}

export interface RenderOptions {
  /** The aws-baseline dependency in package.json (see package-source.ts). @default `^<version>` */
  readonly packageSpec?: string;
}

export async function renderProject(
  answers: AnswersDraft,
  config: BaselineConfig,
  options: RenderOptions = {},
): Promise<ProjectFile[]> {
  const state = config.state;
  const vars = {
    name: config.organization.name,
    prefix: config.organization.prefix,
    version: VERSION,
    // A JSON string's inside: the spec goes into package.json as given.
    packageSpec: JSON.stringify(options.packageSpec ?? `^${VERSION}`).slice(1, -1),
    homeRegion: config.regions.home,
    stateStep:
      state.backend === "s3"
        ? `State lives in the S3 bucket \`${state.bucket}\` (${state.region}). \`npx aws-baseline bootstrap\` creates it once (versioned, encrypted, TLS-only, private) and moves its own state into it; re-running it changes nothing.`
        : "State is local, in `terraform-state/` beside `cdktf.out`. That is fine for a trial; switch `state` to S3 before a team or the drift workflow uses it.",
    manualSteps: manualSteps(config)
      .map((step, i) => `${i + 1}. ${step}`)
      .join("\n"),
  };
  const files: ProjectFile[] = [
    { path: ANSWERS_FILE, content: answersFileContent(answers), owner: "user" },
  ];
  for (const t of TEMPLATES) {
    files.push({
      path: t.path,
      owner: t.owner,
      content: fillTemplate(await readFile(join(TEMPLATE_DIR, t.template), "utf8"), vars),
    });
  }
  return files;
}

export type WriteAction = "created" | "updated" | "unchanged" | "kept" | "replaced";

export interface WrittenFile {
  readonly path: string;
  readonly owner: Owner;
  readonly action: WriteAction;
  /** Why a file was kept. */
  readonly note?: string;
}

/**
 * Writes the project, respecting ownership. Returns what happened to each file. `replace` names
 * user-owned files to replace all the same (the user agreed to replace them).
 */
export async function writeProject(
  dir: string,
  files: readonly ProjectFile[],
  options: { force?: boolean; replace?: readonly string[] } = {},
): Promise<WrittenFile[]> {
  const results: WrittenFile[] = [];
  for (const file of files) {
    const target = join(dir, file.path);
    const existing = existsSync(target) ? await readFile(target, "utf8") : undefined;
    const base = { path: file.path, owner: file.owner };
    if (existing === undefined) {
      await writeFileAtomic(target, file.content);
      results.push({ ...base, action: "created" });
    } else if (existing === file.content) {
      results.push({ ...base, action: "unchanged" });
    } else if (file.owner === "generator" && existing.includes(GENERATED_MARKER)) {
      await writeFileAtomic(target, file.content);
      results.push({ ...base, action: "updated" });
    } else if (options.force || options.replace?.includes(file.path)) {
      await writeFileAtomic(target, file.content);
      results.push({ ...base, action: "replaced" });
    } else {
      const note =
        file.owner === "user"
          ? "yours: pass --force to replace it"
          : "marker removed, so it is yours: pass --force to replace it";
      results.push({ ...base, action: "kept", note });
    }
  }
  return results;
}

/**
 * Writes the packed aws-baseline to vendor/aws-baseline.tgz, with vendor/README.md (marker and
 * the tarball's sha256). The tarball is the generator's while it is exactly the one that README
 * records: then a re-run refreshes it. One someone replaced, or one without our README, is kept
 * (and the README left alone) unless `force`.
 */
export async function writeVendoredPackage(
  dir: string,
  tarball: Uint8Array,
  options: { force?: boolean } = {},
): Promise<WrittenFile[]> {
  const target = join(dir, VENDOR_TARBALL);
  const readmePath = join(dir, VENDOR_README);
  const existing = existsSync(target) ? await readFile(target) : undefined;
  const base = { path: VENDOR_TARBALL, owner: "generator" as const };
  let tarballResult: WrittenFile;
  if (existing === undefined) {
    await writeFileAtomic(target, tarball);
    tarballResult = { ...base, action: "created" };
  } else if (Buffer.compare(existing, tarball) === 0) {
    tarballResult = { ...base, action: "unchanged" };
  } else {
    const record = existsSync(readmePath) ? await readFile(readmePath, "utf8") : "";
    const ours = record.includes(GENERATED_MARKER) && record.includes(sha256(existing));
    if (!ours && !options.force) {
      return [
        {
          ...base,
          action: "kept",
          note: `not the tarball init wrote (${VENDOR_README} records its sha256), so it is yours: pass --force to replace it`,
        },
      ];
    }
    await writeFileAtomic(target, tarball);
    tarballResult = { ...base, action: ours ? "updated" : "replaced" };
  }
  const readme = fillTemplate(await readFile(join(TEMPLATE_DIR, "vendor/README.md"), "utf8"), {
    version: VERSION,
    checksum: sha256(tarball),
  });
  const readmeResult = await writeProject(
    dir,
    [{ path: VENDOR_README, content: readme, owner: "generator" }],
    options,
  );
  return [tarballResult, ...readmeResult];
}

/** The aws-baseline dependency of the project's package.json, if it has one. */
export async function packageDependency(dir: string): Promise<string | undefined> {
  try {
    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as {
      dependencies?: Record<string, unknown>;
    };
    const spec = pkg.dependencies?.["aws-baseline"];
    return typeof spec === "string" ? spec : undefined;
  } catch {
    return undefined;
  }
}

export async function presetNames(): Promise<string[]> {
  return (await readdir(PRESET_DIR))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""))
    .sort();
}

export async function readPreset(name: string): Promise<AnswersDraft> {
  const names = await presetNames();
  if (!names.includes(name)) {
    throw new BaselineError("ANSWERS_INVALID", `unknown preset "${name}"`, {
      hint: `use one of: ${names.join(", ")}`,
    });
  }
  const { $schema: _schema, ...preset } = JSON.parse(
    await readFile(join(PRESET_DIR, `${name}.json`), "utf8"),
  ) as AnswersDraft;
  return preset;
}

/** Deep merge for answers: objects merge key by key, anything else (arrays included) is replaced. */
export function mergeAnswers(under: AnswersDraft, over: AnswersDraft): AnswersDraft {
  const out: AnswersDraft = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const below = out[key];
    const isObject = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
    out[key] = isObject(value) && isObject(below) ? mergeAnswers(below, value) : value;
  }
  return out;
}
