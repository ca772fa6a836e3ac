/**
 * Public list prices used for the fixed network cost estimate. The one place to update them.
 * Source: the AWS pricing pages for Amazon VPC (NAT gateway, public IPv4) and AWS PrivateLink,
 * us-east-1, on-demand; checked on `asOf` against 2026 summaries of those pages. Other regions cost
 * up to about a third more.
 */
export const LIST_PRICES = {
  asOf: "2026-11-23",
  region: "us-east-1",
  currency: "USD",
  hoursPerMonth: 730,
  /** Per NAT gateway-hour (data processing is variable and not included). */
  natGatewayHour: 0.045,
  /** Per public IPv4 address-hour (each NAT gateway's Elastic IP). */
  publicIpv4Hour: 0.005,
  /** Per interface endpoint, per availability zone, per hour (data processing not included). */
  interfaceEndpointAzHour: 0.01,
} as const;
