/**
 * A fake AWS organization for discovery tests: the same data served through aws-sdk-client-mock
 * (unit tests) or over HTTP in the AWS wire protocols (e2e tests of the CLI in emulator mode).
 */
import { AccountClient, ListRegionsCommand } from "@aws-sdk/client-account";
import { CloudTrailClient, DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { GetAccountPasswordPolicyCommand, IAMClient } from "@aws-sdk/client-iam";
import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeAccount {
  Id: string;
  Name: string;
  Email: string;
  State: string;
  JoinedMethod: string;
  parent: string;
}

export interface FakeOrg {
  id: string;
  managementId: string;
  callerAccount: string;
  rootId: string;
  units: { Id: string; Name: string; parent: string }[];
  accounts: FakeAccount[];
  policies: { Id: string; Name: string; targets: string[] }[];
  trails: { Name: string; TrailARN: string; S3BucketName: string; IsOrganizationTrail: boolean }[];
  passwordPolicy?: Record<string, number | boolean>;
  regions: string[];
}

export function fakeOrg(): FakeOrg {
  const root = "r-ab12";
  const account = (Id: string, Name: string, Email: string, parent: string, extra = {}) => ({
    Id,
    Name,
    Email,
    parent,
    State: "ACTIVE",
    JoinedMethod: "CREATED",
    ...extra,
  });
  return {
    id: "o-exampleorg1",
    managementId: "111111111111",
    callerAccount: "111111111111",
    rootId: root,
    units: [
      { Id: "ou-ab12-aaaaaaaa", Name: "Security", parent: root },
      { Id: "ou-ab12-bbbbbbbb", Name: "Workloads", parent: root },
      { Id: "ou-ab12-cccccccc", Name: "prod", parent: "ou-ab12-bbbbbbbb" },
    ],
    accounts: [
      account("111111111111", "Acme Management", "aws+management@acme.example", root),
      account("222222222222", "Log Archive", "AWS+Log-Archive@acme.example", "ou-ab12-aaaaaaaa"),
      account("444444444444", "dev", "someone-else@acme.example", root, {
        JoinedMethod: "INVITED",
      }),
      account("666666666666", "Production", "aws+prod@acme.example", "ou-ab12-cccccccc"),
      account("777777777777", "Sandbox", "aws+sandbox@acme.example", root),
      account("888888888888", "Old", "aws+old@acme.example", root, { State: "SUSPENDED" }),
    ],
    policies: [
      { Id: "p-ab12cd34", Name: "acme-guardrails-1", targets: [root] },
      { Id: "p-FullAWSAccess", Name: "FullAWSAccess", targets: [root] },
      { Id: "p-cd34ef56", Name: "deny-expensive-instances", targets: [root] },
    ],
    trails: [
      {
        Name: "legacy-org-trail",
        TrailARN: "arn:aws:cloudtrail:eu-west-1:111111111111:trail/legacy-org-trail",
        S3BucketName: "legacy-trail-logs",
        IsOrganizationTrail: true,
      },
    ],
    passwordPolicy: {
      MinimumPasswordLength: 8,
      RequireSymbols: false,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      PasswordReusePrevention: 5,
    },
    regions: ["eu-west-1", "us-east-1", "us-west-2"],
  };
}

/** Splits a list into pages of `size` with string tokens, like the real API. */
export function page<T>(items: readonly T[], token: string | undefined, size = 2) {
  const start = token ? Number(token) : 0;
  const next = start + size < items.length ? String(start + size) : undefined;
  return { items: items.slice(start, start + size), next };
}

const accountOut = (a: FakeAccount) => ({
  Id: a.Id,
  Name: a.Name,
  Email: a.Email,
  State: a.State,
  Status: a.State === "ACTIVE" ? "ACTIVE" : "SUSPENDED",
  JoinedMethod: a.JoinedMethod,
  Arn: `arn:aws:organizations::111111111111:account/${a.Id}`,
});

/** Organizations API answers (JSON 1.1 bodies), paginated in pages of two. */
export function organizationsApi(org: FakeOrg, action: string, input: Record<string, string>) {
  switch (action) {
    case "DescribeOrganization":
      return {
        Organization: { Id: org.id, MasterAccountId: org.managementId, FeatureSet: "ALL" },
      };
    case "ListRoots":
      return { Roots: [{ Id: org.rootId, Name: "Root" }] };
    case "ListAccounts": {
      const p = page(org.accounts, input.NextToken);
      return { Accounts: p.items.map(accountOut), NextToken: p.next };
    }
    case "ListAccountsForParent": {
      const p = page(
        org.accounts.filter((a) => a.parent === input.ParentId),
        input.NextToken,
      );
      return { Accounts: p.items.map(accountOut), NextToken: p.next };
    }
    case "ListOrganizationalUnitsForParent": {
      const p = page(
        org.units.filter((u) => u.parent === input.ParentId),
        input.NextToken,
      );
      return {
        OrganizationalUnits: p.items.map(({ Id, Name }) => ({ Id, Name })),
        NextToken: p.next,
      };
    }
    case "ListPolicies":
      return { Policies: org.policies.map(({ Id, Name }) => ({ Id, Name })) };
    case "ListPoliciesForTarget":
      return {
        Policies: org.policies
          .filter((p) => p.targets.includes(String(input.TargetId)))
          .map(({ Id, Name }) => ({ Id, Name })),
      };
    case "ListTargetsForPolicy":
      return {
        Targets: (org.policies.find((p) => p.Id === input.PolicyId)?.targets ?? []).map((t) => ({
          TargetId: t,
        })),
      };
    default:
      throw new Error(`fake organizations: ${action} not implemented`);
  }
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * An HTTP emulator for the calls `accounts sync` makes (STS GetCallerIdentity in the query
 * protocol, Organizations in JSON 1.1). Records every action it served.
 */
export async function startFakeAws(
  org: FakeOrg,
): Promise<{ url: string; calls: string[]; server: Server }> {
  const calls: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const text = await body(req);
      const target = req.headers["x-amz-target"];
      if (typeof target === "string" && target.startsWith("AWSOrganizationsV20161128.")) {
        const action = target.split(".")[1] as string;
        calls.push(action);
        res.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
        res.end(JSON.stringify(organizationsApi(org, action, JSON.parse(text || "{}"))));
        return;
      }
      if (text.includes("Action=GetCallerIdentity")) {
        calls.push("GetCallerIdentity");
        res.writeHead(200, { "content-type": "text/xml" });
        res.end(
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>` +
            `<Arn>arn:aws:iam::${org.callerAccount}:user/tester</Arn><UserId>AIDATEST</UserId>` +
            `<Account>${org.callerAccount}</Account></GetCallerIdentityResult>` +
            `<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
        return;
      }
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ __type: "UnknownOperationException", message: text.slice(0, 80) }));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, server };
}

/** aws-sdk-client-mock stubs for every client discovery uses (all instances of each class). */
export function createAwsMocks() {
  return {
    organizations: mockClient(OrganizationsClient),
    sts: mockClient(STSClient),
    iam: mockClient(IAMClient),
    cloudtrail: mockClient(CloudTrailClient),
    account: mockClient(AccountClient),
  };
}

export type AwsMocks = ReturnType<typeof createAwsMocks>;

/** Makes the mocks answer like `org`. */
export function serveFakeOrg(mocks: AwsMocks, org: FakeOrg): void {
  const { organizations, sts, iam, cloudtrail, account } = mocks;
  sts.on(GetCallerIdentityCommand).resolves({ Account: org.callerAccount });
  const api = (action: string) => (input: object) =>
    organizationsApi(org, action, input as Record<string, string>);
  organizations.on(DescribeOrganizationCommand).callsFake(api("DescribeOrganization"));
  organizations.on(ListRootsCommand).callsFake(api("ListRoots"));
  organizations.on(ListAccountsCommand).callsFake(api("ListAccounts"));
  organizations.on(ListAccountsForParentCommand).callsFake(api("ListAccountsForParent"));
  organizations
    .on(ListOrganizationalUnitsForParentCommand)
    .callsFake(api("ListOrganizationalUnitsForParent"));
  organizations.on(ListPoliciesCommand).callsFake(api("ListPolicies"));
  organizations.on(ListTargetsForPolicyCommand).callsFake(api("ListTargetsForPolicy"));
  organizations.on(ListPoliciesForTargetCommand).callsFake(api("ListPoliciesForTarget"));
  cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: org.trails });
  if (org.passwordPolicy) {
    iam.on(GetAccountPasswordPolicyCommand).resolves({ PasswordPolicy: org.passwordPolicy });
  } else {
    iam
      .on(GetAccountPasswordPolicyCommand)
      .rejects(Object.assign(new Error("no policy"), { name: "NoSuchEntityException" }));
  }
  account
    .on(ListRegionsCommand)
    .resolves({ Regions: org.regions.map((RegionName) => ({ RegionName })) });
}
