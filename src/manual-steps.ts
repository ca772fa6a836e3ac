/**
 * Steps no API can do for you. They are printed by synth, recorded in the output marker, and
 * listed in the README, so nobody believes the baseline is complete without them.
 */
import type { BaselineConfig } from "./config/resolve.js";

export function manualSteps(config: BaselineConfig): string[] {
  const steps = [
    `Management account ${config.management.name}: sign in as root once, enable MFA on the root user (a hardware key is best, CIS 1.5/1.6), store the credentials offline and delete any root access keys (CIS 1.4).`,
  ];
  return steps;
}
