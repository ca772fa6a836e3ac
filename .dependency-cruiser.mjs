/**
 * Import rules for aws-baseline, checked by `npm run deps` (part of `npm run check`).
 * ARCHITECTURE.md explains the layout these rules keep; change both together.
 *
 * Stages, lowest first (a stage imports only stages below it, never above):
 *   base (src/util, src/errors.ts, src/version.ts) < answers < plan < build + areas
 *   < controls, synth < aws < run < generator < cli
 * Areas (one folder per part of the baseline) sit beside build: they use answers, plan, build
 * and base; build/app.ts composes them; stages above build may use them.
 */

/** One folder per baseline area. */
const AREAS = [
  "organization",
  "guardrails",
  "identity",
  "account-defaults",
  "logging",
  "monitoring",
  "billing",
  "network",
  "state",
  "detective",
];
const AREA = `(${AREAS.join("|")})`;
const BASE = "src/(util/|errors\\.ts$|version\\.ts$)";

/**
 * The declared shared parts: which files of another area an area may import. Everything else
 * across areas is forbidden, so a new cross-area import fails until it is added here on purpose
 * (or the shared part moves down into src/build).
 */
const SHARED_PARTS = {
  // baseline-stack.ts puts the IdentityBaseline construct into every account.
  // ... and the detective services' per-account parts, on the same per-region providers.
  "account-defaults": [
    "identity/identity.ts",
    "identity/policies.ts",
    "detective/config-recording.ts",
    "detective/guardduty-detectors.ts",
    "detective/delegation.ts",
  ],
  // billing-stack.ts: budget/billing alarms go to an AlarmTopic whose key uses alarmTopicKeyPolicy.
  billing: ["logging/policies.ts", "monitoring/alarm-topic.ts"],
  // org-trail-stack.ts: the trail's log group feeds the CIS metric filters (cisMetrics, CisAlarms).
  logging: [
    "monitoring/alarm-topic.ts",
    "monitoring/cis-alarms.ts",
    "monitoring/cis-monitoring.ts",
    "monitoring/break-glass.ts",
  ],
  // alarm-topic.ts: the topic policy (alarmTopicPolicy) lives with the other resource policies;
  // controls.ts names the alarm topic and CIS alarms by the org-trail stack's construct ids.
  monitoring: ["logging/policies.ts", "logging/org-trail-stack.ts"],
  // org-stack.ts creates and attaches the Guardrails (SCPs); an account's answers carry its
  // network options (answers.ts embeds the network slice).
  organization: ["guardrails/guardrails.ts", "guardrails/pack.ts", "network/answers.ts"],
  // scp.ts names Config's service-linked role, which protectDetectiveServices keeps.
  guardrails: ["account-defaults/default-vpc-scp.ts", "detective/defaults.ts"],
  // state-bucket-stack.ts: the same TLS-only statement (denyInsecureTransport) as the log buckets.
  state: ["logging/policies.ts"],
  // finding-alerts.ts: findings go to an AlarmTopic, like the CIS alarms.
  detective: ["monitoring/alarm-topic.ts"],
};

const escape = (path) => path.replace(/[.]/g, "\\.");

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-circular",
      comment:
        "A cycle means two modules are really one, or a type lives in the wrong place: move it down.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "cli-only-from-cli",
      comment:
        "src/cli is the only code that prints and exits; the library, stacks/, scripts and tests " +
        "use src/ directly (src/index.ts is the library surface), never the CLI's modules.",
      severity: "error",
      from: { pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "cli-commands-independent",
      comment:
        "Commands never import each other: what two commands share is a library module (or " +
        "src/cli/options.ts, io.ts, prompter.ts, render*.ts).",
      severity: "error",
      from: { path: "^src/cli/actions/" },
      to: { path: "^src/cli/(commands|actions)/" },
    },
    {
      name: "cli-registration-imports-own-action",
      comment:
        "A command group's registration (src/cli/commands/<group>.ts) imports only its own " +
        "action (src/cli/actions/<group>.ts), lazily (see cli-help-stays-light).",
      severity: "error",
      from: { path: "^src/cli/commands/([^/]+)\\.ts$" },
      to: { path: "^src/cli/(commands|actions)/", pathNot: "^src/cli/actions/$1\\.ts$" },
    },
    {
      name: "cli-help-stays-light",
      comment:
        "main.ts, options.ts and the command registrations load on every run, `--help` too: " +
        "actions, cdktf, the AWS SDK and the pipeline stages are imported only inside actions (import()).",
      severity: "error",
      from: { path: "^src/cli/(main\\.ts$|options\\.ts$|commands/)" },
      to: {
        path: [
          "^src/cli/actions/",
          "^src/(build|synth|run|aws|controls)/",
          `^src/${AREA}/`,
          "node_modules/(cdktf|@cdktf|constructs|@aws-sdk)/",
        ],
        dynamic: false,
      },
    },
    {
      name: "base-imports-nothing",
      comment:
        "src/util, src/errors.ts and src/version.ts sit under every stage: they import no stage.",
      severity: "error",
      from: { path: `^${BASE}` },
      to: { path: "^src/", pathNot: `^${BASE}` },
    },
    {
      name: "answers-below-plan",
      comment:
        "answers (schema, rules, loading, names) is the first stage. It may combine the areas' " +
        "slices (src/<area>/answers.ts, rules.ts and their zod-free defaults.ts) and nothing else above it.",
      severity: "error",
      from: { path: "^src/answers/" },
      to: {
        path: "^src/",
        pathNot: [`^${BASE}`, "^src/answers/", `^src/${AREA}/(answers|rules|defaults)\\.ts$`],
      },
    },
    {
      name: "area-slices-below-answers",
      comment:
        "The slices that answers combines must not reach build or plan, or answers would depend " +
        "on stages above it through them.",
      severity: "error",
      from: { path: `^src/${AREA}/(answers|rules)\\.ts$` },
      to: {
        path: "^src/",
        // Another area's slice only where SHARED_PARTS declares it (area-<name>-independent).
        pathNot: [
          `^${BASE}`,
          "^src/answers/",
          `^src/${AREA}/(answers|rules|defaults)\\.ts$`,
          // The SCP quota rule measures the packed guardrails: pure policy data, no cdktf.
          "^src/guardrails/(scp|pack)\\.ts$",
          "^src/build/policy-document\\.ts$",
        ],
      },
    },
    {
      name: "area-controls-name-their-constructs",
      comment:
        "An area's controls.ts declares its controls with the construct-id constants its own " +
        "modules export (so a renamed id cannot silently unlink a control) and the Control type; " +
        "it reaches no stage above build.",
      severity: "error",
      from: { path: `^src/${AREA}/controls\\.ts$` },
      to: { path: "^src/(synth|run|aws|generator|cli)/|^src/controls/(?!control\\.ts$)" },
    },
    {
      name: "plan-below-build",
      comment: "plan decides which stacks exist from the answers alone; it knows no constructs.",
      severity: "error",
      from: { path: "^src/plan/" },
      to: { path: "^src/", pathNot: [`^${BASE}`, "^src/(answers|plan)/"] },
    },
    {
      name: "controls-combines-area-controls",
      comment:
        "src/controls lists the areas' controls (src/<area>/controls.ts); it needs no constructs.",
      severity: "error",
      from: { path: "^src/controls/" },
      to: {
        path: "^src/",
        pathNot: [`^${BASE}`, "^src/(answers|plan|controls)/", `^src/${AREA}/controls\\.ts$`],
      },
    },
    {
      name: "build-and-areas-below-synth",
      comment:
        "build (cdktf seam, base stacks, shared constructs) and the areas only describe stacks; " +
        "synthesizing, running terraform, reading AWS and the CLI come later.",
      severity: "error",
      // An area's controls.ts has its own rule (area-controls-name-their-constructs).
      from: { path: `^src/(build|${AREA})/`, pathNot: `^src/${AREA}/controls\\.ts$` },
      to: { path: "^src/(synth|run|aws|generator|cli|controls)/|^src/index\\.ts$" },
    },
    {
      name: "build-shared-parts-know-no-area",
      comment:
        "Only build/app.ts (buildBaseline) composes the area stacks; the rest of build is what " +
        "areas build on, so it must not depend on them.",
      severity: "error",
      from: { path: "^src/build/", pathNot: "^src/build/app\\.ts$" },
      to: { path: `^src/${AREA}/` },
    },
    ...AREAS.map((area) => ({
      name: `area-${area}-independent`,
      comment:
        `src/${area} imports other areas only through its declared shared parts (SHARED_PARTS ` +
        "above), so areas can be added, removed and reviewed one at a time.",
      severity: "error",
      from: { path: `^src/${area}/` },
      to: {
        path: `^src/${AREA}/`,
        pathNot: [`^src/${area}/`, ...(SHARED_PARTS[area] ?? []).map((p) => `^src/${escape(p)}$`)],
      },
    })),
    {
      name: "synth-below-run",
      comment: "synth writes Terraform JSON; it runs no terraform, reads no AWS, prints nothing.",
      severity: "error",
      from: { path: "^src/synth/" },
      to: { path: "^src/(run|aws|generator|cli)/|^src/index\\.ts$" },
    },
    {
      name: "aws-below-run",
      comment:
        "src/aws reads the organization (SDK; the one change it makes is deleting unused default " +
        "VPCs); terraform runs build on it (deploy records IDs), never the other way round.",
      severity: "error",
      from: { path: "^src/aws/" },
      to: { path: "^src/(synth|run|generator|cli)/|^src/index\\.ts$" },
    },
    {
      name: "run-below-generator",
      comment: "Running terraform does not depend on how projects are generated or on the CLI.",
      severity: "error",
      from: { path: "^src/run/" },
      to: { path: "^src/(generator|cli)/|^src/index\\.ts$" },
    },
    {
      name: "generator-below-cli",
      comment: "The init wizard takes a Prompter; the terminal side of it lives in src/cli.",
      severity: "error",
      from: { path: "^src/generator/" },
      to: { path: "^src/cli/|^src/index\\.ts$" },
    },
    {
      name: "src-is-the-library",
      comment:
        "src/index.ts is the library surface for the outside; inside src modules import each " +
        "other directly, and nothing in src depends on stacks/ (the cdktf entry point), scripts or tests.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^src/index\\.ts$|^(stacks|scripts|test)/" },
    },
    {
      name: "policy-simulator-only-in-tests",
      comment:
        "@cloud-copilot/iam-simulate (and its iam-policy/iam-utils) is AGPL-3.0: a devDependency " +
        "that only test/policy may use to evaluate synthesized policies; shipped code never imports it.",
      severity: "error",
      from: { path: "^(src|stacks|scripts)/" },
      to: { path: "node_modules/@cloud-copilot/" },
    },
    {
      name: "entry-point-not-imported",
      comment: "stacks/main.ts is run by cdktf (cdktf.json); importing it would synthesize an app.",
      severity: "error",
      from: {},
      to: { path: "^stacks/main\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(dist|cdktf\\.out|coverage)/" },
    // Type-only imports count: a type in the wrong stage is a layering problem too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
