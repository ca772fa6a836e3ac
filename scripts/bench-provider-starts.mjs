// Benchmark case with the real hashicorp/aws provider: terraform invocations and AWS provider
// process starts per stack, for `plan` and `drift`, before and after "one plan per stack".
//
// Each provider start costs seconds of CPU (about 9 s per region for a plan), so starts are what
// plan and drift cost. A shim mirror wraps the provider from TF_PLUGIN_DIR: every start appends
// a line to a counter file, then execs the real binary. The stack is `baseline-management` of
// the bundled example with two regions, in emulator mode pointed at a closed local port, so
// planning its resources for creation needs no AWS and no emulator (it assumes no role).
//
// Measured per terraform command, then summed per sequence:
//   before: drift = init + plan -refresh-only + show + plan + show (every run)
//   after:  drift = plan (+ show only when the plan has changes); init only when not current
// The built CLI's own `drift` run is counted too, as a check that it runs the "after" sequence.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

const PROVIDER = "registry.terraform.io/hashicorp/aws";

function realProvider(pluginDir) {
  const dir = join(pluginDir, PROVIDER);
  for (const version of readdirSync(dir)) {
    const platform = join(dir, version, "linux_amd64");
    for (const file of existsSync(platform) ? readdirSync(platform) : []) {
      if (file.startsWith("terraform-provider-aws"))
        return { version, file, path: join(platform, file) };
    }
  }
  return undefined;
}

/** A mirror whose provider counts its starts in `counter`, then runs the real one. */
function shimMirror(work, pluginDir, counter) {
  const real = realProvider(pluginDir);
  if (!real) return undefined;
  const dir = join(work, "shim-mirror", PROVIDER, real.version, "linux_amd64");
  mkdirSync(dir, { recursive: true });
  const shim = join(dir, real.file);
  writeFileSync(shim, `#!/bin/sh\necho start >> "${counter}"\nexec "${real.path}" "$@"\n`);
  chmodSync(shim, 0o755);
  return join(work, "shim-mirror");
}

const starts = (counter) =>
  existsSync(counter) ? readFileSync(counter, "utf8").split("\n").filter(Boolean).length : 0;

/**
 * Rows for the benchmark table, or a reason this case was skipped.
 * @returns {{ rows: {label: string, invocations: number, starts: number}[] } | { skipped: string }}
 */
export function providerStartsCase({ root, cli, work }) {
  const pluginDir = process.env.TF_PLUGIN_DIR;
  if (!pluginDir)
    return { skipped: "TF_PLUGIN_DIR is not set (the hashicorp/aws provider mirror)" };
  if (spawnSync("terraform", ["version"]).status !== 0)
    return { skipped: "terraform is not on PATH" };
  const counter = join(work, "provider-starts");
  const mirror = shimMirror(work, pluginDir, counter);
  if (!mirror) return { skipped: `no hashicorp/aws provider under ${pluginDir}` };

  const example = JSON.parse(readFileSync(join(root, "templates/examples/acme.json"), "utf8"));
  delete example.$schema;
  example.regions = { home: "eu-west-1", enabled: ["eu-west-1", "us-east-1"] };
  example.emulator = { endpointUrl: "http://127.0.0.1:9" }; // discard port: nothing answers
  const answers = join(work, "provider-answers.json");
  writeFileSync(answers, JSON.stringify(example));
  const out = join(work, "provider-out");
  const synth = spawnSync(process.execPath, [cli, "synth", "--config", answers, "--out", out], {
    encoding: "utf8",
  });
  if (synth.status !== 0) throw new Error(`synth failed:\n${synth.stderr}`);
  const stack = "baseline-management"; // runs as the caller: no role to assume
  const dir = join(out, "stacks", stack);
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    TF_IN_AUTOMATION: "1",
  };

  /** Provider starts of one terraform command in the stack folder. */
  const count = (args, ok = [0, 2]) => {
    const before = starts(counter);
    const run = spawnSync("terraform", args, { cwd: dir, env, encoding: "utf8" });
    if (!ok.includes(run.status)) throw new Error(`terraform ${args.join(" ")}:\n${run.stderr}`);
    return starts(counter) - before;
  };
  const init = count(["init", "-input=false", `-plugin-dir=${mirror}`]);
  const plan = count([
    "plan",
    "-input=false",
    "-lock=false",
    "-detailed-exitcode",
    "-out=p.tfplan",
  ]);
  const show = count(["show", "-json", "p.tfplan"]);
  const refresh = count([
    "plan",
    "-input=false",
    "-lock=false",
    "-refresh-only",
    "-detailed-exitcode",
    "-out=r.tfplan",
  ]);

  // The built CLI, twice: the first run may init, the second finds .terraform current.
  const cliDrift = () => {
    const logs = join(work, `provider-logs-${Date.now()}`);
    const before = starts(counter);
    const run = spawnSync(
      process.execPath,
      [
        cli,
        "drift",
        "--no-synth",
        "--out",
        out,
        "--stack",
        stack,
        "--plugin-dir",
        mirror,
        "--logs-dir",
        logs,
      ],
      { env, encoding: "utf8" },
    );
    if (![0, 2].includes(run.status)) throw new Error(`drift failed:\n${run.stderr}`);
    const log = readFileSync(join(logs, `${stack}.log`), "utf8");
    const commands = [...log.matchAll(/^===== \S+ \S+ (\w+)/gm)].map((m) => m[1]);
    return { commands, starts: starts(counter) - before };
  };
  cliDrift();
  const measured = cliDrift();
  rmSync(join(mirror), { recursive: true, force: true });

  const seq = (label, parts) => ({
    label: `${stack} (2 regions): ${label}`,
    invocations: parts.length,
    starts: parts.reduce((sum, [, n]) => sum + n, 0),
    commands: parts.map(([name]) => name).join(" + "),
  });
  return {
    rows: [
      seq("plan, before", [
        ["init", init],
        ["plan", plan],
        ["show", show],
      ]),
      seq("plan, after (init current, no changes)", [["plan", plan]]),
      seq("drift, before (every run)", [
        ["init", init],
        ["plan -refresh-only", refresh],
        ["show", show],
        ["plan", plan],
        ["show", show],
      ]),
      seq("drift, after, in sync", [["plan", plan]]),
      seq("drift, after, with changes", [
        ["plan", plan],
        ["show", show],
      ]),
      {
        label: `${stack} (2 regions): drift, built CLI, measured (plan has changes here)`,
        invocations: measured.commands.length,
        starts: measured.starts,
        commands: measured.commands.join(" + "),
      },
    ],
  };
}
