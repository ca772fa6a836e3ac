/**
 * Surgical edits to an answers file: set a few values and keep every other byte. Key order,
 * spacing and line breaks the user chose all survive: an existing value is replaced in place; a
 * new key is inserted after a sensible neighbour (accountId after email or name), on its own line
 * with the neighbour's indentation in a multi-line object, inline in a one-line object.
 */
import { findNodeAtLocation, parseTree, type Node } from "jsonc-parser";

/** A key path in an answers file: ["accounts", 2, "accountId"]. */
export type JsonPath = readonly (string | number)[];

export interface ValueEdit {
  readonly path: JsonPath;
  readonly value: unknown;
}

const INSERT_AFTER: Record<string, readonly string[]> = {
  accountId: ["displayName", "email", "kind", "name"],
  id: ["prefix", "name"],
  management: ["regions", "organization"],
};

/** One-line JSON with a space after ':' and inside braces, as hand-written answers look. */
function inline(value: unknown): string {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`);
    return members.length ? `{ ${members.join(", ")} }` : "{}";
  }
  return JSON.stringify(value);
}

function splice(text: string, offset: number, length: number, content: string): string {
  return text.slice(0, offset) + content + text.slice(offset + length);
}

/** Indentation of the line that holds `offset`. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? "";
}

function insertProperty(text: string, object: Node, key: string, value: unknown): string {
  const properties = object.children ?? [];
  const member = `${JSON.stringify(key)}: ${inline(value)}`;
  const multiLine = text.slice(object.offset, object.offset + object.length).includes("\n");
  if (properties.length === 0) {
    if (!multiLine) return splice(text, object.offset, object.length, `{ ${member} }`);
    const indent = indentAt(text, object.offset);
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const inner = indent.startsWith("\t") ? "\t" : "  ";
    return splice(
      text,
      object.offset,
      object.length,
      `{${eol}${indent}${inner}${member}${eol}${indent}}`,
    );
  }
  const names = properties.map((p) => p.children?.[0]?.value as string);
  const neighbour = (INSERT_AFTER[key] ?? []).map((n) => names.indexOf(n)).find((i) => i >= 0);
  const after = properties[neighbour ?? properties.length - 1] as Node;
  const end = after.offset + after.length;
  const separator = multiLine
    ? `${text.includes("\r\n") ? "\r\n" : "\n"}${indentAt(text, after.offset)}`
    : " ";
  return splice(text, end, 0, `,${separator}${member}`);
}

/** Sets one value, creating missing objects on the way. */
function setValue(text: string, path: JsonPath, value: unknown): string {
  const root = parseTree(text);
  if (!root) throw new Error("editAnswersText: the answers file is not JSON");
  const existing = findNodeAtLocation(root, [...path]);
  if (existing) return splice(text, existing.offset, existing.length, JSON.stringify(value));
  // Walk up to the deepest object that exists, then insert the rest as one nested value.
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const parent = depth === 0 ? root : findNodeAtLocation(root, [...path.slice(0, depth)]);
    if (!parent) continue;
    if (parent.type !== "object") {
      throw new Error(`editAnswersText: ${path.slice(0, depth).join(".")} is not an object`);
    }
    const nested = path
      .slice(depth + 1)
      .reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
    return insertProperty(text, parent, String(path[depth]), nested);
  }
  throw new Error("editAnswersText: unreachable");
}

export function editAnswersText(text: string, edits: readonly ValueEdit[]): string {
  return edits.reduce((out, edit) => setValue(out, edit.path, edit.value), text);
}
