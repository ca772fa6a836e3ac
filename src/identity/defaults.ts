/** Defaults of the identity slice that the generator also offers (plain constants, no zod). */

/** IAM users created in the management account: none unless named. */
export const DEFAULT_ADMIN_USERS: readonly string[] = [];
