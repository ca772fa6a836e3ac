/**
 * Semantic rules of the guardrails area: the packed SCPs fit AWS Organizations' quotas, and the
 * SCPs to adopt are ones these answers create. Checked before anything is deployed, because the
 * attachment over the quota fails only at apply time (POLICY_NUMBER_LIMIT_EXCEEDED).
 */
import { defineRule } from "../answers/define-rule.js";
import type { Problem } from "../answers/problems.js";
import { humanRoleNames, protectedDetectiveServices } from "../answers/resolve.js";
import type { Answers } from "../answers/schema.js";
import {
  enabledGuardrails,
  guardrailContext,
  OversizedGuardrailError,
  packGuardrails,
  SCP_MAX_CHARS,
  SCPS_PER_TARGET,
  type GuardrailPolicy,
} from "./pack.js";

/** The baseline's packed SCPs for these answers, or the guardrail that cannot fit at all. */
export function answeredGuardrailPolicies(a: Answers): GuardrailPolicy[] | OversizedGuardrailError {
  const context = guardrailContext({
    prefix: a.organization.prefix,
    homeRegion: a.regions.home,
    enabledRegions: a.regions.enabled,
    deployRoleName: a.deployRole.name,
    accessRoleName: a.accessRoleName,
    humanRoleNames: humanRoleNames(a.identity.admins),
    detective: protectedDetectiveServices(
      a.detective,
      a.accounts.some((acc) => acc.kind === "security"),
    ),
  });
  try {
    return packGuardrails(a.organization.prefix, enabledGuardrails(context, a.guardrails));
  } catch (error) {
    if (error instanceof OversizedGuardrailError) return error;
    throw error;
  }
}

export const scpQuota = defineRule(
  "scp-quota",
  "A root holds at most 5 SCPs (FullAWSAccess included) of at most 5,120 characters each.",
  (a, problem) => {
    const packed = answeredGuardrailPolicies(a);
    if (packed instanceof OversizedGuardrailError) {
      return [
        problem(
          `guardrails.${packed.key}`,
          `makes an SCP of ${packed.chars} characters; AWS allows ${SCP_MAX_CHARS}`,
          packed.key === "denyRegionsOutsideEnabled"
            ? "enable fewer regions (regions.enabled), or switch region deny off"
            : "switch this guardrail off, or shorten organization.prefix",
          true,
        ),
      ];
    }
    const others = a.adopt.otherRootPolicies;
    const total = 1 + packed.length + others.length;
    if (total <= SCPS_PER_TARGET) return [];
    return [
      problem(
        "adopt.otherRootPolicies",
        `the organization root would hold ${total} SCPs (FullAWSAccess, the baseline's ${packed.map((p) => p.name).join(", ")}, and ${others.length} of yours: ${others.join(", ")}); AWS allows ${SCPS_PER_TARGET} per target`,
        "merge your SCPs into fewer policies or attach them to OUs instead of the root, then update adopt.otherRootPolicies (`aws-baseline accounts discover` reads it)",
        others,
      ),
    ];
  },
);

export const adoptedPoliciesKnown = defineRule(
  "adopted-policies-known",
  "An imported SCP must be one the answers create, or Terraform would manage a policy it never declares.",
  (a, problem) => {
    const packed = answeredGuardrailPolicies(a);
    if (packed instanceof OversizedGuardrailError) return [];
    const names = new Set(packed.map((p) => p.name));
    const out: Problem[] = [];
    for (const name of Object.keys(a.adopt.policies)) {
      if (!names.has(name)) {
        out.push(
          problem(
            `adopt.policies.${name}`,
            "is not one of the SCPs these answers create",
            `use one of: ${[...names].join(", ") || "(no guardrail switched on)"}`,
            name,
          ),
        );
      }
    }
    return out;
  },
);

export const guardrailRules = [scpQuota];
/** Reported with the other adoption problems, last. */
export const guardrailAdoptionRules = [adoptedPoliciesKnown];
