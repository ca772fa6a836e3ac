/** Defaults of the guardrail switches, shared by the schema and the generator (no zod). */
export const GUARDRAIL_DEFAULTS = {
  denyLeavingOrganization: true,
  protectBaselineRoles: true,
  protectCloudTrail: true,
  protectAccountDefaults: true,
  denyRootUser: true,
  centralRootAccess: true,
  denyRegionsOutsideEnabled: false,
  protectDetectiveServices: true,
} as const;
