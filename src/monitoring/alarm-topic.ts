/**
 * An SNS topic for alarms: KMS-encrypted with a key the publishing services may use, a topic
 * policy that lets only those services of this account publish, and e-mail subscribers (an alarm
 * nobody receives fails audits).
 */
import {
  Construct,
  SnsTopic,
  SnsTopicPolicy,
  SnsTopicSubscription,
  type AwsProvider,
} from "../build/cdk.js";
import { renderPolicy } from "../build/policy-document.js";
import { alarmTopicPolicy } from "../logging/policies.js";

export interface AlarmTopicProps {
  readonly provider: AwsProvider;
  readonly name: string;
  readonly accountId: string;
  /** Key ARN or ID (its policy must let the publishers generate data keys). */
  readonly kmsKeyId: string;
  /** Service principals that publish, e.g. cloudwatch.amazonaws.com. */
  readonly publishers: string[];
  readonly emails: readonly string[];
}

export class AlarmTopic extends Construct {
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    const { provider } = props;
    this.topic = new SnsTopic(this, "topic", {
      provider,
      name: props.name,
      kmsMasterKeyId: props.kmsKeyId,
    });
    new SnsTopicPolicy(this, "policy", {
      provider,
      arn: this.topic.arn,
      policy: renderPolicy(
        alarmTopicPolicy({
          topicArn: this.topic.arn,
          accountId: props.accountId,
          publishers: props.publishers,
        }),
      ),
    });
    props.emails.forEach((email, i) => {
      new SnsTopicSubscription(this, `email-${i}`, {
        provider,
        topicArn: this.topic.arn,
        protocol: "email",
        endpoint: email,
      });
    });
  }
}
