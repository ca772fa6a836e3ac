/**
 * What a control is. Each baseline area declares its own controls in `src/<area>/controls.ts`;
 * `registry.ts` only lists the areas. A control names the stack kinds it lives in, the answers key
 * that switches it (checked by the compiler), the resources that implement it by Terraform type and
 * construct id (constants exported by the module that passes them to `new`), and its tests.
 */
import type { Answers } from "../answers/schema.js";
import type { StackKind } from "../plan/plan.js";

type Leaf = string | number | boolean | bigint | symbol | null | undefined | readonly unknown[];

/** Every dotted path into T ("a", "a.b", ...); arrays and string-keyed records end a path. */
export type PathOf<T> = T extends Leaf
  ? never
  : {
      [K in keyof T & string]: string extends K ? never : K | `${K}.${PathOf<NonNullable<T[K]>>}`;
    }[keyof T & string];

/** A key of the answers file, e.g. "guardrails.denyRootUser". A typo does not compile. */
export type AnswersPath = PathOf<Answers>;

/** Wildcard in a construct id: the per-item part (a region, an account, a name prefix...). */
export const ANY = "*";

export interface ControlResource {
  /** Terraform resource type (resources only: data sources are read, not owned). */
  readonly type: string;
  /**
   * Construct id of the resource, or of the construct that holds it (a SecureBucket, an
   * EncryptionKey...), built from the constant its module passes to `new`. `*` stands for the
   * per-item part of ids built in a loop, e.g. `ebs-key-*` or `*-deny-root-user`.
   */
  readonly id: string;
}

export interface Control {
  readonly id: string;
  readonly title: string;
  /** CIS v3.0.0 recommendation numbers; empty when the control goes beyond CIS. */
  readonly cis: readonly string[];
  /** Kinds of stack the resources live in; empty for manual controls. */
  readonly stacks: readonly StackKind[];
  /** Only in the management account's stack of that kind (e.g. admin users). */
  readonly managementOnly?: true;
  readonly resources: readonly ControlResource[];
  /** Answers key that switches the control, if any. */
  readonly switch?: AnswersPath;
  /** `file › test title` of the test that asserts the property. */
  readonly verifiedBy: readonly string[];
  /** Done by a person, not by Terraform (listed among the manual steps). */
  readonly manual?: true;
}

/** A resource created with this construct id (or inside a construct with this id). */
export function resource(type: string, id: string): ControlResource {
  return { type, id };
}

/** Resources created in a loop with ids `${prefix}<item>${suffix}`. */
export function perItem(type: string, prefix: string, suffix = ""): ControlResource {
  return { type, id: `${prefix}${ANY}${suffix}` };
}

const patterns = new Map<string, RegExp>();

/**
 * cdktf names a resource after its construct path: the ids joined by `_` (an id repeated at the
 * end of its parent's is dropped) plus a hash. So an id matches a whole `_`-separated part.
 */
function idPattern(id: string): RegExp {
  let pattern = patterns.get(id);
  if (!pattern) {
    const escaped = id
      .split(ANY)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[A-Za-z0-9_-]*");
    pattern = new RegExp(`(?:^|_)${escaped}(?:_|$)`);
    patterns.set(id, pattern);
  }
  return pattern;
}

/** Whether a Terraform resource (`type`, `address` as in plan JSON) is this declared resource. */
export function isResource(
  declared: ControlResource,
  change: { readonly type: string; readonly address: string },
): boolean {
  if (declared.type !== change.type) return false;
  const at = change.address.indexOf(`${change.type}.`);
  if (at < 0 || change.address.startsWith("data.") || change.address.includes(".data.")) {
    return false;
  }
  const name = change.address.slice(at + change.type.length + 1).replace(/\[.*$/, "");
  return idPattern(declared.id).test(name);
}

/** Terraform types an EncryptionKey (src/build/encryption-key.ts) creates. */
export const ENCRYPTION_KEY_TYPES = ["aws_kms_key", "aws_kms_alias"] as const;

/** Terraform types a SecureBucket (src/build/secure-bucket.ts) creates. */
export const SECURE_BUCKET_TYPES = [
  "aws_s3_bucket",
  "aws_s3_bucket_policy",
  "aws_s3_bucket_public_access_block",
  "aws_s3_bucket_versioning",
  "aws_s3_bucket_server_side_encryption_configuration",
  "aws_s3_bucket_ownership_controls",
] as const;

/** Terraform types an AlarmTopic (src/monitoring/alarm-topic.ts) creates. */
export const ALARM_TOPIC_TYPES = [
  "aws_sns_topic",
  "aws_sns_topic_policy",
  "aws_sns_topic_subscription",
] as const;

/** The resources of these types inside the construct with this id. */
export function inside(id: string, types: readonly string[]): ControlResource[] {
  return types.map((type) => resource(type, id));
}
