/**
 * plan, deploy and drift with the real terraform binary, offline: stacks built from the built-in
 * `terraform_data` resource get real plans, are applied to local state, then drift is created by
 * editing configuration and state. Runs the built CLI with --no-synth on those stacks.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findTerraform } from "../../src/run/terraform/binary.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/synth.js";

const binary = await findTerraform(process.env.AWS_BASELINE_TERRAFORM).catch(
  (e: Error) => e.message,
);
const skip = typeof binary === "string";
const title = (t: string) => (skip ? `${t} — SKIPPED: ${binary}` : t);
if (skip) console.warn(`\n!!! terraform runner tests are SKIPPED: ${binary}\n`);

const root = tempDir("aws-baseline-runner-");
const out = join(root, "cdktf.out");

type Resources = Record<string, Record<string, unknown>>;
function writeStack(name: string, resources: Resources): void {
  mkdirSync(join(out, "stacks", name), { recursive: true });
  const stack = {
    terraform: { backend: { local: { path: `../../../state/${name}.tfstate` } } },
    resource: { terraform_data: resources },
  };
  writeFileSync(join(out, "stacks", name, "cdk.tf.json"), JSON.stringify(stack, null, 2));
}

writeStack("org", { organization: { input: { feature_set: "ALL" } } });
writeStack("baseline-dev", {
  password_policy: { input: { minimum_length: 14, pgp: '${sensitive("s3cret-value")}' } },
  analyzer: { input: "on", triggers_replace: ["v1"] },
});
writeStack("network-dev", { vpc: { input: "10.0.0.0/16" }, flow_logs: { input: "ALL" } });
writeFileSync(
  join(out, "manifest.json"),
  JSON.stringify({
    stacks: {
      org: { dependencies: [] },
      "baseline-dev": { dependencies: ["org"] },
      "network-dev": { dependencies: ["baseline-dev"] },
    },
  }),
);

const run = (...args: string[]) =>
  cli([...args, "--no-synth", "--out", out, "--logs-dir", join(root, "logs")], { cwd: root });

describe.skipIf(skip)("plan, deploy and drift on real terraform (terraform_data stacks)", () => {
  it(
    title("deploy applies every stack in dependency order; drift then reports in sync (exit 0)"),
    () => {
      const deployed = run("deploy", "--yes", "--json");
      expect(deployed.code, deployed.stderr).toBe(0);
      expect(JSON.parse(deployed.stdout).phases).toEqual([["org", "baseline-dev", "network-dev"]]);
      const order = [...deployed.stderr.matchAll(/ {2}(\S+): apply ok/g)].map((m) => m[1]);
      expect(order).toEqual(["org", "baseline-dev", "network-dev"]);

      const drift = run("drift", "--json");
      expect(drift.code, drift.stderr).toBe(0);
      expect(JSON.parse(drift.stdout).stacks.map((s: { status: string }) => s.status)).toEqual([
        "in-sync",
        "in-sync",
        "in-sync",
      ]);
      // An in-sync stack costs one plan: init is current (skipped), and show never runs.
      const logs = join(root, "logs-in-sync");
      const again = cli(["drift", "--no-synth", "--out", out, "--logs-dir", logs], { cwd: root });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain("org: init current, skipped");
      for (const stack of ["org", "baseline-dev", "network-dev"]) {
        const log = readFileSync(join(logs, `${stack}.log`), "utf8");
        const commands = [...log.matchAll(/^===== \S+ \S+ (\w+)/gm)].map((m) => m[1]);
        expect(commands, stack).toEqual(["plan"]);
      }
      // Nothing left to apply: a second deploy is a no-op.
      expect(run("deploy", "--yes").stderr).toContain("nothing to apply");
    },
  );

  it(
    title(
      "drift after configuration and state edits names the changed attributes, masks secrets, exits 2",
    ),
    () => {
      writeStack("baseline-dev", {
        password_policy: { input: { minimum_length: 8, pgp: '${sensitive("s3cret-value")}' } },
        analyzer: { input: "on", triggers_replace: ["v1"] },
      });
      const statePath = join(root, "state", "network-dev.tfstate");
      const state = JSON.parse(readFileSync(statePath, "utf8"));
      const vpc = state.resources.find((r: { name: string }) => r.name === "vpc");
      vpc.instances[0].attributes.input = { value: "10.9.0.0/16", type: "string" };
      state.serial += 1;
      writeFileSync(statePath, JSON.stringify(state));

      const drift = run("drift", "--json");
      expect(drift.code, drift.stderr).toBe(2);
      const stacks = JSON.parse(drift.stdout).stacks;
      expect(stacks.map((s: { status: string }) => s.status)).toEqual([
        "in-sync",
        "drifted",
        "drifted",
      ]);
      const policy = stacks[1].changes[0];
      expect(policy).toMatchObject({ address: "terraform_data.password_policy", action: "update" });
      expect(policy.attributes).toContainEqual({
        path: "input.minimum_length",
        before: 14,
        after: 8,
      });
      expect(stacks[2].changes[0].attributes).toContainEqual({
        path: "input",
        before: "10.9.0.0/16",
        after: "10.0.0.0/16",
      });
      expect(drift.stdout).not.toContain("s3cret-value");

      const markdown = run("drift", "--markdown");
      expect(markdown.code).toBe(2);
      expect(markdown.stdout).toContain(
        "| baseline-dev | **drifted** | `terraform_data.password_policy`",
      );
      expect(markdown.stdout).toContain("input.minimum_length: 14 → 8");
    },
  );

  it(
    title("plan --json counts updates, replacements and deletes; --detailed-exitcode exits 2"),
    () => {
      writeStack("network-dev", { vpc: { input: "10.0.0.0/16" } }); // flow_logs removed
      writeStack("baseline-dev", {
        password_policy: { input: { minimum_length: 8, pgp: '${sensitive("s3cret-value")}' } },
        analyzer: { input: "on", triggers_replace: ["v2"] },
      });
      const plan = run("plan", "--json", "--detailed-exitcode");
      expect(plan.code, plan.stderr).toBe(2);
      const byStack = Object.fromEntries(
        JSON.parse(plan.stdout).stacks.map((s: { stack: string; counts: object }) => [
          s.stack,
          s.counts,
        ]),
      );
      expect(byStack.org).toMatchObject({ add: 0, change: 0, replace: 0, destroy: 0 });
      expect(byStack["baseline-dev"]).toMatchObject({ change: 1, replace: 1 });
      expect(byStack["network-dev"]).toMatchObject({ change: 1, destroy: 1 });
    },
  );

  it(title("--stack selects stacks; an unknown name is refused with the names that exist"), () => {
    const one = run("plan", "--json", "--stack", "org");
    expect(one.code, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout).stacks.map((s: { stack: string }) => s.stack)).toEqual(["org"]);
    const bad = run("plan", "--stack", "nope");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("[UNKNOWN_STACK] unknown stack(s): nope");
    expect(bad.stderr).toContain("org, baseline-dev, network-dev");
  });

  it(title("a broken stack is unchecked (exit 1), never reported as in sync"), () => {
    writeStack("org", { organization: { input: "${terraform_data.missing.output}" } });
    const drift = run("drift", "--json");
    expect(drift.code).toBe(1);
    const org = JSON.parse(drift.stdout).stacks[0];
    expect(org.status).toBe("unchecked");
    expect(org.reason).toMatch(/Reference to undeclared resource/);
    const text = run("drift");
    expect(text.stdout).toMatch(/org\s+unchecked/);
    expect(text.stdout).toContain("not checked:");
  });

  it(
    title(
      "a first deploy plans a stack only after the stack it reads from is applied (waves), in one run",
    ),
    () => {
      // log-archive's plan reads org's outputs from org's state, as org-trail reads the key that
      // log-archive creates: planning both before applying either fails on a new organization.
      const waveOut = join(root, "waves.out");
      const stack = (name: string, body: Record<string, unknown>) => {
        mkdirSync(join(waveOut, "stacks", name), { recursive: true });
        writeFileSync(
          join(waveOut, "stacks", name, "cdk.tf.json"),
          JSON.stringify({
            terraform: { backend: { local: { path: `../../../wave-state/${name}.tfstate` } } },
            ...body,
          }),
        );
      };
      stack("org", {
        resource: { terraform_data: { organization: { input: "o-123" } } },
        output: { id: { value: "${terraform_data.organization.output}" } },
      });
      stack("log-archive", {
        data: {
          terraform_remote_state: {
            org: {
              backend: "local",
              config: { path: "${path.module}/../../../wave-state/org.tfstate" },
            },
          },
        },
        resource: {
          terraform_data: { bucket: { input: "${data.terraform_remote_state.org.outputs.id}" } },
        },
      });
      writeFileSync(
        join(waveOut, "manifest.json"),
        JSON.stringify({
          stacks: { org: { dependencies: [] }, "log-archive": { dependencies: ["org"] } },
        }),
      );
      const deployed = cli(
        [
          "deploy",
          "--yes",
          "--json",
          "--no-synth",
          "--out",
          waveOut,
          "--logs-dir",
          join(root, "wave-logs"),
        ],
        { cwd: root },
      );
      expect(deployed.code, deployed.stderr).toBe(0);
      expect(JSON.parse(deployed.stdout).stacks).toEqual([
        { stack: "org", status: "applied" },
        { stack: "log-archive", status: "applied" },
      ]);
      expect(deployed.stderr).toContain("wave 2 of 2: planned");
    },
  );
});
