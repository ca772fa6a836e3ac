/**
 * High and critical findings reach people: EventBridge rules in the security account's home
 * region publish to a KMS-encrypted SNS topic with the alarm e-mails (each subscription is
 * confirmed by its recipient, as for the CIS alarms). GuardDuty findings are regional, so every
 * other enabled region forwards them to the home region's default bus; Security Hub findings of
 * every region already arrive there through its aggregation.
 */
import {
  CloudwatchEventRule,
  CloudwatchEventTarget,
  Construct,
  IamRole,
  IamRolePolicy,
} from "../build/cdk.js";
import { baselineNames } from "../answers/names.js";
import type { AccountStack } from "../build/account-stack.js";
import { EncryptionKey } from "../build/encryption-key.js";
import { renderPolicy } from "../build/policy-document.js";
import { AlarmTopic } from "../monitoring/alarm-topic.js";
import {
  findingsForwardPolicy,
  findingsForwardTrustPolicy,
  findingsKeyPolicy,
  guardDutyHighFindings,
  securityHubHighFindings,
} from "./policies.js";

export const FINDING_ALERTS_IDS = {
  key: "findings-key",
  topic: "findings-topic",
  guardDutyRule: "guardduty-high-findings",
  guardDutyTarget: "guardduty-high-findings-to-topic",
  securityHubRule: "securityhub-high-findings",
  securityHubTarget: "securityhub-high-findings-to-topic",
  forwardRole: "findings-forward-role",
  forwardPolicy: "findings-forward-policy",
  /** Followed by the region. */
  forwardRulePrefix: "guardduty-forward-",
  forwardTargetPrefix: "guardduty-forward-target-",
} as const;

export interface FindingAlertsProps {
  readonly prefix: string;
  readonly emails: readonly string[];
  readonly guardDuty: boolean;
  readonly securityHub: boolean;
}

export class FindingAlerts extends Construct {
  constructor(scope: Construct, id: string, stack: AccountStack, props: FindingAlertsProps) {
    super(scope, id);
    const ids = FINDING_ALERTS_IDS;
    const provider = stack.providers.home;
    const names = baselineNames(props.prefix);
    const key = new EncryptionKey(this, ids.key, {
      provider,
      description: "Encrypts the security findings topic",
      alias: names.findingsKeyAlias,
      policy: findingsKeyPolicy(
        stack.partition,
        stack.accountIdRef,
        `arn:${stack.partition}:sns:${stack.homeRegion}:${stack.accountIdRef}:${names.findingsTopic}`,
      ),
    });
    const topic = new AlarmTopic(this, ids.topic, {
      provider,
      name: names.findingsTopic,
      accountId: stack.accountIdRef,
      kmsKeyId: key.arn,
      publishers: ["events.amazonaws.com"],
      emails: props.emails,
    });
    const toTopic = (ruleId: string, targetId: string, pattern: object, description: string) => {
      const rule = new CloudwatchEventRule(this, ruleId, {
        provider,
        name: `${props.prefix}-${ruleId}`,
        description,
        eventPattern: JSON.stringify(pattern),
      });
      new CloudwatchEventTarget(this, targetId, {
        provider,
        rule: rule.name,
        arn: topic.topic.arn,
      });
    };
    if (props.guardDuty) {
      toTopic(
        ids.guardDutyRule,
        ids.guardDutyTarget,
        guardDutyHighFindings(),
        "GuardDuty findings of high or critical severity, from every enabled region",
      );
      const others = stack.providers.regions.filter((r) => r !== stack.homeRegion);
      // GovCloud has no cross-region EventBridge targets: its other regions' GuardDuty findings
      // reach people through Security Hub's aggregation (when on) instead.
      if (others.length > 0 && stack.partition === "aws") {
        this.forwardToHome(stack, props.prefix, others);
      }
    }
    if (props.securityHub) {
      toTopic(
        ids.securityHubRule,
        ids.securityHubTarget,
        securityHubHighFindings(props.guardDuty),
        "New Security Hub findings labelled HIGH or CRITICAL, aggregated from every enabled region",
      );
    }
  }

  private forwardToHome(stack: AccountStack, prefix: string, regions: readonly string[]): void {
    const ids = FINDING_ALERTS_IDS;
    const home = stack.providers.home;
    const homeBus = `arn:${stack.partition}:events:${stack.homeRegion}:${stack.accountIdRef}:event-bus/default`;
    const role = new IamRole(this, ids.forwardRole, {
      provider: home,
      name: baselineNames(prefix).findingsForwardRole,
      description: "EventBridge forwards GuardDuty findings to the home region",
      assumeRolePolicy: renderPolicy(findingsForwardTrustPolicy(stack.accountIdRef)),
    });
    new IamRolePolicy(this, ids.forwardPolicy, {
      provider: home,
      role: role.id,
      name: "put-on-home-bus",
      policy: renderPolicy(findingsForwardPolicy(homeBus)),
    });
    for (const region of regions) {
      const provider = stack.providers.forRegion(region);
      const rule = new CloudwatchEventRule(this, `${ids.forwardRulePrefix}${region}`, {
        provider,
        name: `${prefix}-guardduty-findings-to-home-region`,
        description: `High and critical GuardDuty findings of ${region}, to ${stack.homeRegion}`,
        eventPattern: JSON.stringify(guardDutyHighFindings()),
      });
      new CloudwatchEventTarget(this, `${ids.forwardTargetPrefix}${region}`, {
        provider,
        rule: rule.name,
        arn: homeBus,
        roleArn: role.arn,
      });
    }
  }
}
