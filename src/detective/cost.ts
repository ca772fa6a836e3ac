/**
 * Estimated monthly cost of the detective services, as a range. Config bills per configuration
 * item, GuardDuty per event and log volume, Security Hub per check: all depend on activity the
 * answers cannot know, so each line assumes a low and a high volume and says which. Every account
 * (the management account included) is covered in every enabled region; the home region, where
 * workloads and IAM live, is assumed busier than the others.
 */
import type { DetectiveAnswers } from "./answers.js";
import { DETECTIVE_SERVICES, type DetectiveService } from "./defaults.js";
import { DETECTIVE_LIST_PRICES } from "./list-prices.js";
import { enabledDetectiveServices } from "../answers/resolve.js";

/** Low and high monthly quantity of one billed unit per account, in the home region and in each other region. */
export interface Volume {
  readonly home: readonly [low: number, high: number];
  readonly other: readonly [low: number, high: number];
}

/**
 * The assumed volumes per account and month, from an idle baseline (low) to one with workloads
 * and daily drift checks (high). The log-archive account, which receives every trail and Config
 * file, sits at the high end of S3 data events.
 */
export const DETECTIVE_VOLUMES = {
  configItems: { home: [200, 3_000], other: [20, 300] },
  /** IAM is global, so the pack's rules are assumed to evaluate in the home region only. */
  conformancePackEvaluations: { home: [300, 3_000], other: [0, 0] },
  managementEvents: { home: [50_000, 1_000_000], other: [5_000, 100_000] },
  flowAndDnsLogGb: { home: [0, 5], other: [0, 0.1] },
  s3DataEvents: { home: [10_000, 2_000_000], other: [0, 10_000] },
  /** CIS AWS Foundations Benchmark v3.0.0 and AWS Foundational Security Best Practices. */
  securityHubChecks: { home: [1_500, 10_000], other: [300, 2_000] },
} as const satisfies Record<string, Volume>;

/** IAM roles and users per account (global: one unused-access analyzer covers every region). */
export const ROLES_AND_USERS_PER_ACCOUNT = [10, 40] as const;

export interface DetectiveCostLine {
  readonly service: DetectiveService;
  /** Display name, e.g. "Amazon GuardDuty". */
  readonly name: string;
  /** USD per month. */
  readonly low: number;
  readonly high: number;
  /** The prices and volumes the range rests on, in words. */
  readonly assumption: string;
}

export interface DetectiveCost {
  /** One line per service that is switched on. */
  readonly lines: readonly DetectiveCostLine[];
  readonly total: { readonly low: number; readonly high: number };
  /** Accounts covered, the management account included. */
  readonly accounts: number;
  readonly regions: number;
  readonly pricesAsOf: string;
  /** Where the list prices are from. */
  readonly pricesRegion: string;
}

/** What the estimate needs: BaselineConfig and Answers both have it. */
export interface DetectiveCostInput {
  readonly detective: DetectiveAnswers;
  /** Member accounts; the management account is counted on top. */
  readonly accounts: readonly unknown[];
  readonly regions: { readonly enabled: readonly string[] };
}

const round = (usd: number) => Math.round(usd * 100) / 100;
const count = (n: number) => n.toLocaleString("en-US");
const usd = (n: number) => `$${n < 0.01 ? String(n) : n.toFixed(2)}`;

type Range = readonly [low: number, high: number];

export function estimateDetectiveCost(
  input: DetectiveCostInput,
  prices = DETECTIVE_LIST_PRICES,
): DetectiveCost {
  const d = input.detective;
  const accounts = input.accounts.length + 1;
  const regions = input.regions.enabled.length;
  const others = Math.max(0, regions - 1);

  /** Monthly USD for all accounts and regions at `price` per unit of `volume`. */
  const cost = (volume: Volume, price: number): Range => [
    accounts * (volume.home[0] + others * volume.other[0]) * price,
    accounts * (volume.home[1] + others * volume.other[1]) * price,
  ];
  /** "200–3,000 per account in the home region and 20–300 in each other region" */
  const assumed = (volume: Volume, unit: string) => {
    const range = ([low, high]: readonly [number, number]) => `${count(low)}–${count(high)}`;
    const elsewhere =
      others > 0 && volume.other[1] > 0 ? ` and ${range(volume.other)} in each other region` : "";
    return `assume ${range(volume.home)} ${unit} per account-month in the home region${elsewhere}`;
  };
  const trial = `${prices.freeTrialDays}-day free trial per account and region`;
  const V = DETECTIVE_VOLUMES;

  const lines: Record<DetectiveService, () => { parts: Range[]; assumption: string }> = {
    config: () => ({
      parts: [
        cost(V.configItems, prices.configItem),
        ...(d.config.conformancePack
          ? [cost(V.conformancePackEvaluations, prices.conformancePackEvaluation)]
          : []),
      ],
      assumption: [
        `${usd(prices.configItem)} per configuration item recorded (continuous recording); ${assumed(V.configItems, "items")} (the first month also records every existing resource once)`,
        ...(d.config.conformancePack
          ? [
              `conformance pack: ${usd(prices.conformancePackEvaluation)} per rule evaluation; ${assumed(V.conformancePackEvaluations, "evaluations")}`,
            ]
          : []),
        "Security Hub's own Config rules are billed as its checks",
        "no free trial",
      ].join("; "),
    }),
    guardDuty: () => ({
      parts: [
        cost(V.managementEvents, prices.guardDutyManagementEventsPerMillion / 1e6),
        cost(V.flowAndDnsLogGb, prices.guardDutyFlowAndDnsLogsPerGb),
        ...(d.guardDuty.s3Protection
          ? [cost(V.s3DataEvents, prices.guardDutyS3DataEventsPerMillion / 1e6)]
          : []),
      ],
      assumption: [
        `CloudTrail management events ${usd(prices.guardDutyManagementEventsPerMillion)} per million; ${assumed(V.managementEvents, "events")}`,
        `VPC flow and DNS logs ${usd(prices.guardDutyFlowAndDnsLogsPerGb)} per GB; ${assumed(V.flowAndDnsLogGb, "GB")} (grows with traffic)`,
        ...(d.guardDuty.s3Protection
          ? [
              `S3 Protection: S3 data events ${usd(prices.guardDutyS3DataEventsPerMillion)} per million; ${assumed(V.s3DataEvents, "events")} (log-archive at the high end)`,
            ]
          : []),
        "other protection plans off",
        trial,
      ].join("; "),
    }),
    securityHub: () => ({
      parts: [cost(V.securityHubChecks, prices.securityHubCheck)],
      assumption: [
        `${usd(prices.securityHubCheck)} per security check (CIS v3.0.0 and FSBP); ${assumed(V.securityHubChecks, "checks")}`,
        `finding ingestion free up to ${count(prices.securityHubFreeFindingIngestions)} per account and region, assumed not exceeded`,
        trial,
      ].join("; "),
    }),
    accessAnalyzer: () => ({
      parts: d.accessAnalyzer.unusedAccess
        ? [
            [
              accounts * ROLES_AND_USERS_PER_ACCOUNT[0] * prices.unusedAccessPerRoleOrUser,
              accounts * ROLES_AND_USERS_PER_ACCOUNT[1] * prices.unusedAccessPerRoleOrUser,
            ],
          ]
        : [],
      assumption: d.accessAnalyzer.unusedAccess
        ? `external access analysis is free; unused access: ${usd(prices.unusedAccessPerRoleOrUser)} per IAM role or user analyzed per month, assume ${ROLES_AND_USERS_PER_ACCOUNT.map(count).join("–")} per account`
        : "external access analysis is free; the unused-access analyzer is off",
    }),
  };

  const out = enabledDetectiveServices(d).map((service): DetectiveCostLine => {
    const { parts, assumption } = lines[service]();
    return {
      service,
      name: DETECTIVE_SERVICES[service],
      low: round(parts.reduce((sum, [low]) => sum + low, 0)),
      high: round(parts.reduce((sum, [, high]) => sum + high, 0)),
      assumption,
    };
  });
  return {
    lines: out,
    total: {
      low: round(out.reduce((sum, l) => sum + l.low, 0)),
      high: round(out.reduce((sum, l) => sum + l.high, 0)),
    },
    accounts,
    regions,
    pricesAsOf: prices.asOf,
    pricesRegion: prices.region,
  };
}

/** "$3–$41": whole dollars, the low end rounded down and the high end up, so the range holds. */
export function usdRange(low: number, high: number): string {
  const lo = Math.floor(low);
  const hi = Math.ceil(high);
  if (hi === 0) return "$0";
  return lo === hi ? `$${count(lo)}` : `$${count(lo)}–$${count(hi)}`;
}

/**
 * Lines for summaries: a headline with the total range, the accounts and regions and the price
 * basis, then one line per service with its range and assumption. Empty when every service is off.
 */
export function describeDetectiveCost(cost: DetectiveCost): string[] {
  if (cost.lines.length === 0) return [];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return [
    `${usdRange(cost.total.low, cost.total.high)}/month estimated for the detective services (${plural(cost.accounts, "account")} × ${plural(cost.regions, "region")}; ${cost.pricesRegion} list prices of ${cost.pricesAsOf}, to be checked; other regions can cost more):`,
    ...cost.lines.map((l) => `  ${l.name} ${usdRange(l.low, l.high)}: ${l.assumption}`),
  ];
}
