/**
 * Brownfield and emulator mode, checked against the real provider schema: answers from
 * `accounts discover` (mocked SDK) import the existing organization, OUs, accounts and SCPs, the
 * stacks point every provider and backend at an emulator, and terraform validates the result.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createClients, destroyClients } from "../../src/aws/clients.js";
import { discover } from "../../src/aws/discover.js";
import { validateAnswers } from "../../src/answers/load.js";
import { EMULATED_SERVICES } from "../../src/answers/emulator.js";
import { validateStacks } from "../../src/run/terraform/validate.js";
import { createAwsMocks, fakeOrg, serveFakeOrg, withSecurityAccount } from "../helpers/fake-org.js";
import { synthTo, type StackJson, type Synthesized } from "../helpers/synth.js";
import { terraform, withTerraform } from "../helpers/terraform.js";

const EMULATOR = "http://localhost:4566";
let out: Synthesized;
const stack = (name: string): StackJson => out.stack(name);

beforeAll(async () => {
  const mocks = createAwsMocks();
  // With a security account, the discovered answers are complete (a new one would need an e-mail).
  serveFakeOrg(mocks, withSecurityAccount(fakeOrg()));
  const clients = createClients({ region: "eu-west-1" });
  const found = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme", name: "Acme" });
  destroyClients(clients);
  for (const mock of Object.values(mocks)) mock.restore();
  const answers = found.answers as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const production = answers.accounts.find((a: { name: string }) => a.name === "production");
  production.network = { azCount: 2 };
  answers.regions.enabled = ["eu-west-1", "us-east-1"]; // keep the provider count small
  answers.emulator = { endpointUrl: EMULATOR };
  answers.state = { backend: "s3", bucket: "acme-tfstate", region: "eu-west-1" };
  const result = validateAnswers(answers);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  out = await synthTo(result.config);
});

describe("adopting an existing organization", () => {
  it("the org stack imports the organization, its OUs, accounts and the same-name SCP with its attachment", () => {
    const imports = (stack("org").import as { id: string; to: string }[]).map(
      (i) => `${i.to.split(".")[0]} ${i.id}`,
    );
    expect(imports).toEqual(
      expect.arrayContaining([
        "aws_organizations_organization o-exampleorg1",
        "aws_organizations_organizational_unit ou-ab12-aaaaaaaa",
        "aws_organizations_organizational_unit ou-ab12-bbbbbbbb",
        "aws_organizations_organizational_unit ou-ab12-cccccccc",
        "aws_organizations_account 222222222222",
        "aws_organizations_account 666666666666",
        "aws_organizations_policy p-ab12cd34",
        "aws_organizations_policy_attachment r-ab12:p-ab12cd34",
      ]),
    );
    // Adopted accounts keep their AWS names: no rename in the first plan.
    const names = Object.values(stack("org").resource.aws_organizations_account).map(
      (a) => (a as { name: string }).name,
    );
    expect(names).toEqual(expect.arrayContaining(["Log Archive", "Production"]));
  });
});

describe("emulator mode", () => {
  it("every provider in every stack sends every service to the emulator, path-style, without AWS-only checks", () => {
    expect(out.stacks.length).toBeGreaterThan(3);
    for (const s of out.stacks) {
      const providers = stack(s.name).provider.aws as StackJson[];
      for (const provider of providers) {
        const where = `${s.name} provider ${provider.alias ?? "default"}`;
        const endpoints = provider.endpoints?.[0] ?? {};
        expect(Object.keys(endpoints).sort(), where).toEqual([...EMULATED_SERVICES].sort());
        expect(new Set(Object.values(endpoints)), where).toEqual(new Set([EMULATOR]));
        expect(provider, where).toMatchObject({
          s3_use_path_style: true,
          skip_credentials_validation: true,
          skip_requesting_account_id: true,
        });
        expect(provider.allowed_account_ids, where).toBeUndefined();
      }
      const backend = stack(s.name).terraform.backend.s3;
      expect(backend.endpoints, s.name).toEqual({ s3: EMULATOR, sts: EMULATOR });
      expect(backend.use_path_style, s.name).toBe(true);
      expect(backend.use_lockfile, s.name).toBe(true);
    }
  });

  it.skipIf(!terraform.ok)(
    withTerraform("import blocks and emulator settings pass terraform validate"),
    async () => {
      if (!terraform.ok) return;
      const names = ["org", "baseline-production", "network-production"];
      const results = await validateStacks(out.outDir, names, {
        binary: terraform.binary,
        pluginDir: terraform.pluginDir,
        concurrency: 2,
      });
      const failures = results.filter((v) => v.status !== "valid");
      expect(failures, JSON.stringify(failures, null, 2)).toEqual([]);
      expect(results.map((r) => r.stack)).toEqual(names);
    },
    300_000,
  );
});
