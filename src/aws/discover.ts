/**
 * Brownfield adoption: read an organization that already exists and produce answers that describe
 * it (accounts, OUs, regions in use) plus what the stacks must import rather than create
 * (`adopt`, `detective.adopt`), and the conflicts a human has to decide (an existing organization
 * trail, a weaker password policy, SCPs with the baseline's names, accounts outside any OU,
 * invited accounts, detective services that already run: see discover-detective.ts).
 */
import { ListRegionsCommand, type ListRegionsCommandOutput } from "@aws-sdk/client-account";
import { DescribeTrailsCommand } from "@aws-sdk/client-cloudtrail";
import { GetAccountPasswordPolicyCommand, type PasswordPolicy } from "@aws-sdk/client-iam";
import {
  paginateListPolicies,
  paginateListPoliciesForTarget,
  paginateListTargetsForPolicy,
} from "@aws-sdk/client-organizations";
import { validateAnswers } from "../answers/load.js";
import { isGuardrailPolicyName } from "../guardrails/pack.js";
import type { Problem } from "../answers/problems.js";
import { KNOWN_REGIONS, REGIONS_ENABLED_BY_DEFAULT } from "../answers/regions.js";
import { defaultOu, ouWithParents } from "../answers/resolve.js";
import {
  ANSWERS_SCHEMA_REF,
  ANSWERS_VERSION,
  AnswersSchema,
  type AccountKind,
  type Answers,
} from "../answers/schema.js";
import {
  ACCOUNT_NAME_MAX_LENGTH,
  baselineNames,
  partitionOf,
  prefixFrom,
  slugFrom,
} from "../answers/names.js";
import { VERSION } from "../version.js";
import { awsError, type AwsClients } from "./clients.js";
import type { Conflict } from "./conflict.js";
import { adoptionAnswers, adoptionCounts, discoverDetective } from "./discover-detective.js";
import { readOrganization, type OrgAccount, type OrgSnapshot } from "./organization.js";

export type { Conflict, ConflictKind } from "./conflict.js";

export interface DiscoverOptions {
  /** organization.name. @default - the management account's name */
  readonly name?: string;
  /** organization.prefix. @default - derived from the name */
  readonly prefix?: string;
  /** regions.home: where CloudTrail is looked at and the trail will live. */
  readonly homeRegion: string;
  /** alarms.emails. @default - the management account's e-mail */
  readonly alarmEmails?: readonly string[];
  /**
   * Also read every member account through the access role (its Config recorders and
   * service-linked role, and the security account's GuardDuty detectors), so that they are
   * adopted too. @default false
   */
  readonly inspectMembers?: boolean;
  /** accessRoleName, the role --inspect-members assumes. @default "OrganizationAccountAccessRole" */
  readonly accessRoleName?: string;
  readonly onProgress?: (line: string) => void;
}

const DEFAULT_ACCESS_ROLE = "OrganizationAccountAccessRole";

export interface Discovery {
  readonly organizationId: string;
  /** Answers for the existing organization (valid unless `problems` says otherwise). */
  readonly answers: Record<string, unknown>;
  readonly conflicts: readonly Conflict[];
  /** What discovery could not read and assumed instead (the answers say what was assumed). */
  readonly warnings: readonly string[];
  /** Validation problems of the produced answers (empty when they are ready to use). */
  readonly problems: readonly Problem[];
  readonly imports: {
    readonly organization: boolean;
    readonly accounts: number;
    readonly organizationalUnits: number;
    readonly policies: number;
    /** Account x region pairs whose Config recorder is imported. */
    readonly configRecorders: number;
    /** Accounts whose Config service-linked role (AWSServiceRoleForConfig) is imported. */
    readonly configServiceLinkedRoles: number;
    /** The security account's GuardDuty detectors imported, one per region. */
    readonly guardDutyDetectors: number;
    /** GuardDuty's and Security Hub's designations of the security account imported. */
    readonly delegatedAdministrators: number;
  };
}

/** "Prod Workloads (EU)" -> "prod-workloads-eu", fitted to the answers' account-name rule. */
export function slug(name: string, fallback: string): string {
  return slugFrom(name, ACCOUNT_NAME_MAX_LENGTH) ?? fallback;
}

export function guessKind(name: string): AccountKind {
  const n = name.toLowerCase();
  if (/log.?archive|logging|\blogs?\b/.test(n)) return "log-archive";
  if (/security|audit/.test(n)) return "security";
  return "workload";
}

/** `base`, or `base-2`, `base-3`... whichever `taken` does not hold yet. */
function freeName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}

function uniqueNames(accounts: readonly OrgAccount[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>(["management"]);
  for (const account of accounts) {
    const base = slug(account.name, `account-${account.id.slice(-4)}`);
    let name = base;
    for (let n = 2; taken.has(name); n++)
      name = `${base.slice(0, ACCOUNT_NAME_MAX_LENGTH - 3)}-${n}`;
    taken.add(name);
    out.set(account.id, name);
  }
  return out;
}

/** Weaker than the baseline's policy in any way that matters for CIS 1.8/1.9. */
export function weakerPasswordPolicy(
  existing: PasswordPolicy,
  wanted: Answers["identity"]["passwordPolicy"],
): string[] {
  const gaps: string[] = [];
  if ((existing.MinimumPasswordLength ?? 0) < wanted.minimumLength) {
    gaps.push(`minimum length ${existing.MinimumPasswordLength ?? 0} < ${wanted.minimumLength}`);
  }
  if ((existing.PasswordReusePrevention ?? 0) < wanted.reusePrevention) {
    gaps.push(
      `reuse prevention ${existing.PasswordReusePrevention ?? 0} < ${wanted.reusePrevention}`,
    );
  }
  const classes: [keyof PasswordPolicy, boolean, string][] = [
    ["RequireUppercaseCharacters", wanted.requireUppercase, "uppercase"],
    ["RequireLowercaseCharacters", wanted.requireLowercase, "lowercase"],
    ["RequireNumbers", wanted.requireNumbers, "numbers"],
    ["RequireSymbols", wanted.requireSymbols, "symbols"],
  ];
  for (const [key, required, label] of classes) {
    if (required && !existing[key]) gaps.push(`${label} not required`);
  }
  return gaps;
}

async function readPasswordPolicy(clients: AwsClients): Promise<PasswordPolicy | undefined> {
  try {
    const out = await clients.iam.send(new GetAccountPasswordPolicyCommand({}));
    return out.PasswordPolicy;
  } catch (error) {
    if ((error as { name?: string }).name === "NoSuchEntityException") return undefined;
    if ((error as { name?: string }).name === "NoSuchEntity") return undefined;
    throw awsError(error, "iam:GetAccountPasswordPolicy");
  }
}

/**
 * The regions enabled in the management account. Where account:ListRegions is not available (an
 * emulator, a policy that denies it), the regions every account has enabled by default are used
 * instead, with a warning naming the failed call: discovery is not worth failing for this.
 */
async function enabledRegions(
  clients: AwsClients,
): Promise<{ regions: string[]; warning?: string }> {
  const regions: string[] = [];
  let token: string | undefined;
  try {
    do {
      const page: ListRegionsCommandOutput = await clients.account.send(
        new ListRegionsCommand({
          RegionOptStatusContains: ["ENABLED", "ENABLED_BY_DEFAULT"],
          NextToken: token,
        }),
      );
      regions.push(...(page.Regions ?? []).flatMap((r) => (r.RegionName ? [r.RegionName] : [])));
      token = page.NextToken;
    } while (token);
  } catch (error) {
    const why = (error as Error)?.name ?? "error";
    return {
      regions: [...REGIONS_ENABLED_BY_DEFAULT].sort(),
      warning: `account:ListRegions failed (${why}: ${(error as Error)?.message ?? String(error)}); regions.enabled lists the ${REGIONS_ENABLED_BY_DEFAULT.length} regions every account has enabled by default: review it, and add opt-in regions you use`,
    };
  }
  return { regions: regions.sort() };
}

/**
 * SCPs named like the baseline's packed guardrails (with their root attachments), and the other
 * SCPs on the root, which count against the 5-per-target quota.
 */
async function existingPolicies(
  clients: AwsClients,
  prefix: string,
  rootId: string,
): Promise<{ ids: Record<string, string>; attached: string[]; otherRootPolicies: string[] }> {
  const client = clients.organizations;
  const ids: Record<string, string> = {};
  const attached: string[] = [];
  const otherRootPolicies: string[] = [];
  try {
    for await (const page of paginateListPolicies(
      { client },
      { Filter: "SERVICE_CONTROL_POLICY" },
    )) {
      for (const p of page.Policies ?? []) {
        if (p.Name && p.Id && isGuardrailPolicyName(prefix, p.Name)) ids[p.Name] = p.Id;
      }
    }
    for (const [name, id] of Object.entries(ids)) {
      for await (const page of paginateListTargetsForPolicy({ client }, { PolicyId: id })) {
        if ((page.Targets ?? []).some((t) => t.TargetId === rootId)) attached.push(name);
      }
    }
    for await (const page of paginateListPoliciesForTarget(
      { client },
      { TargetId: rootId, Filter: "SERVICE_CONTROL_POLICY" },
    )) {
      for (const p of page.Policies ?? []) {
        if (p.Name && p.Name !== "FullAWSAccess" && !isGuardrailPolicyName(prefix, p.Name))
          otherRootPolicies.push(p.Name);
      }
    }
  } catch (error) {
    throw awsError(error, "organizations:ListPolicies");
  }
  return { ids, attached: attached.sort(), otherRootPolicies: otherRootPolicies.sort() };
}

async function organizationTrails(clients: AwsClients) {
  try {
    const out = await clients.cloudtrail.send(
      new DescribeTrailsCommand({ includeShadowTrails: true }),
    );
    const seen = new Set<string>();
    return (out.trailList ?? []).filter((t) => {
      if (!t.IsOrganizationTrail || !t.TrailARN || seen.has(t.TrailARN)) return false;
      seen.add(t.TrailARN);
      return true;
    });
  } catch (error) {
    throw awsError(error, "cloudtrail:DescribeTrails");
  }
}

export async function discover(clients: AwsClients, options: DiscoverOptions): Promise<Discovery> {
  const progress = options.onProgress ?? (() => undefined);
  const org: OrgSnapshot = await readOrganization(clients, {
    placement: true,
    onProgress: progress,
  });
  const management = org.accounts.find((a) => a.id === org.managementAccountId);
  const conflicts: Conflict[] = [];

  const name = options.name ?? management?.name ?? org.id;
  const prefix = options.prefix ?? prefixFrom(name) ?? "org";
  const members = org.accounts.filter((a) => a.id !== org.managementAccountId);
  const active = members.filter((a) => a.state === "ACTIVE");
  for (const account of members.filter((a) => a.state !== "ACTIVE")) {
    conflicts.push({
      kind: "inactive-account",
      subject: `${account.name} (${account.id})`,
      message: `account is ${account.state}; it is left out of the answers`,
      fix: "nothing to do unless you reopen it; then run discover again",
    });
  }
  const names = uniqueNames(active);
  let logArchiveSeen = false;
  let securitySeen = false;
  const accounts = active.map((account) => {
    const short = names.get(account.id) as string;
    let kind = guessKind(account.name);
    if (kind === "log-archive" && logArchiveSeen) kind = "security";
    if (kind === "log-archive") logArchiveSeen = true;
    // The answers allow one of each; later look-alikes stay workloads.
    if (kind === "security" && securitySeen) kind = "workload";
    if (kind === "security") securitySeen = true;
    if (!account.ouPath) {
      conflicts.push({
        kind: "account-placement",
        subject: `${account.name} (${account.id})`,
        message: `account sits at the organization root; the baseline moves it into OU ${defaultOu(kind, short)}`,
        fix: "keep that, or set its ou in the answers to where it should live",
      });
    }
    if (account.joined === "INVITED") {
      conflicts.push({
        kind: "invited-account",
        subject: `${account.name} (${account.id})`,
        message:
          "account joined by invitation, so it may not have the access role the baseline assumes",
        fix: "create the role (accessRoleName) in that account, trusting the management account, before deploying its stacks",
      });
    }
    return {
      name: short,
      ...(kind === "workload" ? {} : { kind }),
      email: account.email,
      accountId: account.id,
      ...(short === account.name ? {} : { displayName: account.name }),
      ...(account.ouPath ? { ou: account.ouPath } : {}),
    };
  });
  const taken = new Set(["management", ...accounts.map((a) => a.name)]);
  if (!securitySeen) {
    const security = freeName("security", taken);
    taken.add(security);
    accounts.unshift({ name: security, kind: "security" } as (typeof accounts)[number]);
    conflicts.push({
      kind: "no-security-account",
      subject: security,
      message:
        "no account looks like a security (audit) account; the answers add a new one (the org stack creates it) to administer Config, GuardDuty, Security Hub and Access Analyzer",
      fix: 'keep the new account (set its email or accountEmailPattern), or set kind "security" on an existing account and run discover again so its services are checked',
    });
  }
  if (!logArchiveSeen) {
    const logArchive = freeName("log-archive", taken);
    accounts.unshift({ name: logArchive, kind: "log-archive" } as (typeof accounts)[number]);
    conflicts.push({
      kind: "no-log-archive",
      subject: logArchive,
      message:
        "no account looks like a log archive; the answers add a new one (the org stack creates it)",
      fix: 'keep the new account (set its email or accountEmailPattern), or set kind "log-archive" on an existing account',
    });
  }

  // What the baseline would create with these answers, to compare with what exists.
  const draft = {
    version: ANSWERS_VERSION,
    organization: { name, prefix, id: org.id },
    regions: { home: options.homeRegion },
    management: {
      name: "management",
      ...(management?.email ? { email: management.email } : {}),
      accountId: org.managementAccountId,
    },
    accounts,
    alarms: { emails: options.alarmEmails ?? (management?.email ? [management.email] : []) },
  };
  const defaults = AnswersSchema.safeParse(draft);
  const passwordWanted = defaults.success ? defaults.data.identity.passwordPolicy : undefined;

  progress("reading regions, SCPs, trails and the password policy");
  const { regions, warning: regionsWarning } = await enabledRegions(clients);
  const policies = await existingPolicies(clients, prefix, org.rootId);
  for (const policyName of Object.keys(policies.ids)) {
    conflicts.push({
      kind: "scp-name",
      subject: policyName,
      message:
        "an SCP with the baseline's name exists; it is imported and its content replaced by the baseline's",
      fix: "compare it with the baseline's guardrail in `aws-baseline plan`, or rename the existing policy",
    });
  }
  for (const trail of await organizationTrails(clients)) {
    const ours = trail.Name === baselineNames(prefix).trail;
    conflicts.push({
      kind: "organization-trail",
      subject: trail.TrailARN as string,
      message: ours
        ? "an organization trail with the baseline's name exists; creating it again fails"
        : `an organization trail already logs to s3://${trail.S3BucketName}; the baseline adds a second one (each extra copy of management events is billed)`,
      fix: ours
        ? "delete or rename it, or change organization.prefix"
        : "keep both while you move consumers, then delete the old trail",
    });
  }
  const passwordPolicy = await readPasswordPolicy(clients);
  const gaps =
    passwordPolicy && passwordWanted ? weakerPasswordPolicy(passwordPolicy, passwordWanted) : [];
  if (gaps.length > 0) {
    conflicts.push({
      kind: "password-policy",
      subject: `account ${org.managementAccountId}`,
      message: `the existing IAM password policy is weaker than the baseline's (${gaps.join("; ")}); applying replaces it`,
      fix: "tell IAM users that their next password change must follow the new policy",
    });
  }

  const enabled = regions.includes(options.homeRegion)
    ? regions
    : [...regions, options.homeRegion].sort();
  const roleName = options.accessRoleName ?? DEFAULT_ACCESS_ROLE;
  const securityAccountId = accounts.find((a) => a.kind === "security")?.accountId;
  const detective = await discoverDetective(
    clients,
    {
      managementAccountId: org.managementAccountId,
      regions: enabled,
      partition: partitionOf(options.homeRegion),
      ...(options.inspectMembers
        ? {
            members: {
              accountIds: accounts.flatMap((a) => (a.accountId ? [a.accountId] : [])),
              roleName,
              ...(securityAccountId ? { securityAccountId } : {}),
            },
          }
        : {}),
      onProgress: progress,
    },
    {
      managementAccountId: org.managementAccountId,
      names: new Map(accounts.flatMap((a) => (a.accountId ? [[a.accountId, a.name]] : []))),
      ...(securityAccountId ? { securityAccountId } : {}),
      homeRegion: options.homeRegion,
      ...(options.inspectMembers ? { memberRole: roleName } : {}),
    },
  );
  conflicts.push(...detective.conflicts);
  const detectiveAdopt = adoptionAnswers(detective.adopt);

  const layout = new Set(
    accounts.flatMap((a) =>
      ouWithParents(a.ou ?? defaultOu((a.kind ?? "workload") as AccountKind, a.name)),
    ),
  );
  const organizationalUnits = Object.fromEntries(
    org.units.filter((u) => layout.has(u.path)).map((u) => [u.path, u.id]),
  );
  const unknown = regions.filter((r) => !(r in KNOWN_REGIONS));
  const answers = {
    $schema: ANSWERS_SCHEMA_REF,
    generatedBy: `aws-baseline ${VERSION} accounts discover`,
    ...draft,
    // Regions the account has that are newer than aws-baseline's list are real: let them in.
    regions: {
      home: options.homeRegion,
      enabled,
      ...(unknown.length > 0 ? { allowUnknown: unknown } : {}),
    },
    ...(roleName === DEFAULT_ACCESS_ROLE ? {} : { accessRoleName: roleName }),
    adopt: {
      organization: true,
      accounts: true,
      organizationalUnits,
      policies: policies.ids,
      ...(policies.attached.length > 0
        ? { rootId: org.rootId, attachedPolicies: policies.attached }
        : {}),
      ...(policies.otherRootPolicies.length > 0
        ? { otherRootPolicies: policies.otherRootPolicies }
        : {}),
    },
    ...(detectiveAdopt ? { detective: { adopt: detectiveAdopt } } : {}),
  };
  const result = validateAnswers(answers);
  return {
    organizationId: org.id,
    answers,
    conflicts,
    warnings: [...(regionsWarning ? [regionsWarning] : []), ...detective.warnings],
    problems: result.ok ? [] : result.problems,
    imports: {
      organization: true,
      accounts: accounts.filter((a) => a.accountId).length,
      organizationalUnits: Object.keys(organizationalUnits).length,
      policies: Object.keys(policies.ids).length,
      ...adoptionCounts(detective.adopt),
    },
  };
}
