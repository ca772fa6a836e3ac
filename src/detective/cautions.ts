/**
 * Detective-services answers that are valid but probably not what the user wants: shown by
 * `validate` beside the guardrails' cautions.
 */
import type { BaselineConfig } from "../answers/resolve.js";

/**
 * Regions launched after February 2022, where AWS Config cannot record the global IAM resource
 * types (AWS Config developer guide, "Recording global resources"). Dated list; newer regions
 * behave the same.
 */
export const NO_GLOBAL_RECORDING_REGIONS = [
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-7",
  "ap-east-2",
  "ca-west-1",
  "eu-central-2",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "mx-central-1",
] as const;

export function detectiveCautions(config: BaselineConfig): string[] {
  const out: string[] = [];
  const home = config.regions.home;
  if (
    config.detective.config.enabled &&
    (NO_GLOBAL_RECORDING_REGIONS as readonly string[]).includes(home)
  ) {
    out.push(
      `detective.config records global IAM resources in the home region, but AWS Config cannot record them in ${home} (a region launched after February 2022): IAM users, roles, groups and policies go unrecorded, and Security Hub's IAM controls have no data. Choose a home region that records them (for example us-east-1 or eu-central-1), or accept the gap`,
    );
  }
  return out;
}
