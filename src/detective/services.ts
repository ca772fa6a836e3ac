/** Which detective services the answers switch on (shared by rules, plan, cost and the wizard). */
import type { DetectiveAnswers } from "./answers.js";
import type { DetectiveService } from "./defaults.js";

export function enabledDetectiveServices(d: DetectiveAnswers): DetectiveService[] {
  return (["config", "guardDuty", "securityHub", "accessAnalyzer"] as const).filter(
    (service) => d[service].enabled,
  );
}

/** Services needing trusted access in Organizations beyond the ones the baseline always trusts. */
export function detectiveTrustedServices(d: DetectiveAnswers): string[] {
  return [
    ...(d.config.enabled && d.config.conformancePack
      ? ["config-multiaccountsetup.amazonaws.com"]
      : []),
    ...(d.guardDuty.enabled ? ["guardduty.amazonaws.com"] : []),
    ...(d.securityHub.enabled ? ["securityhub.amazonaws.com"] : []),
  ];
}

/** Which detective services run, as the guardrails protect them (none without a security account). */
export function protectedDetectiveServices(
  d: DetectiveAnswers,
  hasSecurityAccount: boolean,
): { config: boolean; guardDuty: boolean; securityHub: boolean } {
  return {
    config: hasSecurityAccount && d.config.enabled,
    guardDuty: hasSecurityAccount && d.guardDuty.enabled,
    securityHub: hasSecurityAccount && d.securityHub.enabled,
  };
}
