/**
 * Answers that are valid but probably not what the user wants: shown by `validate` (and in its
 * JSON), never an error, because each has a legitimate use.
 */
import type { BaselineConfig } from "../answers/resolve.js";

export function guardrailCautions(config: BaselineConfig): string[] {
  const out: string[] = [];
  if (
    config.guardrails.denyRegionsOutsideEnabled &&
    !config.regions.enabled.includes("us-east-1") &&
    !config.regions.enabled.some((r) => r.startsWith("us-gov-"))
  ) {
    out.push(
      "guardrails.denyRegionsOutsideEnabled is on and us-east-1 is not in regions.enabled: global services stay allowed, but everything regional in us-east-1 is denied in member accounts (for example ACM certificates for CloudFront and Lambda@Edge functions); add us-east-1 to regions.enabled unless that is what you want",
    );
  }
  return out;
}
