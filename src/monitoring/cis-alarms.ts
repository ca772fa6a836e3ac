/**
 * CIS 4.1–4.15 (and the baseline's own alarms): a metric filter and an alarm per metric, all
 * alarming to one topic.
 */
import {
  CloudwatchLogMetricFilter,
  CloudwatchMetricAlarm,
  Construct,
  type AwsProvider,
} from "../build/cdk.js";

/** A metric filter to alarm on: a CIS 4.x metric, or one of the baseline's own (no `cis`). */
export interface AlarmMetric {
  readonly cis?: string;
  readonly name: string;
  readonly pattern: string;
  readonly why: string;
}

/** Construct ids: a metric filter and an alarm per metric, followed by the metric name. */
export const CIS_ALARMS_IDS = { filterPrefix: "filter-", alarmPrefix: "alarm-" } as const;

export interface CisAlarmsProps {
  readonly provider: AwsProvider;
  readonly logGroupName: string;
  readonly namespace: string;
  readonly topicArn: string;
  readonly metrics: readonly AlarmMetric[];
  readonly alarmPrefix: string;
}

export class CisAlarms extends Construct {
  constructor(scope: Construct, id: string, props: CisAlarmsProps) {
    super(scope, id);
    const { provider } = props;
    for (const metric of props.metrics) {
      const filter = new CloudwatchLogMetricFilter(
        this,
        `${CIS_ALARMS_IDS.filterPrefix}${metric.name}`,
        {
          provider,
          name: metric.name,
          logGroupName: props.logGroupName,
          pattern: metric.pattern,
          metricTransformation: { name: metric.name, namespace: props.namespace, value: "1" },
        },
      );
      new CloudwatchMetricAlarm(this, `${CIS_ALARMS_IDS.alarmPrefix}${metric.name}`, {
        provider,
        alarmName: metric.cis
          ? `${props.alarmPrefix}-cis-${metric.cis}-${metric.name}`
          : `${props.alarmPrefix}-${metric.name}`,
        alarmDescription: metric.cis ? `CIS ${metric.cis}: ${metric.why}` : metric.why,
        namespace: props.namespace,
        metricName: metric.name,
        statistic: "Sum",
        period: 300,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        alarmActions: [props.topicArn],
        dependsOn: [filter],
      });
    }
  }
}
