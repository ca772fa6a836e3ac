/**
 * Alarms beyond CIS section 4 on the organization trail's log group: the access role is
 * break-glass once the deploy role exists, so every assumption of it must be explained.
 */
import type { AlarmMetric } from "./cis-alarms.js";

/** Metric name of the break-glass alarm. */
export const ACCESS_ROLE_USE_METRIC = "BreakGlassAccessRoleUsed";

export function accessRoleUseMetric(accessRoleName: string): AlarmMetric {
  return {
    name: ACCESS_ROLE_USE_METRIC,
    // The org trail carries every member account's events, so one filter covers them all.
    pattern: `{ ($.eventSource = "sts.amazonaws.com") && ($.eventName = "AssumeRole") && ($.requestParameters.roleArn = "*:role/${accessRoleName}") }`,
    why: `The access role ${accessRoleName} is break-glass: deploys use the deploy role, so any use of it must be explained.`,
  };
}
