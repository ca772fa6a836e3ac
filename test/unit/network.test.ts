import { describe, expect, it } from "vitest";
import { overlaps, parseCidr, type Cidr } from "../../src/util/cidr.js";
import {
  describeNetworkCost,
  estimateNetworkCost,
  organizationNetworkCost,
} from "../../src/network/cost.js";
import { networkLayout } from "../../src/network/layout.js";
import { LIST_PRICES } from "../../src/network/list-prices.js";
import { configFrom, minimalAnswers } from "../helpers/answers.js";

const base = {
  azCount: 2,
  publicSubnets: true,
  flowLogRetentionDays: 365,
  interfaceEndpoints: [] as string[],
  cidrAllocated: false,
};

describe("network layout", () => {
  it("automatically allocated CIDRs never overlap for 50 accounts", () => {
    const accounts = [
      { name: "log-archive", kind: "log-archive" },
      { name: "security", kind: "security" },
      ...Array.from({ length: 50 }, (_, i) => ({
        name: `env-${i}`,
        network: i === 7 ? { cidr: "10.3.0.0/16" } : {},
      })),
    ];
    const config = configFrom({ ...minimalAnswers(), accounts });
    const cidrs = config.accounts.flatMap((a) =>
      a.network ? [parseCidr(a.network.cidr) as Cidr] : [],
    );
    expect(cidrs).toHaveLength(50);
    for (let i = 0; i < cidrs.length; i++) {
      for (let j = i + 1; j < cidrs.length; j++)
        expect(overlaps(cidrs[i] as Cidr, cidrs[j] as Cidr)).toBe(false);
    }
  });

  it("private subnets first, public after, NAT zones per mode", () => {
    const network = {
      ...base,
      cidr: "10.9.0.0/16",
      nat: "single" as const,
      availabilityZones: ["eu-west-1a", "eu-west-1b"],
    };
    expect(networkLayout(network, 20)).toEqual({
      vpcCidr: "10.9.0.0/16",
      natZones: ["eu-west-1a"],
      zones: [
        {
          zone: "eu-west-1a",
          privateCidr: "10.9.0.0/20",
          publicCidr: "10.9.32.0/20",
          natZone: "eu-west-1a",
        },
        {
          zone: "eu-west-1b",
          privateCidr: "10.9.16.0/20",
          publicCidr: "10.9.48.0/20",
          natZone: "eu-west-1a",
        },
      ],
    });
    expect(networkLayout({ ...network, nat: "per-az" }, 20).natZones).toEqual([
      "eu-west-1a",
      "eu-west-1b",
    ]);
    const none = networkLayout({ ...network, nat: "none", publicSubnets: false }, 20);
    expect(none.natZones).toEqual([]);
    expect(none.zones.every((z) => z.publicCidr === undefined && z.natZone === undefined)).toBe(
      true,
    );
  });
});

describe("network cost", () => {
  const month = LIST_PRICES.hoursPerMonth;
  it("per-AZ NAT in 3 zones with 2 interface endpoints", () => {
    const cost = estimateNetworkCost({
      ...base,
      cidr: "10.0.0.0/16",
      nat: "per-az",
      availabilityZones: ["a", "b", "c"],
      interfaceEndpoints: ["ssm", "logs"],
    });
    expect(cost.lines).toEqual([
      { item: "NAT gateways", quantity: 3, monthlyUsd: Math.round(3 * 0.045 * month * 100) / 100 },
      {
        item: "public IPv4 addresses (NAT Elastic IPs)",
        quantity: 3,
        monthlyUsd: Math.round(3 * 0.005 * month * 100) / 100,
      },
      {
        item: "interface endpoint zones",
        quantity: 6,
        monthlyUsd: Math.round(6 * 0.01 * month * 100) / 100,
      },
    ]);
    expect(cost.monthlyUsd).toBe(98.55 + 10.95 + 43.8);
  });

  it("no NAT and no endpoints costs nothing fixed", () => {
    expect(
      estimateNetworkCost({
        ...base,
        cidr: "10.0.0.0/16",
        nat: "none",
        availabilityZones: ["a"],
        publicSubnets: false,
      }),
    ).toEqual({ monthlyUsd: 0, lines: [] });
  });

  it("the organization total adds up per account and names the price date", () => {
    const config = configFrom(minimalAnswers()); // dev and test: single NAT; prod: 3 per-AZ NATs
    const cost = organizationNetworkCost(config.accounts, config.regions.home);
    expect(Object.keys(cost.byAccount)).toEqual(["dev", "test", "prod"]);
    expect(cost.monthlyUsd).toBeCloseTo(5 * (0.045 + 0.005) * month, 2);
    expect(cost.pricesAsOf).toBe(LIST_PRICES.asOf);
  });

  it("the cost line names the prices' region and date, and says so when the networks are elsewhere", () => {
    const config = configFrom(minimalAnswers());
    const home = describeNetworkCost(organizationNetworkCost(config.accounts, LIST_PRICES.region));
    expect(home).toContain(`; ${LIST_PRICES.region} list prices of ${LIST_PRICES.asOf}, traffic`);
    expect(home).not.toContain("networks are in");
    const ireland = describeNetworkCost(organizationNetworkCost(config.accounts, "eu-west-1"));
    expect(ireland).toContain(
      `priced at ${LIST_PRICES.region} list prices of ${LIST_PRICES.asOf}; the networks are in eu-west-1, which can cost up to about a third more; traffic not included`,
    );
  });
});
