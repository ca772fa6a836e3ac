/** Defaults of the logging slice that the generator also offers (plain constants, no zod). */
export const OBJECT_LOCK_DEFAULTS = { enabled: false, mode: "GOVERNANCE", days: 365 } as const;
