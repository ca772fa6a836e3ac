/**
 * What of the detective services already exists, read with the management account's credentials
 * (and, when asked, through the access role in each member account): the services' delegated
 * administrators, Control Tower's trusted access, per account whether Config's service-linked role
 * exists, and per account and region the Config recorder, its delivery channel and the GuardDuty
 * detectors. Read-only. A read that fails (access denied, a region without the service) is
 * recorded as a failure and reading goes on: the caller turns failures into warnings, because a
 * discovery with a named gap beats no discovery.
 */
import {
  DescribeConfigurationRecordersCommand,
  DescribeDeliveryChannelsCommand,
} from "@aws-sdk/client-config-service";
import {
  paginateListDetectors,
  paginateListOrganizationAdminAccounts as paginateGuardDutyAdmins,
} from "@aws-sdk/client-guardduty";
import { GetRoleCommand, type IAMClient } from "@aws-sdk/client-iam";
import {
  paginateListAWSServiceAccessForOrganization,
  paginateListDelegatedAdministrators,
} from "@aws-sdk/client-organizations";
import { paginateListOrganizationAdminAccounts as paginateSecurityHubAdmins } from "@aws-sdk/client-securityhub";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { roleArn } from "../answers/names.js";
import type { DetectiveService } from "../detective/defaults.js";
import { mapLimit } from "../util/pool.js";
import type { AwsClients, RegionalClients, RoleCredentials } from "./clients.js";
import { CONFIG_SERVICE_LINKED_ROLE, configServiceLinkedRoleArn } from "../detective/defaults.js";

/** The service principals whose delegated administrator the baseline sets to the security account. */
export const DETECTIVE_PRINCIPALS: Readonly<Record<DetectiveService, string>> = {
  config: "config.amazonaws.com",
  guardDuty: "guardduty.amazonaws.com",
  securityHub: "securityhub.amazonaws.com",
  accessAnalyzer: "access-analyzer.amazonaws.com",
};

/** Trusted access for Control Tower: it then runs Config recorders in every enrolled account. */
export const CONTROL_TOWER_PRINCIPAL = "controltower.amazonaws.com";

export { CONFIG_SERVICE_LINKED_ROLE };

/** Config's service-linked role ARN, in any partition and account. */
function isConfigServiceLinkedRole(arn: string | undefined): boolean {
  const match = /^arn:([\w-]+):iam::(\d{12}):role\//.exec(arn ?? "");
  return match !== null && arn === configServiceLinkedRoleArn(match[1] ?? "", match[2] ?? "");
}

/** Regions read at once per account, and member accounts read at once (the SDK adapts to throttling). */
const REGION_CONCURRENCY = 4;
const MEMBER_CONCURRENCY = 3;

export interface ReadFailure {
  /** The IAM action of the failed call, e.g. "guardduty:ListDetectors". */
  readonly action: string;
  /** The account ID the call ran in. */
  readonly accountId: string;
  /** The region of a regional call. */
  readonly region?: string;
  /** The SDK error's name, e.g. AccessDeniedException. */
  readonly error: string;
  readonly message: string;
}

export interface RegionState {
  readonly region: string;
  /**
   * Customer-managed recorders (service-linked ones never collide with the baseline's, so they
   * are left out). Undefined when the call failed; likewise below.
   */
  readonly recorders?: readonly string[];
  readonly deliveryChannels?: readonly string[];
  /**
   * A recorder here records with AWSServiceRoleForConfig, so that role exists in the account
   * (known even where iam:GetRole is denied).
   */
  readonly recordsWithServiceLinkedRole?: boolean;
  /** Read in the management account and in the security account only. */
  readonly detectors?: readonly string[];
  /** Management account only: GuardDuty's enabled administrator account IDs in this region. */
  readonly guardDutyAdmins?: readonly string[];
  /** Management account only: Security Hub's enabled administrator account IDs in this region. */
  readonly securityHubAdmins?: readonly string[];
}

export interface AccountState {
  readonly accountId: string;
  /** AWSServiceRoleForConfig exists (iam:GetRole); undefined when that was not read or failed. */
  readonly configServiceLinkedRole?: boolean;
  /** Empty when the account could not be entered (its sts:AssumeRole failure says why). */
  readonly regions: readonly RegionState[];
}

export interface DetectiveState {
  /** Delegated administrators' account IDs by service; a service is missing when the call failed. */
  readonly delegated: Partial<Record<DetectiveService, readonly string[]>>;
  /** Service principals with trusted access; undefined when the call failed. */
  readonly trustedServices?: readonly string[];
  readonly management: AccountState;
  /** Member accounts read through the access role (none unless asked). */
  readonly members: readonly AccountState[];
  readonly failures: readonly ReadFailure[];
}

export interface DetectiveReadOptions {
  readonly managementAccountId: string;
  readonly regions: readonly string[];
  /** For the access role's ARN. */
  readonly partition: string;
  /** Read these member accounts through the access role. @default - none */
  readonly members?: {
    readonly accountIds: readonly string[];
    readonly roleName: string;
    /** Its GuardDuty detectors are read too (the security account's are imported). */
    readonly securityAccountId?: string;
  };
  readonly onProgress?: (line: string) => void;
}

type Attempt = <T>(
  action: string,
  accountId: string,
  region: string | undefined,
  run: () => Promise<T>,
) => Promise<T | undefined>;

function attempter(failures: ReadFailure[]): Attempt {
  return async (action, accountId, region, run) => {
    try {
      return await run();
    } catch (error) {
      const e = error as { name?: string; message?: string };
      failures.push({
        action,
        accountId,
        ...(region ? { region } : {}),
        error: e.name ?? "Error",
        message: (e.message ?? String(error)).split("\n")[0] as string,
      });
      return undefined;
    }
  };
}

async function collect<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[]): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...items(page));
  return out;
}

async function readRegion(
  clients: RegionalClients,
  accountId: string,
  region: string,
  what: { detectors: boolean; admins: boolean },
  attempt: Attempt,
): Promise<RegionState> {
  const at = <T>(action: string, run: () => Promise<T>) => attempt(action, accountId, region, run);
  const described = await at("config:DescribeConfigurationRecorders", async () => {
    const out = await clients.config.send(new DescribeConfigurationRecordersCommand({}));
    const customerManaged = (out?.ConfigurationRecorders ?? []).filter((r) => !r.servicePrincipal);
    return {
      names: customerManaged.flatMap((r) => (r.name ? [r.name] : [])),
      serviceLinkedRole: customerManaged.some((r) => isConfigServiceLinkedRole(r.roleARN)),
    };
  });
  const deliveryChannels = await at("config:DescribeDeliveryChannels", async () => {
    const out = await clients.config.send(new DescribeDeliveryChannelsCommand({}));
    return (out?.DeliveryChannels ?? []).flatMap((c) => (c.name ? [c.name] : []));
  });
  const detectors = what.detectors
    ? await at("guardduty:ListDetectors", () =>
        collect(
          paginateListDetectors({ client: clients.guardDuty }, {}),
          (p) => p.DetectorIds ?? [],
        ),
      )
    : undefined;
  const guardDutyAdmins = what.admins
    ? await at("guardduty:ListOrganizationAdminAccounts", () =>
        collect(paginateGuardDutyAdmins({ client: clients.guardDuty }, {}), (p) =>
          (p.AdminAccounts ?? []).flatMap((a) =>
            a.AdminStatus === "ENABLED" && a.AdminAccountId ? [a.AdminAccountId] : [],
          ),
        ),
      )
    : undefined;
  const securityHubAdmins = what.admins
    ? await at("securityhub:ListOrganizationAdminAccounts", () =>
        collect(paginateSecurityHubAdmins({ client: clients.securityHub }, {}), (p) =>
          (p.AdminAccounts ?? []).flatMap((a) =>
            a.Status === "ENABLED" && a.AccountId ? [a.AccountId] : [],
          ),
        ),
      )
    : undefined;
  return {
    region,
    ...(described
      ? {
          recorders: described.names,
          ...(described.serviceLinkedRole ? { recordsWithServiceLinkedRole: true } : {}),
        }
      : {}),
    ...(deliveryChannels ? { deliveryChannels } : {}),
    ...(detectors ? { detectors } : {}),
    ...(guardDutyAdmins ? { guardDutyAdmins } : {}),
    ...(securityHubAdmins ? { securityHubAdmins } : {}),
  };
}

/** Whether AWSServiceRoleForConfig exists; IAM is global, so once per account. */
async function readServiceLinkedRole(
  iam: IAMClient,
  accountId: string,
  attempt: Attempt,
): Promise<boolean | undefined> {
  return attempt("iam:GetRole", accountId, undefined, async () => {
    try {
      const out = await iam.send(new GetRoleCommand({ RoleName: CONFIG_SERVICE_LINKED_ROLE }));
      return Boolean(out?.Role);
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === "NoSuchEntityException" || name === "NoSuchEntity") return false;
      throw error;
    }
  });
}

async function readAccount(
  clients: AwsClients,
  accountId: string,
  regions: readonly string[],
  what: { detectors: boolean; admins: boolean },
  attempt: Attempt,
  credentials?: RoleCredentials,
): Promise<AccountState> {
  const iam = credentials ? clients.iamAs(credentials) : clients.iam;
  let configServiceLinkedRole: boolean | undefined;
  try {
    configServiceLinkedRole = await readServiceLinkedRole(iam, accountId, attempt);
  } finally {
    if (credentials) iam.destroy();
  }
  const states = await mapLimit(regions, REGION_CONCURRENCY, async (region) => {
    const regional = clients.regional(region, credentials);
    try {
      return await readRegion(regional, accountId, region, what, attempt);
    } finally {
      regional.destroy();
    }
  });
  return {
    accountId,
    ...(configServiceLinkedRole === undefined ? {} : { configServiceLinkedRole }),
    regions: states,
  };
}

async function assumeAccessRole(
  clients: AwsClients,
  accountId: string,
  arn: string,
  attempt: Attempt,
): Promise<RoleCredentials | undefined> {
  return attempt("sts:AssumeRole", accountId, undefined, async () => {
    const out = await clients.sts.send(
      new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: "aws-baseline-discover" }),
    );
    const c = out?.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
      throw Object.assign(new Error("the response carries no credentials"), {
        name: "NoCredentials",
      });
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  });
}

export async function readDetectiveState(
  clients: AwsClients,
  options: DetectiveReadOptions,
): Promise<DetectiveState> {
  const progress = options.onProgress ?? (() => undefined);
  const failures: ReadFailure[] = [];
  const attempt = attempter(failures);
  const management = options.managementAccountId;
  const client = clients.organizations;

  progress("reading the detective services' administrators and Control Tower's trusted access");
  const delegated: Partial<Record<DetectiveService, readonly string[]>> = {};
  for (const [service, principal] of Object.entries(DETECTIVE_PRINCIPALS)) {
    const ids = await attempt(
      "organizations:ListDelegatedAdministrators",
      management,
      undefined,
      () =>
        collect(
          paginateListDelegatedAdministrators({ client }, { ServicePrincipal: principal }),
          (p) => (p.DelegatedAdministrators ?? []).flatMap((a) => (a.Id ? [a.Id] : [])),
        ),
    );
    if (ids) delegated[service as DetectiveService] = ids;
  }
  const trustedServices = await attempt(
    "organizations:ListAWSServiceAccessForOrganization",
    management,
    undefined,
    () =>
      collect(paginateListAWSServiceAccessForOrganization({ client }, {}), (p) =>
        (p.EnabledServicePrincipals ?? []).flatMap((s) =>
          s.ServicePrincipal ? [s.ServicePrincipal] : [],
        ),
      ),
  );

  progress(
    `reading Config (recorders, service-linked role), GuardDuty and Security Hub in the management account (${options.regions.length} region(s))`,
  );
  const managementState = await readAccount(
    clients,
    management,
    options.regions,
    { detectors: true, admins: true },
    attempt,
  );

  const wanted = options.members;
  const members = wanted
    ? await mapLimit(wanted.accountIds, MEMBER_CONCURRENCY, async (accountId, i) => {
        progress(
          `reading account ${accountId} through ${wanted.roleName} (${i + 1}/${wanted.accountIds.length})`,
        );
        const arn = roleArn(options.partition, accountId, wanted.roleName);
        const credentials = await assumeAccessRole(clients, accountId, arn, attempt);
        if (!credentials) return { accountId, regions: [] };
        const detectors = accountId === wanted.securityAccountId;
        return readAccount(
          clients,
          accountId,
          options.regions,
          { detectors, admins: false },
          attempt,
          credentials,
        );
      })
    : [];

  return {
    delegated,
    ...(trustedServices ? { trustedServices } : {}),
    management: managementState,
    members,
    failures,
  };
}
