import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/load.js";
import { RULES } from "../../src/answers/rules.js";
import {
  ANSWERS_FILE,
  type AnswersDraft,
  GENERATED_MARKER,
  mergeAnswers,
  presetNames,
  readPreset,
  renderProject,
  writeProject,
} from "../../src/generator/project.js";
import { prefixFrom } from "../../src/answers/names.js";
import { QUESTIONS, type Question } from "../../src/generator/questions.js";
import {
  CANCELLED,
  collectAnswers,
  collectValidAnswers,
  type Prompter,
} from "../../src/generator/wizard.js";
import { answerChanges, answersFileChanges } from "../../src/generator/answers-changes.js";
import { idsInWords } from "../../src/generator/summary.js";
import { configFrom, exampleAnswers, minimalAnswers } from "../helpers/answers.js";
import { tempDir } from "../helpers/synth.js";

/**
 * A scripted terminal: for each question, the inputs a user types in order. Each input goes
 * through the wizard's validation exactly as in the real prompt; the first accepted one wins.
 * A question without a script takes its shown default (the user presses Enter).
 */
function scripted(script: Record<string, unknown[]>) {
  const asked: string[] = [];
  /** The answer each question showed (its current or default answer), by question id. */
  const shown: Record<string, unknown> = {};
  const rejected: { id: string; input: unknown; error: string }[] = [];
  const queues: Record<string, unknown[]> = Object.fromEntries(
    Object.entries(script).map(([id, inputs]) => [id, [...inputs]]),
  );
  const prompter: Prompter = {
    section: () => undefined,
    async ask(question: Question, initial: unknown, validate) {
      asked.push(question.id);
      shown[question.id] = initial;
      // Inputs are consumed across asks, so a question asked again gets the next ones.
      const queue = (queues[question.id] ??= []);
      for (
        let input = queue.length ? queue.shift() : initial;
        ;
        input = queue.length ? queue.shift() : initial
      ) {
        if (input === CANCELLED) return CANCELLED;
        const verdict = validate(input);
        if (verdict === true) return input;
        rejected.push({ id: question.id, input, error: verdict });
        if (queue.length === 0) throw new Error(`script for ${question.id} has no valid answer`);
      }
    },
  };
  return { prompter, asked, shown, rejected };
}

const REQUIRED = {
  name: ["Acme Corp"],
  emailPattern: ["aws+{name}@acme.example"],
  alarmEmails: ["sec@acme.example"],
};

async function interactive(script: Record<string, unknown[]>, base: AnswersDraft = {}) {
  const terminal = scripted(script);
  const result = await collectAnswers(base, {
    interactive: true,
    acceptDefaults: false,
    flags: {},
    dirName: "x",
    prompter: terminal.prompter,
  });
  return { ...terminal, ...result };
}

describe("init wizard", () => {
  it("asks every question with its default and produces valid answers", async () => {
    const run = await interactive(REQUIRED);
    // With local state (the default) the S3 bucket and region are not asked.
    const s3Only = new Set(["stateBucket", "stateRegion"]);
    expect(run.asked).toEqual(QUESTIONS.filter((q) => !s3Only.has(q.id)).map((q) => q.id));
    expect(run.asked.length).toBeGreaterThanOrEqual(15);
    const result = validateAnswers(run.answers);
    expect(result.ok).toBe(true);
    expect(run.answers.organization).toEqual({ name: "Acme Corp", prefix: "acme-corp" });
    expect(run.answers.accounts.map((a: AnswersDraft) => a.name)).toEqual([
      "log-archive",
      "security",
      "dev",
      "test",
      "prod",
    ]);
  });

  it("invalid answers are rejected with the schema's message until corrected", async () => {
    const run = await interactive({
      ...REQUIRED,
      prefix: ["Acme Corp", "acme"],
      emailPattern: ["ops@acme.example", "aws+{name}@acme.example"],
      environments: ["dev, log-archive", "dev, dev", "dev, Prod", "dev, prod"],
      alarmEmails: ["", "not-an-email", "sec@acme.example"],
      managementAccountId: ["12345", "111111111111"],
    });
    const errors = Object.fromEntries(
      run.rejected.map((r) => [`${r.id}:${String(r.input)}`, r.error]),
    );
    expect(errors["prefix:Acme Corp"]).toContain("must be 2-20 lowercase letters");
    expect(errors["emailPattern:ops@acme.example"]).toContain("containing {name}");
    expect(errors["environments:dev, log-archive"]).toContain("reserved");
    expect(errors["environments:dev, dev"]).toContain("listed twice");
    expect(errors["environments:dev, Prod"]).toContain('"Prod" must be 2-22 lowercase');
    expect(errors["alarmEmails:not-an-email"]).toContain("must be an e-mail address");
    expect(errors["alarmEmails:"]).toContain("at least one address");
    expect(errors["managementAccountId:12345"]).toContain("12 digits");
    expect(run.answers).toMatchObject({
      organization: { prefix: "acme" },
      management: { accountId: "111111111111" },
    });
    expect(validateAnswers(run.answers).ok).toBe(true);
  });

  it("a region that does not exist is rejected as it is typed, with a guess", async () => {
    const run = await interactive({
      ...REQUIRED,
      homeRegion: ["eu-westeros-1", "eu-west-1"],
      regions: ["eu-west-1, us-east-3", "eu-west-1, us-east-1"],
    });
    const errors = Object.fromEntries(
      run.rejected.map((r) => [`${r.id}:${String(r.input)}`, r.error]),
    );
    expect(errors["homeRegion:eu-westeros-1"]).toContain(
      "eu-westeros-1 is not an AWS region aws-baseline knows",
    );
    expect(errors["homeRegion:eu-westeros-1"]).toContain('did you mean "eu-west-1"?');
    expect(errors["regions:eu-west-1, us-east-3"]).toContain("us-east-3 is not an AWS region");
    expect(run.answers.regions).toMatchObject({
      home: "eu-west-1",
      enabled: ["eu-west-1", "us-east-1"],
    });
  });

  it("Enter on an empty required answer asks again at once; an empty list is an empty list", async () => {
    const run = await interactive({
      ...REQUIRED,
      emailPattern: ["", "aws+{name}@acme.example"],
      adminUsers: [[""]],
    });
    expect(run.rejected).toEqual([
      {
        id: "emailPattern",
        input: "",
        error: expect.stringContaining("an answer is required here"),
      },
    ]);
    expect(run.asked.filter((id) => id === "emailPattern")).toHaveLength(1);
    expect((run.answers as AnswersDraft).identity.admins.users).toEqual([]);
    expect(validateAnswers(run.answers).ok).toBe(true);
  });

  it("cancelling (Ctrl-C) aborts with nothing collected", async () => {
    await expect(interactive({ ...REQUIRED, homeRegion: [CANCELLED] })).rejects.toMatchObject({
      code: "ABORTED",
      kind: "aborted",
    });
  });

  it("S3 state asks for the bucket and region, local state does not", async () => {
    const run = await interactive({
      ...REQUIRED,
      stateBackend: ["s3"],
      stateBucket: ["Bad_Bucket", "acme-tfstate"],
    });
    expect(run.asked.slice(-3)).toEqual(["stateBackend", "stateBucket", "stateRegion"]);
    expect(run.rejected.map((r) => r.id)).toEqual(["stateBucket"]);
    expect(run.answers.state).toEqual({
      backend: "s3",
      bucket: "acme-tfstate",
      region: "us-east-1",
    });
  });

  it("a security account and custom environments reshape the accounts; prod-like ones get per-AZ NAT", async () => {
    const run = await interactive({
      ...REQUIRED,
      environments: ["staging, production"],
      securityAccount: [true],
    });
    expect(run.answers.accounts).toEqual([
      { name: "log-archive", kind: "log-archive" },
      { name: "security", kind: "security" },
      { name: "staging", network: {} },
      { name: "production", network: { azCount: 3, nat: "per-az" } },
    ]);
  });

  it("answers that break a rule across questions are asked again, keeping the others", async () => {
    const terminal = scripted({
      ...REQUIRED,
      homeRegion: ["eu-west-3", "us-east-1"],
      regions: ["us-east-1, us-west-2"],
    });
    const shown: string[] = [];
    const result = await collectValidAnswers(
      {},
      {
        interactive: true,
        acceptDefaults: false,
        flags: {},
        dirName: "x",
        prompter: terminal.prompter,
        onProblems: (problems) => shown.push(...problems.map((p) => `${p.path} ${p.message}`)),
      },
    );
    expect(shown).toEqual(["regions.home is not in regions.enabled"]);
    // Only the question behind the problem is asked again.
    expect(terminal.asked.filter((id) => id === "homeRegion")).toHaveLength(2);
    expect(terminal.asked.filter((id) => id === "name")).toHaveLength(1);
    expect(result.config.regions).toEqual({
      home: "us-east-1",
      enabled: ["us-east-1", "us-west-2"],
      allowUnknown: [],
    });
  });

  it("without a terminal, a broken rule is an error naming the key", async () => {
    await expect(
      collectValidAnswers(
        {},
        {
          interactive: false,
          acceptDefaults: false,
          flags: {
            name: "Acme",
            emailPattern: "aws+{name}@acme.example",
            alarmEmails: "a@acme.example",
            homeRegion: "eu-west-3",
            regions: "us-east-1",
          },
          dirName: "x",
        },
      ),
    ).rejects.toMatchObject({
      code: "ANSWERS_INVALID",
      problems: [expect.objectContaining({ path: "regions.home", rule: "home-region-enabled" })],
    });
  });

  it("earlier answers are shown as defaults (re-run), and kept when accepted", async () => {
    const first = await interactive({
      ...REQUIRED,
      adminUsers: ["alice, bob"],
      billingTotal: [5000],
    });
    const second = await interactive({}, first.answers);
    expect(second.answers).toEqual(first.answers);
  });
});

describe("init without a terminal", () => {
  const flags = {
    name: "Acme Corp",
    emailPattern: "aws+{name}@acme.example",
    alarmEmails: "sec@acme.example",
  };

  it("flags answer the questions; everything else takes its default", async () => {
    const { answers, placeholders } = await collectAnswers(
      {},
      {
        interactive: false,
        acceptDefaults: false,
        flags: { ...flags, environments: "dev,prod", objectLock: "COMPLIANCE" },
        dirName: "x",
      },
    );
    expect(placeholders).toEqual([]);
    expect(answers.accounts.map((a: AnswersDraft) => a.name)).toEqual([
      "log-archive",
      "security",
      "dev",
      "prod",
    ]);
    expect(answers.cloudtrail.objectLock).toEqual({ enabled: true, mode: "COMPLIANCE" });
    expect(validateAnswers(answers).ok).toBe(true);
  });

  it("the identity question switches between IAM users and Identity Center, and skips the user list", async () => {
    const { answers } = await collectAnswers(
      {},
      {
        interactive: false,
        acceptDefaults: false,
        flags: { ...flags, identityMode: "identity-center" },
        dirName: "x",
      },
    );
    expect(answers.identity.admins.enabled).toBe(false);
    expect(answers.identity.identityCenter.enabled).toBe(true);
    expect(answers.identity.admins.users).toBeUndefined();
    const result = validateAnswers(answers);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.config.deployRole.trustedPrincipals).toEqual([
        "role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_BaselineAdmin_*",
      ]);
  });

  it("missing required answers fail fast, naming each flag", async () => {
    await expect(
      collectAnswers(
        {},
        { interactive: false, acceptDefaults: false, flags: { name: "Acme" }, dirName: "x" },
      ),
    ).rejects.toMatchObject({
      code: "ANSWERS_INVALID",
      problems: [
        expect.objectContaining({ path: "--email-pattern" }),
        expect.objectContaining({ path: "--alarm-emails" }),
      ],
    });
  });

  it("invalid flag values are all reported at once", async () => {
    await expect(
      collectAnswers(
        {},
        {
          interactive: false,
          acceptDefaults: true,
          flags: {
            ...flags,
            prefix: "A B",
            homeRegion: "mars-1",
            billingTotal: "-5",
            objectLock: "forever",
          },
          dirName: "x",
        },
      ),
    ).rejects.toMatchObject({
      problems: [
        expect.objectContaining({ path: "--prefix" }),
        expect.objectContaining({ path: "--home-region" }),
        expect.objectContaining({
          path: "--object-lock",
          message: "use one of: GOVERNANCE, COMPLIANCE, off",
        }),
        expect.objectContaining({ path: "--billing-total" }),
      ],
    });
  });

  it("--yes fills required answers with visible placeholders and stays valid", async () => {
    const { answers, placeholders } = await collectAnswers(
      {},
      { interactive: false, acceptDefaults: true, flags: {}, dirName: "acme" },
    );
    expect(placeholders).toEqual(["name", "emailPattern", "alarmEmails"]);
    expect(answers.alarms.emails).toEqual(["security-alerts@example.com"]);
    expect(validateAnswers(answers).ok).toBe(true);
  });

  it("every question's id is the option name commander derives from its flag", () => {
    const camel = (flag: string) =>
      flag
        .split(" ")[0]
        ?.replace(/^--/, "")
        .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    for (const q of QUESTIONS) if (q.flag) expect(camel(q.flag), q.flag).toBe(q.id);
  });

  it("prefixFrom derives a valid prefix from a name", () => {
    expect(prefixFrom("Acme Corp, Inc.")).toBe("acme-corp-inc");
    expect(prefixFrom("42")).toBeUndefined();
  });
});

describe("detective services in the wizard", () => {
  const flags = {
    name: "Acme Corp",
    emailPattern: "aws+{name}@acme.example",
    alarmEmails: "sec@acme.example",
  };
  const ALL_ON = {
    config: { enabled: true },
    guardDuty: { enabled: true },
    securityHub: { enabled: true },
    accessAnalyzer: { enabled: true, unusedAccess: false },
  };
  const ALL_OFF = {
    config: { enabled: false },
    guardDuty: { enabled: false },
    securityHub: { enabled: false },
    accessAnalyzer: { enabled: false, unusedAccess: false },
  };
  const withoutTerminal = (more: Record<string, unknown>, acceptDefaults = false) =>
    collectAnswers(
      {},
      { interactive: false, acceptDefaults, flags: { ...flags, ...more }, dirName: "x" },
    );

  it("are asked in one group of their own, every service on by default and unused access off", async () => {
    const group = QUESTIONS.filter((q) => q.group === "Detective services");
    expect(group.map((q) => q.id)).toEqual(["detective"]);
    expect(group[0]?.choices?.map((c) => c.value)).toEqual([
      "config",
      "guardduty",
      "security-hub",
      "access-analyzer",
      "unused-access",
    ]);
    const run = await interactive(REQUIRED);
    expect(run.asked.filter((id) => id === "detective")).toHaveLength(1);
    expect(run.shown.detective).toEqual(["config", "guardduty", "security-hub", "access-analyzer"]);
    expect(run.shown.securityAccount).toBe(true);
    expect(run.answers.detective).toEqual(ALL_ON);
    expect(validateAnswers(run.answers).ok).toBe(true);
  });

  it("--yes switches every service on, with the security account that administers them", async () => {
    const { answers } = await collectAnswers(
      {},
      { interactive: false, acceptDefaults: true, flags: {}, dirName: "acme" },
    );
    expect(answers.detective).toEqual(ALL_ON);
    expect(answers.accounts).toContainEqual({ name: "security", kind: "security" });
    expect(validateAnswers(answers).ok).toBe(true);
  });

  it("--detective picks the services: the ones left out are switched off, none switches all off", async () => {
    const some = await withoutTerminal({ detective: "config, Access-Analyzer,unused-access" });
    expect(some.answers.detective).toEqual({
      config: { enabled: true },
      guardDuty: { enabled: false },
      securityHub: { enabled: false },
      accessAnalyzer: { enabled: true, unusedAccess: true },
    });
    expect(validateAnswers(some.answers).ok).toBe(true);
    const none = await withoutTerminal({ detective: "none" }, true);
    expect(none.answers.detective).toEqual(ALL_OFF);
    expect(validateAnswers(none.answers).ok).toBe(true);
  });

  it("a flag naming an unknown service, or one without the service it needs, is rejected", async () => {
    const rejected: [flag: string, message: string][] = [
      ["config,macie", '"macie" is not a choice: use any of config, guardduty'],
      ["security-hub", "select config too"],
      ["unused-access", "select access-analyzer too"],
    ];
    for (const [value, message] of rejected) {
      await expect(withoutTerminal({ detective: value })).rejects.toMatchObject({
        code: "ANSWERS_INVALID",
        problems: [
          expect.objectContaining({
            path: "--detective",
            message: expect.stringContaining(message),
          }),
        ],
      });
    }
  });

  it("a re-run shows the services of the answers file and keeps the parts the wizard does not ask", async () => {
    const base = {
      detective: {
        guardDuty: { enabled: false, s3Protection: false },
        config: { conformancePack: true },
      },
    };
    const run = await interactive(REQUIRED, base);
    expect(run.shown.detective).toEqual(["config", "security-hub", "access-analyzer"]);
    expect(run.answers.detective).toMatchObject({
      config: { enabled: true, conformancePack: true },
      guardDuty: { enabled: false, s3Protection: false },
    });
  });

  it("no security account while services are on asks both again: the user can switch the services off", async () => {
    const terminal = scripted({
      ...REQUIRED,
      securityAccount: [false, false],
      detective: [["config", "guardduty", "security-hub", "access-analyzer"], ["none"]],
    });
    const problems: string[] = [];
    const result = await collectValidAnswers(
      {},
      {
        interactive: true,
        acceptDefaults: false,
        flags: {},
        dirName: "x",
        prompter: terminal.prompter,
        onProblems: (found) => problems.push(...found.map((p) => p.rule)),
      },
    );
    expect(problems).toEqual(["detective-needs-security-account"]);
    expect(terminal.asked.filter((id) => id === "securityAccount")).toHaveLength(2);
    expect(terminal.asked.filter((id) => id === "detective")).toHaveLength(2);
    expect(terminal.asked.filter((id) => id === "name")).toHaveLength(1);
    expect(result.config.accounts.some((a) => a.kind === "security")).toBe(false);
    expect(result.answers.detective).toEqual(ALL_OFF);
  });

  it("no security account while services are on: adding the account when asked again keeps them", async () => {
    const terminal = scripted({ ...REQUIRED, securityAccount: [false, true] });
    const result = await collectValidAnswers(
      {},
      {
        interactive: true,
        acceptDefaults: false,
        flags: {},
        dirName: "x",
        prompter: terminal.prompter,
      },
    );
    expect(terminal.asked.filter((id) => id === "detective")).toHaveLength(2);
    expect(result.config.accounts.some((a) => a.kind === "security")).toBe(true);
    expect(result.answers.detective).toEqual(ALL_ON);
  });

  it("the rules a question also fixes exist by that name", () => {
    const names = RULES.map((r) => r.name);
    for (const q of QUESTIONS) for (const rule of q.alsoFixes ?? []) expect(names).toContain(rule);
  });
});

describe("presets", () => {
  const flags = {
    name: "Acme Corp",
    emailPattern: "aws+{name}@acme.example",
    alarmEmails: "sec@acme.example",
  };

  it("bundles minimal, standard and regulated, each valid once the organization answers are given", async () => {
    expect(await presetNames()).toEqual(["minimal", "regulated", "standard"]);
    for (const name of await presetNames()) {
      const { answers } = await collectAnswers(await readPreset(name), {
        interactive: false,
        acceptDefaults: false,
        flags,
        dirName: "x",
      });
      const result = validateAnswers(answers);
      expect(result.ok, `${name}: ${JSON.stringify(!result.ok && result.problems)}`).toBe(true);
    }
  });

  it("minimal uses single NAT everywhere and keeps the default Object Lock; regulated uses per-AZ NAT in prod, COMPLIANCE Object Lock for the whole retention, data events and region deny", async () => {
    const minimal = await readPreset("minimal");
    expect(
      minimal.accounts.every((a: AnswersDraft) => !a.network || a.network.nat === "single"),
    ).toBe(true);
    // Object Lock costs nothing, so no preset turns the default (GOVERNANCE) off.
    expect(minimal.cloudtrail?.objectLock).toBeUndefined();
    const regulated = await readPreset("regulated");
    expect(regulated.accounts.find((a: AnswersDraft) => a.name === "prod").network.nat).toBe(
      "per-az",
    );
    expect(regulated).toMatchObject({
      cloudtrail: { objectLock: { enabled: true, mode: "COMPLIANCE" }, dataEvents: "write" },
      guardrails: { denyRegionsOutsideEnabled: true },
    });
    // No explicit days: the lock follows the 7-year retention.
    expect(regulated.cloudtrail.objectLock.days).toBeUndefined();
  });

  it("an unknown preset names the known ones", async () => {
    await expect(readPreset("huge")).rejects.toMatchObject({
      code: "ANSWERS_INVALID",
      hint: expect.stringContaining("minimal, regulated, standard"),
    });
  });

  it("answers given win over the preset; objects merge, lists are replaced", () => {
    expect(mergeAnswers({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: 3 }, l: [9] })).toEqual({
      a: { b: 1, c: 3 },
      l: [9],
    });
  });
});

describe("generated project", () => {
  async function project() {
    const { answers } = await collectAnswers(
      {},
      {
        interactive: false,
        acceptDefaults: false,
        flags: {
          name: "Acme Corp",
          emailPattern: "aws+{name}@acme.example",
          alarmEmails: "sec@acme.example",
        },
        dirName: "x",
      },
    );
    const result = validateAnswers(answers);
    if (!result.ok) throw new Error("invalid");
    return { answers, files: await renderProject(answers, result.config) };
  }

  it("has the answers with $schema and generator version, and marks exactly the generator-owned files", async () => {
    const { files } = await project();
    const byPath = Object.fromEntries(files.map((f) => [f.path, f]));
    expect(Object.keys(byPath).sort()).toEqual([
      ".github/workflows/drift.yml",
      ".gitignore",
      "README.md",
      ANSWERS_FILE,
      "cdktf.json",
      "main.ts",
      "package.json",
    ]);
    const answers = JSON.parse(byPath[ANSWERS_FILE]?.content as string);
    expect(answers.$schema).toBe("./node_modules/aws-baseline/templates/answers.schema.json");
    expect(answers.generatedBy).toMatch(/^aws-baseline \d+\.\d+\.\d+/);
    for (const f of files)
      expect(f.content.includes(GENERATED_MARKER), f.path).toBe(f.owner === "generator");
    expect(files.every((f) => !/%%\w+%%/.test(f.content))).toBe(true);
    expect(byPath[".github/workflows/drift.yml"]?.content).toContain("id-token: write");
    expect(byPath[".github/workflows/drift.yml"]?.content).toContain(
      'npx aws-baseline drift-report results/drift-*.json --matrix "$MATRIX" --markdown',
    );
    expect(byPath[".github/workflows/drift.yml"]?.content).not.toMatch(
      /aws-access-key-id|aws-secret-access-key/,
    );
    expect(byPath["README.md"]?.content).toContain("## Manual steps");
    expect(JSON.parse(byPath["cdktf.json"]?.content as string).app).toBe("npx tsx main.ts");
  });

  it("same answers give the same bytes", async () => {
    expect((await project()).files).toEqual((await project()).files);
  });

  it("re-running refreshes generator-owned files, keeps user-owned ones, and --force replaces them", async () => {
    const dir = tempDir();
    const { files } = await project();
    expect((await writeProject(dir, files)).every((r) => r.action === "created")).toBe(true);
    writeFileSync(join(dir, "main.ts"), "// my stacks\n");
    writeFileSync(join(dir, "README.md"), `<!-- ${GENERATED_MARKER} -->\nold text\n`);
    writeFileSync(join(dir, ".gitignore"), "mine now\n"); // marker removed: the user took it over
    const again = Object.fromEntries(
      (await writeProject(dir, files)).map((r) => [r.path, r.action]),
    );
    expect(again).toMatchObject({
      "main.ts": "kept",
      "README.md": "updated",
      ".gitignore": "kept",
      [ANSWERS_FILE]: "unchanged",
    });
    expect(readFileSync(join(dir, "main.ts"), "utf8")).toBe("// my stacks\n");
    const forced = Object.fromEntries(
      (await writeProject(dir, files, { force: true })).map((r) => [r.path, r.action]),
    );
    expect(forced).toMatchObject({ "main.ts": "replaced", ".gitignore": "replaced" });
    expect(existsSync(join(dir, ".github/workflows/drift.yml"))).toBe(true);
  });
});

describe("re-running init over an answers file", () => {
  it("names each changed answer by key path; accounts by index; generator keys are not answers", () => {
    const before = exampleAnswers();
    const after = exampleAnswers();
    after.regions.home = "eu-central-1";
    after.accounts[4].network.nat = "single";
    after.accounts.push({ name: "qa" });
    after.generatedBy = "aws-baseline 9.9.9";
    delete after.billing;
    expect(answerChanges(before, after)).toEqual([
      { path: "regions.home", before: before.regions.home, after: "eu-central-1" },
      { path: "accounts[4].network.nat", before: "per-az", after: "single" },
      { path: `accounts[${before.accounts.length}]`, before: undefined, after: { name: "qa" } },
      { path: "billing", before: before.billing, after: undefined },
    ]);
    expect(answerChanges(before, exampleAnswers())).toEqual([]);
  });

  it("a file with the same answers (in another layout, or leaving defaults out) is the same", async () => {
    const dir = tempDir();
    const file = join(dir, ANSWERS_FILE);
    expect(await answersFileChanges(dir, minimalAnswers())).toBeUndefined(); // no file yet
    writeFileSync(file, JSON.stringify(minimalAnswers()));
    // The same answers with a default spelt out (trail retention 365 days is the default).
    const spelt = { ...minimalAnswers(), cloudtrail: { retentionDays: 365 } };
    expect(await answersFileChanges(dir, spelt)).toBeUndefined();
    const other = { ...minimalAnswers(), cloudtrail: { retentionDays: 400 } };
    expect(await answersFileChanges(dir, other)).toEqual({
      file,
      changes: [{ path: "cloudtrail", before: undefined, after: { retentionDays: 400 } }],
    });
    writeFileSync(file, "{ not json");
    expect((await answersFileChanges(dir, other))?.unreadable).toMatch(/JSON/);
  });

  it("writeProject replaces a user-owned file only when asked to by name", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, ANSWERS_FILE), "{}\n");
    writeFileSync(join(dir, "main.ts"), "// mine\n");
    const files = [
      { path: ANSWERS_FILE, content: '{ "version": 1 }\n', owner: "user" as const },
      { path: "main.ts", content: "// generated\n", owner: "user" as const },
    ];
    const actions = Object.fromEntries(
      (await writeProject(dir, files, { replace: [ANSWERS_FILE] })).map((r) => [r.path, r.action]),
    );
    expect(actions).toEqual({ [ANSWERS_FILE]: "replaced", "main.ts": "kept" });
    expect(readFileSync(join(dir, "main.ts"), "utf8")).toBe("// mine\n");
  });
});

describe("init summary in the user's words", () => {
  it("answers keys that wait for the first deploy become the IDs they are, named by account", () => {
    const config = configFrom(minimalAnswers()); // log-archive, security, dev, test, prod
    expect(idsInWords(["accounts[0].accountId"], config)).toBe("the account ID of log-archive");
    expect(
      idsInWords(
        [
          "accounts[3].accountId",
          "organization.id",
          "management.accountId",
          "accounts[0].accountId",
        ],
        config,
      ),
    ).toBe("the organization ID and the account IDs of management, log-archive and test");
  });
});
