import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REGIONS_ENABLED_BY_DEFAULT } from "../../src/answers/regions.js";
import { configFrom, exampleAnswers, minimalAnswers } from "../helpers/answers.js";
import { synthTo, type Synthesized } from "../helpers/synth.js";

let out: Synthesized;
beforeAll(async () => {
  out = await synthTo(configFrom(exampleAnswers()));
});

describe("stack layout", () => {
  it("one org stack, an access stack per member account, one baseline stack per account (management's last: it delegates to the security account), the security tooling, one network stack per networked account", () => {
    expect(out.stacks.map((s) => s.name)).toEqual([
      "org",
      "access-log-archive",
      "access-security",
      "access-dev",
      "access-test",
      "access-prod",
      "log-archive",
      "org-trail",
      "billing",
      "baseline-log-archive",
      "baseline-security",
      "baseline-dev",
      "baseline-test",
      "baseline-prod",
      "baseline-management",
      "security-tooling",
      "network-dev",
      "network-test",
      "network-prod",
    ]);
    expect(out.pending).toEqual([]);
  });

  it("manifest records apply order: org, access, log-archive, org-trail; member stacks after their access stack; network after its baseline", () => {
    const manifest = JSON.parse(readFileSync(join(out.outDir, "manifest.json"), "utf8"));
    expect(manifest.stacks["access-dev"].dependencies).toEqual(["org"]);
    expect(manifest.stacks["log-archive"].dependencies).toEqual(["org", "access-log-archive"]);
    expect(manifest.stacks["org-trail"].dependencies).toEqual(["log-archive"]);
    expect(manifest.stacks.billing.dependencies).toEqual(["org"]);
    // Config delivers into the log archive; the management account delegates to the security
    // account once that account's GuardDuty detectors exist.
    expect(manifest.stacks["baseline-management"].dependencies).toEqual([
      "org",
      "log-archive",
      "baseline-security",
    ]);
    expect(manifest.stacks["baseline-dev"].dependencies).toEqual([
      "org",
      "access-dev",
      "log-archive",
    ]);
    // Every account records (and the security account is administrator) before its tooling runs.
    expect(manifest.stacks["security-tooling"].dependencies).toEqual([
      "org",
      "access-security",
      "log-archive",
      "baseline-management",
      "baseline-log-archive",
      "baseline-security",
      "baseline-dev",
      "baseline-test",
      "baseline-prod",
    ]);
    expect(manifest.stacks["network-prod"].dependencies).toEqual(["baseline-prod"]);
    expect(manifest.stacks.org.dependencies).toEqual([]);
  });
});

describe("providers", () => {
  it("member baseline stacks assume the deploy role in their own account, in every enabled region", () => {
    const providers = out.stack("baseline-dev").provider.aws as Record<string, unknown>[];
    expect(providers).toHaveLength(17);
    expect(new Set(providers.map((p) => p.region))).toEqual(new Set(REGIONS_ENABLED_BY_DEFAULT));
    for (const p of providers) {
      expect(p).toMatchObject({
        allowed_account_ids: ["444444444444"],
        assume_role: [
          {
            role_arn: "arn:aws:iam::444444444444:role/BaselineDeploy",
            session_name: "aws-baseline",
          },
        ],
        default_tags: [{ tags: { ManagedBy: "aws-baseline", BaselineStack: "baseline-dev" } }],
      });
    }
    // Only the access stack uses the access role, to create the deploy role.
    expect(out.stack("access-dev").provider.aws).toEqual([
      expect.objectContaining({
        region: "eu-west-1",
        assume_role: [
          {
            role_arn: "arn:aws:iam::444444444444:role/OrganizationAccountAccessRole",
            session_name: "aws-baseline",
          },
        ],
      }),
    ]);
    for (const stack of out.stacks.filter((s) => !s.name.startsWith("access-")))
      expect(out.text(stack.name)).not.toContain('role/OrganizationAccountAccessRole"');
    // Exactly one default (un-aliased) provider, in the home region.
    expect(providers.filter((p) => !p.alias)).toEqual([
      expect.objectContaining({ region: "eu-west-1" }),
    ]);
  });

  it("management stacks use the caller's credentials, pinned to the management account", () => {
    for (const name of ["org", "baseline-management"]) {
      for (const p of out.stack(name).provider.aws as Record<string, unknown>[]) {
        expect(p.assume_role).toBeUndefined();
        expect(p.allowed_account_ids).toEqual(["111111111111"]);
      }
    }
  });

  it("network stacks have one provider, in the home region", () => {
    expect(out.stack("network-prod").provider.aws).toEqual([
      expect.objectContaining({ region: "eu-west-1" }),
    ]);
  });
});

describe("state backend", () => {
  it("local state lives beside the output folder via a relative path, and terraform >= 1.10 is required", () => {
    const terraform = out.stack("baseline-prod").terraform;
    expect(terraform.backend).toEqual({
      local: { path: "../../../terraform-state/baseline-prod.tfstate" },
    });
    expect(terraform.required_version).toBe(">= 1.10");
    expect(terraform.required_providers.aws.version).toBe("5.100.0");
  });

  it("S3 state is encrypted, locked with use_lockfile, one key per stack", async () => {
    const answers = exampleAnswers();
    answers.state = { backend: "s3", bucket: "acme-tfstate", region: "eu-west-1" };
    const s3 = await synthTo(configFrom(answers));
    expect(s3.stack("org").terraform.backend).toEqual({
      s3: {
        bucket: "acme-tfstate",
        key: "aws-baseline/org.tfstate",
        region: "eu-west-1",
        encrypt: true,
        use_lockfile: true,
      },
    });
  });
});

describe("regions newer than the pinned provider", () => {
  it("their providers and S3 backend skip the provider's own region check; known regions do not", async () => {
    const answers = exampleAnswers();
    answers.regions = {
      home: "eu-west-1",
      enabled: ["eu-west-1", "ap-southeast-6", "xx-newregion-1"],
      allowUnknown: ["xx-newregion-1"],
    };
    answers.state = { backend: "s3", bucket: "acme-tfstate", region: "xx-newregion-1" };
    const out = await synthTo(configFrom(answers));
    const providers = out.stack("baseline-dev").provider.aws as Record<string, unknown>[];
    const skips = Object.fromEntries(
      providers.map((p) => [p.region, p.skip_region_validation ?? false]),
    );
    expect(skips).toEqual({ "eu-west-1": false, "ap-southeast-6": true, "xx-newregion-1": true });
    expect(out.stack("org").terraform.backend.s3.skip_region_validation).toBe(true);
  });

  it("a known region's backend is unchanged", async () => {
    const answers = exampleAnswers();
    answers.state = { backend: "s3", bucket: "acme-tfstate", region: "eu-west-1" };
    const out = await synthTo(configFrom(answers));
    expect(out.stack("org").terraform.backend.s3).not.toHaveProperty("skip_region_validation");
  });
});

describe("account IDs not known yet", () => {
  it("synthesizes only what needs no member ID and names what waits, with the answers key", async () => {
    const partial = await synthTo(configFrom(minimalAnswers()));
    expect(partial.stacks.map((s) => s.name)).toEqual(["org"]);
    expect(partial.pending.map((p) => p.name)).toEqual([
      "access-log-archive",
      "access-security",
      "access-dev",
      "access-test",
      "access-prod",
      "log-archive",
      "org-trail",
      "billing",
      "baseline-log-archive",
      "baseline-security",
      "baseline-dev",
      "baseline-test",
      "baseline-prod",
      "baseline-management",
      "security-tooling",
      "network-dev",
      "network-test",
      "network-prod",
    ]);
    expect(partial.pending.find((p) => p.name === "log-archive")?.waitingFor).toEqual([
      "accounts[0].accountId",
      "accounts[1].accountId",
      "management.accountId",
      "organization.id",
    ]);
    expect(partial.pending.find((p) => p.name === "access-dev")?.waitingFor).toEqual([
      "accounts[2].accountId",
      "management.accountId",
    ]);
    // Config delivers into the log-archive bucket, named after that account's ID.
    expect(partial.pending.find((p) => p.name === "baseline-dev")?.waitingFor).toEqual([
      "accounts[2].accountId",
      "management.accountId",
      "organization.id",
      "accounts[0].accountId",
    ]);
    expect(partial.pending.find((p) => p.name === "baseline-management")?.waitingFor).toEqual([
      "accounts[0].accountId",
      "accounts[1].accountId",
    ]);
    // Never a placeholder account ID anywhere in what was written.
    expect(partial.text("org")).not.toMatch(/000000000000|123456789012/);
  });
});
