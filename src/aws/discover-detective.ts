/**
 * Coexistence with detective services that already run (Control Tower and earlier setups create
 * them): from what exists (detective-state.ts), decide what the answers adopt through import
 * blocks (`detective.adopt`) and what a human must decide first. Pure apart from the reads.
 */
import type { DetectiveService } from "../detective/defaults.js";
import { DETECTIVE_SERVICES } from "../detective/defaults.js";
import type { AwsClients } from "./clients.js";
import type { Conflict } from "./conflict.js";
import {
  CONFIG_SERVICE_LINKED_ROLE,
  CONTROL_TOWER_PRINCIPAL,
  readDetectiveState,
  type AccountState,
  type DetectiveReadOptions,
  type DetectiveState,
  type ReadFailure,
} from "./detective-state.js";

/** Config names the answers accept (detective.adopt.configRecorders). */
const CONFIG_NAME = /^[\w.-]{1,256}$/;
/** Control Tower's own recorder and channel (aws-controltower-BaselineConfigRecorder, ...). */
const CONTROL_TOWER_NAME = /^aws-controltower-/;

export interface AdoptedRecorder {
  readonly recorder: string;
  readonly deliveryChannel?: string;
}

/** `detective.adopt` as discovered. */
export interface DetectiveAdoption {
  readonly configRecorders: Record<string, Record<string, AdoptedRecorder>>;
  /** Answers names of the accounts that already have AWSServiceRoleForConfig. */
  readonly configServiceLinkedRoles: readonly string[];
  readonly guardDutyDetectors: Record<string, string>;
  readonly guardDutyAdmin: boolean;
  readonly securityHubAdmin: boolean;
}

export interface DetectiveContext {
  readonly managementAccountId: string;
  /** Answers names by account ID ("management" for the management account). */
  readonly names: ReadonlyMap<string, string>;
  /** The answers' security account, when it already exists. */
  readonly securityAccountId?: string;
  readonly homeRegion: string;
  /** The access role member accounts were read through; undefined when they were not read. */
  readonly memberRole?: string;
}

export interface DetectiveDiscovery {
  readonly adopt: DetectiveAdoption;
  readonly conflicts: readonly Conflict[];
  readonly warnings: readonly string[];
}

/** What a failed read leaves unknown, by IAM action. */
const UNKNOWN_AFTER: Record<string, string> = {
  "organizations:ListDelegatedAdministrators":
    "the services' delegated administrators are unknown; another account as administrator makes the deploy fail",
  "organizations:ListAWSServiceAccessForOrganization":
    "whether Control Tower runs Config recorders in the accounts is unknown",
  "config:DescribeConfigurationRecorders":
    "an existing recorder there is not adopted, and the baseline's then fails to create (one per account and region)",
  "config:DescribeDeliveryChannels":
    "an existing delivery channel there is not adopted, and the baseline's then fails to create (one per account and region)",
  "iam:GetRole": `whether Config's service-linked role ${CONFIG_SERVICE_LINKED_ROLE} exists there is unknown (unless a recorder there uses it); if it does, list the account in detective.adopt.configServiceLinkedRoles, or its baseline stack fails to create the role`,
  "guardduty:ListDetectors": "existing GuardDuty detectors there are unknown",
  "guardduty:ListOrganizationAdminAccounts": "GuardDuty's administrator there is unknown",
  "securityhub:ListOrganizationAdminAccounts": "Security Hub's administrator there is unknown",
  "sts:AssumeRole": `that account's recorders and ${CONFIG_SERVICE_LINKED_ROLE} were not read; an existing recorder makes its baseline stack fail to create its own, and an existing role must be listed in detective.adopt.configServiceLinkedRoles`,
};

/** The account's name in the answers ("management" for the management account). */
function answersName(ctx: DetectiveContext, accountId: string): string | undefined {
  return accountId === ctx.managementAccountId ? "management" : ctx.names.get(accountId);
}

/** Discovery's view of the detective services: read, then decide. */
export async function discoverDetective(
  clients: AwsClients,
  read: DetectiveReadOptions,
  context: DetectiveContext,
): Promise<DetectiveDiscovery> {
  return decideDetective(await readDetectiveState(clients, read), context);
}

export function decideDetective(state: DetectiveState, ctx: DetectiveContext): DetectiveDiscovery {
  const label = (id: string) =>
    id === ctx.managementAccountId
      ? `the management account (${id})`
      : ctx.names.has(id)
        ? `${ctx.names.get(id)} (${id})`
        : id;
  const conflicts: Conflict[] = [];
  const recorders = adoptRecorders(state, ctx, label, conflicts);
  const configServiceLinkedRoles = adoptServiceLinkedRoles(state, ctx);
  const admins = adoptAdministrators(state, ctx, label, conflicts);
  const guardDutyDetectors = adoptDetectors(state, ctx, admins.guardDutyAdmin, label, conflicts);
  const warnings = summarizeFailures(state.failures, label);
  if (!ctx.memberRole) {
    warnings.push(
      `member accounts were not read (--inspect-members): an existing Config recorder in one of them is not adopted, and that account's baseline stack then fails to create its own; likewise an existing ${CONFIG_SERVICE_LINKED_ROLE} there must be listed in detective.adopt.configServiceLinkedRoles`,
    );
  }
  return {
    adopt: { configRecorders: recorders, configServiceLinkedRoles, guardDutyDetectors, ...admins },
    conflicts,
    warnings,
  };
}

/** `detective.adopt` for the answers: only what there is to adopt, nothing when there is none. */
export function adoptionAnswers(adopt: DetectiveAdoption): Record<string, unknown> | undefined {
  const out = {
    ...(Object.keys(adopt.configRecorders).length > 0
      ? { configRecorders: adopt.configRecorders }
      : {}),
    ...(adopt.configServiceLinkedRoles.length > 0
      ? { configServiceLinkedRoles: adopt.configServiceLinkedRoles }
      : {}),
    ...(Object.keys(adopt.guardDutyDetectors).length > 0
      ? { guardDutyDetectors: adopt.guardDutyDetectors }
      : {}),
    ...(adopt.guardDutyAdmin ? { guardDutyAdmin: true } : {}),
    ...(adopt.securityHubAdmin ? { securityHubAdmin: true } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Adopted recorders and detectors, and designations, for `Discovery.imports`. */
export function adoptionCounts(adopt: DetectiveAdoption) {
  return {
    configRecorders: Object.values(adopt.configRecorders).reduce(
      (n, byRegion) => n + Object.keys(byRegion).length,
      0,
    ),
    configServiceLinkedRoles: adopt.configServiceLinkedRoles.length,
    guardDutyDetectors: Object.keys(adopt.guardDutyDetectors).length,
    delegatedAdministrators: Number(adopt.guardDutyAdmin) + Number(adopt.securityHubAdmin),
  };
}

function adoptRecorders(
  state: DetectiveState,
  ctx: DetectiveContext,
  label: (id: string) => string,
  conflicts: Conflict[],
): Record<string, Record<string, AdoptedRecorder>> {
  const adopted: Record<string, Record<string, AdoptedRecorder>> = {};
  const controlTower: string[] = [];
  const accounts: AccountState[] = [state.management, ...state.members];
  for (const account of accounts) {
    const name = answersName(ctx, account.accountId);
    if (!name) continue;
    const here: Record<string, AdoptedRecorder> = {};
    const unnameable: string[] = [];
    const lonelyChannels: string[] = [];
    for (const r of account.regions) {
      const recorder = r.recorders?.[0];
      const channel = r.deliveryChannels?.[0];
      if ((recorder ?? channel) && CONTROL_TOWER_NAME.test((recorder ?? channel) as string)) {
        controlTower.push(`${name} ${r.region}`);
      } else if (recorder && !CONFIG_NAME.test(recorder)) {
        unnameable.push(`${recorder} in ${r.region}`);
      } else if (recorder) {
        here[r.region] = {
          recorder,
          ...(channel && CONFIG_NAME.test(channel) ? { deliveryChannel: channel } : {}),
        };
      } else if (channel) {
        lonelyChannels.push(`${channel} in ${r.region}`);
      }
    }
    const subject = label(account.accountId);
    const regions = Object.keys(here);
    if (regions.length > 0) {
      adopted[name] = here;
      const names = [...new Set(Object.values(here).map((a) => a.recorder))].join(", ");
      conflicts.push({
        kind: "config-recorder",
        subject,
        message: `the Config recorder ${names} in ${regions.join(", ")} is imported (detective.adopt.configRecorders.${name}) and reconfigured: all supported resource types, delivery into the log-archive bucket`,
        fix: "nothing to do, unless something reads its current bucket or topic; to leave Config as it is, set detective.config.enabled: false (and detective.securityHub.enabled: false, which needs it)",
      });
    }
    if (unnameable.length > 0) {
      conflicts.push({
        kind: "config-recorder",
        subject,
        message: `the Config recorder ${unnameable.join("; ")} has a name the answers cannot carry (letters, digits, '_', '-', '.'), so it is not adopted, and the baseline cannot add a second one`,
        fix: "delete it (its history stays in its bucket) before deploying, or set detective.config.enabled: false",
      });
    }
    if (lonelyChannels.length > 0) {
      conflicts.push({
        kind: "config-recorder",
        subject,
        message: `a Config delivery channel without a recorder exists (${lonelyChannels.join("; ")}); Config allows one per region, and the answers adopt a channel only with its recorder`,
        fix: "delete it (aws configservice delete-delivery-channel) before deploying, or set detective.config.enabled: false",
      });
    }
  }
  const trusted = state.trustedServices?.includes(CONTROL_TOWER_PRINCIPAL) ?? false;
  if (trusted || controlTower.length > 0) {
    conflicts.push({
      kind: "control-tower",
      subject: CONTROL_TOWER_PRINCIPAL,
      message:
        "AWS Control Tower runs its own Config recorder in every enrolled account through StackSets" +
        (controlTower.length > 0 ? ` (seen: ${controlTower.join(", ")})` : "") +
        "; the baseline neither adopts them (the two would fight over their settings) nor can add a second recorder",
      fix: "set detective.config.enabled: false (and detective.securityHub.enabled: false, which needs it), or un-enroll the accounts from Control Tower before deploying",
    });
  }
  return adopted;
}

/**
 * Accounts where AWSServiceRoleForConfig exists: IAM says so, or a recorder already records with
 * it. Creating it again fails ("has been taken in this account"), so the answers import it.
 */
function adoptServiceLinkedRoles(state: DetectiveState, ctx: DetectiveContext): string[] {
  return [state.management, ...state.members].flatMap((account) => {
    const name = answersName(ctx, account.accountId);
    const exists =
      account.configServiceLinkedRole === true ||
      account.regions.some((r) => r.recordsWithServiceLinkedRole);
    return name && exists ? [name] : [];
  });
}

function adoptAdministrators(
  state: DetectiveState,
  ctx: DetectiveContext,
  label: (id: string) => string,
  conflicts: Conflict[],
): { guardDutyAdmin: boolean; securityHubAdmin: boolean } {
  const security = ctx.securityAccountId;
  const regions = state.management.regions;
  const regional = (pick: "guardDutyAdmins" | "securityHubAdmins") =>
    regions.flatMap((r) => (r[pick] ? [{ region: r.region, admins: r[pick] }] : []));
  const elsewhere = (
    service: DetectiveService,
    read: { region: string; admins: readonly string[] }[],
  ) => {
    const ids = new Set([...(state.delegated[service] ?? []), ...read.flatMap((r) => r.admins)]);
    for (const id of [...ids].filter((i) => i !== security).sort()) {
      const where = read.filter((r) => r.admins.includes(id)).map((r) => r.region);
      conflicts.push(otherAdministrator(service, label(id), id, where));
    }
  };

  const guardDuty = regional("guardDutyAdmins");
  elsewhere("guardDuty", guardDuty);
  const gdRegions = guardDuty.filter((r) => security && r.admins.includes(security));
  const guardDutyAdmin = Boolean(
    security &&
    (gdRegions.length > 0 ||
      (guardDuty.length === 0 && state.delegated.guardDuty?.includes(security))),
  );
  const gdMissing = guardDuty.filter((r) => !gdRegions.includes(r)).map((r) => r.region);
  if (guardDutyAdmin && gdMissing.length > 0) {
    conflicts.push({
      kind: "delegated-admin",
      subject: DETECTIVE_SERVICES.guardDuty,
      message: `${label(security as string)} administers GuardDuty in ${gdRegions.map((r) => r.region).join(", ")} but not in ${gdMissing.join(", ")}; the answers import the designation in every enabled region`,
      fix: `designate it there too before the first plan (aws guardduty enable-organization-admin-account --admin-account-id ${security} --region <region>), or remove every designation and detective.adopt.guardDutyAdmin so the baseline creates them`,
    });
  }

  const securityHub = regional("securityHubAdmins");
  elsewhere("securityHub", securityHub);
  const home = securityHub.find((r) => r.region === ctx.homeRegion);
  const shElsewhere = securityHub.filter((r) => security && r.admins.includes(security));
  const securityHubAdmin = Boolean(
    security &&
    (home
      ? home.admins.includes(security)
      : shElsewhere.length > 0 || state.delegated.securityHub?.includes(security)),
  );
  if (security && home && !securityHubAdmin && shElsewhere.length > 0) {
    conflicts.push({
      kind: "delegated-admin",
      subject: DETECTIVE_SERVICES.securityHub,
      message: `${label(security)} administers Security Hub in ${shElsewhere.map((r) => r.region).join(", ")} but not in the home region ${ctx.homeRegion}, where the baseline's central configuration runs`,
      fix: `designate it in ${ctx.homeRegion} too (aws securityhub enable-organization-admin-account --admin-account-id ${security} --region ${ctx.homeRegion}) and run discover again`,
    });
  }

  // Config and Access Analyzer are designated through Organizations alone.
  for (const service of ["config", "accessAnalyzer"] as const) {
    elsewhere(service, []);
    if (security && state.delegated[service]?.includes(security)) {
      conflicts.push({
        kind: "delegated-admin",
        subject: DETECTIVE_SERVICES[service],
        message: `${label(security)} already is the delegated administrator of ${DETECTIVE_SERVICES[service]}, as the baseline wants, but the answers cannot import that designation, so creating it fails (AccountAlreadyRegisteredException)`,
        fix: `deregister it just before the first deploy (aws organizations deregister-delegated-administrator --account-id ${security} --service-principal <principal>; the baseline registers it again), or set detective.${service}.enabled: false`,
      });
    }
  }
  return { guardDutyAdmin, securityHubAdmin };
}

function otherAdministrator(
  service: DetectiveService,
  who: string,
  id: string,
  regions: readonly string[],
): Conflict {
  const name = DETECTIVE_SERVICES[service];
  // Organizations accepts several administrators for AWS Config; the others take one.
  const extraAllowed = service === "config";
  return {
    kind: "delegated-admin",
    subject: name,
    message:
      `${who} is the delegated administrator of ${name}${regions.length > 0 ? ` (in ${regions.join(", ")})` : ""}` +
      (extraAllowed
        ? "; the baseline registers the security account as well"
        : "; there is one per organization, and the baseline makes the security account it"),
    fix: extraAllowed
      ? `nothing to do while ${id} still needs it; deregister it when its aggregators and rules have moved to the security account`
      : `make the security account the administrator instead (deregister ${id} first; its findings history stays there), or switch the service off (detective.${service}.enabled: false)`,
  };
}

function adoptDetectors(
  state: DetectiveState,
  ctx: DetectiveContext,
  guardDutyAdmin: boolean,
  label: (id: string) => string,
  conflicts: Conflict[],
): Record<string, string> {
  const security = ctx.securityAccountId;
  const detectors: Record<string, string> = {};
  const securityState = state.members.find((m) => m.accountId === security);
  for (const r of securityState?.regions ?? []) {
    const id = r.detectors?.[0];
    if (id) detectors[r.region] = id;
  }
  if (guardDutyAdmin && !securityState) {
    conflicts.push({
      kind: "guardduty-detector",
      subject: label(security as string),
      message:
        "the security account administers GuardDuty, so it has a detector in each such region; importing them needs their IDs, which only that account can list",
      fix: "run discover again with --inspect-members, or set detective.adopt.guardDutyDetectors.<region> from `aws guardduty list-detectors` in the security account",
    });
  }
  const found = Object.keys(detectors);
  if (found.length > 0) {
    conflicts.push({
      kind: "guardduty-detector",
      subject: label(security as string),
      message: `the GuardDuty detectors in ${found.join(", ")} are imported (detective.adopt.guardDutyDetectors) and configured like the baseline's (S3 protection, findings export)`,
      fix: "nothing to do",
    });
  }
  // Detectors elsewhere stay: the baseline creates detectors only in the security account.
  for (const account of [state.management, ...state.members]) {
    if (account.accountId === security) continue;
    const where = account.regions.filter((r) => (r.detectors ?? []).length > 0);
    if (where.length === 0) continue;
    conflicts.push({
      kind: "guardduty-detector",
      subject: label(account.accountId),
      message: `GuardDuty already runs in ${where.map((r) => r.region).join(", ")}; the baseline leaves these detectors in place (it creates detectors only in the security account, which then administers them)`,
      fix: "nothing to decide",
    });
  }
  return detectors;
}

/** One warning per failed action and error, naming where it failed and what that leaves unknown. */
function summarizeFailures(
  failures: readonly ReadFailure[],
  label: (id: string) => string,
): string[] {
  const groups = new Map<string, ReadFailure[]>();
  for (const f of failures) {
    const key = `${f.action}\u0000${f.error}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as ReadFailure;
    const byAccount = new Map<string, string[]>();
    for (const f of group) {
      byAccount.set(f.accountId, [
        ...(byAccount.get(f.accountId) ?? []),
        ...(f.region ? [f.region] : []),
      ]);
    }
    const where = [...byAccount]
      .map(
        ([id, regions]) => `${label(id)}${regions.length > 0 ? ` in ${regions.join(", ")}` : ""}`,
      )
      .join("; ");
    const unknown = UNKNOWN_AFTER[first.action] ?? "what it reads is unknown";
    return `${first.action} failed for ${where} (${first.error}: ${first.message}): ${unknown}`;
  });
}
