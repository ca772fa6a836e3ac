/**
 * Estimated monthly fixed cost of a network: what it costs while idle. Variable charges (data
 * processed by NAT gateways and endpoints, flow log ingestion) depend on traffic and are left out.
 */
import type { ResolvedNetwork } from "../answers/resolve.js";
import { LIST_PRICES } from "./list-prices.js";

export interface CostLine {
  readonly item: string;
  readonly quantity: number;
  readonly monthlyUsd: number;
}

export interface NetworkCost {
  readonly monthlyUsd: number;
  readonly lines: readonly CostLine[];
}

const round = (usd: number) => Math.round(usd * 100) / 100;

export function estimateNetworkCost(network: ResolvedNetwork, prices = LIST_PRICES): NetworkCost {
  const zones = network.availabilityZones.length;
  const nats = network.nat === "none" ? 0 : network.nat === "single" ? 1 : zones;
  const endpointAzs = network.interfaceEndpoints.length * zones;
  const perMonth = (hourly: number, quantity: number) =>
    round(hourly * prices.hoursPerMonth * quantity);
  const lines: CostLine[] = [
    { item: "NAT gateways", quantity: nats, monthlyUsd: perMonth(prices.natGatewayHour, nats) },
    {
      item: "public IPv4 addresses (NAT Elastic IPs)",
      quantity: nats,
      monthlyUsd: perMonth(prices.publicIpv4Hour, nats),
    },
    {
      item: "interface endpoint zones",
      quantity: endpointAzs,
      monthlyUsd: perMonth(prices.interfaceEndpointAzHour, endpointAzs),
    },
  ].filter((line) => line.quantity > 0);
  return { monthlyUsd: round(lines.reduce((sum, l) => sum + l.monthlyUsd, 0)), lines };
}

export interface OrganizationNetworkCost {
  readonly monthlyUsd: number;
  readonly byAccount: Readonly<Record<string, NetworkCost>>;
  readonly pricesAsOf: string;
  /** Where the list prices are from. */
  readonly pricesRegion: string;
  /** Where the networks are (the home region). */
  readonly networksRegion: string;
}

/** Fixed network cost of every account with a network (all in the home region), and the total. */
export function organizationNetworkCost(
  accounts: readonly { name: string; network?: ResolvedNetwork }[],
  homeRegion: string,
): OrganizationNetworkCost {
  const byAccount: Record<string, NetworkCost> = {};
  for (const account of accounts)
    if (account.network) byAccount[account.name] = estimateNetworkCost(account.network);
  return {
    monthlyUsd: round(Object.values(byAccount).reduce((sum, c) => sum + c.monthlyUsd, 0)),
    byAccount,
    pricesAsOf: LIST_PRICES.asOf,
    pricesRegion: LIST_PRICES.region,
    networksRegion: homeRegion,
  };
}

/**
 * One line for summaries: "$105.85/month fixed network cost (dev $36.50, ...; us-east-1 list
 * prices of ...)", saying so when the networks are in another region than the prices.
 */
export function describeNetworkCost(cost: OrganizationNetworkCost): string {
  const parts = Object.entries(cost.byAccount).map(
    ([name, c]) => `${name} $${c.monthlyUsd.toFixed(2)}`,
  );
  const basis =
    cost.networksRegion === cost.pricesRegion || parts.length === 0
      ? `${cost.pricesRegion} list prices of ${cost.pricesAsOf},`
      : `priced at ${cost.pricesRegion} list prices of ${cost.pricesAsOf}; the networks are in ${cost.networksRegion}, which can cost up to about a third more;`;
  return `$${cost.monthlyUsd.toFixed(2)}/month fixed network cost (${parts.join(", ") || "no networks"}; ${basis} traffic not included)`;
}
