// Benchmark: wall time and peak RSS of the built CLI for `synth` at 5, 20 and 100 accounts
// (x 17 regions) and for `--help`. Each case runs several times; the median and best wall time
// and the highest peak RSS are reported against the targets. Shared build VMs lose CPU to their
// neighbours, so a fixed CPU-bound yardstick is timed alongside: compare runs by it.
// `npm run bench -- --write` updates BENCHMARKS.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { providerStartsCase } from "./bench-provider-starts.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist/src/cli/main.js");
const probe = join(root, "scripts/rss-probe.mjs");
const work = mkdtempSync(join(tmpdir(), "aws-baseline-bench-"));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function answers(accounts) {
  const example = JSON.parse(readFileSync(join(root, "templates/examples/acme.json"), "utf8"));
  if (accounts === "example") return example;
  const members = [
    { name: "log-archive", kind: "log-archive", accountId: "200000000000" },
    { name: "security", kind: "security", accountId: "199999999999" },
  ];
  for (let i = 2; i < accounts - 1; i++) {
    members.push({ name: `env-${i}`, accountId: String(200000000000 + i), network: {} });
  }
  return { ...example, accounts: members, billing: {} };
}

/** Seconds for a fixed amount of single-threaded JS work (median of 3): the machine's speed now. */
function yardstick() {
  const times = [0, 1, 2].map(() => {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, ["-e", "let s = 0; for (let i = 0; i < 2e8; i++) s += i;"]);
    return Number(process.hrtime.bigint() - started) / 1e9;
  });
  return times.sort((a, b) => a - b)[1];
}

function measure(args) {
  const walls = [];
  let rss = 0;
  for (let i = 0; i < RUNS; i++) {
    const rssFile = join(work, "rss");
    rmSync(rssFile, { force: true });
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ["--import", probe, cli, ...args], {
      env: { ...process.env, AWS_BASELINE_RSS_FILE: rssFile, NO_COLOR: "1" },
      encoding: "utf8",
    });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`${args.join(" ")} failed:\n${run.stderr}`);
    walls.push(wall);
    // Sum over the CLI and its synth processes: an upper bound on the run's peak memory.
    const total = readFileSync(rssFile, "utf8")
      .trim()
      .split("\n")
      .reduce((sum, kb) => sum + Number(kb), 0);
    rss = Math.max(rss, total / 1024);
  }
  walls.sort((a, b) => a - b);
  return { wall: walls[Math.floor(walls.length / 2)], best: walls[0], rss };
}

// Targets from the foundation issue, for this 2-core machine.
const cases = [
  {
    label: "synth, bundled example (6 accounts)",
    accounts: "example",
    wallTarget: 1.0,
    rssTarget: 150,
  },
  { label: "synth, 5 accounts x 17 regions", accounts: 5, wallTarget: 1.0, rssTarget: 150 },
  { label: "synth, 20 accounts x 17 regions", accounts: 20 },
  { label: "synth, 100 accounts x 17 regions", accounts: 100, wallTarget: 3.0, rssTarget: 300 },
];

const before = yardstick();
const rows = [];
for (const c of cases) {
  const file = join(work, `answers-${c.accounts}.json`);
  writeFileSync(file, JSON.stringify(answers(c.accounts)));
  const out = join(work, `out-${c.accounts}`);
  const m = measure(["synth", "--config", file, "--out", out]);
  const stacks = JSON.parse(readFileSync(join(out, "aws-baseline.synth.json"), "utf8")).stacks
    .length;
  rows.push({ ...c, ...m, label: `${c.label}: ${stacks} stacks` });
  process.stderr.write(`${c.label}: ${m.wall.toFixed(2)} s, ${m.rss.toFixed(0)} MB\n`);
}
// drift over 20 stacks of the built-in terraform_data resource (no provider, no AWS): the cost of
// running terraform per stack (init + 2 plans + 2 shows) and what --concurrency buys. Terraform's
// own processes are not in the RSS column (the probe sees only Node processes).
function driftFixture(stacks) {
  const out = join(work, "drift-out");
  const manifest = { stacks: {} };
  for (let i = 0; i < stacks; i++) {
    const name = i === 0 ? "org" : `baseline-${i}`;
    mkdirSync(join(out, "stacks", name), { recursive: true });
    const stack = {
      terraform: { backend: { local: { path: `../../../drift-state/${name}.tfstate` } } },
      resource: { terraform_data: { a: { input: name }, b: { input: { n: i } } } },
    };
    writeFileSync(join(out, "stacks", name, "cdk.tf.json"), JSON.stringify(stack));
    manifest.stacks[name] = { dependencies: i === 0 ? [] : ["org"] };
  }
  writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest));
  return out;
}
const terraformFound = spawnSync("terraform", ["version"], { encoding: "utf8" }).status === 0;
if (terraformFound) {
  const out = driftFixture(20);
  const logs = ["--logs-dir", join(work, "logs")];
  const deployed = spawnSync(
    process.execPath,
    [cli, "deploy", "--no-synth", "--yes", "--out", out, ...logs],
    {
      encoding: "utf8",
    },
  );
  if (deployed.status !== 0) throw new Error(`drift fixture deploy failed:\n${deployed.stderr}`);
  for (const concurrency of [1, 2, 4]) {
    const m = measure([
      "drift",
      "--no-synth",
      "--out",
      out,
      "--concurrency",
      String(concurrency),
      ...logs,
    ]);
    rows.push({ label: `drift, 20 terraform_data stacks, --concurrency ${concurrency}`, ...m });
    process.stderr.write(`drift --concurrency ${concurrency}: ${m.wall.toFixed(2)} s\n`);
  }
} else {
  process.stderr.write("drift cases SKIPPED: terraform is not on PATH\n");
}
// Layout cost: provider configurations per full run (each is one provider process per terraform
// command), from the stack plan, with and without the detective services.
function providerConfigs(detectiveOn) {
  const file = join(work, `layout-${detectiveOn}.json`);
  const example = answers("example");
  if (!detectiveOn) {
    const off = { enabled: false };
    example.detective = { config: off, guardDuty: off, securityHub: off, accessAnalyzer: off };
  }
  writeFileSync(file, JSON.stringify(example));
  const run = spawnSync(process.execPath, [cli, "stacks", "--config", file, "--json"], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`stacks failed:\n${run.stderr}`);
  const { stacks } = JSON.parse(run.stdout);
  const sum = (list) => list.reduce((n, s) => n + s.regions.length, 0);
  return {
    stacks: stacks.length,
    all: sum(stacks),
    drift: sum(stacks.filter((s) => s.kind !== "access")),
  };
}
const without = providerConfigs(false);
const withDetective = providerConfigs(true);
const pct = (a, b) => `${(((a - b) / b) * 100).toFixed(1)} %`;
const layout = [
  "| example answers (6 accounts, 17 regions) | stacks | provider starts: plan / validate / apply | provider starts: drift |",
  "| --- | --- | --- | --- |",
  `| detective services off | ${without.stacks} | ${without.all} | ${without.drift} |`,
  `| detective services on (default) | ${withDetective.stacks} | ${withDetective.all} (+${pct(withDetective.all, without.all)}) | ${withDetective.drift} (+${pct(withDetective.drift, without.drift)}) |`,
].join("\n");
process.stderr.write(`${layout}\n`);
// The real AWS provider: terraform invocations and provider starts per stack, before/after.
const providerCase = providerStartsCase({ root, cli, work });
const starts =
  "skipped" in providerCase
    ? `Provider starts case SKIPPED: ${providerCase.skipped}`
    : [
        "| stack and run | terraform invocations | AWS provider starts | commands |",
        "| --- | --- | --- | --- |",
        ...providerCase.rows.map(
          (r) => `| ${r.label} | ${r.invocations} | ${r.starts} | ${r.commands} |`,
        ),
      ].join("\n");
process.stderr.write(`${starts}\n`);
const help = measure(["--help"]);
rows.push({ label: "`--help` (CLI start-up)", ...help, wallTarget: 0.3 });
const after = yardstick();
rmSync(work, { recursive: true, force: true });

const verdict = (value, target) =>
  target === undefined ? "" : ` (target <= ${target}: ${value <= target ? "ok" : "MISSED"})`;
const table = [
  "| case | wall time, median | wall time, best | peak RSS (all processes), max |",
  "| --- | --- | --- | --- |",
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.wall.toFixed(2)} s${verdict(r.wall, r.wallTarget)} | ${r.best.toFixed(2)} s | ${r.rss.toFixed(0)} MB${verdict(r.rss, r.rssTarget)} |`,
  ),
].join("\n");
const header =
  `Measured with \`npm run bench\` (${RUNS} runs per case, built CLI, Node ${process.version}, ${cpus().length} cores, ${new Date().toISOString().slice(0, 10)}). ` +
  `Yardstick (2e8 additions in one JS thread): ${before.toFixed(2)} s before, ${after.toFixed(2)} s after; lower is a faster machine.`;
process.stdout.write(`${header}\n\n${table}\n\n${starts}\n\n${layout}\n`);

if (process.argv.includes("--write")) {
  const doc = `# Benchmarks\n\n${header}\n\n${table}\n\n## Provider starts per stack\n\n${starts}\n\n## Layout cost of the detective services\n\n${layout}\n\nWall time is the whole CLI process as a user runs it (start-up, answers validation, synth and\nwriting the output). Peak RSS is \`process.resourceUsage().maxRSS\` added up over the CLI and the
processes it starts for parallel synthesis (from 24 stacks), an upper bound on the run's peak.\n`;
  writeFileSync(join(root, "BENCHMARKS.md"), doc);
  process.stderr.write("BENCHMARKS.md updated\n");
}
