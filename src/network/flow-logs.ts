/**
 * VPC flow logs of ALL traffic (accepted and rejected, CIS 3.7) into a KMS-encrypted CloudWatch
 * Logs group, delivered by a role that can write only to that group and only for this account's
 * flow logs.
 */
import {
  CloudwatchLogGroup,
  Construct,
  FlowLog,
  IamRole,
  IamRolePolicy,
  type AwsProvider,
  type Vpc,
} from "../build/cdk.js";
import { policy, renderPolicy } from "../build/policy-document.js";
import { accountAdministersKey, logsEncryptLogGroup } from "../build/kms-policy.js";
import { EncryptionKey } from "../build/encryption-key.js";

export interface FlowLogsProps {
  readonly provider: AwsProvider;
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly name: string;
  readonly vpc: Vpc;
  readonly retentionDays: number;
}

export class FlowLogs extends Construct {
  constructor(scope: Construct, id: string, props: FlowLogsProps) {
    super(scope, id);
    const { provider, partition, region, accountId } = props;
    const logGroupName = `/aws/vpc-flow-logs/${props.name}`;
    const key = new EncryptionKey(this, "key", {
      provider,
      description: `Encrypts the flow logs of ${props.name}`,
      alias: `alias/${props.name}-flow-logs`,
      policy: policy(
        accountAdministersKey(partition, accountId),
        logsEncryptLogGroup({
          partition,
          region,
          accountId,
          logGroupName,
          sid: "CloudWatchLogsEncryptsFlowLogGroup",
        }),
      ),
    });
    const group = new CloudwatchLogGroup(this, "log-group", {
      provider,
      name: logGroupName,
      retentionInDays: props.retentionDays,
      kmsKeyId: key.arn,
    });
    const role = new IamRole(this, "role", {
      provider,
      name: `${props.name}-flow-logs`,
      assumeRolePolicy: renderPolicy(
        policy({
          Sid: "VpcFlowLogsAssumes",
          Effect: "Allow",
          Principal: { Service: "vpc-flow-logs.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: {
            StringEquals: { "aws:SourceAccount": accountId },
            ArnLike: {
              "aws:SourceArn": `arn:${partition}:ec2:${region}:${accountId}:vpc-flow-log/*`,
            },
          },
        }),
      ),
    });
    new IamRolePolicy(this, "role-policy", {
      provider,
      role: role.name,
      name: "deliver-to-flow-log-group",
      policy: renderPolicy(
        policy({
          Sid: "DeliverToFlowLogGroup",
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"],
          Resource: [group.arn, `${group.arn}:log-stream:*`],
        }),
      ),
    });
    new FlowLog(this, "flow-log", {
      provider,
      vpcId: props.vpc.id,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: group.arn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
      tags: { Name: props.name },
    });
  }
}
