/**
 * The generator's questions, as data: where each answer lands in the answers file, how it is
 * asked, its flag, and its default. Every answer is validated by the answers schema at its key
 * path (one source of truth for the file, the wizard and the flags). The schema check is passed
 * in by the wizard (schema-check.ts), so the CLI can declare `init`'s flags from this list without
 * loading zod at start-up.
 */
import { prefixFrom } from "../answers/names.js";
import type { AnswersPath, Draft, ValueAt } from "../answers/paths.js";
import { regionProblem, REGIONS_ENABLED_BY_DEFAULT } from "../answers/regions.js";
import { DEFAULT_VPC_MODE } from "../account-defaults/defaults.js";
import { BILLING_DEFAULTS } from "../billing/defaults.js";
import { DETECTIVE_DEFAULTS } from "../detective/defaults.js";
import { GUARDRAIL_DEFAULTS } from "../guardrails/defaults.js";
import { DEFAULT_ADMIN_USERS } from "../identity/defaults.js";
import { OBJECT_LOCK_DEFAULTS } from "../logging/defaults.js";
import {
  DEFAULT_ACCOUNTS,
  DEFAULT_ENVIRONMENTS,
  DEFAULT_HOME_REGION,
  workloadNetwork,
} from "../organization/defaults.js";
import { DEFAULT_STATE_BACKEND } from "../state/defaults.js";

export type { Draft } from "../answers/paths.js";

/** Validates a value with the answers schema at `path` (see schema-check.ts). */
export type SchemaCheck = (path: AnswersPath, value: unknown, draft?: Draft) => string | undefined;

export type QuestionKind = "text" | "list" | "number" | "confirm" | "select" | "multiselect";

export interface Question {
  readonly id: string;
  readonly group: string;
  readonly message: string;
  readonly kind: QuestionKind;
  /** A select's or multiselect's choices; the description shows for the highlighted one. */
  readonly choices?: readonly { title: string; value: string; description?: string }[];
  /** `--flag <value>` for non-interactive use; confirm questions take no flag. */
  readonly flag?: string;
  /** Must be answered (no usable default) when not running interactively without --yes. */
  readonly required?: boolean;
  /** Current answer in the draft (from a preset, an answers file or an earlier run). */
  readonly read: (draft: Draft) => unknown;
  /** The default offered when the draft has no answer. */
  readonly fallback: (draft: Draft) => unknown;
  /** Checks a parsed value; returns an error text or undefined. */
  readonly check: (value: unknown, draft: Draft, schema: SchemaCheck) => string | undefined;
  /** Writes a parsed value into the draft. */
  readonly apply: (value: unknown, draft: Draft) => void;
  /** Skip the question for this draft (e.g. S3 settings with local state). */
  readonly skip?: (draft: Draft) => boolean;
  /** The answers key the question writes; problems under it are fixed by asking it again. */
  readonly covers: AnswersPath;
  /**
   * Rules whose problems sit under another key but which this question can fix as well: it is
   * asked again with the questions behind that key, so the user can choose either way out.
   */
  readonly alsoFixes?: readonly string[];
  /** With --yes and no answer: a schema-valid stand-in that the user must replace before applying. */
  readonly placeholder?: (context: { dirName: string }) => unknown;
}

/** The answer at `path`, or undefined when the draft does not have it yet. */
export function getAt<P extends AnswersPath>(draft: Draft, path: P): ValueAt<Draft, P> | undefined {
  let node: unknown = draft;
  for (const key of path.split(".")) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node as ValueAt<Draft, P> | undefined;
}

/** Writes the answer at `path`, creating parent objects; undefined or "" removes it. */
export function setAt<P extends AnswersPath>(
  draft: Draft,
  path: P,
  value: ValueAt<Draft, P> | undefined,
): void {
  const keys = path.split(".");
  let node = draft as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    node = (node[key] ??= {}) as Record<string, unknown>;
  }
  const last = keys.at(-1) as string;
  if (value === undefined || value === "") delete node[last];
  else node[last] = value;
}

/** A question whose answer is stored as-is at one answers key. */
function atPath<P extends AnswersPath>(
  path: P,
  spec: Omit<Question, "read" | "apply" | "check" | "fallback" | "covers"> &
    Partial<Pick<Question, "check" | "apply">> & {
      readonly fallback?: (draft: Draft) => ValueAt<Draft, P> | undefined;
    },
): Question {
  return {
    covers: path,
    read: (draft) => getAt(draft, path),
    // The value passed the schema check at `path` (or is the typed fallback) before it is applied.
    apply: (value, draft) => setAt(draft, path, value as ValueAt<Draft, P>),
    fallback: () => undefined,
    check: (value, draft, schema) => schema(path, value, draft),
    ...spec,
  };
}

const RESERVED_ACCOUNT_NAMES = new Set(["log-archive", "security"]);

/** A region (or each of a list) must be known or in the draft's regions.allowUnknown. */
function checkRegions(value: unknown, draft: Draft): string | undefined {
  const allow = draft.regions?.allowUnknown ?? [];
  for (const region of Array.isArray(value) ? value : [value]) {
    const why = typeof region === "string" ? regionProblem(region, allow) : undefined;
    if (why) return `${region} ${why.message} (${why.fix})`;
  }
  return undefined;
}

/** Workload environments are the accounts of kind workload, in order. */
function environments(draft: Draft): (string | undefined)[] | undefined {
  return draft.accounts?.filter((a) => (a.kind ?? "workload") === "workload").map((a) => a.name);
}

function hasSecurityAccount(draft: Draft): boolean {
  return (draft.accounts ?? []).some((a) => a.kind === "security");
}

/** The default accounts include a security account: it administers the detective services. */
const SECURITY_ACCOUNT_BY_DEFAULT = DEFAULT_ACCOUNTS.some((a) => a.kind === "security");

/** Whether the account list keeps (or, before there is one, gets) a security account. */
function wantsSecurityAccount(draft: Draft): boolean {
  return draft.accounts ? hasSecurityAccount(draft) : SECURITY_ACCOUNT_BY_DEFAULT;
}

/**
 * Rebuilds the account list: log-archive, the optional security account, then one workload
 * account per environment. An environment already in the draft keeps its settings (network,
 * ID); a new one gets the network of a new workload account, as in the default answers.
 */
function applyAccounts(
  draft: Draft,
  envs: readonly (string | undefined)[],
  security: boolean,
): void {
  const existing = new Map((draft.accounts ?? []).map((a) => [a.name, a]));
  const keep = (name: string | undefined, fallback: NonNullable<Draft["accounts"]>[number]) =>
    existing.get(name) ?? fallback;
  draft.accounts = [
    keep("log-archive", { name: "log-archive", kind: "log-archive" }),
    ...(security ? [keep("security", { name: "security", kind: "security" })] : []),
    ...envs.map((name) => keep(name, { name, network: workloadNetwork(name) })),
  ];
}

type ObjectLockMode = NonNullable<ValueAt<Draft, "cloudtrail.objectLock.mode">>;
type StateBackend = NonNullable<ValueAt<Draft, "state.backend">>;

/** The identity select's value for the two switches. */
function identityMode(users: boolean, center: boolean): string {
  if (users && center) return "both";
  return center ? "identity-center" : "iam-users";
}

/** The object-lock select's value for a draft's cloudtrail.objectLock (defaults from the schema). */
function objectLockChoice(lock: { enabled?: boolean; mode?: ObjectLockMode }): string {
  return (lock.enabled ?? OBJECT_LOCK_DEFAULTS.enabled)
    ? (lock.mode ?? OBJECT_LOCK_DEFAULTS.mode)
    : "off";
}

/**
 * The detective services the wizard offers in one multiselect, by the value its flag takes, and
 * the answers switch each one sets. Unused access is the paid option of the Access Analyzer.
 */
const DETECTIVE_CHOICES = [
  {
    value: "config",
    title: "AWS Config",
    description: "a recorder in every account and region, an organization aggregator (CIS 3.3)",
    path: "detective.config.enabled",
    fallback: DETECTIVE_DEFAULTS.config,
  },
  {
    value: "guardduty",
    title: "Amazon GuardDuty",
    description: "threat detection in every account and region, S3 Protection on",
    path: "detective.guardDuty.enabled",
    fallback: DETECTIVE_DEFAULTS.guardDuty,
  },
  {
    value: "security-hub",
    title: "AWS Security Hub (needs Config)",
    description: "CIS v3.0.0 and FSBP checks, findings aggregated in the home region (CIS 4.16)",
    path: "detective.securityHub.enabled",
    fallback: DETECTIVE_DEFAULTS.securityHub,
  },
  {
    value: "access-analyzer",
    title: "IAM Access Analyzer",
    description: "an organization analyzer for external access (free)",
    path: "detective.accessAnalyzer.enabled",
    fallback: DETECTIVE_DEFAULTS.accessAnalyzer,
  },
  {
    value: "unused-access",
    title: "IAM Access Analyzer unused access",
    description: "unused roles, keys and permissions (paid per IAM role and user analyzed)",
    path: "detective.accessAnalyzer.unusedAccess",
    fallback: DETECTIVE_DEFAULTS.unusedAccess,
  },
] as const satisfies readonly {
  value: string;
  title: string;
  description: string;
  path: AnswersPath;
  fallback: boolean;
}[];

/** The selected detective choices of a draft, each switch defaulting as in the schema. */
function detectiveChoices(draft: Draft): string[] {
  return DETECTIVE_CHOICES.filter((c) => getAt(draft, c.path) ?? c.fallback).map((c) => c.value);
}

/** Choices that need another one: what the rules would reject, said while the user still chooses. */
function checkDetective(value: unknown): string | undefined {
  const chosen = new Set(value as string[]);
  if (chosen.has("security-hub") && !chosen.has("config"))
    return "Security Hub checks with AWS Config rules: select config too, or leave security-hub out";
  if (chosen.has("unused-access") && !chosen.has("access-analyzer"))
    return "unused access is an option of the organization Access Analyzer: select access-analyzer too";
  return undefined;
}

export const QUESTIONS: readonly Question[] = [
  atPath("organization.name", {
    id: "name",
    group: "Organization",
    message: "Organization name",
    kind: "text",
    flag: "--name <name>",
    required: true,
    placeholder: ({ dirName }) => dirName,
  }),
  atPath("organization.prefix", {
    id: "prefix",
    group: "Organization",
    message: "Resource name prefix (short, lowercase; it names buckets, keys and trails)",
    kind: "text",
    flag: "--prefix <prefix>",
    fallback: (draft) => prefixFrom(getAt(draft, "organization.name")),
  }),
  atPath("accountEmailPattern", {
    id: "emailPattern",
    group: "Accounts and e-mails",
    message: "Root e-mail pattern for new accounts ({name} becomes the account name)",
    kind: "text",
    flag: "--email-pattern <pattern>",
    required: true,
    placeholder: () => "aws+{name}@example.com",
  }),
  atPath("management.accountId", {
    id: "managementAccountId",
    group: "Accounts and e-mails",
    message: "Management account ID (leave empty if not known yet)",
    kind: "text",
    flag: "--management-account-id <id>",
  }),
  {
    id: "environments",
    covers: "accounts",
    group: "Accounts and e-mails",
    message: "Workload environments, one account each (comma-separated)",
    kind: "list",
    flag: "--environments <names>",
    read: environments,
    fallback: () => [...DEFAULT_ENVIRONMENTS],
    check: (value, _draft, schema) => {
      const names = value as string[];
      if (names.length === 0) return "name at least one environment";
      for (const name of names) {
        if (RESERVED_ACCOUNT_NAMES.has(name))
          return `"${name}" is reserved for the ${name} account`;
        const error = schema("accounts.0.name", name);
        if (error) return `"${name}" ${error}`;
      }
      const dup = names.find((n, i) => names.indexOf(n) !== i);
      return dup ? `"${dup}" is listed twice` : undefined;
    },
    apply: (value, draft) => applyAccounts(draft, value as string[], wantsSecurityAccount(draft)),
  },
  {
    id: "securityAccount",
    covers: "accounts",
    group: "Accounts and e-mails",
    message: "Add a separate security/audit account?",
    kind: "confirm",
    read: (draft) => (draft.accounts ? hasSecurityAccount(draft) : undefined),
    fallback: () => SECURITY_ACCOUNT_BY_DEFAULT,
    check: () => undefined,
    apply: (value, draft) =>
      applyAccounts(draft, environments(draft) ?? DEFAULT_ENVIRONMENTS, value === true),
  },
  atPath("regions.home", {
    id: "homeRegion",
    group: "Regions",
    message: "Home region (organization trail, logs, VPCs)",
    kind: "text",
    flag: "--home-region <region>",
    fallback: () => DEFAULT_HOME_REGION,
    check: (value, draft, schema) =>
      schema("regions.home", value, draft) ?? checkRegions(value, draft),
  }),
  atPath("regions.enabled", {
    id: "regions",
    group: "Regions",
    message: "Regions the baseline covers (comma-separated)",
    kind: "list",
    flag: "--regions <regions>",
    fallback: () => [...REGIONS_ENABLED_BY_DEFAULT],
    check: (value, draft, schema) =>
      schema("regions.enabled", value, draft) ?? checkRegions(value, draft),
  }),
  atPath("accountDefaults.defaultVpc", {
    id: "defaultVpc",
    group: "Regions",
    message: "Default VPCs in every account and covered region",
    kind: "select",
    flag: "--default-vpc <mode>",
    choices: [
      {
        title: "delete the unused ones, neutralize the rest (like Control Tower)",
        value: "delete",
      },
      {
        title: "neutralize (default security group without rules, no public IPs)",
        value: "neutralize",
      },
      { title: "keep them as AWS made them", value: "keep" },
    ],
    fallback: () => DEFAULT_VPC_MODE,
  }),
  {
    id: "identityMode",
    covers: "identity",
    group: "Identity",
    message: "How people sign in and reach every account",
    kind: "select",
    flag: "--identity-mode <mode>",
    choices: [
      {
        title: "IAM users in the management account, MFA-only roles in every account",
        value: "iam-users",
      },
      {
        title: "IAM Identity Center permission sets (setting it up is a manual step)",
        value: "identity-center",
      },
      { title: "both", value: "both" },
    ],
    read: (draft) => {
      const users = getAt(draft, "identity.admins.enabled");
      const center = getAt(draft, "identity.identityCenter.enabled");
      if (users === undefined && center === undefined) return undefined;
      return identityMode(users ?? true, center ?? false);
    },
    fallback: () => "iam-users",
    check: (value) =>
      ["iam-users", "identity-center", "both"].includes(String(value))
        ? undefined
        : "must be iam-users, identity-center or both",
    apply: (value, draft) => {
      setAt(draft, "identity.admins.enabled", value !== "identity-center");
      setAt(draft, "identity.identityCenter.enabled", value !== "iam-users");
    },
  },
  atPath("identity.admins.users", {
    id: "adminUsers",
    skip: (draft) => getAt(draft, "identity.admins.enabled") === false,
    group: "Identity",
    message: "Admin IAM users to create in the management account (comma-separated, may be empty)",
    kind: "list",
    flag: "--admin-users <names>",
    fallback: () => [...DEFAULT_ADMIN_USERS],
  }),
  atPath("guardrails.denyRegionsOutsideEnabled", {
    id: "regionDeny",
    group: "Identity",
    message: "Deny regional actions outside the covered regions (SCP)?",
    kind: "confirm",
    fallback: () => GUARDRAIL_DEFAULTS.denyRegionsOutsideEnabled,
  }),
  atPath("alarms.emails", {
    id: "alarmEmails",
    group: "Logging and alarms",
    message: "Who receives security alarms (comma-separated e-mails)",
    kind: "list",
    flag: "--alarm-emails <emails>",
    required: true,
    placeholder: () => ["security-alerts@example.com"],
  }),
  {
    id: "objectLock",
    covers: "cloudtrail.objectLock",
    group: "Logging and alarms",
    message: "Object Lock on the trail bucket (each log file locked for the retention period)",
    kind: "select",
    flag: "--object-lock <mode>",
    choices: [
      {
        title: "governance (only a principal allowed to bypass it can delete a log file early)",
        value: "GOVERNANCE",
      },
      { title: "compliance (nobody can shorten or remove it, not even root)", value: "COMPLIANCE" },
      { title: "off (log files rest on the guardrail SCP alone)", value: "off" },
    ],
    read: (draft) => {
      const lock = getAt(draft, "cloudtrail.objectLock");
      return lock === undefined ? undefined : objectLockChoice(lock);
    },
    fallback: () => objectLockChoice({}),
    check: () => undefined,
    apply: (value, draft) => {
      const lock = getAt(draft, "cloudtrail.objectLock") ?? {};
      setAt(
        draft,
        "cloudtrail.objectLock",
        value === "off"
          ? { ...lock, enabled: false }
          : { ...lock, enabled: true, mode: value as ObjectLockMode },
      );
    },
  },
  {
    id: "detective",
    covers: "detective",
    // No security account while services are on: asked again with the account questions, so the
    // user can add the account or switch the services off.
    alsoFixes: ["detective-needs-security-account"],
    group: "Detective services",
    message: "Detective services, run from the security account",
    kind: "multiselect",
    flag: "--detective <services>",
    choices: DETECTIVE_CHOICES.map(({ title, value, description }) => ({
      title,
      value,
      description,
    })),
    read: (draft) => (draft.detective === undefined ? undefined : detectiveChoices(draft)),
    fallback: () => detectiveChoices({}),
    check: checkDetective,
    apply: (value, draft) => {
      const chosen = value as string[];
      for (const c of DETECTIVE_CHOICES) setAt(draft, c.path, chosen.includes(c.value));
    },
  },
  atPath("billing.totalMonthlyUsd", {
    id: "billingTotal",
    group: "Billing",
    message: "Alarm when the whole organization's monthly charges exceed (USD)",
    kind: "number",
    flag: "--billing-total <usd>",
    fallback: () => BILLING_DEFAULTS.totalMonthlyUsd,
  }),
  atPath("billing.accountMonthlyUsd", {
    id: "billingAccount",
    group: "Billing",
    message: "Alarm and budget per account, monthly (USD)",
    kind: "number",
    flag: "--billing-account <usd>",
    fallback: () => BILLING_DEFAULTS.accountMonthlyUsd,
  }),
  atPath("state.backend", {
    id: "stateBackend",
    group: "State backend",
    message: "Where Terraform state lives",
    kind: "select",
    flag: "--state-backend <backend>",
    choices: [
      { title: "local files (trials)", value: "local" },
      {
        title: "S3 bucket (encrypted, locked; the bucket must exist before terraform init)",
        value: "s3",
      },
    ],
    fallback: () => DEFAULT_STATE_BACKEND,
    check: () => undefined,
    apply: (value, draft) => {
      if (getAt(draft, "state.backend") !== value) draft.state = { backend: value as StateBackend };
    },
  }),
  atPath("state.bucket", {
    id: "stateBucket",
    group: "State backend",
    message: "State bucket name",
    kind: "text",
    flag: "--state-bucket <bucket>",
    fallback: (draft) => {
      const prefix = getAt(draft, "organization.prefix");
      return prefix ? `${prefix}-terraform-state` : undefined;
    },
    skip: (draft) => getAt(draft, "state.backend") !== "s3",
  }),
  atPath("state.region", {
    id: "stateRegion",
    group: "State backend",
    message: "State bucket region",
    kind: "text",
    flag: "--state-region <region>",
    fallback: (draft) => getAt(draft, "regions.home") ?? DEFAULT_HOME_REGION,
    skip: (draft) => getAt(draft, "state.backend") !== "s3",
    check: (value, draft, schema) => schema("regions.home", value) ?? checkRegions(value, draft),
  }),
];

/** Parses what a user typed (or passed as a flag) for a question. */
export function parseInput(question: Question, raw: unknown): unknown {
  if (question.kind === "multiselect") {
    // A flag gives "a,b" or "none"; the terminal's multiselect gives the chosen values.
    const items = Array.isArray(raw) ? raw.map(String) : String(raw ?? "").split(",");
    const values = items.map((s) => s.trim().toLowerCase()).filter(Boolean);
    return values.length === 1 && values[0] === "none" ? [] : values;
  }
  if (question.kind === "list") {
    // The terminal's list prompt splits on commas itself: Enter on an empty line gives [""].
    const items = Array.isArray(raw)
      ? raw.map((item) => String(item))
      : String(raw ?? "").split(",");
    return items.map((s) => s.trim()).filter(Boolean);
  }
  if (question.kind === "number") return raw === "" || raw === undefined ? undefined : Number(raw);
  if (question.kind === "text") return typeof raw === "string" ? raw.trim() || undefined : raw;
  return raw;
}
