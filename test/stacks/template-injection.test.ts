/**
 * No answers string reaches Terraform JSON unescaped. Terraform evaluates `${…}` and `%{…}` in
 * every string of cdk.tf.json, so an answers file from someone else could read files on the
 * operator's machine into plans and state (`${file("/etc/hosts")}`). Property checked over every
 * string field of a rich answers document: with a probe in it, the answers are either rejected
 * by validation (with that field's path) or every synthesized stack carries the probe only
 * escaped (`$${`, `%%{`), which Terraform turns back into the text as written.
 */
import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/load.js";
import { buildBaseline } from "../../src/build/app.js";
import { literalText, Testing } from "../../src/build/cdk.js";
import { exampleAnswers, type AnswersJson } from "../helpers/answers.js";

const PROBES = ['${file("/etc/hosts")}', "%{ for x in [1] }x%{ endfor }"];

/** The example with every optional free-text field filled in. */
function richAnswers(): AnswersJson {
  const answers = exampleAnswers();
  delete answers.$schema;
  answers.accounts[2].displayName = "Development";
  answers.identity.admins.pgpKey = "keybase:alice";
  answers.identity.securityContact = {
    name: "Security Team",
    title: "CISO",
    email: "security@acme.example",
    phone: "+1 555 0100",
  };
  answers.billing.emails = ["billing@acme.example"];
  return answers;
}

/** Paths of every string leaf, as key arrays. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  }
  return [];
}

/** The answers with `probe` put into the string at `path` (kept an e-mail where it was one). */
function withProbe(path: (string | number)[], probe: string): AnswersJson {
  const answers = richAnswers();
  let node = answers;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path.at(-1) as string | number;
  const old = String(node[last]);
  node[last] = old.includes("@") ? old.replace("@", `${probe}@`) : `${old}${probe}`;
  return answers;
}

/** Every synthesized stack's JSON text. */
function synthAll(config: Parameters<typeof buildBaseline>[1]): string[] {
  const app = Testing.app();
  const built = buildBaseline(app, config);
  return built.stacks.map((s) => Testing.synth(app.node.findChild(s.name) as never));
}

const UNESCAPED = /(?<![$%])[$%]\{ ?(file|for x)/;

describe("answers strings reach Terraform escaped", () => {
  const paths = stringPaths(richAnswers());

  it("covers every string field of the answers (sanity)", () => {
    expect(paths.length).toBeGreaterThan(20);
    expect(UNESCAPED.test(literalText(PROBES[0] as string))).toBe(false);
  });

  for (const probe of PROBES) {
    // One synth of every stack per string field: about 8 s on a quiet machine.
    it(
      `a ${probe.slice(0, 2)}…} probe in any field is rejected by validation or escaped in every stack`,
      {
        timeout: 120_000,
      },
      () => {
        let escaped = 0;
        for (const path of paths) {
          const result = validateAnswers(withProbe(path, probe));
          if (!result.ok) continue; // rejected, e.g. names, regions, IDs: fine
          const stacks = synthAll(result.config);
          const leak = stacks.find((json) => UNESCAPED.test(json));
          expect(leak === undefined, `${path.join(".")}: unescaped in ${leak?.slice(0, 80)}`).toBe(
            true,
          );
          if (stacks.some((json) => json.includes(literalText(probe).slice(0, 6)))) escaped++;
        }
        // Free-text fields accept the probe and carry it escaped: display name, contact, e-mails.
        expect(escaped).toBeGreaterThanOrEqual(3);
      },
    );
  }

  it("a PGP key or an emulator URL with ${ is rejected by validation, naming the field", () => {
    const pgp = richAnswers();
    pgp.identity.admins.pgpKey = 'keybase:${file("/etc/hosts")}';
    const url = richAnswers();
    url.emulator = { endpointUrl: 'http://localhost:4566/${file("/etc/hosts")}' };
    for (const [answers, path] of [
      [pgp, "identity.admins.pgpKey"],
      [url, "emulator.endpointUrl"],
    ] as const) {
      const result = validateAnswers(answers);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(path);
    }
  });
});
