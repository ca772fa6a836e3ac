import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answersJsonSchemaText, JSON_SCHEMA_PATH } from "../../src/answers/json-schema.js";
import { validateAnswers } from "../../src/answers/load.js";
import { REGIONS_ENABLED_BY_DEFAULT } from "../../src/answers/regions.js";
import { AnswersSchema } from "../../src/answers/schema.js";
import { PACKAGE_ROOT } from "../../src/version.js";
import { configFrom, exampleAnswers, minimalAnswers } from "../helpers/answers.js";

describe("answers schema", () => {
  it("committed JSON Schema matches the zod schema (regenerate with `npm run schema`)", () => {
    const committed = readFileSync(join(PACKAGE_ROOT, JSON_SCHEMA_PATH), "utf8");
    expect(committed).toBe(answersJsonSchemaText());
  });

  it("JSON Schema rejects unknown keys and documents every property", () => {
    const schema = JSON.parse(answersJsonSchemaText());
    expect(schema.additionalProperties).toBe(false);
    const undocumented: string[] = [];
    const walk = (node: Record<string, unknown>, path: string) => {
      const props = node.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [key, child] of Object.entries(props ?? {})) {
        if (!child.description) undocumented.push(`${path}${key}`);
        walk(child, `${path}${key}.`);
        if (child.items) walk(child.items as Record<string, unknown>, `${path}${key}[].`);
        for (const option of (child.oneOf as Record<string, unknown>[]) ?? [])
          walk(option, `${path}${key}.`);
      }
    };
    walk(schema, "");
    // Discriminator literals of the state union describe themselves by their value.
    expect(undocumented.filter((p) => !p.endsWith(".backend"))).toEqual([]);
  });

  it("minimal answers get the secure defaults", () => {
    const config = configFrom(minimalAnswers());
    expect(config.regions.enabled).toEqual([...REGIONS_ENABLED_BY_DEFAULT]);
    expect(config.regions.enabled).toHaveLength(17);
    expect(config.identity.passwordPolicy).toMatchObject({
      minimumLength: 14,
      reusePrevention: 24,
      requireUppercase: true,
      requireLowercase: true,
      requireNumbers: true,
      requireSymbols: true,
      allowUsersToChange: true,
    });
    expect(config.identity.passwordPolicy.maxAgeDays).toBeUndefined();
    expect(config.cloudtrail.retentionDays).toBeGreaterThanOrEqual(365);
    expect(config.accounts.map((a) => a.name)).toEqual([
      "log-archive",
      "security",
      "dev",
      "test",
      "prod",
    ]);
    expect(config.detective.guardDuty.enabled).toBe(true);
    expect(config.state).toEqual({ backend: "local", directory: "terraform-state" });
    expect(config.terraform.binary).toBe("terraform");
  });

  it("derived defaults: e-mails from the pattern, OUs by kind, billing e-mails from alarms", () => {
    const config = configFrom(minimalAnswers());
    const dev = config.accounts.find((a) => a.name === "dev");
    expect(dev?.email).toBe("aws+dev@tiny.example");
    expect(dev?.ou).toBe("Workloads/dev");
    expect(config.accounts.find((a) => a.name === "log-archive")?.ou).toBe("Security");
    expect(config.organizationalUnits).toEqual([
      "Security",
      "Workloads",
      "Workloads/dev",
      "Workloads/prod",
      "Workloads/test",
    ]);
    expect(config.billing.emails).toEqual(["alerts@tiny.example"]);
  });

  it("networks: prod gets 3 zones with per-AZ NAT, others 2 with one NAT; CIDRs allocated in order", () => {
    const config = configFrom(minimalAnswers());
    const net = Object.fromEntries(
      config.accounts.filter((a) => a.network).map((a) => [a.name, a.network]),
    );
    expect(net.prod).toMatchObject({
      azCount: 3,
      nat: "per-az",
      availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
    });
    expect(net.dev).toMatchObject({
      azCount: 2,
      nat: "single",
      cidr: "10.0.0.0/16",
      cidrAllocated: true,
    });
    expect(net.test?.cidr).toBe("10.1.0.0/16");
    expect(net.prod?.cidr).toBe("10.2.0.0/16");
  });

  it("explicit CIDRs are kept and skipped by the allocator", () => {
    const answers = exampleAnswers();
    answers.accounts[2].network = { cidr: "10.0.0.0/16" };
    const config = configFrom(answers);
    expect(config.accounts.filter((a) => a.network).map((a) => a.network?.cidr)).toEqual([
      "10.0.0.0/16",
      "10.1.0.0/16",
      "10.2.0.0/16",
    ]);
  });

  it("the bundled example is valid", () => {
    expect(validateAnswers(exampleAnswers()).ok).toBe(true);
  });

  it("AnswersSchema is strict at every level", () => {
    const result = AnswersSchema.safeParse({
      ...minimalAnswers(),
      identity: { passwordPolicy: { minLength: 20 } },
    });
    expect(result.success).toBe(false);
  });
});
