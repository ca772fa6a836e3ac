/** Defaults of the account-defaults slice that the generator also offers (plain constants, no zod). */

/**
 * Default VPCs are deleted where nothing uses them (and neutralized where something does), as
 * Control Tower does for new accounts: that clears CIS 5.4 and 3.7 in every account and region.
 */
export const DEFAULT_VPC_MODE = "delete" as const;
