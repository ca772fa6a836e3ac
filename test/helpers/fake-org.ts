/**
 * A fake AWS organization for discovery tests: the same data served through aws-sdk-client-mock
 * (unit tests) or over HTTP in the AWS wire protocols (e2e tests of the CLI in emulator mode).
 */
import { AccountClient, ListRegionsCommand } from "@aws-sdk/client-account";
import { CloudTrailClient, DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import {
  ConfigServiceClient,
  DescribeConfigurationRecordersCommand,
  DescribeDeliveryChannelsCommand,
} from "@aws-sdk/client-config-service";
import {
  GuardDutyClient,
  ListDetectorsCommand,
  ListOrganizationAdminAccountsCommand as ListGuardDutyAdminsCommand,
} from "@aws-sdk/client-guardduty";
import { GetAccountPasswordPolicyCommand, GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListAWSServiceAccessForOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListOrganizationalUnitsForParentCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import {
  ListOrganizationAdminAccountsCommand as ListSecurityHubAdminsCommand,
  SecurityHubClient,
} from "@aws-sdk/client-securityhub";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
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
  detective: FakeDetective;
}

/** The detective services as they exist in the fake organization (nothing, by default). */
export interface FakeDetective {
  /** Service principals with trusted access (controltower.amazonaws.com: Control Tower). */
  trustedServices: string[];
  /** Delegated administrators' account IDs by service principal. */
  delegatedAdmins: Record<string, string[]>;
  /**
   * Config recorder and delivery channel names by account ID, then region; `roleArn` is the
   * recorder's role (a customer-managed role by default).
   */
  config: Record<string, Record<string, { recorder?: string; channel?: string; roleArn?: string }>>;
  /** Account IDs that have Config's service-linked role, AWSServiceRoleForConfig. */
  configServiceLinkedRoles: string[];
  /** GuardDuty detector IDs by account ID, then region. */
  detectors: Record<string, Record<string, string>>;
  /** Administrator account ID by region, as the management account lists them. */
  guardDutyAdmins: Record<string, string>;
  securityHubAdmins: Record<string, string>;
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
    detective: {
      trustedServices: [],
      delegatedAdmins: {},
      config: {},
      configServiceLinkedRoles: [],
      detectors: {},
      guardDutyAdmins: {},
      securityHubAdmins: {},
    },
  };
}

/** The fake organization with an audit account (333333333333), which discover takes as the security account. */
export function withSecurityAccount(org: FakeOrg): FakeOrg {
  org.accounts.push({
    Id: "333333333333",
    Name: "Audit",
    Email: "aws+audit@acme.example",
    State: "ACTIVE",
    JoinedMethod: "CREATED",
    parent: "ou-ab12-aaaaaaaa",
  });
  return org;
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
    config: mockClient(ConfigServiceClient),
    guardduty: mockClient(GuardDutyClient),
    securityhub: mockClient(SecurityHubClient),
  };
}

export type AwsMocks = ReturnType<typeof createAwsMocks>;

/** Makes the mocks answer like `org`. */
export function serveFakeOrg(mocks: AwsMocks, org: FakeOrg): void {
  const { organizations, sts, iam, cloudtrail, account } = mocks;
  serveFakeDetective(mocks, org);
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

/** The access role's credentials the fake STS hands out: the account ID is in the key ID. */
const roleKey = (accountId: string) => `FAKEROLE${accountId}`;

type GetClient = () => {
  config: { region: () => Promise<string>; credentials: () => Promise<{ accessKeyId: string }> };
};

/**
 * Makes the detective services' mocks answer like `org.detective`. Regional calls answer for the
 * client's region and account: a member account is recognized by the credentials the fake
 * AssumeRole handed out. Resolving a client's credentials needs a credential source, so it happens
 * only when the fake holds member-account data; tests with such data provide one (env or the
 * emulator's dummy pair).
 */
function serveFakeDetective(mocks: AwsMocks, org: FakeOrg): void {
  const d = org.detective;
  const memberData = [
    ...Object.keys(d.config),
    ...Object.keys(d.detectors),
    ...d.configServiceLinkedRoles,
  ].some((id) => id !== org.managementId);
  const where = async (getClient: GetClient) => {
    const config = getClient().config;
    const region = await config.region();
    if (!memberData) return { account: org.managementId, region };
    const key = (await config.credentials()).accessKeyId;
    const member = /^FAKEROLE(\d{12})$/.exec(key)?.[1];
    return { account: member ?? org.managementId, region };
  };
  const inRegion = async (getClient: unknown) => {
    const { account, region } = await where(getClient as GetClient);
    return {
      config: d.config[account]?.[region] ?? {},
      detector: d.detectors[account]?.[region],
      region,
    };
  };
  mocks.organizations.on(ListDelegatedAdministratorsCommand).callsFake((input) => ({
    DelegatedAdministrators: (d.delegatedAdmins[String(input.ServicePrincipal)] ?? []).map(
      (Id) => ({ Id, Status: "ACTIVE" }),
    ),
  }));
  mocks.organizations.on(ListAWSServiceAccessForOrganizationCommand).callsFake(() => ({
    EnabledServicePrincipals: d.trustedServices.map((ServicePrincipal) => ({ ServicePrincipal })),
  }));
  mocks.sts.on(AssumeRoleCommand).callsFake((input) => {
    const accountId = /::(\d{12}):role\//.exec(String(input.RoleArn))?.[1] ?? "";
    return {
      Credentials: {
        AccessKeyId: roleKey(accountId),
        SecretAccessKey: "fake",
        SessionToken: "fake",
        Expiration: new Date(Date.now() + 3600_000),
      },
    };
  });
  mocks.config.on(DescribeConfigurationRecordersCommand).callsFake(async (_input, getClient) => {
    const { config } = await inRegion(getClient);
    return {
      ConfigurationRecorders: config.recorder
        ? [
            {
              name: config.recorder,
              roleARN: config.roleArn ?? "arn:aws:iam::111111111111:role/config",
            },
          ]
        : [],
    };
  });
  mocks.config.on(DescribeDeliveryChannelsCommand).callsFake(async (_input, getClient) => {
    const { config } = await inRegion(getClient);
    return {
      DeliveryChannels: config.channel
        ? [{ name: config.channel, s3BucketName: "old-config" }]
        : [],
    };
  });
  mocks.iam.on(GetRoleCommand).callsFake(async (input, getClient) => {
    const { account } = await where(getClient as GetClient);
    if (
      input.RoleName !== "AWSServiceRoleForConfig" ||
      !d.configServiceLinkedRoles.includes(account)
    )
      throw Object.assign(new Error(`The role with name ${input.RoleName} cannot be found.`), {
        name: "NoSuchEntityException",
      });
    return {
      Role: {
        RoleName: input.RoleName,
        Path: "/aws-service-role/config.amazonaws.com/",
        Arn: `arn:aws:iam::${account}:role/aws-service-role/config.amazonaws.com/${input.RoleName}`,
        RoleId: "AROAFAKECONFIGSLR0001",
        CreateDate: new Date(0),
      },
    };
  });
  mocks.guardduty.on(ListDetectorsCommand).callsFake(async (_input, getClient) => {
    const { detector } = await inRegion(getClient);
    return { DetectorIds: detector ? [detector] : [] };
  });
  mocks.guardduty.on(ListGuardDutyAdminsCommand).callsFake(async (_input, getClient) => {
    const { region } = await inRegion(getClient);
    const admin = d.guardDutyAdmins[region];
    return { AdminAccounts: admin ? [{ AdminAccountId: admin, AdminStatus: "ENABLED" }] : [] };
  });
  mocks.securityhub.on(ListSecurityHubAdminsCommand).callsFake(async (_input, getClient) => {
    const { region } = await inRegion(getClient);
    const admin = d.securityHubAdmins[region];
    return { AdminAccounts: admin ? [{ AccountId: admin, Status: "ENABLED" }] : [] };
  });
}
