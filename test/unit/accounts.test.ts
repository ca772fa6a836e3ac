/**
 * Organizations discovery against a mocked SDK (aws-sdk-client-mock): no test calls AWS. The
 * throttling test instead swaps the HTTP handler, so the SDK's real retry middleware runs.
 */
import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { ListDetectorsCommand } from "@aws-sdk/client-guardduty";
import { GetRoleCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { diffChars } from "diff";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  createClients,
  destroyClients,
  REQUIRED_ACTIONS,
  type AwsClients,
} from "../../src/aws/clients.js";
import { discover, slug, type Discovery } from "../../src/aws/discover.js";
import { REGIONS_ENABLED_BY_DEFAULT } from "../../src/answers/regions.js";
import { ListRegionsCommand } from "@aws-sdk/client-account";
import { planSync } from "../../src/aws/match.js";
import { readOrganization } from "../../src/aws/organization.js";
import { editAnswersText } from "../../src/answers/edit.js";
import { validateAnswers } from "../../src/answers/load.js";
import { BaselineError } from "../../src/errors.js";
import { PACKAGE_ROOT } from "../../src/version.js";
import { configFrom } from "../helpers/answers.js";
import {
  createAwsMocks,
  fakeOrg,
  serveFakeOrg,
  withSecurityAccount,
  type FakeOrg,
} from "../helpers/fake-org.js";

const mocks = createAwsMocks();
const { organizations, sts } = mocks;
const serve = (org: FakeOrg) => serveFakeOrg(mocks, org);

/** Answers for the fake org, as a user would have them before the first sync. */
const ANSWERS_TEXT = `{
  "version": 1,
  "organization": {"name": "Acme Corp", "prefix": "acme"},
  "accountEmailPattern": "aws+{name}@acme.example",
  "accounts": [
    { "name": "log-archive", "kind": "log-archive" },
    { "name": "security", "kind": "security" },
    {
      "name":   "dev",
      "network": {}
    },
    { "name": "test", "network": {} },
    { "name": "prod",   "network": { "azCount": 3 } }
  ],
  "alarms": { "emails": ["sec@acme.example"] }
}
`;

let clients: AwsClients;
beforeEach(() => {
  for (const mock of Object.values(mocks)) mock.reset();
  clients = createClients({ region: "eu-west-1" });
});
afterEach(() => destroyClients(clients));

describe("reading the organization", () => {
  it("follows NextToken through every page of accounts and OUs", async () => {
    const org = fakeOrg();
    serve(org);
    const snapshot = await readOrganization(clients, { placement: true });
    expect(snapshot.accounts.map((a) => a.id).sort()).toEqual(org.accounts.map((a) => a.Id).sort());
    // 6 accounts in pages of two.
    expect(organizations.commandCalls(ListAccountsCommand)).toHaveLength(3);
    expect(snapshot.units.map((u) => u.path)).toEqual(["Security", "Workloads", "Workloads/prod"]);
    expect(snapshot.accounts.find((a) => a.id === "666666666666")?.ouPath).toBe("Workloads/prod");
    expect(snapshot.accounts.find((a) => a.id === "444444444444")?.ouPath).toBeUndefined();
  });

  it("refuses a caller that is not the management account, naming both accounts", async () => {
    const org = { ...fakeOrg(), callerAccount: "444444444444" };
    serve(org);
    const error = await readOrganization(clients).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaselineError);
    expect((error as BaselineError).code).toBe("AWS_NOT_MANAGEMENT");
    expect((error as BaselineError).message).toMatch(
      /444444444444.*not the management account 111111111111/,
    );
    expect(organizations.commandCalls(ListAccountsCommand)).toHaveLength(0);
  });

  it("explains missing credentials and denied calls", async () => {
    sts.on(GetCallerIdentityCommand).rejects(
      Object.assign(new Error("Could not load credentials from any providers"), {
        name: "CredentialsProviderError",
      }),
    );
    const noCredentials = (await readOrganization(clients).catch(
      (e: unknown) => e,
    )) as BaselineError;
    expect(noCredentials.code).toBe("AWS_NO_CREDENTIALS");
    expect(noCredentials.hint).toMatch(/--profile/);

    sts.reset();
    serve(fakeOrg());
    organizations
      .on(ListAccountsCommand)
      .rejects(Object.assign(new Error("not allowed"), { name: "AccessDeniedException" }));
    const denied = (await readOrganization(clients).catch((e: unknown) => e)) as BaselineError;
    expect(denied.code).toBe("AWS_ACCESS_DENIED");
    expect(denied.message).toContain("organizations:ListAccounts");
  });
});

describe("throttling", () => {
  it("is retried by the SDK until the call succeeds", async () => {
    let attempts = 0;
    const handler = {
      handle: async () => {
        attempts++;
        const throttled = attempts <= 2;
        const payload = throttled
          ? { __type: "TooManyRequestsException", Message: "Rate exceeded" }
          : { Organization: { Id: "o-exampleorg1", MasterAccountId: "111111111111" } };
        return {
          response: {
            statusCode: throttled ? 400 : 200,
            headers: { "content-type": "application/x-amz-json-1.1" },
            body: new TextEncoder().encode(JSON.stringify(payload)),
          },
        };
      },
    };
    organizations.restore(); // real client, fake network
    const real = createClients({
      region: "eu-west-1",
      endpointUrl: "http://emulator.invalid",
      requestHandler: handler,
    });
    try {
      const out = await real.organizations.send(new DescribeOrganizationCommand({}));
      expect(out.Organization?.Id).toBe("o-exampleorg1");
      expect(attempts).toBe(3);
      expect(out.$metadata.attempts).toBe(3);
    } finally {
      destroyClients(real);
      mocks.organizations = mockClient(OrganizationsClient); // back to the mock for the rest
    }
  });
});

describe("accounts sync: matching", () => {
  const config = configFrom(JSON.parse(ANSWERS_TEXT));

  it("matches by e-mail (case-insensitive), then by name, and reports unknown and missing accounts", async () => {
    serve(fakeOrg());
    const plan = planSync(config, await readOrganization(clients));
    const by = Object.fromEntries(plan.matched.map((m) => [m.name, [m.accountId, m.by]]));
    expect(by).toEqual({
      "log-archive": ["222222222222", "e-mail"],
      dev: ["444444444444", "name"],
      prod: ["666666666666", "e-mail"],
    });
    expect(plan.missing.map((m) => m.name)).toEqual(["security", "test"]);
    expect(plan.unknown.map((u) => u.name)).toEqual(["Old", "Sandbox"]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.edits.map((e) => [e.path.join("."), e.value])).toEqual([
      ["organization.id", "o-exampleorg1"],
      ["management.accountId", "111111111111"],
      ["accounts.0.accountId", "222222222222"],
      ["accounts.2.accountId", "444444444444"],
      ["accounts.4.accountId", "666666666666"],
    ]);
  });

  it("never silently replaces a recorded ID that disagrees with the organization", async () => {
    serve(fakeOrg());
    const answers = JSON.parse(ANSWERS_TEXT);
    answers.accounts[4].accountId = "999999999999";
    answers.organization.id = "o-otherorg123";
    const plan = planSync(configFrom(answers), await readOrganization(clients));
    expect(plan.conflicts.map((c) => c.answersPath)).toEqual([
      "organization.id",
      "accounts[4].accountId",
    ]);
    expect(plan.conflictEdits.map((e) => e.value)).toEqual(["o-exampleorg1", "666666666666"]);
    expect(plan.edits.some((e) => e.path.join(".") === "accounts.4.accountId")).toBe(false);
  });

  it("writes the IDs and keeps every other byte of the answers file", async () => {
    serve(fakeOrg());
    const plan = planSync(config, await readOrganization(clients));
    const after = editAnswersText(ANSWERS_TEXT, plan.edits);
    const parts = diffChars(ANSWERS_TEXT, after);
    expect(parts.filter((p) => p.removed)).toEqual([]);
    const added = parts.filter((p) => p.added).map((p) => p.value);
    expect(added.join("")).not.toMatch(/"name"|"network"|"kind"/);
    const count = (text: string) => text.match(/"accountId"/g)?.length ?? 0;
    expect(count(after) - count(ANSWERS_TEXT)).toBe(4); // 3 matched accounts + management
    // The written file is valid and now unlocks the member stacks.
    const result = validateAnswers(JSON.parse(after));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.config.accounts.find((a) => a.name === "dev")?.accountId).toBe("444444444444");
      expect(result.config.organization.id).toBe("o-exampleorg1");
    }
    // Running sync again on the written file changes nothing.
    expect(planSync(configFrom(JSON.parse(after)), await readOrganization(clients)).edits).toEqual(
      [],
    );
  });
});

describe("accounts discover", () => {
  it("writes valid answers that adopt the organization, its OUs, accounts and same-name SCPs", async () => {
    serve(withSecurityAccount(fakeOrg()));
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme", name: "Acme" });
    expect(d.problems).toEqual([]);
    const answers = d.answers as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(answers.adopt).toEqual({
      organization: true,
      accounts: true,
      organizationalUnits: {
        Security: "ou-ab12-aaaaaaaa",
        Workloads: "ou-ab12-bbbbbbbb",
        "Workloads/prod": "ou-ab12-cccccccc",
      },
      policies: { "acme-guardrails-1": "p-ab12cd34" },
      rootId: "r-ab12",
      attachedPolicies: ["acme-guardrails-1"],
      // Other SCPs on the root count against the 5-per-target quota.
      otherRootPolicies: ["deny-expensive-instances"],
    });
    const byId = Object.fromEntries(
      (answers.accounts as { accountId: string }[]).map((a) => [a.accountId, a]),
    );
    expect(byId["222222222222"]).toMatchObject({
      name: "log-archive",
      kind: "log-archive",
      displayName: "Log Archive",
      ou: "Security",
    });
    expect(byId["666666666666"]).toMatchObject({
      name: "production",
      displayName: "Production",
      ou: "Workloads/prod",
    });
    expect(byId["333333333333"]).toMatchObject({ name: "audit", kind: "security" });
    expect(byId["888888888888"]).toBeUndefined(); // suspended
    expect(answers.detective).toBeUndefined(); // no detective service runs yet
    expect(answers.management.accountId).toBe("111111111111");
    expect(answers.regions).toEqual({
      home: "eu-west-1",
      enabled: ["eu-west-1", "us-east-1", "us-west-2"],
    });
  });

  it("reports the conflicts a human must decide", async () => {
    serve(fakeOrg());
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    const kinds = d.conflicts.map((c) => `${c.kind}: ${c.subject}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "inactive-account: Old (888888888888)",
        "account-placement: dev (444444444444)",
        "invited-account: dev (444444444444)",
        "scp-name: acme-guardrails-1",
        "organization-trail: arn:aws:cloudtrail:eu-west-1:111111111111:trail/legacy-org-trail",
        "password-policy: account 111111111111",
        "no-security-account: security",
      ]),
    );
    const password = d.conflicts.find((c) => c.kind === "password-policy");
    expect(password?.message).toMatch(
      /minimum length 8 < 14.*reuse prevention 5 < 24.*symbols not required/,
    );
  });

  it("raises no password conflict when there is no policy, and adds a log-archive account when none exists", async () => {
    const org = fakeOrg();
    delete org.passwordPolicy;
    org.accounts = org.accounts.filter((a) => a.Name !== "Log Archive");
    serve(org);
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    expect(d.conflicts.map((c) => c.kind)).not.toContain("password-policy");
    expect(d.conflicts.map((c) => c.kind)).toContain("no-log-archive");
    expect((d.answers.accounts as { name: string }[])[0]).toEqual({
      name: "log-archive",
      kind: "log-archive",
    });
  });

  it("falls back to the default regions, with a warning naming the call, when account:ListRegions fails", async () => {
    serve(withSecurityAccount(fakeOrg()));
    mocks.account
      .on(ListRegionsCommand)
      .rejects(Object.assign(new Error("not implemented"), { name: "InternalFailure" }));
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    expect(d.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining("account:ListRegions failed (InternalFailure"),
      ]),
    );
    expect((d.answers.regions as { enabled: string[] }).enabled).toEqual(
      [...REGIONS_ENABLED_BY_DEFAULT].sort(),
    );
    expect(d.problems).toEqual([]);
  });

  it("an enabled region newer than aws-baseline's list goes into regions.allowUnknown, so the answers stay valid", async () => {
    const org = withSecurityAccount(fakeOrg());
    org.regions = [...org.regions, "xx-newregion-1"];
    serve(org);
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    expect(d.answers.regions).toMatchObject({ allowUnknown: ["xx-newregion-1"] });
    expect((d.answers.regions as { enabled: string[] }).enabled).toContain("xx-newregion-1");
    expect(d.problems).toEqual([]);
  });

  it("derives account names that satisfy the answers' naming rule", () => {
    expect(slug("Prod Workloads (EU)", "x")).toBe("prod-workloads-eu");
    expect(slug("123 Data", "account-1234")).toBe("data");
    expect(slug("***", "account-1234")).toBe("account-1234");
  });
});

describe("accounts discover: detective services that already run", () => {
  const DETECTOR = (n: number) => String(n).repeat(32);
  const answersOf = (d: { answers: Record<string, unknown> }) => d.answers as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const conflict = (d: Discovery, kind: string) => d.conflicts.filter((c) => c.kind === kind);

  it("an existing recorder in the management account is adopted", async () => {
    const org = withSecurityAccount(fakeOrg());
    org.detective.config["111111111111"] = {
      "eu-west-1": { recorder: "default", channel: "default" },
      "us-east-1": { recorder: "legacy" },
    };
    serve(org);
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    expect(answersOf(d).detective).toEqual({
      adopt: {
        configRecorders: {
          management: {
            "eu-west-1": { recorder: "default", deliveryChannel: "default" },
            "us-east-1": { recorder: "legacy" },
          },
        },
      },
    });
    expect(d.imports).toMatchObject({ configRecorders: 2, guardDutyDetectors: 0 });
    const [note] = conflict(d, "config-recorder");
    expect(note?.subject).toBe("the management account (111111111111)");
    expect(note?.message).toMatch(
      /eu-west-1, us-east-1 is imported .*all supported resource types/,
    );
    expect(d.problems).toEqual([]);
  });

  it("an existing Config service-linked role in the management account is adopted", async () => {
    const org = withSecurityAccount(fakeOrg());
    org.detective.configServiceLinkedRoles = ["111111111111"];
    serve(org);
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    expect(answersOf(d).detective).toEqual({ adopt: { configServiceLinkedRoles: ["management"] } });
    expect(d.imports.configServiceLinkedRoles).toBe(1);
    // IAM is global: one look per account, not one per region.
    const looked = mocks.iam.commandCalls(GetRoleCommand).map((c) => c.args[0].input.RoleName);
    expect(looked).toEqual(["AWSServiceRoleForConfig"]);
    // Members were not read, so their roles are the user's to list.
    expect(d.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^member accounts were not read .*AWSServiceRoleForConfig there must be listed in detective\.adopt\.configServiceLinkedRoles/,
        ),
      ]),
    );
    expect(d.problems).toEqual([]);
    const result = validateAnswers(d.answers);
    expect(result.ok && result.config.detective.adopt.configServiceLinkedRoles).toEqual([
      "management",
    ]);
  });

  it("no Config service-linked role (NoSuchEntity) adopts none and warns of nothing", async () => {
    serve(withSecurityAccount(fakeOrg()));
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    expect(answersOf(d).detective).toBeUndefined();
    expect(d.imports.configServiceLinkedRoles).toBe(0);
    expect(d.warnings.filter((w) => w.startsWith("iam:GetRole"))).toEqual([]);
  });

  it("a denied GetRole is a warning and discovery goes on", async () => {
    const org = withSecurityAccount(fakeOrg());
    // A recorder that records with the service-linked role proves the role exists.
    org.detective.config["111111111111"] = {
      "us-east-1": {
        recorder: "default",
        roleArn:
          "arn:aws:iam::111111111111:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
      },
    };
    serve(org);
    mocks.iam
      .on(GetRoleCommand)
      .rejects(
        Object.assign(new Error("not authorized to perform iam:GetRole"), { name: "AccessDenied" }),
      );
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    expect(d.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^iam:GetRole failed for the management account \(111111111111\) \(AccessDenied: not authorized to perform iam:GetRole\): whether Config's service-linked role AWSServiceRoleForConfig exists there is unknown/,
        ),
      ]),
    );
    expect(answersOf(d).detective.adopt).toEqual({
      configRecorders: { management: { "us-east-1": { recorder: "default" } } },
      configServiceLinkedRoles: ["management"],
    });
    expect(d.imports).toMatchObject({ configRecorders: 1, configServiceLinkedRoles: 1 });
    expect(d.imports.accounts).toBeGreaterThan(0);
    expect(d.problems).toEqual([]);
  });

  it("GuardDuty administered by another account is a conflict", async () => {
    const org = withSecurityAccount(fakeOrg());
    org.detective.delegatedAdmins["guardduty.amazonaws.com"] = ["666666666666"];
    org.detective.guardDutyAdmins = { "eu-west-1": "666666666666", "us-east-1": "666666666666" };
    serve(org);
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    const admins = conflict(d, "delegated-admin");
    expect(admins.map((c) => c.subject)).toEqual(["Amazon GuardDuty"]);
    expect(admins[0]?.message).toMatch(
      /production \(666666666666\) is the delegated administrator of Amazon GuardDuty \(in eu-west-1, us-east-1\)/,
    );
    expect(admins[0]?.fix).toMatch(
      /security account the administrator.*detective\.guardDuty\.enabled: false/,
    );
    expect(answersOf(d).detective).toBeUndefined(); // nothing adopted
    expect(d.problems).toEqual([]);
  });

  it("Control Tower's trusted access is a conflict that suggests switching Config off", async () => {
    const org = withSecurityAccount(fakeOrg());
    org.detective.trustedServices = ["controltower.amazonaws.com", "sso.amazonaws.com"];
    serve(org);
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    const [tower] = conflict(d, "control-tower");
    expect(tower?.subject).toBe("controltower.amazonaws.com");
    expect(tower?.message).toMatch(/Config recorder in every enrolled account/);
    expect(tower?.fix).toMatch(/detective\.config\.enabled: false/);
    expect(d.problems).toEqual([]);
  });

  it("access denied on GuardDuty is a warning, and discovery goes on", async () => {
    serve(withSecurityAccount(fakeOrg()));
    const denied = Object.assign(new Error("not authorized to perform guardduty:ListDetectors"), {
      name: "AccessDeniedException",
    });
    mocks.guardduty.on(ListDetectorsCommand).rejects(denied);
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    expect(d.warnings).toContain(
      "guardduty:ListDetectors failed for the management account (111111111111) in eu-west-1, us-east-1, us-west-2 " +
        "(AccessDeniedException: not authorized to perform guardduty:ListDetectors): existing GuardDuty detectors there are unknown",
    );
    expect(d.warnings.filter((w) => w.startsWith("guardduty:ListDetectors"))).toHaveLength(1);
    expect(d.problems).toEqual([]);
    expect(d.imports.accounts).toBeGreaterThan(0);
  });

  it("the security account as administrator is adopted without its detector IDs unless members are inspected", async () => {
    const org = withSecurityAccount(fakeOrg());
    org.detective.delegatedAdmins["guardduty.amazonaws.com"] = ["333333333333"];
    org.detective.delegatedAdmins["securityhub.amazonaws.com"] = ["333333333333"];
    for (const region of org.regions) org.detective.guardDutyAdmins[region] = "333333333333";
    org.detective.securityHubAdmins["eu-west-1"] = "333333333333";
    serve(org);
    const d = await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    expect(answersOf(d).detective.adopt).toEqual({ guardDutyAdmin: true, securityHubAdmin: true });
    expect(d.imports.delegatedAdministrators).toBe(2);
    const [detectors] = conflict(d, "guardduty-detector");
    expect(detectors?.fix).toMatch(/--inspect-members/);
    expect(d.warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/^member accounts were not read/)]),
    );
    expect(mocks.sts.commandCalls(AssumeRoleCommand)).toHaveLength(0);
  });

  describe("with --inspect-members", () => {
    // Member reads are told apart by the fake role credentials; the management account's come
    // from these (never from the machine's own chain).
    beforeEach(() => {
      vi.stubEnv("AWS_PROFILE", undefined);
      vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAFAKEMANAGEMENT00");
      vi.stubEnv("AWS_SECRET_ACCESS_KEY", "fake");
      vi.stubEnv("AWS_SESSION_TOKEN", undefined);
    });
    afterEach(() => vi.unstubAllEnvs());

    const adoptingOrg = () => {
      const org = withSecurityAccount(fakeOrg());
      const d = org.detective;
      d.delegatedAdmins["guardduty.amazonaws.com"] = ["333333333333"];
      d.delegatedAdmins["securityhub.amazonaws.com"] = ["333333333333"];
      for (const region of org.regions) d.guardDutyAdmins[region] = "333333333333";
      d.securityHubAdmins["eu-west-1"] = "333333333333";
      d.detectors["333333333333"] = { "eu-west-1": DETECTOR(1), "us-east-1": DETECTOR(2) };
      d.detectors["111111111111"] = { "eu-west-1": DETECTOR(3) };
      d.config["666666666666"] = { "us-west-2": { recorder: "default", channel: "default" } };
      d.config["333333333333"] = { "eu-west-1": { recorder: "audit-recorder" } };
      return org;
    };

    it("adopts member recorders and the security account's detectors, read through the access role", async () => {
      serve(adoptingOrg());
      const lines: string[] = [];
      const d = await discover(clients, {
        homeRegion: "eu-west-1",
        prefix: "acme",
        inspectMembers: true,
        accessRoleName: "AuditReader",
        onProgress: (line) => lines.push(line),
      });
      expect(answersOf(d).detective.adopt).toEqual({
        configRecorders: {
          production: { "us-west-2": { recorder: "default", deliveryChannel: "default" } },
          audit: { "eu-west-1": { recorder: "audit-recorder" } },
        },
        guardDutyDetectors: { "eu-west-1": DETECTOR(1), "us-east-1": DETECTOR(2) },
        guardDutyAdmin: true,
        securityHubAdmin: true,
      });
      expect(answersOf(d).accessRoleName).toBe("AuditReader");
      expect(d.imports).toMatchObject({
        configRecorders: 2,
        guardDutyDetectors: 2,
        delegatedAdministrators: 2,
      });
      const assumed = mocks.sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn);
      expect(assumed.sort()).toEqual(
        ["222222222222", "333333333333", "444444444444", "666666666666", "777777777777"].map(
          (id) => `arn:aws:iam::${id}:role/AuditReader`,
        ),
      );
      expect(lines.filter((l) => l.startsWith("reading account "))).toHaveLength(5);
      // The management account's own detector stays where it is.
      expect(conflict(d, "guardduty-detector").map((c) => c.subject)).toEqual([
        "audit (333333333333)",
        "the management account (111111111111)",
      ]);
      expect(d.warnings.some((w) => w.startsWith("member accounts were not read"))).toBe(false);
    });

    it("the produced answers pass validation, the detective rules included", async () => {
      serve(adoptingOrg());
      const d = await discover(clients, {
        homeRegion: "eu-west-1",
        prefix: "acme",
        inspectMembers: true,
      });
      expect(d.problems).toEqual([]);
      const result = validateAnswers(d.answers);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.config.detective.adopt.guardDutyDetectors).toEqual({
        "eu-west-1": DETECTOR(1),
        "us-east-1": DETECTOR(2),
      });
      expect(
        result.config.detective.adopt.configRecorders.production?.["us-west-2"]?.recorder,
      ).toBe("default");
      expect(result.config.accessRoleName).toBe("OrganizationAccountAccessRole");
    });

    it("members' Config service-linked roles are adopted with --inspect-members", async () => {
      const org = withSecurityAccount(fakeOrg());
      org.detective.configServiceLinkedRoles = ["111111111111", "666666666666", "333333333333"];
      serve(org);
      const d = await discover(clients, {
        homeRegion: "eu-west-1",
        prefix: "acme",
        inspectMembers: true,
      });
      expect(answersOf(d).detective.adopt).toEqual({
        configServiceLinkedRoles: ["management", "audit", "production"],
      });
      expect(d.imports.configServiceLinkedRoles).toBe(3);
      // Once per account (management + 5 members), each as that account's access role.
      expect(mocks.iam.commandCalls(GetRoleCommand)).toHaveLength(6);
      expect(d.warnings.filter((w) => /GetRole|member accounts were not read/.test(w))).toEqual([]);
      expect(d.problems).toEqual([]);
      const result = validateAnswers(d.answers);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.config.detective.adopt.configServiceLinkedRoles).toEqual([
        "management",
        "audit",
        "production",
      ]);
    });

    it("Control Tower's recorders in enrolled accounts are not adopted", async () => {
      const org = withSecurityAccount(fakeOrg());
      org.detective.trustedServices = ["controltower.amazonaws.com"];
      org.detective.config["666666666666"] = {
        "eu-west-1": {
          recorder: "aws-controltower-BaselineConfigRecorder",
          channel: "aws-controltower-BaselineConfigDeliveryChannel",
        },
      };
      serve(org);
      const d = await discover(clients, {
        homeRegion: "eu-west-1",
        prefix: "acme",
        inspectMembers: true,
      });
      expect(answersOf(d).detective).toBeUndefined();
      const [tower] = conflict(d, "control-tower");
      expect(tower?.message).toContain("seen: production eu-west-1");
      expect(tower?.fix).toMatch(/detective\.config\.enabled: false/);
    });

    it("a member account whose access role cannot be assumed is a warning", async () => {
      serve(adoptingOrg());
      mocks.sts
        .on(AssumeRoleCommand, {
          RoleArn: "arn:aws:iam::444444444444:role/OrganizationAccountAccessRole",
        })
        .rejects(
          Object.assign(new Error("not authorized to perform sts:AssumeRole"), {
            name: "AccessDenied",
          }),
        );
      const d = await discover(clients, {
        homeRegion: "eu-west-1",
        prefix: "acme",
        inspectMembers: true,
      });
      expect(d.warnings).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^sts:AssumeRole failed for dev \(444444444444\) \(AccessDenied: /),
        ]),
      );
      expect(answersOf(d).detective.adopt.configRecorders.production).toBeDefined();
    });
  });
});

describe("permissions", () => {
  it("the documented read-only policy lists exactly the calls sync and discover make", async () => {
    serve(fakeOrg());
    await discover(clients, { homeRegion: "eu-west-1", prefix: "acme" });
    const called = new Set<string>();
    for (const [service, mock] of Object.entries(mocks)) {
      for (const call of mock.calls()) {
        const command = (call.args[0] as object).constructor.name.replace(/Command$/, "");
        called.add(`${service}:${command}`);
      }
    }
    const required = [...REQUIRED_ACTIONS.sync, ...REQUIRED_ACTIONS.discover];
    expect([...called].sort()).toEqual([...required].sort());
    const readme = readFileSync(join(PACKAGE_ROOT, "README.md"), "utf8");
    for (const action of required) expect(readme).toContain(`"${action}"`);
  });
});

describe("adopt answers", () => {
  it("every import needs the ID it imports and a resource the stacks declare", () => {
    const answers = JSON.parse(ANSWERS_TEXT);
    answers.adopt = {
      organization: true,
      organizationalUnits: { Sandbox: "ou-ab12-dddddddd" },
      policies: { "acme-not-a-guardrail": "p-ab12cd34" },
      attachedPolicies: ["acme-guardrails-1"],
    };
    const result = validateAnswers(answers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.rule} ${p.path}`)).toEqual([
      "adopt-targets-known adopt.organization",
      "adopt-targets-known adopt.organizationalUnits.Sandbox",
      "adopt-targets-known adopt.rootId",
      "adopt-targets-known adopt.attachedPolicies[0]",
      "adopted-policies-known adopt.policies.acme-not-a-guardrail",
    ]);
  });
});
