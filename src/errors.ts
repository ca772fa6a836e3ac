/**
 * The error taxonomy. Library code throws these (never calls process.exit); the CLI's single error
 * boundary maps `kind` to an exit code and renders `problems` and `hint`.
 */
/**
 * One thing wrong with the answers: where (key path), what, the value received and how to fix it.
 * Both validation phases (schema and semantic rules, in src/answers) produce Problems; errors carry
 * them, so the CLI renders them one way and reports all of them at once.
 */
export interface Problem {
  /** Key path in the answers file, e.g. `accounts[2].email`. */
  readonly path: string;
  /** What is wrong, phrased after the path: "must be exactly 12 digits". */
  readonly message: string;
  /** The value found at the path; absent when the key is missing. */
  readonly received?: unknown;
  /** What to change. */
  readonly fix: string;
  /** The check that found it: `schema` or a semantic rule's name. */
  readonly rule: string;
}

export type ErrorKind = "user" | "environment" | "aborted" | "internal";

export const ERROR_CODES = {
  ANSWERS_NOT_FOUND: "user",
  ANSWERS_NOT_JSON: "user",
  ANSWERS_INVALID: "user",
  OUTPUT_NOT_OURS: "user",
  TERRAFORM_MISSING: "environment",
  TERRAFORM_TOO_OLD: "environment",
  TERRAFORM_UNUSABLE: "environment",
  FILESYSTEM: "environment",
  PLUGIN_DIR_MISSING: "environment",
  TERRAFORM_PROVIDERS_UNAVAILABLE: "environment",
  PACKAGE_PACK_FAILED: "environment",
  TERRAFORM_INVALID: "user",
  AWS_NO_CREDENTIALS: "environment",
  AWS_ACCESS_DENIED: "environment",
  AWS_REQUEST_FAILED: "environment",
  STATE_BUCKET_MISSING: "environment",
  DEPLOY_ROLE_UNTRUSTED: "user",
  AWS_NO_ORGANIZATION: "user",
  AWS_NOT_MANAGEMENT: "user",
  ANSWERS_CONFLICT: "user",
  EMULATOR_URL_INVALID: "user",
  FILE_EXISTS: "user",
  ANSWERS_DIFFER: "user",
  OUTPUT_MISSING: "user",
  UNKNOWN_STACK: "user",
  STACK_FAILED: "user",
  PROTECTED_DESTROY: "user",
  DEFAULT_VPC_MODE: "user",
  DEFAULT_VPCS_FAILED: "user",
  CONFIRMATION_NEEDED: "user",
  BOOTSTRAP_NOT_NEEDED: "user",
  DRIFT_REPORT_INVALID: "user",
  ABORTED: "aborted",
  INTERNAL: "internal",
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class BaselineError extends Error {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { hint?: string; problems?: readonly Problem[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "BaselineError";
    this.kind = ERROR_CODES[code];
  }

  get problems(): readonly Problem[] {
    return this.options.problems ?? [];
  }

  get hint(): string | undefined {
    return this.options.hint;
  }
}

/** Exit codes CI can act on. 2 is reserved for "changes/drift found" (plan and drift commands). */
export const EXIT_CODES: Record<ErrorKind | "ok", number> = {
  ok: 0,
  user: 1,
  environment: 3,
  internal: 4,
  aborted: 130,
};

/** What a failed file-system call means for the user, by Node's error code. */
const SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder (or a read-only mount refused to create it)",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder, not a file",
  EEXIST: "it exists already (making a folder: a file stands where the folder should be)",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EBUSY: "it is busy (in use by another program)",
  EMFILE: "too many open files",
};

/**
 * A failed file-system call (a Node error with a system code and a path) as an environment
 * problem naming the path and the cause; anything else is left to the caller (a bug).
 */
export function environmentError(error: unknown): BaselineError | undefined {
  const e = error as { code?: unknown; syscall?: unknown; path?: unknown; dest?: unknown };
  if (typeof e?.code !== "string" || typeof e.syscall !== "string") return undefined;
  const cause = SYSTEM_ERRORS[e.code];
  if (!cause) return undefined;
  const path = typeof e.path === "string" ? ` ${e.path}` : "";
  const dest = typeof e.dest === "string" ? ` -> ${e.dest}` : "";
  return new BaselineError("FILESYSTEM", `${e.syscall}${path}${dest}: ${cause} (${e.code})`, {
    cause: error,
    hint: "check the path (--out, --config, --logs-dir), its permissions and the free disk space",
  });
}
