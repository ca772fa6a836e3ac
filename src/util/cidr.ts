/** IPv4 CIDR arithmetic for address planning. Pure functions on 32-bit integers. */

export interface Cidr {
  readonly base: number; // network address as an unsigned 32-bit integer
  readonly prefix: number;
}

/** Parses "a.b.c.d/n"; returns undefined when malformed or when host bits are set. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  if (base % size(prefix) !== 0) return undefined;
  return { base, prefix };
}

/** The canonical network for an address with host bits set, e.g. 10.0.0.1/16 -> 10.0.0.0/16. */
export function canonicalCidr(text: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const addr = octets.reduce((acc, o) => acc * 256 + o, 0);
  return formatCidr({ base: addr - (addr % size(prefix)), prefix });
}

export function formatCidr(c: Cidr): string {
  const o = [24, 16, 8, 0].map((shift) => Math.floor(c.base / 2 ** shift) % 256);
  return `${o.join(".")}/${c.prefix}`;
}

/** Number of addresses in a block of this prefix length. */
export function size(prefix: number): number {
  return 2 ** (32 - prefix);
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + size(b.prefix) && b.base < a.base + size(a.prefix);
}

export function contains(outer: Cidr, inner: Cidr): boolean {
  return (
    outer.prefix <= inner.prefix &&
    inner.base >= outer.base &&
    inner.base + size(inner.prefix) <= outer.base + size(outer.prefix)
  );
}

/** The n-th block of `prefix` length inside `parent` (n from 0), or undefined when out of range. */
export function subnet(parent: Cidr, prefix: number, n: number): Cidr | undefined {
  if (prefix < parent.prefix || n < 0 || n >= 2 ** (prefix - parent.prefix)) return undefined;
  return { base: parent.base + n * size(prefix), prefix };
}

const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(
  (t) => parseCidr(t) as Cidr,
);

/** True when the block lies inside one RFC 1918 private range. */
export function isPrivate(c: Cidr): boolean {
  return PRIVATE_RANGES.some((r) => contains(r, c));
}

/**
 * Allocates `count` blocks of `prefix` length from `supernet`, in order, skipping any block that
 * overlaps `taken`. Returns fewer than `count` blocks when the supernet runs out.
 */
export function allocate(supernet: Cidr, prefix: number, count: number, taken: Cidr[]): Cidr[] {
  const out: Cidr[] = [];
  const blocks = 2 ** Math.max(0, prefix - supernet.prefix);
  for (let n = 0; n < blocks && out.length < count; n++) {
    const candidate = subnet(supernet, prefix, n);
    if (candidate && !taken.some((t) => overlaps(t, candidate))) out.push(candidate);
  }
  return out;
}
