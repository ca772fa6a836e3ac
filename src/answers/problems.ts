/**
 * A Problem is one thing wrong with the answers: where (key path), what, the value received and
 * how to fix it. Both validation phases (schema and semantic rules) produce Problems, so the CLI
 * renders them one way and reports all of them at once.
 */
import { z } from "zod";
import type { Problem } from "../errors.js";
import { closest } from "../util/closest.js";

// Defined beside BaselineError (errors carry problems); re-exported here where they are made.
export type { Problem };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(root)";
}

/** A short, single-line rendering of a received value for messages. */
export function showValue(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

type Schema = z.core.$ZodType;
type Meta = { description?: string; examples?: unknown[] };

const WRAPPERS = new Set(["optional", "default", "prefault", "nullable", "readonly", "catch"]);

/** The schema and its wrappers (optional/default/...), outermost first. */
function layers(schema: Schema): Schema[] {
  const out = [schema];
  let current = schema;
  while (WRAPPERS.has(current._zod.def.type)) {
    current = (current._zod.def as unknown as { innerType: Schema }).innerType;
    out.push(current);
  }
  return out;
}

function core(schema: Schema): Schema {
  return layers(schema).at(-1) as Schema;
}

function metaOf(schema: Schema): Meta {
  return Object.assign(
    {},
    ...layers(schema)
      .reverse()
      .map((s) => (z.globalRegistry.get(s as z.ZodType) ?? {}) as Meta),
  );
}

/** Finds the sub-schema at `path`, following the data to pick discriminated-union options. */
export function schemaAt(
  root: Schema,
  path: readonly PropertyKey[],
  data: unknown,
): Schema | undefined {
  let schema: Schema | undefined = root;
  let value: unknown = data;
  for (const key of path) {
    if (!schema) return undefined;
    schema = childOf(core(schema), key, value);
    value =
      value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return schema;
}

function childOf(schema: Schema, key: PropertyKey, value: unknown): Schema | undefined {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case "object":
      return (def.shape as Record<string, Schema>)[String(key)];
    case "array":
      return def.element as Schema;
    case "record":
      return def.valueType as Schema;
    case "union": {
      const options = def.options as Schema[];
      const disc = def.discriminator as string | undefined;
      const chosen =
        disc && value && typeof value === "object"
          ? options.find((o) => {
              const lit = objectShape(o)?.[disc];
              const values = lit
                ? (core(lit)._zod.def as { values?: unknown[] }).values
                : undefined;
              return values?.includes((value as Record<string, unknown>)[disc]);
            })
          : undefined;
      return chosen ? childOf(core(chosen), key, value) : undefined;
    }
    default:
      return undefined;
  }
}

function objectShape(schema: Schema): Record<string, Schema> | undefined {
  const def = core(schema)._zod.def as unknown as { type: string; shape?: Record<string, Schema> };
  return def.type === "object" ? def.shape : undefined;
}

function exampleOf(schema: Schema | undefined): string | undefined {
  const examples = schema ? metaOf(schema).examples : undefined;
  return examples?.length ? showValue(examples[0]) : undefined;
}

function exampleHint(schema: Schema | undefined): string {
  const example = exampleOf(schema);
  return example ? `, e.g. ${example}` : "";
}

function suggest(key: string, allowed: string[]): string | undefined {
  return closest(key, allowed)[0];
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Turns zod's issues into Problems with key paths, received values and fixes. */
export function problemsFromIssues(
  root: Schema,
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const at = schemaAt(root, issue.path, data);
    const input = (issue as { input?: unknown }).input;
    const base = { path: formatPath(issue.path), rule: "schema" };
    switch (issue.code) {
      case "unrecognized_keys": {
        const allowed = Object.keys(objectShape(at ?? root) ?? {});
        for (const key of issue.keys) {
          const guess = suggest(key, allowed);
          out.push({
            ...base,
            path: formatPath([...issue.path, key]),
            message: "is not a known key",
            received: (input as Record<string, unknown> | undefined)?.[key],
            fix: guess
              ? `did you mean "${guess}"? (allowed here: ${allowed.join(", ")})`
              : `remove it (allowed here: ${allowed.join(", ")})`,
          });
        }
        break;
      }
      case "invalid_type":
        if (input === undefined) {
          out.push({ ...base, message: "is required", fix: `add it${exampleHint(at)}` });
        } else if (typeof input === "number" && !Number.isFinite(input)) {
          out.push({
            ...base,
            message: "must be a finite number (the value written is too large for a number)",
            received: String(input),
            fix: `use a smaller number${exampleHint(at)}`,
          });
        } else if (issue.expected === "int") {
          out.push({
            ...base,
            message: `must be a whole number, not ${typeof input === "number" ? input : typeName(input)}`,
            received: input,
            fix: `use a whole number${exampleHint(at)}`,
          });
        } else {
          out.push({
            ...base,
            message: `must be ${issue.expected === "array" ? "an" : "a"} ${issue.expected}, not ${typeName(input)}`,
            received: input,
            fix: `use a ${issue.expected}${exampleHint(at)}`,
          });
        }
        break;
      case "invalid_value":
        out.push({
          ...base,
          message: `must be one of ${issue.values.map((v) => showValue(v)).join(", ")}`,
          received: input,
          fix: `use one of ${issue.values.map((v) => showValue(v)).join(", ")}`,
        });
        break;
      case "invalid_union": {
        const disc = (issue as { discriminator?: string; options?: unknown[] }).discriminator;
        const options = (issue as { options?: unknown[] }).options ?? [];
        if (disc) {
          out.push({
            ...base,
            path: formatPath([...issue.path, ...(issue.path.at(-1) === disc ? [] : [disc])]),
            message: `must be one of ${options.map((v) => showValue(v)).join(", ")}`,
            received: (input as Record<string, unknown> | undefined)?.[disc],
            fix: `set ${disc} to one of ${options.map((v) => showValue(v)).join(", ")}`,
          });
        } else {
          out.push({
            ...base,
            message: issue.message,
            received: input,
            fix: "see the JSON Schema",
          });
        }
        break;
      }
      case "too_small":
      case "too_big": {
        const small = issue.code === "too_small";
        const limit = small
          ? (issue as { minimum: unknown }).minimum
          : (issue as { maximum: unknown }).maximum;
        // Our own error texts ("must be at least 14 (CIS 1.8)") beat zod's generic "Too small".
        const custom = !issue.message.startsWith("Too ");
        const inclusive = (issue as { inclusive?: boolean }).inclusive !== false;
        const word = small
          ? inclusive
            ? "at least"
            : "greater than"
          : inclusive
            ? "at most"
            : "less than";
        const bound = `${word} ${String(limit)}`;
        const unit =
          issue.origin === "array" ? " item(s)" : issue.origin === "string" ? " characters" : "";
        out.push({
          ...base,
          message: custom ? issue.message : unit ? `must have ${bound}${unit}` : `must be ${bound}`,
          received: input,
          fix: `use ${bound}${unit}${exampleHint(at)}`,
        });
        break;
      }
      default:
        out.push({
          ...base,
          message: issue.message,
          received: input,
          fix: exampleOf(at)
            ? `use a value like ${exampleOf(at)}`
            : "correct the value (see the JSON Schema)",
        });
    }
  }
  return out;
}
