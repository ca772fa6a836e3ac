/**
 * Semantic rules of the detective area: the services need their delegated administrator (the
 * security account), Security Hub's checks need Config, and what is adopted must exist in the
 * answers.
 */
import { defineRule } from "../answers/define-rule.js";
import { DETECTIVE_SERVICES } from "./defaults.js";
import { enabledDetectiveServices } from "../answers/resolve.js";

export const detectiveNeedsSecurityAccount = defineRule(
  "detective-needs-security-account",
  "The detective services are administered from the security account; without one they have no delegated administrator.",
  (a, problem) => {
    const on = enabledDetectiveServices(a.detective);
    if (on.length === 0 || a.accounts.some((acc) => acc.kind === "security")) return [];
    return [
      problem(
        "accounts",
        `has no account of kind "security", which administers ${on.map((s) => DETECTIVE_SERVICES[s]).join(", ")}`,
        `add { "name": "security", "kind": "security" } to accounts, or switch the services off (${on.map((s) => `detective.${s}.enabled: false`).join(", ")})`,
      ),
    ];
  },
);

export const securityHubNeedsConfig = defineRule(
  "security-hub-needs-config",
  "Security Hub evaluates its CIS and FSBP controls with AWS Config rules: without recorders every control fails as 'no data'.",
  (a, problem) => {
    const d = a.detective;
    const out = [];
    if (d.securityHub.enabled && !d.config.enabled)
      out.push(
        problem(
          "detective.securityHub.enabled",
          "needs AWS Config, which is switched off (detective.config.enabled: false)",
          "switch detective.config.enabled on, or Security Hub off",
          true,
        ),
      );
    if (d.config.conformancePack && !d.config.enabled)
      out.push(
        problem(
          "detective.config.conformancePack",
          "needs AWS Config, which is switched off (detective.config.enabled: false)",
          "switch detective.config.enabled on, or the conformance pack off",
          true,
        ),
      );
    return out;
  },
);

export const detectiveAdoptionKnown = defineRule(
  "detective-adoption-known",
  "An import for an account or region the baseline does not manage would never be used, and the real recorder would still collide.",
  (a, problem) => {
    const adopt = a.detective.adopt;
    const accounts = new Set(["management", ...a.accounts.map((acc) => acc.name)]);
    const regions = new Set(a.regions.enabled);
    const out = [];
    for (const [account, byRegion] of Object.entries(adopt.configRecorders)) {
      if (!accounts.has(account)) {
        out.push(
          problem(
            `detective.adopt.configRecorders.${account}`,
            "names no account of these answers",
            `use one of: ${[...accounts].join(", ")}`,
          ),
        );
        continue;
      }
      for (const region of Object.keys(byRegion))
        if (!regions.has(region))
          out.push(
            problem(
              `detective.adopt.configRecorders.${account}.${region}`,
              "is not an enabled region (regions.enabled)",
              "add the region to regions.enabled or remove this entry",
            ),
          );
    }
    adopt.configServiceLinkedRoles.forEach((account, i) => {
      if (!accounts.has(account))
        out.push(
          problem(
            `detective.adopt.configServiceLinkedRoles[${i}]`,
            "names no account of these answers",
            `use one of: ${[...accounts].join(", ")}`,
            account,
          ),
        );
    });
    for (const region of Object.keys(adopt.guardDutyDetectors))
      if (!regions.has(region))
        out.push(
          problem(
            `detective.adopt.guardDutyDetectors.${region}`,
            "is not an enabled region (regions.enabled)",
            "add the region to regions.enabled or remove this entry",
          ),
        );
    return out;
  },
);

export const detectiveRules = [
  detectiveNeedsSecurityAccount,
  securityHubNeedsConfig,
  detectiveAdoptionKnown,
];
