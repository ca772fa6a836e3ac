/** Answers slice of the monitoring area: who receives security alarms and how. */
import { z } from "zod";
import { email } from "../answers/fields.js";

export const Alarms = z
  .strictObject({
    emails: z
      .array(email())
      .min(1, { error: "needs at least one address: an alarm nobody receives fails audits" })
      .meta({ description: "Who receives security alarms (CIS 4.x)." }),
    consoleSigninWithoutMfa: z
      .enum(["all-sign-ins", "iam-users-only"])
      .default("all-sign-ins")
      .meta({
        description:
          "CIS 4.2 pattern: every console sign-in without MFA, or the benchmark's variant for IAM Identity Center users that counts only successful IAM-user sign-ins (fewer false alarms).",
      }),
  })
  .meta({ description: "Security alarm delivery." });
