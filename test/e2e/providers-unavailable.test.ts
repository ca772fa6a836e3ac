/**
 * A machine that cannot reach the Terraform registry and has no provider mirror: the first
 * `terraform init` says so, and aws-baseline says it once (exit 3, an environment problem) with
 * what to do, instead of the same registry error for every stack. A stand-in terraform prints
 * terraform 1.11's real error and records every call.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_FILE } from "../helpers/answers.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/synth.js";

/** terraform 1.11.4's output for `init` without network (captured on this machine). */
const REGISTRY_ERROR = `Initializing provider plugins...
- Finding hashicorp/aws versions matching "5.100.0"...

Error: Failed to query available provider packages

Could not retrieve the list of available versions for provider hashicorp/aws:
could not connect to registry.terraform.io: failed to request discovery
document: Get "https://registry.terraform.io/.well-known/terraform.json":
dial tcp: lookup registry.terraform.io on 10.255.255.53:53: no such host

To see which modules are currently depending on hashicorp/aws and what
versions are specified, run the following command:
    terraform providers
`;

const root = tempDir("aws-baseline-no-registry-");
const calls = join(root, "terraform-calls.log");
const fake = join(root, "terraform");
writeFileSync(join(root, "registry-error.txt"), REGISTRY_ERROR);
writeFileSync(
  fake,
  `#!/bin/sh
echo "$1" >> "${calls}"
case "$1" in
  version) echo '{"terraform_version":"1.11.4"}'; exit 0 ;;
  init) cat "${join(root, "registry-error.txt")}" >&2; exit 1 ;;
esac
echo "unexpected: $*" >&2
exit 1
`,
);
chmodSync(fake, 0o755);
const env = { TF_PLUGIN_DIR: undefined };
const calledInit = () =>
  readFileSync(calls, "utf8")
    .split("\n")
    .filter((c) => c === "init");

describe("terraform registry unreachable, no provider mirror", () => {
  it("synth --tf-validate auto (npm run demo): said once, exit 3, with TF_PLUGIN_DIR / --plugin-dir; one init", () => {
    writeFileSync(calls, "");
    const out = join(root, "cdktf.out");
    const run = cli(
      [
        "synth",
        "--config",
        EXAMPLE_FILE,
        "--out",
        out,
        "--tf-validate",
        "auto",
        "--terraform-bin",
        fake,
      ],
      { env },
    );
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr.match(/TERRAFORM_PROVIDERS_UNAVAILABLE/g)).toHaveLength(1);
    expect(run.stderr.match(/could not connect to registry\.terraform\.io/g)).toHaveLength(1);
    expect(run.stderr).toContain("TF_PLUGIN_DIR");
    expect(run.stderr).toContain("--plugin-dir");
    expect(run.stderr).toContain("--tf-validate never");
    expect(run.stderr).not.toContain("TERRAFORM_INVALID");
    expect(run.stderr).not.toContain("validate failed");
    expect(calledInit()).toHaveLength(1);
    // The stacks were synthesized all the same.
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).stacks).toHaveProperty(
      "org",
    );

    const json = cli(
      [
        "synth",
        "--config",
        EXAMPLE_FILE,
        "--out",
        out,
        "--json",
        "--tf-validate",
        "always",
        "--terraform-bin",
        fake,
      ],
      { env },
    );
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout).error.code).toBe("TERRAFORM_PROVIDERS_UNAVAILABLE");
  });

  it("synth shows N/M progress on stderr while validating", () => {
    const ok = join(root, "terraform-ok");
    writeFileSync(
      ok,
      `#!/bin/sh
case "$1" in
  version) echo '{"terraform_version":"1.11.4"}' ;;
  validate) echo '{"valid":true,"diagnostics":[]}' ;;
esac
exit 0
`,
    );
    chmodSync(ok, 0o755);
    const run = cli(
      [
        "synth",
        "--config",
        EXAMPLE_FILE,
        "--out",
        join(root, "ok.out"),
        "--json",
        "--tf-validate",
        "always",
        "--terraform-bin",
        ok,
      ],
      { env },
    );
    expect(run.code, run.stderr).toBe(0);
    const total = JSON.parse(run.stdout).stacks.length;
    const progress = [...run.stderr.matchAll(/\[(\d+)\/(\d+)\] \S+: valid/g)];
    expect(progress.map((m) => Number(m[1]))).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
    expect(progress.every((m) => Number(m[2]) === total)).toBe(true);
    expect(run.stdout).not.toContain(`[1/${total}]`);
  });

  it("plan: said once, exit 3, no stack planned; only the first stack ran init", () => {
    writeFileSync(calls, "");
    const out = join(root, "plan.out");
    for (const name of ["a", "b", "c"]) {
      mkdirSync(join(out, "stacks", name), { recursive: true });
      writeFileSync(
        join(out, "stacks", name, "cdk.tf.json"),
        JSON.stringify({
          terraform: { backend: { local: { path: `${name}.tfstate` } } },
          resource: { terraform_data: { x: { input: name } } },
        }),
      );
    }
    writeFileSync(
      join(out, "manifest.json"),
      JSON.stringify({
        stacks: { a: { dependencies: [] }, b: { dependencies: [] }, c: { dependencies: [] } },
      }),
    );
    const run = cli(["plan", "--no-synth", "--out", out, "--terraform-bin", fake], {
      cwd: root,
      env,
    });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr.match(/could not connect to registry\.terraform\.io/g)).toHaveLength(1);
    expect(run.stderr).toContain("TF_PLUGIN_DIR");
    expect(run.stderr).not.toContain("planned");
    expect(calledInit()).toHaveLength(1);
  });
});
