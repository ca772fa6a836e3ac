/**
 * Alarms beyond CIS section 4 on the organization trail's log group. The access role is
 * break-glass once the deploy role exists, so every assumption of it must be explained. And the
 * trail's monitoring lives in the management account, where no SCP applies: changes to it cannot
 * be prevented for an administrator there, so they are made loud instead.
 */
import type { AlarmMetric } from "./cis-alarms.js";

/** Metric names of the baseline's own alarms. */
export const ACCESS_ROLE_USE_METRIC = "BreakGlassAccessRoleUsed";
export const MONITORING_TAMPERING_METRIC = "SecurityMonitoringChanged";

export function accessRoleUseMetric(accessRoleName: string): AlarmMetric {
  return {
    name: ACCESS_ROLE_USE_METRIC,
    // The org trail carries every member account's events, so one filter covers them all.
    pattern: `{ ($.eventSource = "sts.amazonaws.com") && ($.eventName = "AssumeRole") && ($.requestParameters.roleArn = "*:role/${accessRoleName}") }`,
    why: `The access role ${accessRoleName} is break-glass: deploys use the deploy role, so any use of it must be explained.`,
  };
}

/**
 * Weakening the alarms themselves, in the management account: the trail log group's retention
 * and metric filters, alarms changed, deleted or silenced, and the alarm topic changed, deleted or
 * unsubscribed. Deleting the log group deletes this filter too, so that one is left to `drift`.
 * Deploys that change these raise it too, which is expected and easy to explain.
 */
export function monitoringTamperingMetric(p: {
  managementId: string;
  trailLogGroup: string;
  alarmTopic: string;
}): AlarmMetric {
  const logs = `($.eventSource = "logs.amazonaws.com") && ($.requestParameters.logGroupName = "${p.trailLogGroup}") && (($.eventName = "PutRetentionPolicy") || ($.eventName = "DeleteRetentionPolicy") || ($.eventName = "PutMetricFilter") || ($.eventName = "DeleteMetricFilter"))`;
  const alarms = `($.eventSource = "monitoring.amazonaws.com") && (($.eventName = "DeleteAlarms") || ($.eventName = "DisableAlarmActions") || ($.eventName = "PutMetricAlarm"))`;
  const topic = `($.eventSource = "sns.amazonaws.com") && (($.requestParameters.topicArn = "*:${p.alarmTopic}") || ($.requestParameters.subscriptionArn = "*:${p.alarmTopic}:*")) && (($.eventName = "DeleteTopic") || ($.eventName = "SetTopicAttributes") || ($.eventName = "Unsubscribe"))`;
  return {
    name: MONITORING_TAMPERING_METRIC,
    pattern: `{ ($.recipientAccountId = "${p.managementId}") && ((${logs}) || (${alarms}) || (${topic})) }`,
    why: "The trail's log group, metric filters, alarms or alarm topic were weakened; in the management account no SCP can prevent it.",
  };
}
