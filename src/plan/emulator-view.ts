/**
 * What a deployment to an AWS API emulator leaves out. Emulators miss some APIs (see
 * EMULATOR_GAPS); rather than hang or fail there, emulator mode switches those parts off, one
 * answers switch per item (`emulator.leaveOut.<item>`), and every part left out is reported.
 * Without an emulator this is the identity: real AWS always gets the whole baseline.
 */
import { EMULATOR_GAPS, type EmulatorGap } from "../answers/tooling.js";
import type { BaselineConfig } from "../answers/resolve.js";

export interface LeftOut {
  readonly gap: EmulatorGap;
  readonly what: string;
  readonly why: string;
  /** The answers switch that brings it back. */
  readonly switch: `emulator.leaveOut.${EmulatorGap}`;
}

/** Which gaps apply: only parts the answers switch on can be left out. */
function inUse(config: BaselineConfig): Record<EmulatorGap, boolean> {
  return {
    accessAnalyzer:
      config.accountDefaults.accessAnalyzer || config.detective.accessAnalyzer.enabled,
    guardDuty: config.detective.guardDuty.enabled,
    securityHub: config.detective.securityHub.enabled,
    imdsDefaults: config.accountDefaults.imdsv2,
    budgets: config.billing.budgets,
    s3AccountPublicAccessBlock: config.accountDefaults.s3BlockPublicAccess,
    centralRootAccess: config.guardrails.centralRootAccess,
    configAggregator: config.detective.config.enabled,
    organizationTrail: true,
  };
}

/** The configuration as emulator mode builds it, and what it leaves out. */
export function emulatorView(config: BaselineConfig): {
  readonly config: BaselineConfig;
  readonly leftOut: readonly LeftOut[];
} {
  const emulator = config.emulator;
  if (!emulator) return { config, leftOut: [] };
  const used = inUse(config);
  const gaps = (Object.keys(EMULATOR_GAPS) as EmulatorGap[]).filter(
    (gap) => emulator.leaveOut[gap] && used[gap],
  );
  const off = new Set(gaps);
  return {
    config: {
      ...config,
      accountDefaults: {
        ...config.accountDefaults,
        accessAnalyzer: config.accountDefaults.accessAnalyzer && !off.has("accessAnalyzer"),
        imdsv2: config.accountDefaults.imdsv2 && !off.has("imdsDefaults"),
        s3BlockPublicAccess:
          config.accountDefaults.s3BlockPublicAccess && !off.has("s3AccountPublicAccessBlock"),
      },
      billing: { ...config.billing, budgets: config.billing.budgets && !off.has("budgets") },
      detective: {
        ...config.detective,
        guardDuty: {
          ...config.detective.guardDuty,
          enabled: config.detective.guardDuty.enabled && !off.has("guardDuty"),
        },
        securityHub: {
          ...config.detective.securityHub,
          enabled: config.detective.securityHub.enabled && !off.has("securityHub"),
        },
        accessAnalyzer: {
          ...config.detective.accessAnalyzer,
          enabled: config.detective.accessAnalyzer.enabled && !off.has("accessAnalyzer"),
        },
      },
      guardrails: {
        ...config.guardrails,
        centralRootAccess: config.guardrails.centralRootAccess && !off.has("centralRootAccess"),
      },
    },
    leftOut: gaps.map((gap) => ({
      gap,
      ...EMULATOR_GAPS[gap],
      switch: `emulator.leaveOut.${gap}`,
    })),
  };
}
