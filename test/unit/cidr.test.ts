import { describe, expect, it } from "vitest";
import {
  allocate,
  canonicalCidr,
  contains,
  formatCidr,
  isPrivate,
  overlaps,
  parseCidr,
  type Cidr,
} from "../../src/util/cidr.js";

const c = (t: string) => parseCidr(t) as Cidr;

describe("cidr", () => {
  it("parses and formats, rejecting host bits and bad octets", () => {
    expect(formatCidr(c("10.1.0.0/16"))).toBe("10.1.0.0/16");
    expect(parseCidr("10.1.0.1/16")).toBeUndefined();
    expect(parseCidr("10.256.0.0/16")).toBeUndefined();
    expect(canonicalCidr("10.1.2.3/16")).toBe("10.1.0.0/16");
  });

  it("overlap and containment", () => {
    expect(overlaps(c("10.0.0.0/16"), c("10.0.255.0/24"))).toBe(true);
    expect(overlaps(c("10.0.0.0/16"), c("10.1.0.0/16"))).toBe(false);
    expect(contains(c("10.0.0.0/8"), c("10.200.0.0/16"))).toBe(true);
    expect(isPrivate(c("172.31.0.0/16"))).toBe(true);
    expect(isPrivate(c("172.32.0.0/16"))).toBe(false);
  });

  it("allocated CIDRs never overlap for 50 accounts, around taken blocks", () => {
    const taken = [c("10.3.0.0/16"), c("10.7.128.0/17")];
    const blocks = allocate(c("10.0.0.0/8"), 16, 50, taken);
    expect(blocks).toHaveLength(50);
    const all = [...blocks, ...taken];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++)
        expect(overlaps(all[i] as Cidr, all[j] as Cidr)).toBe(false);
    }
  });

  it("returns fewer blocks when the supernet runs out", () => {
    expect(allocate(c("10.0.0.0/15"), 16, 3, [])).toHaveLength(2);
  });
});
