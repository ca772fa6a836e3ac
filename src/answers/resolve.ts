/**
 * Derived defaults: the one place where answers that depend on other answers are filled in
 * (account e-mails from the pattern, OU paths, VPC CIDRs, availability zones, billing e-mails).
 * Semantic rules call the same functions, so what is validated is exactly what is built.
 */
import { allocate, formatCidr, parseCidr, type Cidr } from "../util/cidr.js";
import { HUMAN_ROLE_NAMES } from "./names.js";
import type { AccountAnswers, AccountKind, Answers, NetworkAnswers } from "./schema.js";
import type { DetectiveService } from "../detective/defaults.js";

export interface ResolvedNetwork extends Omit<NetworkAnswers, "cidr" | "availabilityZones"> {
  readonly cidr: string;
  readonly cidrAllocated: boolean;
  readonly availabilityZones: readonly string[];
}

export interface ResolvedAccount {
  readonly name: string;
  readonly kind: AccountKind | "management";
  readonly email?: string;
  readonly accountId?: string;
  /** Name in AWS Organizations when it differs from `name`. */
  readonly displayName?: string;
  /** OU path; undefined for the management account, which sits at the root. */
  readonly ou?: string;
  readonly network?: ResolvedNetwork;
  /** Where this account is declared in the answers, for messages. */
  readonly answersPath: string;
}

export interface BaselineConfig extends Omit<
  Answers,
  "accounts" | "management" | "billing" | "deployRole"
> {
  readonly management: ResolvedAccount;
  /** Member accounts, in answers order. */
  readonly accounts: readonly ResolvedAccount[];
  readonly billing: Answers["billing"] & { readonly emails: readonly string[] };
  /** Every OU path the layout needs, parents before children. */
  readonly organizationalUnits: readonly string[];
  readonly deployRole: {
    readonly name: string;
    /** `role/<name>` or `user/<name>` in the management account. */
    readonly trustedPrincipals: readonly string[];
  };
}

/** The roles people assume in every account when IAM-user access is on (the guardrails protect them). */
export function humanRoleNames(admins: Answers["identity"]["admins"]): string[] {
  return admins.enabled ? [admins.roleName, ...Object.values(HUMAN_ROLE_NAMES)] : [];
}

type DetectiveAnswers = Answers["detective"];

/** The detective services the answers switch on. */
export function enabledDetectiveServices(d: DetectiveAnswers): DetectiveService[] {
  return (["config", "guardDuty", "securityHub", "accessAnalyzer"] as const).filter(
    (service) => d[service].enabled,
  );
}

/** Services needing trusted access in Organizations beyond the ones the baseline always trusts. */
export function detectiveTrustedServices(d: DetectiveAnswers): string[] {
  return [
    ...(d.config.enabled && d.config.conformancePack
      ? ["config-multiaccountsetup.amazonaws.com"]
      : []),
    ...(d.guardDuty.enabled ? ["guardduty.amazonaws.com"] : []),
    ...(d.securityHub.enabled ? ["securityhub.amazonaws.com"] : []),
  ];
}

/** Which detective services run, as the guardrails protect them (none without a security account). */
export function protectedDetectiveServices(
  d: DetectiveAnswers,
  hasSecurityAccount: boolean,
): { config: boolean; guardDuty: boolean; securityHub: boolean } {
  return {
    config: hasSecurityAccount && d.config.enabled,
    guardDuty: hasSecurityAccount && d.guardDuty.enabled,
    securityHub: hasSecurityAccount && d.securityHub.enabled,
  };
}

/** Who may assume the deploy role: as answered, else the management account's admin role(s). */
export function deployRoleTrustedPrincipals(answers: Answers): readonly string[] {
  if (answers.deployRole.trustedPrincipals) return answers.deployRole.trustedPrincipals;
  const { admins, identityCenter } = answers.identity;
  return [
    ...(admins.enabled ? [`role/${admins.roleName}`] : []),
    // Identity Center names the permission set's role AWSReservedSSO_<set>_<hash> under this path.
    ...(identityCenter.enabled
      ? [`role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_${admins.roleName}_*`]
      : []),
  ];
}

export function accountEmail(answers: Answers, account: AccountAnswers): string | undefined {
  return account.email ?? answers.accountEmailPattern?.replaceAll("{name}", account.name);
}

export function defaultOu(kind: AccountKind, name: string): string {
  return kind === "workload" ? `Workloads/${name}` : "Security";
}

/** Zones a, b, c… of the region: deterministic, no credentials needed at synth time. */
export function defaultZones(region: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${region}${String.fromCharCode(97 + i)}`);
}

/**
 * VPC CIDR per account index (answers order). Explicit CIDRs are kept; the rest get the next
 * free blocks of the supernet, in answers order. Returns undefined when the supernet is full.
 */
export function vpcCidrs(answers: Answers): Map<number, string> | undefined {
  const out = new Map<number, string>();
  const taken: Cidr[] = [];
  const wanting: number[] = [];
  answers.accounts.forEach((account, i) => {
    if (!account.network) return;
    const explicit = account.network.cidr ? parseCidr(account.network.cidr) : undefined;
    if (explicit) {
      taken.push(explicit);
      out.set(i, account.network.cidr as string);
    } else wanting.push(i);
  });
  if (wanting.length === 0) return out;
  const supernet = parseCidr(answers.addressing.supernet);
  if (!supernet) return undefined;
  const blocks = allocate(supernet, answers.addressing.vpcPrefixLength, wanting.length, taken);
  if (blocks.length < wanting.length) return undefined;
  wanting.forEach((i, n) => out.set(i, formatCidr(blocks[n] as Cidr)));
  return out;
}

/** "Workloads/prod" -> ["Workloads", "Workloads/prod"]: the OU and every OU above it. */
export function ouWithParents(path: string): string[] {
  const parts = path.split("/");
  return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}

/** Applies derived defaults. Call only on answers that passed validation. */
export function resolveConfig(answers: Answers): BaselineConfig {
  const cidrs = vpcCidrs(answers);
  if (!cidrs) throw new Error("resolveConfig: VPC CIDR allocation failed on validated answers");
  const accounts = answers.accounts.map((account, i): ResolvedAccount => {
    const { network } = account;
    return {
      name: account.name,
      kind: account.kind,
      email: accountEmail(answers, account),
      accountId: account.accountId,
      displayName: account.displayName,
      ou: account.ou ?? defaultOu(account.kind, account.name),
      answersPath: `accounts[${i}]`,
      network: network && {
        ...network,
        cidr: cidrs.get(i) as string,
        cidrAllocated: !network.cidr,
        availabilityZones:
          network.availabilityZones ?? defaultZones(answers.regions.home, network.azCount),
      },
    };
  });
  const organizationalUnits = [...new Set(accounts.flatMap((a) => ouWithParents(a.ou as string)))];
  organizationalUnits.sort();
  return {
    ...answers,
    management: {
      name: answers.management.name,
      kind: "management",
      email: answers.management.email,
      accountId: answers.management.accountId,
      answersPath: "management",
    },
    accounts,
    billing: { ...answers.billing, emails: answers.billing.emails ?? answers.alarms.emails },
    organizationalUnits,
    deployRole: {
      name: answers.deployRole.name,
      trustedPrincipals: deployRoleTrustedPrincipals(answers),
    },
  };
}

/** Management first, then members: the order stacks are listed in. */
export function allAccounts(config: BaselineConfig): ResolvedAccount[] {
  return [config.management, ...config.accounts];
}
