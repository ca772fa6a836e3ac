/**
 * Controls of the detective area: Config everywhere (CIS 3.3), GuardDuty and Security Hub
 * organization-wide (CIS 4.16), the organization's Access Analyzer, and alerts on findings.
 */
import {
  ALARM_TOPIC_TYPES,
  ENCRYPTION_KEY_TYPES,
  inside,
  perItem,
  resource,
  type Control,
} from "../controls/control.js";
import { CONFIG_RECORDING_IDS as CONFIG } from "./config-recording.js";
import { DELEGATION_IDS as DELEGATION } from "./delegation.js";
import { FINDING_ALERTS_IDS as ALERTS } from "./finding-alerts.js";
import { GUARDDUTY_DETECTOR_IDS as DETECTORS } from "./guardduty-detectors.js";
import { SECURITY_TOOLING_IDS as TOOLING } from "./security-tooling-stack.js";

const TEST = "test/stacks/detective.test.ts";

export const DETECTIVE_CONTROLS: readonly Control[] = [
  {
    id: "DET.1",
    title:
      "AWS Config records every supported resource type in every account and enabled region (global resources once, in the home region), delivering to the log archive",
    cis: ["3.3"],
    stacks: ["baseline"],
    resources: [
      resource("aws_iam_service_linked_role", CONFIG.serviceLinkedRole),
      perItem("aws_config_configuration_recorder", CONFIG.recorderPrefix),
      perItem("aws_config_delivery_channel", CONFIG.channelPrefix),
      perItem("aws_config_configuration_recorder_status", CONFIG.statusPrefix),
    ],
    switch: "detective.config.enabled",
    verifiedBy: [
      `${TEST} › recorder in every account x enabled region, recording all supported resource types`,
      `${TEST} › global resources are recorded once, in the home region`,
      `${TEST} › records with Config's service-linked role (Security Hub's Config.1) and delivers into the security-logs bucket under config/`,
    ],
  },
  {
    id: "DET.2",
    title: "An organization Config aggregator in the security account covers every enabled region",
    cis: ["3.3"],
    stacks: ["security-tooling", "baseline"],
    resources: [
      resource("aws_iam_role", TOOLING.aggregatorRole),
      resource("aws_iam_role_policy_attachment", TOOLING.aggregatorPolicy),
      resource("aws_config_configuration_aggregator", TOOLING.aggregator),
      resource(
        "aws_organizations_delegated_administrator",
        `${DELEGATION.delegatedAdminPrefix}config`,
      ),
    ],
    switch: "detective.config.enabled",
    verifiedBy: [
      `${TEST} › an organization aggregator in the security account covers every enabled region`,
      `${TEST} › the management account makes the security account administrator of Config, Access Analyzer, GuardDuty (every region) and Security Hub`,
    ],
  },
  {
    id: "DET.3",
    title:
      "Conformance pack of Config rules for root and IAM user credentials in every account (optional)",
    cis: ["1.4", "1.5", "1.6", "1.10", "1.12", "1.14", "1.15", "1.16"],
    stacks: ["security-tooling", "baseline"],
    resources: [
      resource("aws_config_organization_conformance_pack", TOOLING.conformancePack),
      resource(
        "aws_organizations_delegated_administrator",
        `${DELEGATION.delegatedAdminPrefix}config-multiaccountsetup`,
      ),
    ],
    switch: "detective.config.conformancePack",
    verifiedBy: [
      `test/unit/detective.test.ts › the conformance pack checks the CIS credential recommendations`,
    ],
  },
  {
    id: "DET.4",
    title:
      "GuardDuty in every account and enabled region, administered by the security account, new accounts enabled automatically, S3 Protection on",
    cis: [],
    stacks: ["baseline", "security-tooling"],
    resources: [
      perItem("aws_guardduty_detector", DETECTORS.detectorPrefix),
      perItem("aws_guardduty_detector_feature", DETECTORS.s3ProtectionPrefix),
      perItem("aws_guardduty_organization_admin_account", DELEGATION.guardDutyAdminPrefix),
      perItem("aws_guardduty_organization_configuration", TOOLING.guardDutyOrgConfigPrefix),
      perItem("aws_guardduty_organization_configuration_feature", TOOLING.guardDutyS3Prefix),
    ],
    switch: "detective.guardDuty.enabled",
    verifiedBy: [
      `${TEST} › auto-enables every existing and future account in every enabled region, with S3 protection`,
      `${TEST} › the security account's detectors exist before it becomes administrator, and its tooling after`,
    ],
  },
  {
    id: "DET.5",
    title:
      "GuardDuty findings exported to the log-archive account's security-logs bucket, encrypted with the trail key",
    cis: [],
    stacks: ["security-tooling"],
    resources: [perItem("aws_guardduty_publishing_destination", TOOLING.guardDutyExportPrefix)],
    switch: "detective.guardDuty.enabled",
    verifiedBy: [
      `${TEST} › findings are exported to the security-logs bucket, KMS-encrypted with the trail key`,
    ],
  },
  {
    id: "DET.6",
    title:
      "Security Hub in every account and enabled region by central configuration: CIS AWS Foundations Benchmark v3.0.0 and AWS Foundational Security Best Practices",
    cis: ["4.16"],
    stacks: ["baseline", "security-tooling"],
    resources: [
      resource("aws_securityhub_organization_admin_account", DELEGATION.securityHubAdmin),
      resource("aws_securityhub_organization_configuration", TOOLING.securityHubOrgConfig),
      resource("aws_securityhub_configuration_policy", TOOLING.securityHubPolicy),
      resource("aws_securityhub_configuration_policy_association", TOOLING.securityHubPolicyRoot),
    ],
    switch: "detective.securityHub.enabled",
    verifiedBy: [
      `${TEST} › central configuration subscribes CIS v3.0.0 and FSBP in every account through a policy on the root`,
    ],
  },
  {
    id: "DET.7",
    title: "Security Hub findings of every enabled region aggregated into the home region",
    cis: ["4.16"],
    stacks: ["security-tooling"],
    resources: [resource("aws_securityhub_finding_aggregator", TOOLING.findingAggregator)],
    switch: "detective.securityHub.enabled",
    verifiedBy: [
      `${TEST} › aggregates findings of every other enabled region into the home region`,
    ],
  },
  {
    id: "DET.8",
    title: "An organization IAM Access Analyzer (external access) in the security account",
    cis: ["1.20"],
    stacks: ["security-tooling", "baseline"],
    resources: [
      resource("aws_accessanalyzer_analyzer", TOOLING.organizationAnalyzer),
      resource(
        "aws_organizations_delegated_administrator",
        `${DELEGATION.delegatedAdminPrefix}access-analyzer`,
      ),
    ],
    switch: "detective.accessAnalyzer.enabled",
    verifiedBy: [
      `${TEST} › an organization analyzer in the security account; the paid unused-access one only when asked`,
    ],
  },
  {
    id: "DET.9",
    title: "An organization unused-access analyzer (optional, paid)",
    cis: [],
    stacks: ["security-tooling"],
    resources: [resource("aws_accessanalyzer_analyzer", TOOLING.unusedAccessAnalyzer)],
    switch: "detective.accessAnalyzer.unusedAccess",
    verifiedBy: [
      `${TEST} › an organization analyzer in the security account; the paid unused-access one only when asked`,
    ],
  },
  {
    id: "DET.10",
    title:
      "High and critical GuardDuty and Security Hub findings of every enabled region reach the alarm e-mails through a KMS-encrypted topic",
    cis: [],
    stacks: ["security-tooling"],
    resources: [
      ...inside(ALERTS.key, ENCRYPTION_KEY_TYPES),
      ...inside(ALERTS.topic, ALARM_TOPIC_TYPES),
      resource("aws_cloudwatch_event_rule", ALERTS.guardDutyRule),
      resource("aws_cloudwatch_event_target", ALERTS.guardDutyTarget),
      resource("aws_cloudwatch_event_rule", ALERTS.securityHubRule),
      resource("aws_cloudwatch_event_target", ALERTS.securityHubTarget),
      resource("aws_iam_role", ALERTS.forwardRole),
      resource("aws_iam_role_policy", ALERTS.forwardPolicy),
      perItem("aws_cloudwatch_event_rule", ALERTS.forwardRulePrefix),
      perItem("aws_cloudwatch_event_target", ALERTS.forwardTargetPrefix),
    ],
    verifiedBy: [
      `${TEST} › high and critical GuardDuty and Security Hub findings reach the alarm e-mails through a KMS-encrypted topic`,
      `${TEST} › every other enabled region forwards its GuardDuty findings to the home region's bus`,
    ],
  },
];
