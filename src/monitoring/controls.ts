/**
 * Controls of the monitoring area: CIS 4.x, one metric filter and alarm per recommendation on the
 * trail's log group, all notifying the encrypted security alarm topic of the org-trail stack.
 */
import {
  ALARM_TOPIC_TYPES,
  ENCRYPTION_KEY_TYPES,
  inside,
  resource,
  type Control,
} from "../controls/control.js";
import { ORG_TRAIL_IDS as TRAIL } from "../logging/org-trail-stack.js";
import { CIS_ALARMS_IDS as IDS } from "./cis-alarms.js";
import { ACCESS_ROLE_USE_METRIC, MONITORING_TAMPERING_METRIC } from "./break-glass.js";
import { cisMetrics } from "./cis-monitoring.js";

const LOGGING_TEST = "test/stacks/logging.test.ts";

export const MONITORING_CONTROLS: readonly Control[] = cisMetrics({
  consoleSigninWithoutMfa: "all-sign-ins",
}).map((m) => ({
  id: `MON.${m.cis.split(".")[1]}`,
  title: `Metric filter and alarm: ${m.name}`,
  cis: [m.cis],
  stacks: ["org-trail"],
  resources: [
    resource("aws_cloudwatch_log_metric_filter", `${IDS.filterPrefix}${m.name}`),
    resource("aws_cloudwatch_metric_alarm", `${IDS.alarmPrefix}${m.name}`),
    ...inside(TRAIL.securityAlarms, ALARM_TOPIC_TYPES),
    ...inside(TRAIL.monitoringKey, ENCRYPTION_KEY_TYPES),
  ],
  verifiedBy: [
    `${LOGGING_TEST} › CIS ${m.cis} metric filter pattern is exact`,
    `${LOGGING_TEST} › every alarm notifies an encrypted topic that has subscribers`,
  ],
}));

/** The baseline's own alarms on the trail's log group. */
export const BREAK_GLASS_CONTROLS: readonly Control[] = [
  {
    id: "MON.16",
    title: "Alarm on any use of the break-glass access role in any member account",
    cis: [],
    stacks: ["org-trail"],
    resources: [
      resource("aws_cloudwatch_log_metric_filter", `${IDS.filterPrefix}${ACCESS_ROLE_USE_METRIC}`),
      resource("aws_cloudwatch_metric_alarm", `${IDS.alarmPrefix}${ACCESS_ROLE_USE_METRIC}`),
    ],
    verifiedBy: [`${LOGGING_TEST} › any use of the break-glass access role raises an alarm`],
  },
  {
    id: "MON.17",
    title:
      "Alarm when the trail's log group, metric filters, alarms or alarm topic are weakened (management account, beyond SCPs)",
    cis: [],
    stacks: ["org-trail"],
    resources: [
      resource(
        "aws_cloudwatch_log_metric_filter",
        `${IDS.filterPrefix}${MONITORING_TAMPERING_METRIC}`,
      ),
      resource("aws_cloudwatch_metric_alarm", `${IDS.alarmPrefix}${MONITORING_TAMPERING_METRIC}`),
    ],
    verifiedBy: [
      `${LOGGING_TEST} › weakening the trail's log group, filters, alarms or topic raises an alarm`,
    ],
  },
];
