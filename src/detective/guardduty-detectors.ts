/**
 * The security account's GuardDuty detectors, one per enabled region, with S3 Protection. They
 * are created before the account becomes GuardDuty's delegated administrator (the management
 * account's baseline waits for this stack): designating an account without a detector makes
 * GuardDuty create one Terraform would then collide with.
 */
import { Construct, GuarddutyDetector, GuarddutyDetectorFeature } from "../build/cdk.js";
import type { AccountStack } from "../build/account-stack.js";
import type { GuardDutyDetectorsPlan } from "../plan/plan.js";

export const GUARDDUTY_DETECTOR_IDS = {
  detectorPrefix: "guardduty-detector-",
  s3ProtectionPrefix: "guardduty-s3-protection-",
} as const;

export class GuardDutyDetectors extends Construct {
  constructor(scope: Construct, id: string, stack: AccountStack, props: GuardDutyDetectorsPlan) {
    super(scope, id);
    const ids = GUARDDUTY_DETECTOR_IDS;
    for (const region of stack.providers.regions) {
      const provider = stack.providers.forRegion(region);
      const detector = new GuarddutyDetector(this, `${ids.detectorPrefix}${region}`, {
        provider,
        enable: true,
        findingPublishingFrequency: "FIFTEEN_MINUTES",
      });
      const existing = props.adopt[region];
      if (existing) detector.importFrom(existing, provider);
      if (props.s3Protection) {
        new GuarddutyDetectorFeature(this, `${ids.s3ProtectionPrefix}${region}`, {
          provider,
          detectorId: detector.id,
          name: "S3_DATA_EVENTS",
          status: "ENABLED",
        });
      }
    }
  }
}
