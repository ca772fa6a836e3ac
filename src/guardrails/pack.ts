/**
 * Packs the switched-on guardrails into as few SCPs as AWS's quotas allow. A target (here the
 * organization root) holds at most 5 SCPs including FullAWSAccess, and each SCP holds at most
 * 5,120 characters, so one policy per guardrail would not fit. Guardrails stay whole: a policy
 * takes guardrails in their stable order while the minified document still fits.
 */
import { baselineNames, partitionOf } from "../answers/names.js";
import { policy, renderPolicy, type PolicyDocument } from "../build/policy-document.js";
import { GUARDRAILS, type Guardrail, type GuardrailContext, type GuardrailKey } from "./scp.js";

/** Maximum size of one SCP document (minified), set by AWS Organizations. */
export const SCP_MAX_CHARS = 5120;
/** Maximum SCPs attached to one root, OU or account, FullAWSAccess included (not adjustable). */
export const SCPS_PER_TARGET = 5;

export interface GuardrailPolicy {
  /** `<prefix>-guardrails-<n>`, n from 1. */
  readonly name: string;
  readonly guardrails: readonly GuardrailKey[];
  readonly description: string;
  readonly document: PolicyDocument;
  /** Minified size as sent to AWS. */
  readonly chars: number;
}

/** Names the packed SCPs take: the same for any content, so adoption and discovery can find them. */
export function guardrailPolicyName(prefix: string, index: number): string {
  return `${prefix}-guardrails-${index + 1}`;
}

/** Whether a policy name is one of the baseline's packed SCPs. */
export function isGuardrailPolicyName(prefix: string, name: string): boolean {
  const start = `${prefix}-guardrails-`;
  return name.startsWith(start) && /^[1-9][0-9]*$/.test(name.slice(start.length));
}

/** What the guardrails are written for, from a few answers. */
export function guardrailContext(p: {
  prefix: string;
  homeRegion: string;
  enabledRegions: readonly string[];
  deployRoleName: string;
  accessRoleName: string;
  humanRoleNames: readonly string[];
  detective?: GuardrailContext["detective"];
}): GuardrailContext {
  return {
    partition: partitionOf(p.homeRegion),
    prefix: p.prefix,
    trailName: baselineNames(p.prefix).trail,
    deployRoleName: p.deployRoleName,
    accessRoleName: p.accessRoleName,
    humanRoleNames: p.humanRoleNames,
    enabledRegions: p.enabledRegions,
    detective: p.detective ?? { config: false, guardDuty: false, securityHub: false },
  };
}

/**
 * The guardrails the switches turn on, in their stable order; one with nothing to deny here
 * (protectDetectiveServices without detective services) is left out rather than packed empty.
 */
export function enabledGuardrails(
  context: GuardrailContext,
  switches: Readonly<Record<GuardrailKey, boolean>>,
): Guardrail[] {
  return (Object.keys(GUARDRAILS) as GuardrailKey[])
    .filter((key) => switches[key])
    .map((key) => GUARDRAILS[key](context))
    .filter((guardrail) => guardrail.statements.length > 0);
}

/** A guardrail that does not fit one SCP even alone (its size is reported by the rules). */
export class OversizedGuardrailError extends Error {
  constructor(
    readonly key: GuardrailKey,
    readonly chars: number,
  ) {
    super(`guardrail ${key} is ${chars} characters alone; an SCP holds ${SCP_MAX_CHARS}`);
  }
}

function sizeOf(guardrails: readonly Guardrail[]): number {
  return renderPolicy(policy(...guardrails.flatMap((g) => g.statements))).length;
}

/** Combines guardrails into the fewest policies, each within SCP_MAX_CHARS (first fit, in order). */
export function packGuardrails(
  prefix: string,
  guardrails: readonly Guardrail[],
): GuardrailPolicy[] {
  const groups: Guardrail[][] = [];
  for (const guardrail of guardrails) {
    const alone = sizeOf([guardrail]);
    if (alone > SCP_MAX_CHARS) throw new OversizedGuardrailError(guardrail.key, alone);
    const current = groups.at(-1);
    if (current && sizeOf([...current, guardrail]) <= SCP_MAX_CHARS) current.push(guardrail);
    else groups.push([guardrail]);
  }
  return groups.map((group, index) => {
    const document = policy(...group.flatMap((g) => g.statements));
    return {
      name: guardrailPolicyName(prefix, index),
      guardrails: group.map((g) => g.key),
      // Organizations limits descriptions to 512 characters.
      description: `aws-baseline guardrails: ${group.map((g) => g.description).join(" ")}`.slice(
        0,
        512,
      ),
      document,
      chars: renderPolicy(document).length,
    };
  });
}
