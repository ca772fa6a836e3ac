/**
 * Every resource the baseline creates belongs to a control, and every resource a control declares
 * exists: synthesizes the bundled example and every preset (completed with IDs, so every stack is
 * built) once, and maps each resource exactly as drift reports do.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTROLS } from "../../src/controls/registry.js";
import { isResource } from "../../src/controls/control.js";
import { planStacks, stackKindOf, type StackKind } from "../../src/plan/plan.js";
import { controlsFor } from "../../src/run/terraform/operations.js";
import { PACKAGE_ROOT } from "../../src/version.js";
import { configFrom, exampleAnswers, type AnswersJson } from "../helpers/answers.js";
import { synthTo } from "../helpers/synth.js";

const PRESETS = ["minimal", "standard", "regulated"] as const;

/** Deep merge of plain objects (arrays and values from `b` replace). */
function merge(a: AnswersJson, b: AnswersJson): AnswersJson {
  for (const [key, value] of Object.entries(b)) {
    const both = value && typeof value === "object" && !Array.isArray(value);
    a[key] = both && a[key] && typeof a[key] === "object" ? merge(a[key], value) : value;
  }
  return a;
}

/**
 * A preset as `init` completes it, with the IDs the org stack records, so every stack is built.
 * The optional parts no preset switches on are added too, so their resources are checked: console
 * passwords encrypted to a PGP key (standard: regulated uses Identity Center) and a security
 * contact (regulated).
 */
function presetAnswers(preset: (typeof PRESETS)[number]): AnswersJson {
  const { $schema: _, ...partial } = JSON.parse(
    readFileSync(join(PACKAGE_ROOT, "templates/presets", `${preset}.json`), "utf8"),
  );
  const answers = merge(
    {
      version: 1,
      organization: { name: "Acme", prefix: "acme", id: "o-a1b2c3d4e5" },
      management: {
        name: "management",
        email: "aws+management@acme.example",
        accountId: "100000000000",
      },
      accountEmailPattern: "aws+{name}@acme.example",
      alarms: { emails: ["sec@acme.example"] },
    },
    partial,
  );
  answers.accounts ??= [
    { name: "log-archive", kind: "log-archive" },
    { name: "security", kind: "security" },
    { name: "dev", network: {} },
    { name: "test", network: {} },
    { name: "prod", network: {} },
  ];
  answers.accounts.forEach((a: AnswersJson, i: number) => (a.accountId = String(200000000000 + i)));
  answers.identity = merge(answers.identity ?? {}, { admins: { users: ["alice"] } });
  if (preset === "standard") answers.identity.admins.pgpKey = "keybase:alice";
  if (preset === "regulated") {
    answers.identity.securityContact = {
      name: "Sec Team",
      title: "CISO",
      email: "sec@acme.example",
      phone: "+44 20 7946 0000",
    };
  }
  return answers;
}

interface Found {
  readonly answers: string;
  readonly stack: string;
  readonly kind: StackKind;
  readonly type: string;
  readonly address: string;
}

const found: Found[] = [];

beforeAll(async () => {
  const sources: [string, AnswersJson][] = [
    ["acme", exampleAnswers()],
    ...PRESETS.map((p): [string, AnswersJson] => [p, presetAnswers(p)]),
  ];
  for (const [answers, json] of sources) {
    const config = configFrom(json);
    // The kind of each stack, as the plan decides it (synthesis reports names only).
    const kinds = new Map(planStacks(config).map((p) => [p.name, p.kind]));
    const out = await synthTo(config);
    expect(out.pending, answers).toEqual([]);
    for (const built of out.stacks) {
      const kind = kinds.get(built.name) as StackKind;
      const resources: Record<string, Record<string, unknown>> = out.stack(built.name).resource;
      for (const [type, byName] of Object.entries(resources ?? {})) {
        for (const name of Object.keys(byName)) {
          found.push({ answers, stack: built.name, kind, type, address: `${type}.${name}` });
        }
      }
    }
  }
});

describe("every resource belongs to a control", () => {
  it("stack kinds are recognised from stack names", () => {
    for (const f of found) expect(stackKindOf(f.stack), f.stack).toBe(f.kind);
    expect(stackKindOf("state-bucket")).toBeUndefined();
    expect(stackKindOf("baseline-")).toBeUndefined();
  });

  it("every synthesized resource maps to at least one control", () => {
    expect(found.length).toBeGreaterThan(1000);
    const unmapped = found.filter((f) => controlsFor(f.stack, f).length === 0);
    expect(unmapped.map((f) => `${f.answers} ${f.stack} ${f.address}`)).toEqual([]);
  });

  it("every resource a control declares exists in some synthesis", () => {
    const missing = CONTROLS.filter((c) => !c.manual).flatMap((control) =>
      control.resources
        .filter((r) => !found.some((f) => control.stacks.includes(f.kind) && isResource(r, f)))
        .map((r) => `${control.id}: ${r.type} ${r.id}`),
    );
    expect(missing).toEqual([]);
  });

  it("management-only controls have resources only in the management account's stacks", () => {
    for (const control of CONTROLS.filter((c) => c.managementOnly)) {
      const stacks = found.filter((f) => control.resources.some((r) => isResource(r, f)));
      expect(stacks.length, control.id).toBeGreaterThan(0);
      for (const f of stacks) expect(f.stack, control.id).toMatch(/-management$/);
    }
  });

  it("every declared type is a resource type the baseline synthesizes (no data sources)", () => {
    const types = new Set(found.map((f) => f.type));
    for (const control of CONTROLS) {
      for (const r of control.resources)
        expect(types.has(r.type), `${control.id} ${r.type}`).toBe(true);
    }
  });
});
