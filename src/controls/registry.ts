/**
 * The controls registry: the controls of every baseline area, in a stable order. Each area
 * declares its controls in `src/<area>/controls.ts` (see `control.ts` for what a control names);
 * this file only lists the areas. CONTROLS.md is generated from this list; drift reports use it
 * to name the control a change breaks.
 */
import { ACCOUNT_DEFAULTS_CONTROLS } from "../account-defaults/controls.js";
import { BILLING_CONTROLS, BILLING_MANUAL_CONTROLS } from "../billing/controls.js";
import { DETECTIVE_CONTROLS } from "../detective/controls.js";
import { GUARDRAIL_CONTROLS } from "../guardrails/controls.js";
import {
  IDENTITY_CENTER_CONTROLS,
  IDENTITY_CONTROLS,
  IDENTITY_MANUAL_CONTROLS,
} from "../identity/controls.js";
import { LOGGING_CONTROLS } from "../logging/controls.js";
import { BREAK_GLASS_CONTROLS, MONITORING_CONTROLS } from "../monitoring/controls.js";
import { NETWORK_CONTROLS } from "../network/controls.js";
import { ORGANIZATION_CONTROLS } from "../organization/controls.js";
import type { Control } from "./control.js";
import { renderControlsMarkdown } from "./markdown.js";

export type { Control, ControlResource } from "./control.js";

export const CONTROLS: readonly Control[] = [
  ...ORGANIZATION_CONTROLS,
  ...GUARDRAIL_CONTROLS,
  ...IDENTITY_CONTROLS,
  ...IDENTITY_CENTER_CONTROLS,
  ...ACCOUNT_DEFAULTS_CONTROLS,
  ...LOGGING_CONTROLS,
  ...MONITORING_CONTROLS,
  ...BREAK_GLASS_CONTROLS,
  ...DETECTIVE_CONTROLS,
  ...BILLING_CONTROLS,
  ...NETWORK_CONTROLS,
  // Manual steps come last.
  ...BILLING_MANUAL_CONTROLS,
  ...IDENTITY_MANUAL_CONTROLS,
];

/** Markdown for CONTROLS.md. */
export function controlsMarkdown(): string {
  return renderControlsMarkdown(CONTROLS);
}
