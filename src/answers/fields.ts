/**
 * Reusable field types of the answers schema: each carries its rule, its error text and an
 * example, so every area's slice (`src/<area>/answers.ts`) checks e.g. an account ID the same way.
 */
import { z } from "zod";
import { ACCOUNT_NAME_MAX_LENGTH } from "./names.js";
import { REGION_PATTERN } from "./regions.js";

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

/** What `slugFrom(name, maxLength)` produces: 2-maxLength lowercase letters, digits or '-'. */
export function slugPattern(maxLength: number): RegExp {
  return new RegExp(`^[a-z][a-z0-9-]{0,${maxLength - 2}}[a-z0-9]$`);
}

export const region = () =>
  z
    .string()
    .regex(REGION_PATTERN, { error: "must be an AWS region code" })
    .meta({ examples: ["eu-west-1"] });

export const accountId = () =>
  z
    .string()
    .regex(/^\d{12}$/, { error: "must be exactly 12 digits (keep leading zeros; quote it)" })
    .meta({ examples: ["123456789012"] });

export const email = () =>
  z
    .string()
    .max(64, { error: "must be at most 64 characters (AWS account e-mail limit)" })
    .regex(/^[^@\s]+@[^@\s]+\.[^@\s.]+$/, { error: "must be an e-mail address" })
    .meta({ examples: ["aws+security@example.com"] });

export const accountName = () =>
  z
    .string()
    .regex(slugPattern(ACCOUNT_NAME_MAX_LENGTH), {
      error: `must be 2-${ACCOUNT_NAME_MAX_LENGTH} lowercase letters, digits or '-', starting with a letter`,
    })
    .meta({ examples: ["prod"] });

export const ouPath = () =>
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 _-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9 _-]{0,127}){0,4}$/, {
      error: "must be an OU path of 1-5 names separated by '/'",
    })
    .meta({ examples: ["Workloads/prod"] });

export const iamName = () =>
  z
    .string()
    .regex(/^[\w+=,.@-]{1,64}$/, {
      error: "must be 1-64 letters, digits or + = , . @ _ -",
    })
    .meta({ examples: ["Admins"] });

export const cidr = () =>
  z
    .string()
    .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/, {
      error: "must be an IPv4 CIDR block",
    })
    .meta({ examples: ["10.0.0.0/16"] });

export const logRetention = (fallback: number) =>
  z
    .number()
    .int()
    .refine((n) => (LOG_RETENTION_DAYS as readonly number[]).includes(n), {
      error: `must be a CloudWatch Logs retention period: ${LOG_RETENTION_DAYS.join(", ")}`,
    })
    .default(fallback)
    .meta({ examples: [365] });
