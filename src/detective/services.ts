/** Which detective services the answers switch on (shared by rules, plan, cost and the wizard). */
import type { DetectiveAnswers } from "./answers.js";
import type { DetectiveService } from "./defaults.js";

export function enabledDetectiveServices(d: DetectiveAnswers): DetectiveService[] {
  return (["config", "guardDuty", "securityHub", "accessAnalyzer"] as const).filter(
    (service) => d[service].enabled,
  );
}
