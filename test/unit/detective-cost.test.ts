import { describe, expect, it } from "vitest";
import type { DetectiveAnswers } from "../../src/detective/answers.js";
import {
  DETECTIVE_VOLUMES,
  describeDetectiveCost,
  estimateDetectiveCost,
  ROLES_AND_USERS_PER_ACCOUNT,
  usdRange,
  type DetectiveCost,
} from "../../src/detective/cost.js";
import { DETECTIVE_LIST_PRICES as P } from "../../src/detective/list-prices.js";
import { configFrom, exampleAnswers, minimalAnswers } from "../helpers/answers.js";

/** The schema's detective defaults, with `edit` applied. */
function detective(edit: (d: DetectiveAnswers) => void = () => undefined): DetectiveAnswers {
  const d = structuredClone(configFrom(minimalAnswers()).detective);
  edit(d);
  return d;
}

/** Cost for `members` member accounts (plus management) and `regions` enabled regions. */
function costFor(members: number, regions: number, d = detective()): DetectiveCost {
  const enabled = ["us-east-1", "eu-west-1", "eu-central-1", "ap-south-1"].slice(0, regions);
  return estimateDetectiveCost({
    detective: d,
    accounts: Array.from({ length: members }, (_, i) => ({ name: `a${i}` })),
    regions: { enabled },
  });
}

const line = (cost: DetectiveCost, service: string) => {
  const found = cost.lines.find((l) => l.service === service);
  if (!found) throw new Error(`no ${service} line`);
  return found;
};

describe("detective services cost", () => {
  it("lists every service that is on by default, with a range and its assumption", () => {
    const cost = costFor(4, 2);
    expect(cost.lines.map((l) => l.service)).toEqual([
      "config",
      "guardDuty",
      "securityHub",
      "accessAnalyzer",
    ]);
    expect(cost.accounts).toBe(5); // four members and the management account
    expect(cost.regions).toBe(2);
    for (const l of cost.lines) expect(l.assumption.length).toBeGreaterThan(20);
    expect(line(cost, "config").assumption).toContain("$0.003 per configuration item recorded");
    expect(line(cost, "guardDuty").assumption).toContain("$4.00 per million");
    expect(line(cost, "guardDuty").assumption).toContain("30-day free trial");
    expect(line(cost, "securityHub").assumption).toContain("CIS v3.0.0 and FSBP");
    expect(line(cost, "securityHub").assumption).toContain("30-day free trial");
    expect(line(cost, "accessAnalyzer")).toMatchObject({ low: 0, high: 0 });
  });

  it("ranges scale with accounts, and each further region adds its own volume per account", () => {
    const three = costFor(2, 2); // 3 accounts
    const six = costFor(5, 2); // 6 accounts
    // Each line is rounded to cents, so doubled lines may differ by a cent.
    for (const l of three.lines) {
      expect(line(six, l.service).low).toBeCloseTo(2 * l.low, 1);
      expect(line(six, l.service).high).toBeCloseTo(2 * l.high, 1);
    }
    // Config: the home region's items, then each other region's items, per account.
    const oneRegion = line(costFor(2, 1), "config");
    const fourRegions = line(costFor(2, 4), "config");
    const items = DETECTIVE_VOLUMES.configItems;
    expect(oneRegion.low).toBeCloseTo(3 * items.home[0] * P.configItem, 2);
    expect(oneRegion.high).toBeCloseTo(3 * items.home[1] * P.configItem, 2);
    expect(fourRegions.low - oneRegion.low).toBeCloseTo(3 * 3 * items.other[0] * P.configItem, 2);
    expect(fourRegions.high - oneRegion.high).toBeCloseTo(3 * 3 * items.other[1] * P.configItem, 2);
    // One region: no "other region" volume is assumed.
    expect(oneRegion.assumption).not.toContain("each other region");
    expect(fourRegions.assumption).toContain("each other region");
  });

  it("switched-off services are not listed and contribute nothing", () => {
    const allOff = costFor(
      4,
      3,
      detective((d) => {
        d.config.enabled = false;
        d.guardDuty.enabled = false;
        d.securityHub.enabled = false;
        d.accessAnalyzer.enabled = false;
      }),
    );
    expect(allOff.lines).toEqual([]);
    expect(allOff.total).toEqual({ low: 0, high: 0 });
    expect(describeDetectiveCost(allOff)).toEqual([]);

    const on = costFor(4, 3);
    const noGuardDuty = costFor(
      4,
      3,
      detective((d) => {
        d.guardDuty.enabled = false;
      }),
    );
    expect(noGuardDuty.lines.map((l) => l.service)).not.toContain("guardDuty");
    expect(noGuardDuty.total.low).toBeCloseTo(on.total.low - line(on, "guardDuty").low, 2);
    expect(noGuardDuty.total.high).toBeCloseTo(on.total.high - line(on, "guardDuty").high, 2);
  });

  it("options price what they add: S3 Protection in GuardDuty, the conformance pack in Config", () => {
    const on = costFor(4, 3);
    const noS3 = costFor(
      4,
      3,
      detective((d) => {
        d.guardDuty.s3Protection = false;
      }),
    );
    expect(line(noS3, "guardDuty").high).toBeLessThan(line(on, "guardDuty").high);
    expect(line(noS3, "guardDuty").assumption).not.toContain("S3 data events");
    const pack = costFor(
      4,
      3,
      detective((d) => {
        d.config.conformancePack = true;
      }),
    );
    const packEvaluations = DETECTIVE_VOLUMES.conformancePackEvaluations.home;
    expect(line(pack, "config").low - line(on, "config").low).toBeCloseTo(
      5 * packEvaluations[0] * P.conformancePackEvaluation,
      2,
    );
    expect(line(pack, "config").assumption).toContain(
      "conformance pack: $0.001 per rule evaluation",
    );
  });

  it("unused access is priced per IAM role or user and account, whatever the regions", () => {
    const unused = detective((d) => {
      d.accessAnalyzer.unusedAccess = true;
    });
    const oneRegion = line(costFor(4, 1, unused), "accessAnalyzer");
    const fourRegions = line(costFor(4, 4, unused), "accessAnalyzer");
    expect(oneRegion.low).toBeCloseTo(
      5 * ROLES_AND_USERS_PER_ACCOUNT[0] * P.unusedAccessPerRoleOrUser,
    );
    expect(oneRegion.high).toBeCloseTo(
      5 * ROLES_AND_USERS_PER_ACCOUNT[1] * P.unusedAccessPerRoleOrUser,
    );
    expect(fourRegions).toEqual(oneRegion);
    expect(oneRegion.assumption).toContain("$0.20 per IAM role or user analyzed per month");
  });

  it("low never exceeds high, and the total is the sum of the lines", () => {
    const variants = [
      costFor(0, 1),
      costFor(4, 4),
      costFor(
        9,
        2,
        detective((d) => {
          d.config.conformancePack = true;
          d.accessAnalyzer.unusedAccess = true;
        }),
      ),
      estimateDetectiveCost(configFrom(exampleAnswers())),
    ];
    for (const cost of variants) {
      for (const l of cost.lines) {
        expect(l.low).toBeGreaterThanOrEqual(0);
        expect(l.low).toBeLessThanOrEqual(l.high);
      }
      expect(cost.total.low).toBeLessThan(cost.total.high);
      expect(cost.total.low).toBeCloseTo(
        cost.lines.reduce((sum, l) => sum + l.low, 0),
        2,
      );
      expect(cost.total.high).toBeCloseTo(
        cost.lines.reduce((sum, l) => sum + l.high, 0),
        2,
      );
    }
  });

  it("names the date and region of its list prices, in the value and in the summary lines", () => {
    const cost = estimateDetectiveCost(configFrom(exampleAnswers()));
    expect(cost.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(cost.pricesAsOf).toBe(P.asOf);
    expect(cost.pricesRegion).toBe("us-east-1");
    const [headline, ...services] = describeDetectiveCost(cost);
    expect(headline).toContain(`${usdRange(cost.total.low, cost.total.high)}/month`);
    expect(headline).toContain(`6 accounts × 17 regions; us-east-1 list prices of ${P.asOf}`);
    expect(services).toHaveLength(cost.lines.length);
    for (const [i, l] of cost.lines.entries())
      expect(services[i]).toBe(`  ${l.name} ${usdRange(l.low, l.high)}: ${l.assumption}`);
  });

  it("shows whole dollars that contain the range, never a single false figure", () => {
    expect(usdRange(9.36, 140.4)).toBe("$9–$141");
    expect(usdRange(0, 0)).toBe("$0");
    expect(usdRange(1200.5, 4999.2)).toBe("$1,200–$5,000");
  });
});
