/**
 * The generator's questions, as data: where each answer lands in the answers file, how it is
 * asked, its flag, and its default. Every answer is validated by the answers schema at its key
 * path (one source of truth for the file, the wizard and the flags). The schema check is passed
 * in by the wizard (schema-check.ts), so the CLI can declare `init`'s flags from this list without
 * loading zod at start-up.
 */
import { prefixFrom } from "../answers/names.js";
import { REGIONS_ENABLED_BY_DEFAULT } from "../answers/regions.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnswersDraft = Record<string, any>;

/** Validates a value with the answers schema at `keys` (see schema-check.ts). */
export type SchemaCheck = (
  keys: (string | number)[],
  value: unknown,
  draft?: AnswersDraft,
) => string | undefined;

export type QuestionKind = "text" | "list" | "number" | "confirm" | "select";

export interface Question {
  readonly id: string;
  readonly group: string;
  readonly message: string;
  readonly kind: QuestionKind;
  readonly choices?: readonly { title: string; value: string }[];
  /** `--flag <value>` for non-interactive use; confirm questions take no flag. */
  readonly flag?: string;
  /** Must be answered (no usable default) when not running interactively without --yes. */
  readonly required?: boolean;
  /** Current answer in the draft (from a preset, an answers file or an earlier run). */
  readonly read: (draft: AnswersDraft) => unknown;
  /** The default offered when the draft has no answer. */
  readonly fallback: (draft: AnswersDraft) => unknown;
  /** Checks a parsed value; returns an error text or undefined. */
  readonly check: (value: unknown, draft: AnswersDraft, schema: SchemaCheck) => string | undefined;
  /** Writes a parsed value into the draft. */
  readonly apply: (value: unknown, draft: AnswersDraft) => void;
  /** Skip the question for this draft (e.g. S3 settings with local state). */
  readonly skip?: (draft: AnswersDraft) => boolean;
  /** The answers key the question writes; problems under it are fixed by asking it again. */
  readonly covers: string;
  /** With --yes and no answer: a schema-valid stand-in that the user must replace before applying. */
  readonly placeholder?: (context: { dirName: string }) => unknown;
}

export function getAt(draft: AnswersDraft, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as AnswersDraft)[key] : undefined),
      draft,
    );
}

export function setAt(draft: AnswersDraft, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = draft;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  const last = keys.at(-1) as string;
  if (value === undefined || value === "") delete node[last];
  else node[last] = value;
}

/** A question whose answer is stored as-is at one answers key. */
function atPath(
  path: string,
  spec: Omit<Question, "read" | "apply" | "check" | "fallback" | "covers"> &
    Partial<Pick<Question, "fallback" | "check" | "apply">>,
): Question {
  const keys = path.split(".");
  return {
    covers: path,
    read: (draft) => getAt(draft, path),
    apply: (value, draft) => setAt(draft, path, value),
    fallback: () => undefined,
    check: (value, draft, schema) => schema(keys, value, draft),
    ...spec,
  };
}

const RESERVED_ACCOUNT_NAMES = new Set(["log-archive", "security"]);

/** Workload environments are the accounts of kind workload, in order. */
function environments(draft: AnswersDraft): string[] | undefined {
  const accounts = draft.accounts as { name: string; kind?: string }[] | undefined;
  return accounts?.filter((a) => (a.kind ?? "workload") === "workload").map((a) => a.name);
}

/**
 * Rebuilds the account list: log-archive, the optional security account, then one workload
 * account per environment. An environment already in the draft keeps its settings (network,
 * ID); a new one gets a network with the defaults. Production-like names get 3 zones with a
 * NAT gateway per zone, as in the default answers.
 */
function applyAccounts(draft: AnswersDraft, envs: string[], security: boolean): void {
  const existing = new Map(((draft.accounts ?? []) as { name: string }[]).map((a) => [a.name, a]));
  const keep = (name: string, fallback: object) => existing.get(name) ?? fallback;
  draft.accounts = [
    keep("log-archive", { name: "log-archive", kind: "log-archive" }),
    ...(security ? [keep("security", { name: "security", kind: "security" })] : []),
    ...envs.map((name) =>
      keep(name, { name, network: /^prod/.test(name) ? { azCount: 3, nat: "per-az" } : {} }),
    ),
  ];
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
    fallback: () => ["dev", "test", "prod"],
    check: (value, _draft, schema) => {
      const names = value as string[];
      if (names.length === 0) return "name at least one environment";
      for (const name of names) {
        if (RESERVED_ACCOUNT_NAMES.has(name))
          return `"${name}" is reserved for the ${name} account`;
        const error = schema(["accounts", 0, "name"], name);
        if (error) return `"${name}" ${error}`;
      }
      const dup = names.find((n, i) => names.indexOf(n) !== i);
      return dup ? `"${dup}" is listed twice` : undefined;
    },
    apply: (value, draft) =>
      applyAccounts(
        draft,
        value as string[],
        ((draft.accounts ?? []) as { kind?: string }[]).some((a) => a.kind === "security"),
      ),
  },
  {
    id: "securityAccount",
    covers: "accounts",
    group: "Accounts and e-mails",
    message: "Add a separate security/audit account?",
    kind: "confirm",
    read: (draft) =>
      draft.accounts
        ? (draft.accounts as { kind?: string }[]).some((a) => a.kind === "security")
        : undefined,
    fallback: () => false,
    check: () => undefined,
    apply: (value, draft) =>
      applyAccounts(draft, environments(draft) ?? ["dev", "test", "prod"], value === true),
  },
  atPath("regions.home", {
    id: "homeRegion",
    group: "Regions",
    message: "Home region (organization trail, logs, VPCs)",
    kind: "text",
    flag: "--home-region <region>",
    fallback: () => "us-east-1",
  }),
  atPath("regions.enabled", {
    id: "regions",
    group: "Regions",
    message: "Regions the baseline covers (comma-separated)",
    kind: "list",
    flag: "--regions <regions>",
    fallback: () => [...REGIONS_ENABLED_BY_DEFAULT],
  }),
  atPath("identity.admins.users", {
    id: "adminUsers",
    group: "Identity",
    message: "Admin IAM users to create in the management account (comma-separated, may be empty)",
    kind: "list",
    flag: "--admin-users <names>",
    fallback: () => [],
  }),
  atPath("guardrails.denyRegionsOutsideEnabled", {
    id: "regionDeny",
    group: "Identity",
    message: "Deny regional actions outside the covered regions (SCP)?",
    kind: "confirm",
    fallback: () => false,
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
    message: "Object Lock on the trail bucket",
    kind: "select",
    flag: "--object-lock <mode>",
    choices: [
      { title: "off", value: "off" },
      { title: "governance (privileged users can still shorten it)", value: "GOVERNANCE" },
      { title: "compliance (nobody can shorten or remove it, not even root)", value: "COMPLIANCE" },
    ],
    read: (draft) => {
      const lock = getAt(draft, "cloudtrail.objectLock") as
        { enabled?: boolean; mode?: string } | undefined;
      return lock === undefined ? undefined : lock.enabled ? (lock.mode ?? "GOVERNANCE") : "off";
    },
    fallback: () => "off",
    check: () => undefined,
    apply: (value, draft) => {
      const lock = (getAt(draft, "cloudtrail.objectLock") ?? {}) as AnswersDraft;
      setAt(
        draft,
        "cloudtrail.objectLock",
        value === "off" ? { ...lock, enabled: false } : { ...lock, enabled: true, mode: value },
      );
    },
  },
  atPath("billing.totalMonthlyUsd", {
    id: "billingTotal",
    group: "Billing",
    message: "Alarm when the whole organization's monthly charges exceed (USD)",
    kind: "number",
    flag: "--billing-total <usd>",
    fallback: () => 1000,
  }),
  atPath("billing.accountMonthlyUsd", {
    id: "billingAccount",
    group: "Billing",
    message: "Alarm and budget per account, monthly (USD)",
    kind: "number",
    flag: "--billing-account <usd>",
    fallback: () => 200,
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
    fallback: () => "local",
    check: () => undefined,
    apply: (value, draft) => {
      if (getAt(draft, "state.backend") !== value) draft.state = { backend: value };
    },
  }),
  atPath("state.bucket", {
    id: "stateBucket",
    group: "State backend",
    message: "State bucket name",
    kind: "text",
    flag: "--state-bucket <bucket>",
    fallback: (draft) =>
      getAt(draft, "organization.prefix")
        ? `${getAt(draft, "organization.prefix")}-terraform-state`
        : undefined,
    skip: (draft) => getAt(draft, "state.backend") !== "s3",
  }),
  atPath("state.region", {
    id: "stateRegion",
    group: "State backend",
    message: "State bucket region",
    kind: "text",
    flag: "--state-region <region>",
    fallback: (draft) => getAt(draft, "regions.home") ?? "us-east-1",
    skip: (draft) => getAt(draft, "state.backend") !== "s3",
    check: (value, _draft, schema) => schema(["regions", "home"], value),
  }),
];

/** Parses what a user typed (or passed as a flag) for a question. */
export function parseInput(question: Question, raw: unknown): unknown {
  if (question.kind === "list") {
    if (Array.isArray(raw)) return raw;
    return String(raw ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  }
  if (question.kind === "number") return raw === "" || raw === undefined ? undefined : Number(raw);
  if (question.kind === "text") return typeof raw === "string" ? raw.trim() || undefined : raw;
  return raw;
}
