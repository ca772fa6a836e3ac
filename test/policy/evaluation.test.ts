/**
 * Proof, not assertion (issue 16 §4): the policies the example synthesizes, evaluated TOGETHER by
 * an IAM policy evaluator, over a matrix of principals and actions. Per request the simulation
 * gets what AWS would apply:
 * - the caller's identity policies (group policies of management users; the managed policies
 *   attached to a role, for a role session),
 * - the SCPs of every level from the root down to the caller's account (the baseline's packed
 *   guardrails at the root, AWS's FullAWSAccess at every level); none for the management
 *   account, which SCPs never bind,
 * - the resource's policy: a role's trust policy for sts:AssumeRole (cross-account needs both
 *   sides), the trail bucket's bucket policy, the trail key's key policy,
 * - the request context: aws:PrincipalArn, MFA keys, aws:PrincipalOrgID, aws:ResourceOrgID,
 *   aws:ResourceTag/..., aws:RequestedRegion, aws:SecureTransport.
 *
 * The evaluator decides; this file only gathers inputs. `@cloud-copilot/iam-simulate` is AGPL-3.0:
 * a devDependency used here only (a dependency-cruiser rule keeps it out of src/ and stacks/).
 * Each verdict names the statements that decided it, so a changed policy fails the exact case.
 */
import {
  getDenialReasons,
  runSimulation,
  type SimulationIdentityPolicy,
  type SimulationOrgPolicies,
} from "@cloud-copilot/iam-simulate";
import { beforeAll, describe, expect, it } from "vitest";
import { configFrom, exampleAnswers, type AnswersJson } from "../helpers/answers.js";
import { resources, synthTo, type StackJson, type Synthesized } from "../helpers/synth.js";

// ---------------------------------------------------------------------------------------------
// AWS-managed inputs the synthesized stacks only name. iam-simulate ships no managed policies.

interface Document {
  Version: string;
  Statement: unknown[];
}

const allowAll: Document = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

/** AWS's FullAWSAccess SCP, attached to every root, OU and account when SCPs are enabled. */
const FULL_AWS_ACCESS = { name: "FullAWSAccess", policy: allowAll };

/**
 * AWS managed policies attached by name. AdministratorAccess is exact. The others are FAITHFUL
 * SUBSETS, labelled as such: the statements of the real policy for the services this matrix
 * touches (the real ones are thousands of actions long and grant nothing beyond reading).
 */
const AWS_MANAGED: Record<string, Document> = {
  AdministratorAccess: allowAll,
  // Subset of ReadOnlyAccess: its Describe/Get/List grants for the services used below.
  ReadOnlyAccess: {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: [
          "cloudtrail:Describe*",
          "cloudtrail:Get*",
          "cloudtrail:List*",
          "cloudtrail:LookupEvents",
          "ec2:Describe*",
          "ec2:Get*",
          "iam:Get*",
          "iam:List*",
          "kms:Describe*",
          "kms:Get*",
          "kms:List*",
          "organizations:Describe*",
          "organizations:List*",
          "s3:Get*",
          "s3:List*",
        ],
        Resource: "*",
      },
    ],
  },
  // Subset of job-function/Billing: its billing, cost and budget grants.
  "job-function/Billing": {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["aws-portal:*Billing", "budgets:*", "ce:*", "cur:*", "payments:*", "tax:*"],
        Resource: "*",
      },
    ],
  },
  // AWSSupportAccess, as AWS publishes it (the support role, CIS 1.17).
  AWSSupportAccess: {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["support:*"], Resource: "*" }],
  },
};

/** The access role as AWS Organizations creates it in each new account (not synthesized by us). */
function organizationsAccessRole(managementId: string): Role {
  return {
    trust: {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${managementId}:root` },
          Action: "sts:AssumeRole",
        },
      ],
    },
    policies: [{ name: "AdministratorAccess", policy: allowAll }],
  };
}

// ---------------------------------------------------------------------------------------------
// The synthesized world: what each stack declares, with Terraform references resolved.

interface Role {
  readonly trust: Document;
  readonly policies: SimulationIdentityPolicy[];
}

interface World {
  readonly orgId: string;
  readonly managementName: string;
  readonly home: string;
  readonly ids: Record<string, string>;
  readonly managementId: string;
  /** Account name -> SCPs per level, root first (empty for the management account). */
  readonly scps: Record<string, SimulationOrgPolicies[]>;
  readonly packedScpNames: string[];
  /** Account name -> role name -> trust and identity policies. */
  readonly roles: Record<string, Record<string, Role>>;
  /** Management-account group name -> its inline policies. */
  readonly groups: Record<string, SimulationIdentityPolicy[]>;
  readonly trailArn: string;
  readonly trailBucket: { name: string; policy: Document };
  readonly accessLogBucket: { name: string; policy: Document };
  readonly trailKey: { policy: Document; tags: Record<string, string> };
}

/** A policy attribute as IAM will read it: Terraform's `$${` escape undone. */
function iamPolicy(text: string): Document {
  return JSON.parse(text.replaceAll("$${", "${"));
}

/** The resource a `${type.name.attr...}` reference points to. */
function referenced(stack: StackJson, ref: string): { type: string; name: string; r: StackJson } {
  const m = /^\$\{([a-z0-9_]+)\.([^.}]+)\./.exec(ref);
  const r = m && stack.resource?.[m[1] as string]?.[m[2] as string];
  if (!m || !r) throw new Error(`unresolved reference ${ref}`);
  return { type: m[1] as string, name: m[2] as string, r };
}

function managedPolicy(arn: string): SimulationIdentityPolicy {
  const name = arn.replace(/^arn:aws:iam::aws:policy\//, "");
  const policy = AWS_MANAGED[name];
  if (!policy) throw new Error(`no stand-in for the AWS managed policy ${arn}`);
  return { name, policy };
}

/** Roles of a stack: name -> trust policy, attached managed policies and inline policies. */
function rolesOf(stack: StackJson): Record<string, Role> {
  const roles: Record<string, Role> = {};
  for (const [id, role] of Object.entries(resources(stack, "aws_iam_role"))) {
    const attached = Object.values(resources(stack, "aws_iam_role_policy_attachment"))
      .filter((a) => referenced(stack, a.role).name === id)
      .map((a) => managedPolicy(a.policy_arn));
    const inline = Object.values(resources(stack, "aws_iam_role_policy"))
      .filter((p) => referenced(stack, p.role).name === id)
      .map((p) => ({ name: p.name, policy: iamPolicy(p.policy) }));
    roles[role.name] = {
      trust: iamPolicy(role.assume_role_policy),
      policies: [...attached, ...inline],
    };
  }
  return roles;
}

function worldFrom(out: Synthesized, answers: AnswersJson): World {
  const managementName: string = answers.management.name;
  const managementId: string = answers.management.accountId;
  const ids: Record<string, string> = { [managementName]: managementId };
  for (const a of answers.accounts) ids[a.name] = a.accountId;
  const home: string = answers.regions.home;

  // SCPs: the policies the org stack attaches, per target (root or OU), and each account's path.
  const org = out.stack("org");
  const attached = new Map<string, SimulationIdentityPolicy[]>();
  for (const a of Object.values(resources(org, "aws_organizations_policy_attachment"))) {
    const { r: scp } = referenced(org, a.policy_id);
    if (scp.type !== "SERVICE_CONTROL_POLICY") throw new Error(`not an SCP: ${scp.name}`);
    const target = referenced(org, a.target_id).name;
    attached.set(target, [
      ...(attached.get(target) ?? []),
      { name: scp.name, policy: iamPolicy(scp.content) },
    ]);
  }
  const [rootId] = Object.keys(resources(org, "aws_organizations_organization"));
  const level = (target: string, orgIdentifier: string): SimulationOrgPolicies => ({
    orgIdentifier,
    policies: [FULL_AWS_ACCESS, ...(attached.get(target) ?? [])],
  });
  const scps: Record<string, SimulationOrgPolicies[]> = { [managementName]: [] };
  const roles: Record<string, Record<string, Role>> = {};
  for (const [id, account] of Object.entries(resources(org, "aws_organizations_account"))) {
    const path: SimulationOrgPolicies[] = [level(id, ids[account.name] as string)];
    let parent = account.parent_id as string;
    while (!parent.startsWith(`\${aws_organizations_organization.`)) {
      const ou = referenced(org, parent);
      path.unshift(level(ou.name, `ou-${ou.r.name}`));
      parent = ou.r.parent_id;
    }
    path.unshift(level(rootId as string, "root"));
    scps[account.name] = path;
    roles[account.name] = {
      ...rolesOf(out.stack(`baseline-${account.name}`)),
      ...rolesOf(out.stack(`access-${account.name}`)),
      [account.role_name]: organizationsAccessRole(managementId),
    };
  }
  const management = out.stack(`baseline-${managementName}`);
  roles[managementName] = rolesOf(management);
  const groups: Record<string, SimulationIdentityPolicy[]> = {};
  for (const [id, group] of Object.entries(resources(management, "aws_iam_group"))) {
    groups[group.name] = Object.values(resources(management, "aws_iam_group_policy"))
      .filter((p) => referenced(management, p.group).name === id)
      .map((p) => ({ name: p.name, policy: iamPolicy(p.policy) }));
  }

  const [trail, ...otherTrails] = Object.values(
    resources(out.stack("org-trail"), "aws_cloudtrail"),
  );
  if (!trail?.is_organization_trail || otherTrails.length)
    throw new Error("one organization trail");
  const archive = out.stack("log-archive");
  const bucket = (match: RegExp) => {
    const [policy] = Object.values(resources(archive, "aws_s3_bucket_policy")).filter((p) =>
      match.test(referenced(archive, p.bucket).r.bucket),
    );
    if (!policy) throw new Error(`no bucket policy for ${match}`);
    return { name: referenced(archive, policy.bucket).r.bucket, policy: iamPolicy(policy.policy) };
  };
  const [key, ...otherKeys] = Object.values(resources(archive, "aws_kms_key"));
  if (!key || otherKeys.length) throw new Error("log-archive holds one key: the trail key");
  return {
    orgId: answers.organization.id,
    managementName,
    home,
    ids,
    managementId,
    scps,
    packedScpNames: [...attached.values()].flat().map((p) => p.name),
    roles,
    groups,
    trailArn: `arn:aws:cloudtrail:${home}:${managementId}:trail/${trail.name}`,
    trailBucket: bucket(/-cloudtrail-/),
    accessLogBucket: bucket(/-s3-access-logs-/),
    trailKey: { policy: iamPolicy(key.policy), tags: key.tags },
  };
}

// ---------------------------------------------------------------------------------------------
// Principals, targets and the verdict.

interface Principal {
  /** The request's principal: an IAM user, an assumed-role session or a service. */
  readonly arn: string;
  /** Account name, for the SCPs that bind the principal (none outside the organization). */
  readonly account: string;
  readonly policies: SimulationIdentityPolicy[];
  /** Keys the principal brings: aws:PrincipalArn (the user, or the role behind a session)... */
  readonly context: Record<string, string>;
}

/** The global keys AWS sets for an IAM principal. */
function principalKeys(principalArn: string, accountId: string, orgId: string) {
  return {
    "aws:PrincipalArn": principalArn,
    "aws:PrincipalAccount": accountId,
    "aws:PrincipalOrgID": orgId,
  };
}

interface Target {
  readonly arn: string;
  readonly account: string;
  readonly policy?: Document;
  readonly context?: Record<string, string>;
}

type Mfa = "recent MFA" | "stale MFA" | "console without MFA" | "access key";

const MFA_CONTEXT: Record<Mfa, Record<string, string>> = {
  "recent MFA": { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "300" },
  // Older than identity.admins.maxMfaAgeSeconds (3600 by default).
  "stale MFA": { "aws:MultiFactorAuthPresent": "true", "aws:MultiFactorAuthAge": "7200" },
  "console without MFA": { "aws:MultiFactorAuthPresent": "false" },
  // Long-term access keys carry no MFA keys at all.
  "access key": {},
};

let w: World;

const SESSION_MFA = MFA_CONTEXT["recent MFA"];

/** A management-account IAM user in one of the baseline's groups. */
function user(name: string, group: string, mfa: Mfa): Principal {
  const policies = w.groups[group];
  if (!policies) throw new Error(`no group ${group} in the management account`);
  const arn = `arn:aws:iam::${w.managementId}:user/${name}`;
  return {
    arn,
    account: w.managementName,
    policies,
    context: {
      ...principalKeys(arn, w.managementId, w.orgId),
      "aws:username": name,
      ...MFA_CONTEXT[mfa],
    },
  };
}

/** A session of a role the baseline (or Organizations) creates in an account. */
function session(
  account: string,
  roleName: string,
  policies?: SimulationIdentityPolicy[],
): Principal {
  const role = w.roles[account]?.[roleName];
  if (!role && !policies) throw new Error(`no role ${roleName} in ${account}`);
  const id = w.ids[account] as string;
  return {
    arn: `arn:aws:sts::${id}:assumed-role/${roleName}/someone`,
    account,
    policies: policies ?? role?.policies ?? [],
    context: {
      ...principalKeys(`arn:aws:iam::${id}:role/${roleName}`, id, w.orgId),
      // Human roles are assumed with MFA; keeping the keys shows they are not what decides.
      ...SESSION_MFA,
    },
  };
}

const role = (account: string, roleName: string): Target => {
  const r = w.roles[account]?.[roleName];
  if (!r) throw new Error(`no role ${roleName} in ${account}`);
  return {
    arn: `arn:aws:iam::${w.ids[account]}:role/${roleName}`,
    account,
    policy: r.trust,
  };
};
/** An IAM role as the object of IAM actions (not assumed): no trust policy applies. */
const roleResource = (account: string, roleName: string): Target => ({
  arn: `arn:aws:iam::${w.ids[account]}:role/${roleName}`,
  account,
});
/** Account-wide actions (Resource "*"). */
const accountWide = (account: string): Target => ({ arn: "*", account });
const orgTrail = (): Target => ({ arn: w.trailArn, account: "management" });
const trailBucket = (key?: string): Target => ({
  arn: `arn:aws:s3:::${w.trailBucket.name}${key === undefined ? "" : `/${key}`}`,
  account: "log-archive",
  policy: w.trailBucket.policy,
});
const accessLogBucket = (key: string): Target => ({
  arn: `arn:aws:s3:::${w.accessLogBucket.name}/${key}`,
  account: "log-archive",
  policy: w.accessLogBucket.policy,
});
const KEY_ID = "key/0c7e1b5e-1f0a-4a8e-9d1c-5e0f9c2b7a11";
const trailKey = (tags = w.trailKey.tags): Target => ({
  arn: `arn:aws:kms:${w.home}:${w.ids["log-archive"]}:${KEY_ID}`,
  account: "log-archive",
  policy: w.trailKey.policy,
  context: Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v])),
});

/**
 * What the evaluator decides, and why: "Allowed", "ExplicitlyDenied by <policy type> <Sid>, ...",
 * or "ImplicitlyDenied by <policy types without an allow>".
 */
async function verdict(
  p: Principal,
  action: string,
  target: Target,
  options: { context?: Record<string, string>; scps?: SimulationOrgPolicies[] } = {},
): Promise<string> {
  const account = w.ids[target.account] as string;
  const response = await runSimulation(
    {
      request: {
        principal: p.arn,
        action,
        resource: { resource: target.arn, accountId: account },
        contextVariables: {
          "aws:ResourceAccount": account,
          "aws:ResourceOrgID": w.orgId,
          "aws:RequestedRegion": w.home,
          "aws:SecureTransport": "true",
          ...p.context,
          ...target.context,
          ...options.context,
        },
      },
      identityPolicies: p.policies,
      serviceControlPolicies: options.scps ?? w.scps[p.account] ?? [],
      resourceControlPolicies: [],
      resourcePolicy: target.policy,
    },
    { simulationMode: "Strict" },
  );
  if (response.resultType === "error") {
    throw new Error(`simulation rejected its input: ${JSON.stringify(response.errors)}`);
  }
  if (response.resultType !== "single") throw new Error(`expected one resource: ${target.arn}`);
  const { overallResult, result } = response;
  // A key the evaluator drops as not applying to the action would silently change the verdict.
  if (result.ignoredContextKeys?.length) {
    throw new Error(`${action} ignored context keys ${result.ignoredContextKeys.join(", ")}`);
  }
  if (overallResult === "Allowed") return overallResult;
  const { analysis } = result;
  const reasons = getDenialReasons(analysis).map((r) =>
    r.denialType === "Explicit" ? `${r.policyType} ${r.statementId}` : r.policyType,
  );
  // The evaluator names no policy when a cross-account request finds no resource policy at all.
  if (
    reasons.length === 0 &&
    !analysis.sameAccount &&
    analysis.resourceAnalysis?.result === "NotApplicable"
  ) {
    reasons.push(NO_RESOURCE_POLICY);
  }
  return `${overallResult} by ${[...new Set(reasons)].sort().join(", ")}`;
}

const ALLOWED = "Allowed";
const NO_RESOURCE_POLICY = "no resource policy across accounts";
const denied = (...by: string[]) => `ExplicitlyDenied by ${[...by].sort().join(", ")}`;
const notGranted = (...by: string[]) => `ImplicitlyDenied by ${[...by].sort().join(", ")}`;

beforeAll(async () => {
  const answers = exampleAnswers();
  // Every guardrail on, and every optional human role.
  answers.guardrails = { denyRegionsOutsideEnabled: true };
  answers.regions.enabled = ["eu-west-1", "us-east-1"];
  answers.identity.admins.billingGroup = true;
  w = worldFrom(await synthTo(configFrom(answers)), answers);
});

// Principals of the matrix.
const admin = (mfa: Mfa) => user("alice", "Admins", mfa);
const reader = () => user("carol", "ReadOnly", "recent MFA");
const biller = () => user("dave", "Billing", "recent MFA");
const managementAdmin = () => session("management", "BaselineAdmin");
/** A member-account administrator: the admin role of a member account, not the deploy role. */
const memberAdmin = (account = "dev") => session(account, "BaselineAdmin");
const deployRole = (account = "dev") => session(account, "BaselineDeploy");
const accessRole = (account = "dev") => session(account, "OrganizationAccountAccessRole");

describe("the simulated organization", () => {
  it("evaluates the packed guardrail SCPs at the root with FullAWSAccess at every level, none in management", () => {
    for (const name of w.packedScpNames) expect(name).toMatch(/^acme-guardrails-[1-9]$/);
    const sids = (w.scps.dev?.[0]?.policies ?? []).flatMap((p) =>
      (p.policy as Document).Statement.map((s) => (s as { Sid?: string }).Sid),
    );
    // Every guardrail switched on: all their statements reach the root.
    expect(sids).toEqual(
      expect.arrayContaining([
        "DenyLeaveOrganization",
        "DenyBaselineRoleChanges",
        "DenyTrailTampering",
        "DenyLogBucketTampering",
        "DenyLogDeletion",
        "DenyLogKeyTampering",
        "DenyLogKeyDestruction",
        "DenyDisablingAccountDefaults",
        "DenyRootUser",
        "DenyRootAccessKeys",
        "DenyOutsideEnabledRegions",
        "DenyRegionOptInChanges",
      ]),
    );
    expect(w.scps.management).toEqual([]);
    expect(w.scps.dev?.map((l) => l.orgIdentifier)).toEqual([
      "root",
      "ou-Workloads",
      "ou-dev",
      "444444444444",
    ]);
    for (const l of w.scps.dev ?? []) expect(l.policies[0]).toBe(FULL_AWS_ACCESS);
  });

  it("without FullAWSAccess the SCPs allow nothing: the simulation models AWS's default attachment", async () => {
    const withoutFullAccess = (w.scps.dev ?? []).map((l) => ({
      ...l,
      policies: l.policies.filter((p) => p !== FULL_AWS_ACCESS),
    }));
    const describe = ["ec2:DescribeVolumes", accountWide("dev")] as const;
    expect(await verdict(memberAdmin(), ...describe)).toBe(ALLOWED);
    expect(await verdict(memberAdmin(), ...describe, { scps: withoutFullAccess })).toBe(
      notGranted("scp"),
    );
  });
});

describe("assuming roles: the caller's identity policy and the role's trust policy together", () => {
  it("admin user with recent MFA assumes BaselineAdmin in the management account", async () => {
    expect(
      await verdict(admin("recent MFA"), "sts:AssumeRole", role("management", "BaselineAdmin")),
    ).toBe(ALLOWED);
  });

  it("admin user with recent MFA assumes BaselineAdmin in a member account", async () => {
    expect(await verdict(admin("recent MFA"), "sts:AssumeRole", role("dev", "BaselineAdmin"))).toBe(
      ALLOWED,
    );
  });

  it("admin user with recent MFA cannot assume BaselineReadOnly: only the group's own role", async () => {
    expect(
      await verdict(admin("recent MFA"), "sts:AssumeRole", role("dev", "BaselineReadOnly")),
    ).toBe(notGranted("identity"));
  });

  it("admin user with recent MFA cannot assume the deploy role", async () => {
    expect(
      await verdict(admin("recent MFA"), "sts:AssumeRole", role("dev", "BaselineDeploy")),
    ).toBe(notGranted("identity", "resource"));
  });

  it("admin user with recent MFA cannot assume the access role directly", async () => {
    // The access role trusts the whole management account; the group policy is what stops it.
    expect(
      await verdict(
        admin("recent MFA"),
        "sts:AssumeRole",
        role("dev", "OrganizationAccountAccessRole"),
      ),
    ).toBe(notGranted("identity"));
  });

  it("admin user whose MFA sign-in is older than the maximum age cannot assume BaselineAdmin", async () => {
    expect(await verdict(admin("stale MFA"), "sts:AssumeRole", role("dev", "BaselineAdmin"))).toBe(
      notGranted("identity", "resource"),
    );
  });

  it("admin user signed in without MFA cannot assume BaselineAdmin in the management account", async () => {
    expect(
      await verdict(
        admin("console without MFA"),
        "sts:AssumeRole",
        role("management", "BaselineAdmin"),
      ),
    ).toBe(denied("identity DenyAllExceptSelfServiceWithoutMfa"));
  });

  it("admin user with an access key and no MFA cannot assume BaselineAdmin in a member account", async () => {
    expect(await verdict(admin("access key"), "sts:AssumeRole", role("dev", "BaselineAdmin"))).toBe(
      denied("identity DenyAllExceptSelfServiceWithoutMfa"),
    );
  });

  it("admin user without MFA may still enrol an MFA device but do nothing else", async () => {
    const device = { arn: `arn:aws:iam::${w.managementId}:mfa/alice-phone`, account: "management" };
    expect(await verdict(admin("console without MFA"), "iam:CreateVirtualMFADevice", device)).toBe(
      ALLOWED,
    );
    expect(
      await verdict(admin("console without MFA"), "iam:ListUsers", accountWide("management")),
    ).toBe(denied("identity DenyAllExceptSelfServiceWithoutMfa"));
  });

  it("admin user with recent MFA has no rights of their own in the management account, only the role's", async () => {
    expect(
      await verdict(admin("recent MFA"), "iam:CreateUser", {
        arn: `arn:aws:iam::${w.managementId}:user/eve`,
        account: "management",
      }),
    ).toBe(notGranted("identity"));
  });

  it("read-only user with recent MFA assumes BaselineReadOnly in the management account", async () => {
    expect(await verdict(reader(), "sts:AssumeRole", role("management", "BaselineReadOnly"))).toBe(
      ALLOWED,
    );
  });

  it("read-only user with recent MFA assumes BaselineReadOnly in a member account", async () => {
    expect(await verdict(reader(), "sts:AssumeRole", role("dev", "BaselineReadOnly"))).toBe(
      ALLOWED,
    );
  });

  it("read-only user with recent MFA cannot assume BaselineAdmin in the management or a member account", async () => {
    expect(await verdict(reader(), "sts:AssumeRole", role("management", "BaselineAdmin"))).toBe(
      notGranted("identity"),
    );
    expect(await verdict(reader(), "sts:AssumeRole", role("dev", "BaselineAdmin"))).toBe(
      notGranted("identity"),
    );
  });

  it("read-only role reads but cannot change account defaults", async () => {
    const readOnly = session("dev", "BaselineReadOnly");
    expect(await verdict(readOnly, "ec2:GetEbsEncryptionByDefault", accountWide("dev"))).toBe(
      ALLOWED,
    );
    expect(await verdict(readOnly, "ec2:DisableEbsEncryptionByDefault", accountWide("dev"))).toBe(
      denied("scp DenyDisablingAccountDefaults"),
    );
  });

  it("billing user with recent MFA assumes BaselineBilling in a member account, not BaselineAdmin", async () => {
    expect(await verdict(biller(), "sts:AssumeRole", role("prod", "BaselineBilling"))).toBe(
      ALLOWED,
    );
    expect(await verdict(biller(), "sts:AssumeRole", role("prod", "BaselineAdmin"))).toBe(
      notGranted("identity"),
    );
  });

  it("management admin role session assumes the deploy role in a member account", async () => {
    expect(await verdict(managementAdmin(), "sts:AssumeRole", role("dev", "BaselineDeploy"))).toBe(
      ALLOWED,
    );
  });

  it("management admin role session assumes the access role in a member account (break-glass, alarmed)", async () => {
    expect(
      await verdict(
        managementAdmin(),
        "sts:AssumeRole",
        role("dev", "OrganizationAccountAccessRole"),
      ),
    ).toBe(ALLOWED);
  });

  it("management admin role session cannot chain into BaselineAdmin of a member account, even with MFA", async () => {
    expect(await verdict(managementAdmin(), "sts:AssumeRole", role("dev", "BaselineAdmin"))).toBe(
      notGranted("resource"),
    );
  });

  it("another management-account administrator role cannot assume the deploy role", async () => {
    const other = session("management", "PlatformAdmin", [
      managedPolicy("arn:aws:iam::aws:policy/AdministratorAccess"),
    ]);
    expect(await verdict(other, "sts:AssumeRole", role("dev", "BaselineDeploy"))).toBe(
      notGranted("resource"),
    );
  });

  it("member-account administrator cannot assume the deploy role or the access role", async () => {
    expect(await verdict(memberAdmin(), "sts:AssumeRole", role("dev", "BaselineDeploy"))).toBe(
      notGranted("resource"),
    );
    expect(
      await verdict(memberAdmin(), "sts:AssumeRole", role("dev", "OrganizationAccountAccessRole")),
    ).toBe(notGranted("resource"));
    expect(await verdict(memberAdmin(), "sts:AssumeRole", role("prod", "BaselineDeploy"))).toBe(
      notGranted("resource"),
    );
  });

  it("an administrator outside the organization cannot assume BaselineAdmin, even with MFA", async () => {
    const arn = "arn:aws:iam::999999999999:user/mallory";
    const outsider: Principal = {
      arn,
      account: "outside the organization",
      policies: [managedPolicy("arn:aws:iam::aws:policy/AdministratorAccess")],
      context: {
        ...principalKeys(arn, "999999999999", "o-zzzzzzzzzz"),
        ...MFA_CONTEXT["recent MFA"],
      },
    };
    expect(await verdict(outsider, "sts:AssumeRole", role("dev", "BaselineAdmin"))).toBe(
      notGranted("resource"),
    );
  });
});

describe("the organization trail (management account) from member accounts", () => {
  it("member-account administrator cannot stop or delete the organization trail", async () => {
    for (const action of ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail"]) {
      expect(await verdict(memberAdmin(), action, orgTrail())).toBe(
        denied("scp DenyTrailTampering"),
      );
    }
  });

  it("access role cannot stop the organization trail: no exemption for break-glass", async () => {
    expect(await verdict(accessRole(), "cloudtrail:StopLogging", orgTrail())).toBe(
      denied("scp DenyTrailTampering"),
    );
  });

  it("deploy role is exempt from the trail guardrail but has no rights on the management account's trail", async () => {
    expect(await verdict(deployRole(), "cloudtrail:StopLogging", orgTrail())).toBe(
      notGranted(NO_RESOURCE_POLICY),
    );
  });

  it("management admin role session can stop the trail: SCPs never bind the management account", async () => {
    expect(await verdict(managementAdmin(), "cloudtrail:StopLogging", orgTrail())).toBe(ALLOWED);
  });
});

describe("the trail bucket, the access-log bucket and the trail key (log-archive account)", () => {
  const logObject = "AWSLogs/o-a1b2c3d4e5/111111111111/CloudTrail/eu-west-1/2026/01/01/x.json.gz";

  it("nobody in the log-archive account can delete log objects: member admin, deploy role, access role", async () => {
    for (const p of [
      memberAdmin("log-archive"),
      deployRole("log-archive"),
      accessRole("log-archive"),
    ]) {
      for (const action of ["s3:DeleteObject", "s3:DeleteObjectVersion"]) {
        expect(await verdict(p, action, trailBucket(logObject))).toBe(
          denied("scp DenyLogDeletion"),
        );
      }
    }
  });

  it("nobody in the log-archive account can delete access-log objects", async () => {
    expect(await verdict(deployRole("log-archive"), "s3:DeleteObject", accessLogBucket("x"))).toBe(
      denied("scp DenyLogDeletion"),
    );
  });

  it("management admin role session cannot delete log objects: the bucket policy grants it nothing", async () => {
    expect(await verdict(managementAdmin(), "s3:DeleteObject", trailBucket(logObject))).toBe(
      notGranted("resource"),
    );
  });

  it("member-account administrator and access role cannot put a lifecycle rule on the trail bucket", async () => {
    for (const p of [memberAdmin("log-archive"), accessRole("log-archive")]) {
      expect(await verdict(p, "s3:PutLifecycleConfiguration", trailBucket())).toBe(
        denied("scp DenyLogBucketTampering"),
      );
    }
  });

  it("deploy role can put a lifecycle rule on the trail bucket (it manages it), over TLS only", async () => {
    expect(
      await verdict(deployRole("log-archive"), "s3:PutLifecycleConfiguration", trailBucket()),
    ).toBe(ALLOWED);
    expect(
      await verdict(deployRole("log-archive"), "s3:PutLifecycleConfiguration", trailBucket(), {
        context: { "aws:SecureTransport": "false" },
      }),
    ).toBe(denied("resource DenyInsecureTransport"));
  });

  it("member-account administrator cannot change the trail bucket's policy or Object Lock", async () => {
    for (const action of [
      "s3:PutBucketPolicy",
      "s3:DeleteBucketPolicy",
      "s3:PutBucketObjectLockConfiguration",
    ]) {
      expect(await verdict(memberAdmin("log-archive"), action, trailBucket())).toBe(
        denied("scp DenyLogBucketTampering"),
      );
    }
  });

  it("CloudTrail may write to the trail bucket for our trail only", async () => {
    // A service principal: no identity policies, no SCPs; only the bucket policy can grant.
    const write = (sourceArn: string) =>
      verdict(
        {
          arn: "cloudtrail.amazonaws.com",
          account: "(service)",
          policies: [],
          context: { "aws:SourceArn": sourceArn, "s3:x-amz-acl": "bucket-owner-full-control" },
        },
        "s3:PutObject",
        trailBucket(logObject),
      );
    expect(await write(w.trailArn)).toBe(ALLOWED);
    expect(await write(w.trailArn.replace(/trail\/.*$/, "trail/another"))).toBe(
      notGranted("identity", "resource"),
    );
  });

  it("nobody in the log-archive account can disable the trail key or schedule its deletion", async () => {
    for (const p of [
      memberAdmin("log-archive"),
      deployRole("log-archive"),
      accessRole("log-archive"),
    ]) {
      for (const action of ["kms:DisableKey", "kms:ScheduleKeyDeletion"]) {
        expect(await verdict(p, action, trailKey())).toBe(denied("scp DenyLogKeyDestruction"));
      }
    }
  });

  it("the key guardrail follows the BaselineProtected tag: an untagged key can be disabled", async () => {
    expect(w.trailKey.tags).toEqual({ BaselineProtected: "cloudtrail" });
    expect(await verdict(memberAdmin("log-archive"), "kms:DisableKey", trailKey({}))).toBe(ALLOWED);
  });

  it("only the deploy role can change the trail key's policy", async () => {
    expect(await verdict(memberAdmin("log-archive"), "kms:PutKeyPolicy", trailKey())).toBe(
      denied("scp DenyLogKeyTampering"),
    );
    expect(await verdict(deployRole("log-archive"), "kms:PutKeyPolicy", trailKey())).toBe(ALLOWED);
  });

  it("nobody can remove or overwrite the trail key's BaselineProtected tag, not even the deploy role", async () => {
    const tagKeys = { context: { "aws:TagKeys": "BaselineProtected" } };
    for (const action of ["kms:UntagResource", "kms:TagResource"]) {
      // The deploy role's exemption from the tampering statement does not reach the tag.
      expect(await verdict(deployRole("log-archive"), action, trailKey(), tagKeys)).toBe(
        denied("scp DenyLogKeyUntagging"),
      );
      expect(await verdict(memberAdmin("log-archive"), action, trailKey(), tagKeys)).toBe(
        denied("scp DenyLogKeyTampering, scp DenyLogKeyUntagging"),
      );
    }
  });

  it("only the deploy role can grant use of the trail key", async () => {
    expect(await verdict(memberAdmin("log-archive"), "kms:CreateGrant", trailKey())).toBe(
      denied("scp DenyLogKeyTampering"),
    );
  });

  it("management admin role session cannot disable the trail key: the key policy lets it only describe", async () => {
    expect(await verdict(managementAdmin(), "kms:DisableKey", trailKey())).toBe(
      notGranted("resource"),
    );
    expect(await verdict(managementAdmin(), "kms:DescribeKey", trailKey())).toBe(ALLOWED);
  });
});

describe("account defaults, the organization and the baseline roles in member accounts", () => {
  it("member-account administrator and access role cannot turn off EBS default encryption", async () => {
    for (const p of [memberAdmin(), accessRole()]) {
      expect(await verdict(p, "ec2:DisableEbsEncryptionByDefault", accountWide("dev"))).toBe(
        denied("scp DenyDisablingAccountDefaults"),
      );
    }
  });

  it("deploy role can turn off EBS default encryption (it manages the setting)", async () => {
    expect(
      await verdict(deployRole(), "ec2:DisableEbsEncryptionByDefault", accountWide("dev")),
    ).toBe(ALLOWED);
  });

  // Resources of the detective services in dev, as IAM names them.
  const inDev = (arn: string): Target => ({ arn, account: "dev" });
  const recorder = inDev(
    "arn:aws:config:eu-west-1:444444444444:configuration-recorder/acme-config/a1b2c3",
  );
  const detector = inDev(
    "arn:aws:guardduty:eu-west-1:444444444444:detector/0123456789abcdef0123456789abcdef",
  );
  const hub = inDev("arn:aws:securityhub:eu-west-1:444444444444:hub/default");
  const filter = inDev(`${detector.arn}/filter/suppress-everything`);
  // Actions IAM defines without a resource type are evaluated against "*".
  const anyInDev = accountWide("dev");

  it("member-account administrator and access role cannot switch off Config, GuardDuty or Security Hub; the deploy role can", async () => {
    const cases: [string, Target][] = [
      ["config:StopConfigurationRecorder", recorder],
      ["config:DeleteConfigurationRecorder", recorder],
      ["guardduty:DeleteDetector", detector],
      ["guardduty:CreateFilter", filter],
      ["guardduty:DisassociateFromAdministratorAccount", anyInDev],
      ["securityhub:DisableSecurityHub", hub],
      ["securityhub:BatchDisableStandards", hub],
    ];
    for (const [action, target] of cases) {
      for (const p of [memberAdmin(), accessRole()]) {
        expect(await verdict(p, action, target), action).toBe(
          denied("scp DenyDisablingDetectiveServices"),
        );
      }
      expect(await verdict(deployRole(), action, target), action).toBe(ALLOWED);
    }
  });

  it("member-account administrator can still triage findings", async () => {
    const cases: [string, Target][] = [
      ["securityhub:BatchUpdateFindings", hub],
      ["securityhub:GetFindings", hub],
      ["guardduty:ArchiveFindings", anyInDev],
      ["guardduty:UpdateFindingsFeedback", anyInDev],
    ];
    for (const [action, target] of cases) {
      expect(await verdict(memberAdmin(), action, target), action).toBe(ALLOWED);
    }
  });

  it("member-account administrator cannot bring a deleted default VPC back; the deploy role can", async () => {
    expect(await verdict(memberAdmin(), "ec2:CreateDefaultVpc", accountWide("dev"))).toBe(
      denied("scp DenyDefaultVpcCreation"),
    );
    expect(await verdict(deployRole(), "ec2:CreateDefaultVpc", accountWide("dev"))).toBe(ALLOWED);
  });

  it("member-account administrator and access role cannot weaken the password policy", async () => {
    for (const p of [memberAdmin(), accessRole()]) {
      for (const action of ["iam:UpdateAccountPasswordPolicy", "iam:DeleteAccountPasswordPolicy"]) {
        expect(await verdict(p, action, accountWide("dev"))).toBe(
          denied("scp DenyDisablingAccountDefaults"),
        );
      }
    }
  });

  it("deploy role can set the password policy (it manages it)", async () => {
    expect(await verdict(deployRole(), "iam:UpdateAccountPasswordPolicy", accountWide("dev"))).toBe(
      ALLOWED,
    );
  });

  it("nobody in a member account can leave the organization: member admin, deploy role, access role", async () => {
    for (const p of [memberAdmin(), deployRole(), accessRole()]) {
      expect(await verdict(p, "organizations:LeaveOrganization", accountWide("dev"))).toBe(
        denied("scp DenyLeaveOrganization"),
      );
    }
  });

  it("member-account administrator cannot change the deploy role's trust policy; the deploy role can", async () => {
    const target = roleResource("dev", "BaselineDeploy");
    expect(await verdict(memberAdmin(), "iam:UpdateAssumeRolePolicy", target)).toBe(
      denied("scp DenyBaselineRoleChanges"),
    );
    expect(await verdict(deployRole(), "iam:UpdateAssumeRolePolicy", target)).toBe(ALLOWED);
  });

  it("member-account administrator cannot open the people's roles to another account; the deploy role manages them", async () => {
    const target = roleResource("dev", "BaselineAdmin");
    for (const action of ["iam:UpdateAssumeRolePolicy", "iam:DetachRolePolicy"]) {
      expect(await verdict(memberAdmin(), action, target)).toBe(denied("scp DenyHumanRoleChanges"));
    }
    expect(await verdict(deployRole(), "iam:UpdateAssumeRolePolicy", target)).toBe(ALLOWED);
  });

  it("member-account administrator cannot change or widen the access role", async () => {
    const target = roleResource("dev", "OrganizationAccountAccessRole");
    for (const action of ["iam:UpdateAssumeRolePolicy", "iam:AttachRolePolicy", "iam:DeleteRole"]) {
      expect(await verdict(memberAdmin(), action, target)).toBe(
        denied("scp DenyBaselineRoleChanges"),
      );
    }
  });

  it("access role can change the deploy role's trust policy (break-glass: its use raises an alarm)", async () => {
    expect(
      await verdict(
        accessRole(),
        "iam:UpdateAssumeRolePolicy",
        roleResource("dev", "BaselineDeploy"),
      ),
    ).toBe(ALLOWED);
  });

  it("member-account administrator cannot act outside the enabled regions; global services stay allowed", async () => {
    const outside = { context: { "aws:RequestedRegion": "ap-south-1" } };
    expect(await verdict(memberAdmin(), "ec2:DescribeVolumes", accountWide("dev"), outside)).toBe(
      denied("scp DenyOutsideEnabledRegions"),
    );
    expect(await verdict(memberAdmin(), "ec2:DescribeVolumes", accountWide("dev"))).toBe(ALLOWED);
    expect(await verdict(memberAdmin(), "iam:ListRoles", accountWide("dev"), outside)).toBe(
      ALLOWED,
    );
  });

  it("member root user can do nothing; a centralized root session from the management account can", async () => {
    // iam-simulate does not model the root user's implicit full rights: an allow-all stand-in.
    const id = w.ids.dev as string;
    const root = (assumed: boolean): Principal => ({
      arn: `arn:aws:iam::${id}:root`,
      account: "dev",
      policies: [{ name: "root user's implicit rights (stand-in)", policy: allowAll }],
      context: {
        ...principalKeys(`arn:aws:iam::${id}:root`, id, w.orgId),
        ...(assumed ? { "aws:AssumedRoot": "true" } : {}),
      },
    });
    const target = { arn: `arn:aws:s3:::some-bucket-of-dev`, account: "dev" };
    expect(await verdict(root(false), "s3:DeleteBucketPolicy", target)).toBe(
      denied("scp DenyRootUser"),
    );
    expect(await verdict(root(true), "s3:DeleteBucketPolicy", target)).toBe(ALLOWED);
    expect(
      await verdict(root(true), "iam:CreateAccessKey", {
        arn: `arn:aws:iam::${id}:user/x`,
        account: "dev",
      }),
    ).toBe(denied("scp DenyRootAccessKeys"));
  });

  it("management admin role session can turn off EBS default encryption: SCPs never bind the management account", async () => {
    expect(
      await verdict(
        managementAdmin(),
        "ec2:DisableEbsEncryptionByDefault",
        accountWide("management"),
      ),
    ).toBe(ALLOWED);
  });
});
