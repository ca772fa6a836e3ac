/** AWS regions: those enabled by default, the known ones (dated), and what the stacks may use. */
import { closest } from "../util/closest.js";

/**
 * The 17 commercial regions that are enabled by default in every AWS account (no opt-in needed).
 * Opt-in regions (af-south-1, ap-east-1, me-south-1, eu-south-1, …) must be listed explicitly.
 */
export const REGIONS_ENABLED_BY_DEFAULT = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "sa-east-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-central-1",
  "eu-north-1",
  "ap-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-southeast-1",
  "ap-southeast-2",
] as const;

/** Billing metrics (AWS/Billing EstimatedCharges) exist only here. */
export const BILLING_REGION = "us-east-1";

/** Shape of a commercial or GovCloud region code; existence is checked by `regionProblem`. */
export const REGION_PATTERN = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** When KNOWN_REGIONS was last checked. */
export const KNOWN_REGIONS_AS_OF = "2026-12-04";

/**
 * Every region of the partitions aws-baseline supports (`aws` and `aws-us-gov`, see partitionOf)
 * as of KNOWN_REGIONS_AS_OF: the AWS SDK's partition metadata (@aws-sdk/core 3.981,
 * util-endpoints partitions.js). A region AWS opens later goes into `regions.allowUnknown`
 * until this list has it.
 */
export const KNOWN_REGIONS: Readonly<Record<string, "aws" | "aws-us-gov">> = {
  "af-south-1": "aws",
  "ap-east-1": "aws",
  "ap-east-2": "aws",
  "ap-northeast-1": "aws",
  "ap-northeast-2": "aws",
  "ap-northeast-3": "aws",
  "ap-south-1": "aws",
  "ap-south-2": "aws",
  "ap-southeast-1": "aws",
  "ap-southeast-2": "aws",
  "ap-southeast-3": "aws",
  "ap-southeast-4": "aws",
  "ap-southeast-5": "aws",
  "ap-southeast-6": "aws",
  "ap-southeast-7": "aws",
  "ca-central-1": "aws",
  "ca-west-1": "aws",
  "eu-central-1": "aws",
  "eu-central-2": "aws",
  "eu-north-1": "aws",
  "eu-south-1": "aws",
  "eu-south-2": "aws",
  "eu-west-1": "aws",
  "eu-west-2": "aws",
  "eu-west-3": "aws",
  "il-central-1": "aws",
  "me-central-1": "aws",
  "me-south-1": "aws",
  "me-west-1": "aws",
  "mx-central-1": "aws",
  "sa-east-1": "aws",
  "sa-west-1": "aws",
  "us-east-1": "aws",
  "us-east-2": "aws",
  "us-west-1": "aws",
  "us-west-2": "aws",
  "us-gov-east-1": "aws-us-gov",
  "us-gov-west-1": "aws-us-gov",
};

/** Regions of the shape above in partitions aws-baseline does not support (other ARNs and endpoints). */
const UNSUPPORTED_PARTITION: Readonly<Record<string, string>> = {
  "cn-north-1": "aws-cn (China)",
  "cn-northwest-1": "aws-cn (China)",
};

/**
 * Known regions that the pinned hashicorp/aws provider (5.100.0) rejects as "invalid AWS Region"
 * because it predates them, and that Terraform's S3 backend rejects as "Invalid region value"
 * (measured with Terraform 1.11.4). Their providers and backends are told to skip that check;
 * so are regions in `regions.allowUnknown`.
 */
const NEWER_THAN_PROVIDER = new Set(["ap-southeast-6", "me-west-1", "sa-west-1"]);
const NEWER_THAN_S3_BACKEND = new Set(["ap-east-2", "ap-southeast-6", "me-west-1", "sa-west-1"]);

/** False when the AWS provider must be told to skip its own region check for `region`. */
export function providerKnowsRegion(region: string): boolean {
  return region in KNOWN_REGIONS && !NEWER_THAN_PROVIDER.has(region);
}

/** False when Terraform's S3 backend must be told to skip its own region check for `region`. */
export function s3BackendKnowsRegion(region: string): boolean {
  return region in KNOWN_REGIONS && !NEWER_THAN_S3_BACKEND.has(region);
}

/**
 * Why a well-shaped region code is not accepted, or undefined when it is: a known region, or one
 * listed in `allowUnknown` (the answers' `regions.allowUnknown`). Regions of unsupported
 * partitions are refused even when listed there.
 */
export function regionProblem(
  region: string,
  allowUnknown: readonly string[] = [],
): { readonly message: string; readonly fix: string } | undefined {
  if (Object.hasOwn(KNOWN_REGIONS, region)) return undefined;
  const partition = UNSUPPORTED_PARTITION[region];
  if (partition) {
    return {
      message: `is in the ${partition} partition, which aws-baseline does not support`,
      fix: "use a region of the aws (commercial) or aws-us-gov (GovCloud) partition",
    };
  }
  if (allowUnknown.includes(region)) return undefined;
  const guesses = closest(region, Object.keys(KNOWN_REGIONS));
  const guess =
    guesses.length > 0 ? `did you mean ${guesses.map((g) => `"${g}"`).join(" or ")}? ` : "";
  return {
    message: `is not an AWS region aws-baseline knows (its list is of ${KNOWN_REGIONS_AS_OF})`,
    fix: `${guess}If AWS opened "${region}" since, add it to regions.allowUnknown`,
  };
}
