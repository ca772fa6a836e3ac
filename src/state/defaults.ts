/** Default of the state slice that the generator also offers (plain constant, no zod). */
export const DEFAULT_STATE_BACKEND = "local";
