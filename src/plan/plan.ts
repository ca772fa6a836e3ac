/**
 * The stack plan: answers -> which stacks exist, for which account, in which regions, in which
 * order, which must wait for values not known yet, and exactly the props each ready stack is
 * built from. This is the contract between the answers and the stacks: a stack receives its
 * `target` and `props` and nothing else, never the whole configuration. Pure data (no cdktf),
 * so `validate` and the synth coordinator stay light and parts can be sent to child processes.
 */
import type { Emulator } from "../answers/emulator.js";
import { stackName } from "../answers/names.js";
import { BILLING_REGION, REGIONS_ENABLED_BY_DEFAULT } from "../answers/regions.js";
import { emulatorView } from "./emulator-view.js";
import {
  allAccounts,
  detectiveTrustedServices,
  enabledDetectiveServices,
  humanRoleNames,
  protectedDetectiveServices,
  type BaselineConfig,
  type ResolvedAccount,
  type ResolvedNetwork,
} from "../answers/resolve.js";

export type StackKind =
  | "org"
  | "access"
  | "log-archive"
  | "org-trail"
  | "billing"
  | "baseline"
  | "network"
  | "identity-center"
  | "security-tooling";

/** The account a stack runs in. Member accounts always have an ID; the management account may not yet. */
export type TargetAccount =
  | { readonly name: string; readonly kind: "management"; readonly accountId?: string }
  | { readonly name: string; readonly kind: "member"; readonly accountId: string };

/** Where a stack runs and how it gets there: what the base stack needs for backend and providers. */
export interface StackTarget {
  readonly account: TargetAccount;
  /** The default provider's region; also decides the partition. */
  readonly homeRegion: string;
  /** Regions with a provider (the home region always has one). */
  readonly regions: readonly string[];
  /**
   * Role the providers assume in member accounts: the deploy role, except for the access stack,
   * which creates the deploy role through the access role.
   */
  readonly memberRoleName: string;
  readonly state: BaselineConfig["state"];
  /** Point every provider and the backend at a local AWS emulator. @default - real AWS */
  readonly emulator?: Emulator;
}

/** A member account as the org stack creates it. */
export interface OrgMemberAccount {
  readonly name: string;
  readonly displayName?: string;
  readonly email: string;
  readonly ou: string;
  readonly accountId?: string;
}

export interface OrgStackProps {
  readonly prefix: string;
  readonly organizationId?: string;
  /** Every OU path, parents before children. */
  readonly organizationalUnits: readonly string[];
  readonly accounts: readonly OrgMemberAccount[];
  /** Created by Organizations in each new account; break-glass after the access stack. */
  readonly accessRoleName: string;
  /** The only role guardrail exemptions name. */
  readonly deployRoleName: string;
  /** Roles people assume in member accounts (protected by the guardrails). */
  readonly humanRoleNames: readonly string[];
  readonly adopt: BaselineConfig["adopt"];
  readonly guardrails: BaselineConfig["guardrails"];
  /** The regions the region-deny guardrail keeps open. */
  readonly enabledRegions: readonly string[];
  /** Trusted access for IAM (centralized root access needs it); emulators reject it. */
  readonly iamTrustedAccess: boolean;
  /** Trusted access for the detective services the answers switch on. */
  readonly detectiveTrustedServices: readonly string[];
  /** The detective services the baseline runs (the guardrails protect those). */
  readonly detectiveServices: {
    readonly config: boolean;
    readonly guardDuty: boolean;
    readonly securityHub: boolean;
  };
}

export interface AccessStackProps {
  readonly deployRoleName: string;
  readonly managementId: string;
  /** `role/<name>` or `user/<name>` in the management account. */
  readonly trustedPrincipals: readonly string[];
}

export interface LogArchiveStackProps {
  readonly prefix: string;
  readonly managementId: string;
  readonly organizationId: string;
  readonly logArchiveId: string;
  /** The security account, when the answers have one: it may read trail logs. */
  readonly securityId?: string;
  readonly cloudtrail: BaselineConfig["cloudtrail"];
  /** Detective services that deliver into the trail bucket (under their own prefixes). */
  readonly deliveries: {
    /** Every account's Config recorder (the Config service, for this organization). */
    readonly config: boolean;
    /** GuardDuty findings exported by the security account's detectors. */
    readonly guardDuty: boolean;
    /** Enabled regions that are opt-in (GuardDuty uses regional service principals there). */
    readonly optInRegions: readonly string[];
  };
}

export interface OrgTrailStackProps {
  readonly prefix: string;
  /** Break-glass once the deploy role exists: its use raises an alarm. */
  readonly accessRoleName: string;
  readonly logArchiveId: string;
  readonly cloudtrail: BaselineConfig["cloudtrail"];
  readonly alarms: BaselineConfig["alarms"];
}

export interface BilledAccount {
  readonly name: string;
  readonly accountId: string;
  readonly thresholdUsd: number;
}

export interface BillingStackProps {
  readonly prefix: string;
  readonly billing: BaselineConfig["billing"];
  readonly accounts: readonly BilledAccount[];
}

export interface BaselineStackProps {
  readonly prefix: string;
  /**
   * Where people sign in: member accounts' human roles trust the management account's matching
   * group members (with MFA, from this organization). Absent for the management account itself.
   */
  readonly signIn?: { readonly managementId: string; readonly organizationId: string };
  readonly identity: BaselineConfig["identity"];
  readonly accountDefaults: BaselineConfig["accountDefaults"];
  /** AWS Config in every enabled region, delivering to the log-archive bucket. */
  readonly configRecording?: ConfigRecordingPlan;
  /** The security account's GuardDuty detectors (created before it becomes administrator). */
  readonly guardDutyDetectors?: GuardDutyDetectorsPlan;
  /** The management account designates the security account as the services' administrator. */
  readonly delegation?: DetectiveDelegationPlan;
}

export interface ConfigRecordingPlan {
  readonly logArchiveId: string;
  /** The account already has Config's service-linked role: import it. */
  readonly serviceLinkedRoleExists: boolean;
  /** Existing recorders (and channels) to import, by region. */
  readonly adopt: Readonly<
    Record<string, { readonly recorder: string; readonly deliveryChannel?: string }>
  >;
}

export interface GuardDutyDetectorsPlan {
  readonly s3Protection: boolean;
  /** Existing detector IDs to import, by region. */
  readonly adopt: Readonly<Record<string, string>>;
}

export interface DetectiveDelegationPlan {
  readonly securityId: string;
  readonly config: boolean;
  readonly conformancePack: boolean;
  readonly guardDuty: boolean;
  readonly securityHub: boolean;
  readonly accessAnalyzer: boolean;
  readonly adopt: { readonly guardDutyAdmin: boolean; readonly securityHubAdmin: boolean };
}

export interface SecurityToolingStackProps {
  readonly prefix: string;
  readonly organizationId: string;
  readonly logArchiveId: string;
  readonly alarmEmails: readonly string[];
  /** Regions the aggregators cover (the stack's own regions are GuardDuty's). */
  readonly enabledRegions: readonly string[];
  /** Config's organization aggregator (on with Config, except where an emulator cannot). */
  readonly configAggregator: boolean;
  readonly detective: BaselineConfig["detective"];
}

export interface PermissionSetPlan {
  /** Permission set name (the role name of the IAM-user mode). */
  readonly name: string;
  /** AWS managed policy, e.g. AdministratorAccess or job-function/Billing. */
  readonly managedPolicy: string;
  /** Display name of the identity-store group assigned to it. */
  readonly group: string;
}

export interface IdentityCenterStackProps {
  readonly sessionDuration: string;
  readonly permissionSets: readonly PermissionSetPlan[];
  /** Every account of the organization, management included. */
  readonly accounts: readonly { readonly name: string; readonly accountId: string }[];
}

export interface NetworkStackProps {
  /** Names the VPC and its parts: <prefix>-<account>. */
  readonly vpcName: string;
  readonly network: ResolvedNetwork;
  readonly subnetPrefixLength: number;
}

export interface StackPropsByKind {
  readonly org: OrgStackProps;
  readonly access: AccessStackProps;
  readonly "log-archive": LogArchiveStackProps;
  readonly "org-trail": OrgTrailStackProps;
  readonly billing: BillingStackProps;
  readonly baseline: BaselineStackProps;
  readonly network: NetworkStackProps;
  readonly "identity-center": IdentityCenterStackProps;
  readonly "security-tooling": SecurityToolingStackProps;
}

/** What a ready stack is built from, discriminated by kind. */
export type StackBuild = {
  [K in StackKind]: {
    readonly kind: K;
    readonly target: StackTarget;
    readonly props: StackPropsByKind[K];
  };
}[StackKind];

/** Kinds with one stack per account, named `<kind>-<account>`. */
export const PER_ACCOUNT_KINDS = [
  "access",
  "baseline",
  "network",
] as const satisfies readonly StackKind[];

/** The kind of a stack, recognised from its name (drift reports know stacks by name only). */
export function stackKindOf(name: string): StackKind | undefined {
  const single: Record<string, StackKind> = {
    [stackName.org]: "org",
    [stackName.identityCenter]: "identity-center",
    [stackName.securityTooling]: "security-tooling",
    [stackName.logArchive]: "log-archive",
    [stackName.orgTrail]: "org-trail",
    [stackName.billing]: "billing",
  };
  if (Object.hasOwn(single, name)) return single[name];
  return PER_ACCOUNT_KINDS.find((kind) => {
    const prefix = stackName[kind]("");
    return name.startsWith(prefix) && name.length > prefix.length;
  });
}

export interface StackPlan {
  readonly name: string;
  readonly kind: StackKind;
  readonly account: ResolvedAccount;
  /** Regions the stack has providers in. */
  readonly regions: readonly string[];
  /** Stacks that must be applied first. */
  readonly dependsOn: readonly string[];
  /** Answers keys that are still unknown; the stack is built only when this is empty. */
  readonly waitingFor: readonly string[];
  /** Present exactly when nothing is waiting. */
  readonly build?: StackBuild;
}

export interface PendingStack {
  readonly name: string;
  readonly account: string;
  readonly waitingFor: readonly string[];
  readonly reason: string;
}

/** Answers path -> value for the values a stack cannot be built without. */
type Needs = Readonly<Record<string, string | undefined>>;

/**
 * The answers keys in `needs` that are unknown, or (when all are known) the stack's build, made
 * with `get`, which returns each needed value as a string.
 */
function whenKnown<T>(needs: Needs, make: (get: (path: string) => string) => T) {
  const waitingFor = Object.entries(needs).flatMap(([path, value]) => (value ? [] : [path]));
  if (waitingFor.length > 0) return { waitingFor };
  const get = (path: string): string => {
    const value = needs[path];
    if (!value) throw new Error(`planStacks: ${path} was not declared as needed`);
    return value;
  };
  return { waitingFor, build: make(get) };
}

function idPath(account: ResolvedAccount): string {
  return `${account.answersPath}.accountId`;
}

/** Member stacks assume a role by account ID, so a member account needs its ID. */
function accountNeeds(account: ResolvedAccount): Needs {
  return account.kind === "management" ? {} : { [idPath(account)]: account.accountId };
}

function targetAccount(account: ResolvedAccount, get: (path: string) => string): TargetAccount {
  return account.kind === "management"
    ? { name: account.name, kind: "management", accountId: account.accountId }
    : { name: account.name, kind: "member", accountId: get(idPath(account)) };
}

/** Validation guarantees member e-mails and OUs; their absence here is a bug. */
function resolved(value: string | undefined, what: string): string {
  if (value === undefined) throw new Error(`planStacks: ${what} is not resolved`);
  return value;
}

/**
 * Every stack the answers ask for, in dependency order, each with what it is built from. In
 * emulator mode, the parts emulators cannot run are left out (see emulator-view.ts).
 */
export function planStacks(answered: BaselineConfig): StackPlan[] {
  const { config, leftOut } = emulatorView(answered);
  const left = new Set(leftOut.map((l) => l.gap));
  const home = config.regions.home;
  const prefix = config.organization.prefix;
  const management = config.management;
  const logArchive = config.accounts.find((a) => a.kind === "log-archive");
  if (!logArchive) throw new Error("planStacks: validated answers have no log-archive account");
  const security = config.accounts.find((a) => a.kind === "security");
  const detective = config.detective;
  // The rules require a security account for any detective service; without one there are none.
  const detectiveOn = security !== undefined && enabledDetectiveServices(detective).length > 0;
  const configOn = detectiveOn && detective.config.enabled;
  const guardDutyOn = detectiveOn && detective.guardDuty.enabled;
  const aggregatorOn = configOn && !left.has("configAggregator");
  const target = (
    account: ResolvedAccount,
    regions: readonly string[],
    get: (path: string) => string,
    memberRoleName = config.deployRole.name,
  ): StackTarget => ({
    account: targetAccount(account, get),
    homeRegion: home,
    regions,
    memberRoleName,
    state: config.state,
    emulator: config.emulator,
  });
  const plans: StackPlan[] = [];
  const add = (
    name: string,
    kind: StackKind,
    account: ResolvedAccount,
    regions: readonly string[],
    dependsOn: readonly string[],
    planned: { waitingFor: readonly string[]; build?: StackBuild },
  ) => plans.push({ name, kind, account, regions, dependsOn, ...planned });

  add(
    stackName.org,
    "org",
    management,
    [home],
    [],
    whenKnown({}, (get) => ({
      kind: "org",
      target: target(management, [home], get),
      props: {
        prefix,
        organizationId: config.organization.id,
        organizationalUnits: config.organizationalUnits,
        accounts: config.accounts.map((a) => ({
          name: a.name,
          displayName: a.displayName,
          email: resolved(a.email, `${a.answersPath}.email`),
          ou: resolved(a.ou, `${a.answersPath}.ou`),
          accountId: a.accountId,
        })),
        accessRoleName: config.accessRoleName,
        deployRoleName: config.deployRole.name,
        humanRoleNames: humanRoleNames(config.identity.admins),
        adopt: config.adopt,
        guardrails: config.guardrails,
        enabledRegions: config.regions.enabled,
        iamTrustedAccess: !left.has("centralRootAccess"),
        detectiveTrustedServices: security ? detectiveTrustedServices(config.detective) : [],
        detectiveServices: protectedDetectiveServices(config.detective, security !== undefined),
      },
    })),
  );

  // The deploy role every other member stack runs as, created through the access role.
  for (const account of config.accounts) {
    add(
      stackName.access(account.name),
      "access",
      account,
      [home],
      [stackName.org],
      whenKnown(
        { ...accountNeeds(account), "management.accountId": management.accountId },
        (get) => ({
          kind: "access",
          target: target(account, [home], get, config.accessRoleName),
          props: {
            deployRoleName: config.deployRole.name,
            managementId: get("management.accountId"),
            trustedPrincipals: config.deployRole.trustedPrincipals,
          },
        }),
      ),
    );
  }

  // The key and bucket policies name the management account, the organization, our trail and
  // the accounts that may read its logs.
  add(
    stackName.logArchive,
    "log-archive",
    logArchive,
    [home],
    [stackName.org, stackName.access(logArchive.name)],
    whenKnown(
      {
        ...accountNeeds(logArchive),
        ...(security ? accountNeeds(security) : {}),
        "management.accountId": management.accountId,
        "organization.id": config.organization.id,
      },
      (get) => ({
        kind: "log-archive",
        target: target(logArchive, [home], get),
        props: {
          prefix,
          managementId: get("management.accountId"),
          organizationId: get("organization.id"),
          logArchiveId: get(idPath(logArchive)),
          ...(security ? { securityId: get(idPath(security)) } : {}),
          cloudtrail: config.cloudtrail,
          deliveries: {
            config: configOn,
            guardDuty: guardDutyOn,
            optInRegions: config.regions.enabled.filter(
              (r) => !(REGIONS_ENABLED_BY_DEFAULT as readonly string[]).includes(r),
            ),
          },
        },
      }),
    ),
  );

  // The trail writes to the log-archive bucket, whose name carries that account's ID.
  if (!left.has("organizationTrail"))
    add(
      stackName.orgTrail,
      "org-trail",
      management,
      [home],
      [stackName.logArchive],
      whenKnown(accountNeeds(logArchive), (get) => ({
        kind: "org-trail",
        target: target(management, [home], get),
        props: {
          prefix,
          accessRoleName: config.accessRoleName,
          logArchiveId: get(idPath(logArchive)),
          cloudtrail: config.cloudtrail,
          alarms: config.alarms,
        },
      })),
    );

  // One alarm and budget per member account, by LinkedAccount ID.
  add(
    stackName.billing,
    "billing",
    management,
    [BILLING_REGION],
    [stackName.org],
    whenKnown(Object.assign({}, ...config.accounts.map(accountNeeds)) as Needs, (get) => ({
      kind: "billing",
      target: target(management, [BILLING_REGION], get),
      props: {
        prefix,
        billing: config.billing,
        accounts: config.accounts.map((a) => ({
          name: a.name,
          accountId: get(idPath(a)),
          thresholdUsd: accountThresholdUsd(config, a.name),
        })),
      },
    })),
  );

  // The management account's baseline comes last: with detective services it designates the
  // security account as their administrator, after that account's detectors exist.
  const [managementFirst, ...members] = allAccounts(config);
  for (const account of [...members, managementFirst as ResolvedAccount]) {
    const member = account.kind !== "management";
    const delegates = !member && detectiveOn && security !== undefined;
    const detectors = guardDutyOn && account === security;
    add(
      stackName.baseline(account.name),
      "baseline",
      account,
      config.regions.enabled,
      [
        stackName.org,
        ...(member ? [stackName.access(account.name)] : []),
        ...(configOn ? [stackName.logArchive] : []),
        ...(delegates && guardDutyOn ? [stackName.baseline(security.name)] : []),
      ],
      whenKnown(
        {
          ...(member
            ? {
                ...accountNeeds(account),
                "management.accountId": management.accountId,
                "organization.id": config.organization.id,
              }
            : {}),
          ...(configOn ? accountNeeds(logArchive) : {}),
          ...(delegates ? accountNeeds(security) : {}),
        },
        (get) => ({
          kind: "baseline",
          target: target(account, config.regions.enabled, get),
          props: {
            prefix,
            identity: config.identity,
            accountDefaults: config.accountDefaults,
            ...(member && {
              signIn: {
                managementId: get("management.accountId"),
                organizationId: get("organization.id"),
              },
            }),
            ...(configOn && {
              configRecording: {
                logArchiveId: get(idPath(logArchive)),
                adopt: detective.adopt.configRecorders[account.name] ?? {},
                serviceLinkedRoleExists: detective.adopt.configServiceLinkedRoles.includes(
                  account.name,
                ),
              },
            }),
            ...(detectors && {
              guardDutyDetectors: {
                s3Protection: detective.guardDuty.s3Protection,
                adopt: detective.adopt.guardDutyDetectors,
              },
            }),
            ...(delegates && {
              delegation: {
                securityId: get(idPath(security)),
                config: aggregatorOn,
                conformancePack: configOn && detective.config.conformancePack,
                guardDuty: guardDutyOn,
                securityHub: detective.securityHub.enabled,
                accessAnalyzer: detective.accessAnalyzer.enabled,
                adopt: {
                  guardDutyAdmin: detective.adopt.guardDutyAdmin,
                  securityHubAdmin: detective.adopt.securityHubAdmin,
                },
              },
            }),
          },
        }),
      ),
    );
  }

  // The services' organization-wide settings, run from the security account once it administers them.
  if (detectiveOn && security) {
    const regions = guardDutyOn ? config.regions.enabled : [home];
    add(
      stackName.securityTooling,
      "security-tooling",
      security,
      regions,
      // Every account records before the aggregator and the conformance pack look at them.
      [
        stackName.org,
        stackName.access(security.name),
        stackName.logArchive,
        ...allAccounts(config).map((a) => stackName.baseline(a.name)),
      ],
      whenKnown(
        {
          ...accountNeeds(security),
          ...accountNeeds(logArchive),
          "organization.id": config.organization.id,
        },
        (get) => ({
          kind: "security-tooling",
          target: target(security, regions, get),
          props: {
            prefix,
            organizationId: get("organization.id"),
            logArchiveId: get(idPath(logArchive)),
            alarmEmails: config.alarms.emails,
            enabledRegions: config.regions.enabled,
            configAggregator: aggregatorOn,
            detective,
          },
        }),
      ),
    );
  }
  const identityCenter = config.identity.identityCenter;
  if (identityCenter.enabled) {
    const region = identityCenter.region ?? home;
    const everyone = allAccounts(config);
    add(
      stackName.identityCenter,
      "identity-center",
      management,
      [region],
      [stackName.org],
      whenKnown(
        Object.assign(
          { "management.accountId": management.accountId },
          ...config.accounts.map(accountNeeds),
        ) as Needs,
        (get) => ({
          kind: "identity-center",
          // The instance lives in one region: the stack's only provider is there.
          target: { ...target(management, [region], get), homeRegion: region },
          props: {
            sessionDuration: identityCenter.sessionDuration,
            permissionSets: permissionSets(config),
            accounts: everyone.map((a) => ({
              name: a.name,
              accountId: get(a.kind === "management" ? "management.accountId" : idPath(a)),
            })),
          },
        }),
      ),
    );
  }

  for (const account of config.accounts) {
    const network = account.network;
    if (!network) continue;
    add(
      stackName.network(account.name),
      "network",
      account,
      [home],
      [stackName.baseline(account.name)],
      whenKnown(accountNeeds(account), (get) => ({
        kind: "network",
        target: target(account, [home], get),
        props: {
          vpcName: `${prefix}-${account.name}`,
          network,
          subnetPrefixLength: config.addressing.subnetPrefixLength,
        },
      })),
    );
  }
  return plans;
}

/** Admin always; ReadOnly and Billing as the answers switch the matching IAM groups. */
function permissionSets(config: BaselineConfig): PermissionSetPlan[] {
  const { admins, identityCenter } = config.identity;
  const { groups } = identityCenter;
  return [
    { name: admins.roleName, managedPolicy: "AdministratorAccess", group: groups.admins },
    ...(admins.readOnlyGroup
      ? [{ name: "BaselineReadOnly", managedPolicy: "ReadOnlyAccess", group: groups.readOnly }]
      : []),
    ...(admins.billingGroup
      ? [{ name: "BaselineBilling", managedPolicy: "job-function/Billing", group: groups.billing }]
      : []),
  ];
}

/** The monthly EstimatedCharges threshold of one member account. */
export function accountThresholdUsd(config: BaselineConfig, accountName: string): number {
  return config.billing.accountOverridesUsd[accountName] ?? config.billing.accountMonthlyUsd;
}

export function pendingStacks(plans: readonly StackPlan[]): PendingStack[] {
  return plans
    .filter((p) => p.waitingFor.length > 0)
    .map((p) => ({
      name: p.name,
      account: p.account.name,
      waitingFor: p.waitingFor,
      reason: `needs ${p.waitingFor.join(", ")}, known only after the org stack has created the accounts and the organization`,
    }));
}
