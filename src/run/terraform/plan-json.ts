/**
 * Terraform/OpenTofu plan JSON (`show -json <planfile>`) into typed, rendering-free results.
 * The format's minor versions are additive, so unknown keys are ignored and unknown action lists
 * are kept as "unknown" rather than guessed. Sensitive values never leave this module: they are
 * replaced by a mask before anything else sees them.
 */

export type ChangeAction =
  "create" | "update" | "replace" | "delete" | "forget" | "read" | "no-op" | "unknown";

export const SENSITIVE = "(sensitive)";
export const KNOWN_AFTER_APPLY = "(known after apply)";

export interface AttributeChange {
  /** Dotted path: "tags.Env", "ingress.0.cidr_blocks". */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly action: ChangeAction;
  /** The raw actions list, e.g. ["delete", "create"]. */
  readonly actions: readonly string[];
  /** True when the plan deletes the real object (delete, or replace by delete). */
  readonly destroys: boolean;
  readonly importing: boolean;
  readonly reason?: string;
  readonly attributes: readonly AttributeChange[];
}

export interface PlanCounts {
  readonly add: number;
  readonly change: number;
  readonly replace: number;
  readonly destroy: number;
  readonly forget: number;
  readonly import: number;
}

export interface ParsedPlan {
  readonly counts: PlanCounts;
  /** Resources the plan would act on (no-op and read left out). */
  readonly changes: readonly ResourceChange[];
  /** Changes made outside Terraform, as the refresh found them. */
  readonly drift: readonly ResourceChange[];
  readonly errored: boolean;
}

/** Terraform's action lists -> one action (see the JSON format docs). */
export function classify(actions: readonly string[]): ChangeAction {
  const key = actions.join(",");
  switch (key) {
    case "no-op":
    case "create":
    case "read":
    case "update":
    case "delete":
    case "forget":
      return key;
    case "delete,create":
    case "create,delete":
    case "create,forget":
      return "replace";
    default:
      return "unknown";
  }
}

type Json = unknown;
interface RawChange {
  address?: string;
  type?: string;
  name?: string;
  mode?: string;
  action_reason?: string;
  change?: {
    actions?: string[];
    before?: Json;
    after?: Json;
    after_unknown?: Json;
    before_sensitive?: Json;
    after_sensitive?: Json;
    importing?: Json;
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The value of a sensitivity/unknown marker tree at a path (true marks the whole subtree). */
function markedAt(tree: unknown, path: readonly (string | number)[]): boolean {
  let node = tree;
  for (const key of path) {
    if (node === true) return true;
    if (!isObject(node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node === true;
}

/** The subtree of a marker tree at a path. */
function subtree(tree: unknown, path: readonly (string | number)[]): unknown {
  let node = tree;
  for (const key of path) {
    if (node === true) return true;
    if (!isObject(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Replaces every value the marker tree flags as sensitive with the mask. */
export function redact(value: unknown, marks: unknown): unknown {
  if (marks === true) return value === undefined ? undefined : SENSITIVE;
  if (!isObject(marks) || !isObject(value)) return value;
  if (Array.isArray(value))
    return value.map((v, i) => redact(v, (marks as unknown as unknown[])[i]));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, redact(v, (marks as Record<string, unknown>)[k])]),
  );
}

/** Leaf values a marker tree flags as sensitive. */
function sensitiveLeaves(value: unknown, marks: unknown, out: Set<string>): void {
  if (marks === true) {
    const walk = (v: unknown) => {
      if (isObject(v)) Object.values(v).forEach(walk);
      else if (v !== null && v !== undefined && String(v).length >= 3) out.add(String(v));
    };
    walk(value);
    return;
  }
  if (!isObject(marks) || !isObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    sensitiveLeaves(v, (marks as Record<string, unknown>)[k], out);
  }
}

/** Masks every leaf that contains a known sensitive value (e.g. a derived `output`). */
function scrub(value: unknown, secrets: ReadonlySet<string>): unknown {
  if (secrets.size === 0) return value;
  if (isObject(value)) {
    return Array.isArray(value)
      ? value.map((v) => scrub(v, secrets))
      : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets)]));
  }
  if (value === null || value === undefined) return value;
  const text = String(value);
  for (const secret of secrets) if (text.includes(secret)) return SENSITIVE;
  return value;
}

/** Leaf-level differences between two values, with masks for sensitive and unknown values. */
export function attributeChanges(change: NonNullable<RawChange["change"]>): AttributeChange[] {
  const out: AttributeChange[] = [];
  // Terraform marks sensitivity by path; a value derived from a secret elsewhere in the same
  // resource (terraform_data's output, say) is not marked, so known secrets are masked everywhere.
  const secrets = new Set<string>();
  sensitiveLeaves(change.before, change.before_sensitive, secrets);
  sensitiveLeaves(change.after, change.after_sensitive, secrets);
  const walk = (before: unknown, after: unknown, path: (string | number)[]) => {
    const unknown = markedAt(change.after_unknown, path);
    // Creates and deletes have null on one side: compare against an empty object, so each
    // attribute is listed on its own (including those only known after apply).
    const empty = (side: unknown, other: unknown) =>
      (side === null || side === undefined) && isObject(other) && !Array.isArray(other) ? {} : side;
    const b = empty(before, after);
    const a = empty(after, before);
    if (!unknown && isObject(b) && isObject(a)) {
      const unknownKeys = subtree(change.after_unknown, path);
      const keys = new Set([
        ...Object.keys(b),
        ...Object.keys(a),
        ...(isObject(unknownKeys) ? Object.keys(unknownKeys) : []),
      ]);
      for (const key of [...keys].sort()) {
        const k = Array.isArray(a) || Array.isArray(b) ? Number(key) : key;
        walk((b as Record<string, unknown>)[key], (a as Record<string, unknown>)[key], [
          ...path,
          k,
        ]);
      }
      return;
    }
    if (!unknown && JSON.stringify(before) === JSON.stringify(after)) return;
    // A value is masked where either side marks it sensitive (and inside objects, per key).
    const marks = (tree: unknown) => subtree(tree, path);
    const sensitive =
      markedAt(change.before_sensitive, path) || markedAt(change.after_sensitive, path);
    const hide = (value: unknown) =>
      sensitive
        ? value === undefined
          ? undefined
          : SENSITIVE
        : scrub(
            redact(redact(value, marks(change.before_sensitive)), marks(change.after_sensitive)),
            secrets,
          );
    out.push({
      path: path.join("."),
      before: hide(before),
      after: unknown ? KNOWN_AFTER_APPLY : hide(after),
    });
  };
  walk(change.before ?? undefined, change.after ?? undefined, []);
  return out;
}

function toChange(raw: RawChange): ResourceChange | undefined {
  if (raw.mode === "data") return undefined;
  const actions = raw.change?.actions ?? [];
  const action = classify(actions);
  if (action === "no-op" || action === "read") {
    // An import without changes is still an action worth reporting.
    if (!raw.change?.importing) return undefined;
  }
  return {
    address: raw.address ?? "",
    type: raw.type ?? "",
    name: raw.name ?? "",
    action,
    actions,
    destroys: actions.includes("delete"),
    importing: Boolean(raw.change?.importing),
    ...(raw.action_reason ? { reason: raw.action_reason } : {}),
    attributes: raw.change ? attributeChanges(raw.change) : [],
  };
}

export function countChanges(changes: readonly ResourceChange[]): PlanCounts {
  const count = (action: ChangeAction) => changes.filter((c) => c.action === action).length;
  return {
    add: count("create"),
    change: count("update"),
    replace: count("replace"),
    destroy: count("delete"),
    forget: count("forget"),
    import: changes.filter((c) => c.importing).length,
  };
}

/** Parses `show -json` output of a saved plan. Throws on text that is not a plan. */
export function parsePlan(json: string | unknown): ParsedPlan {
  const plan = (typeof json === "string" ? JSON.parse(json) : json) as {
    format_version?: string;
    resource_changes?: RawChange[];
    resource_drift?: RawChange[];
    errored?: boolean;
  };
  if (!isObject(plan) || typeof plan.format_version !== "string") {
    throw new Error("not a Terraform plan JSON document (no format_version)");
  }
  const changes = (plan.resource_changes ?? []).flatMap((c) => toChange(c) ?? []);
  const drift = (plan.resource_drift ?? []).flatMap((c) => toChange(c) ?? []);
  return { counts: countChanges(changes), changes, drift, errored: plan.errored === true };
}
