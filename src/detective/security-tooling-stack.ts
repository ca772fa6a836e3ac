/**
 * `security-tooling` (security account, the detective services' delegated administrator): the
 * organization-wide settings of each service the answers switch on.
 *
 * - Config: the organization aggregator (every account, every enabled region) and, optionally, a
 *   conformance pack of CIS credential checks.
 * - GuardDuty, in every enabled region: every existing and future account enabled automatically,
 *   S3 Protection, findings exported to the log-archive account's security-logs bucket encrypted
 *   with the trail key.
 * - Security Hub, in the home region: central configuration with one policy (CIS v3.0.0 and AWS
 *   FSBP) on the organization root, findings aggregated from the other enabled regions.
 * - IAM Access Analyzer: an organization analyzer (and the paid unused-access one when asked).
 * - High and critical findings to people: EventBridge rules, an encrypted SNS topic, e-mail.
 */
import {
  ConfigConfigurationAggregator,
  ConfigOrganizationConformancePack,
  DataAwsGuarddutyDetector,
  DataAwsKmsKey,
  DataAwsOrganizationsOrganization,
  GuarddutyOrganizationConfiguration,
  GuarddutyOrganizationConfigurationFeature,
  GuarddutyPublishingDestination,
  IamRole,
  IamRolePolicyAttachment,
  SecurityhubConfigurationPolicy,
  SecurityhubConfigurationPolicyAssociation,
  SecurityhubFindingAggregator,
  SecurityhubOrganizationConfiguration,
  AccessanalyzerAnalyzer,
  type Construct,
} from "../build/cdk.js";
import { baselineNames } from "../answers/names.js";
import { AccountStack } from "../build/account-stack.js";
import { renderPolicy } from "../build/policy-document.js";
import type { SecurityToolingStackProps, StackTarget } from "../plan/plan.js";
import { configAggregatorTrustPolicy } from "./policies.js";
import { conformancePackTemplate } from "./conformance-pack.js";
import { FindingAlerts } from "./finding-alerts.js";

/** Construct ids of the security-tooling stack (controls name resources by these). */
export const SECURITY_TOOLING_IDS = {
  aggregatorRole: "config-aggregator-role",
  aggregatorPolicy: "config-aggregator-managed-policy",
  aggregator: "config-aggregator",
  conformancePack: "config-conformance-pack",
  guardDutyOrgConfigPrefix: "guardduty-organization-",
  guardDutyS3Prefix: "guardduty-organization-s3-",
  guardDutyExportPrefix: "guardduty-export-",
  findingAggregator: "securityhub-finding-aggregator",
  securityHubOrgConfig: "securityhub-organization",
  securityHubPolicy: "securityhub-policy",
  securityHubPolicyRoot: "securityhub-policy-root",
  organizationAnalyzer: "organization-analyzer",
  unusedAccessAnalyzer: "unused-access-analyzer",
  alerts: "finding-alerts",
} as const;

/** The standards Security Hub's configuration policy enables everywhere (CIS 4.16). */
export function securityHubStandards(partition: string, region: string): string[] {
  const base = `arn:${partition}:securityhub:${region}::standards`;
  return [
    `${base}/aws-foundational-security-best-practices/v/1.0.0`,
    `${base}/cis-aws-foundations-benchmark/v/3.0.0`,
  ];
}

/** AWS managed policy for an organization aggregator's role. */
export const AGGREGATOR_ROLE_POLICY = "service-role/AWSConfigRoleForOrganizations";

export class SecurityToolingStack extends AccountStack {
  constructor(
    scope: Construct,
    name: string,
    target: StackTarget,
    props: SecurityToolingStackProps,
  ) {
    super(scope, name, target);
    const ids = SECURITY_TOOLING_IDS;
    const home = this.providers.home;
    const homeRegion = this.homeRegion;
    const names = baselineNames(props.prefix);
    const d = props.detective;
    // GuardDuty is regional (a provider per enabled region); the rest run in the home region.
    const regions = target.regions;
    const enabled = props.enabledRegions;

    if (props.configAggregator) {
      const role = new IamRole(this, ids.aggregatorRole, {
        provider: home,
        name: names.configAggregatorRole,
        description: "AWS Config organization aggregator: reads every account's configuration",
        assumeRolePolicy: renderPolicy(configAggregatorTrustPolicy(this.accountIdRef)),
      });
      const attached = new IamRolePolicyAttachment(this, ids.aggregatorPolicy, {
        provider: home,
        role: role.name,
        policyArn: `arn:${this.partition}:iam::aws:policy/${AGGREGATOR_ROLE_POLICY}`,
      });
      new ConfigConfigurationAggregator(this, ids.aggregator, {
        provider: home,
        name: names.configAggregator,
        organizationAggregationSource: { regions: [...enabled], roleArn: role.arn },
        dependsOn: [attached],
      });
    }
    if (d.config.enabled && d.config.conformancePack) {
      new ConfigOrganizationConformancePack(this, ids.conformancePack, {
        provider: home,
        name: names.conformancePack,
        templateBody: conformancePackTemplate(),
      });
    }

    if (d.guardDuty.enabled) {
      // The trail key, resolved from its alias in the log-archive account (the key policy lets
      // this account describe it).
      const trailKey = new DataAwsKmsKey(this, "trail-key", {
        provider: home,
        keyId: `arn:${this.partition}:kms:${homeRegion}:${props.logArchiveId}:${names.trailKeyAlias}`,
      });
      const bucketArn = `arn:${this.partition}:s3:::${names.securityLogsBucket(props.logArchiveId)}`;
      for (const region of regions) {
        const provider = this.providers.forRegion(region);
        const detector = new DataAwsGuarddutyDetector(this, `guardduty-detector-${region}`, {
          provider,
        });
        const orgConfig = new GuarddutyOrganizationConfiguration(
          this,
          `${ids.guardDutyOrgConfigPrefix}${region}`,
          { provider, detectorId: detector.id, autoEnableOrganizationMembers: "ALL" },
        );
        if (d.guardDuty.s3Protection) {
          new GuarddutyOrganizationConfigurationFeature(this, `${ids.guardDutyS3Prefix}${region}`, {
            provider,
            detectorId: detector.id,
            name: "S3_DATA_EVENTS",
            autoEnable: "ALL",
            // The feature call writes back the members' auto-enable it reads: after "ALL" is set.
            dependsOn: [orgConfig],
          });
        }
        new GuarddutyPublishingDestination(this, `${ids.guardDutyExportPrefix}${region}`, {
          provider,
          detectorId: detector.id,
          destinationType: "S3",
          // A folder is named with its trailing slash.
          destinationArn: `${bucketArn}/${names.guardDutyKeyPrefix}/`,
          kmsKeyArn: trailKey.arn,
        });
      }
    }

    if (d.securityHub.enabled) {
      const linked = enabled.filter((r) => r !== homeRegion);
      const aggregator = new SecurityhubFindingAggregator(this, ids.findingAggregator, {
        provider: home,
        linkingMode: linked.length > 0 ? "SPECIFIED_REGIONS" : "NO_REGIONS",
        ...(linked.length > 0 ? { specifiedRegions: linked } : {}),
      });
      const central = new SecurityhubOrganizationConfiguration(this, ids.securityHubOrgConfig, {
        provider: home,
        // Central configuration: the policy below decides, not auto-enable.
        autoEnable: false,
        autoEnableStandards: "NONE",
        organizationConfiguration: { configurationType: "CENTRAL" },
        dependsOn: [aggregator],
      });
      const policy = new SecurityhubConfigurationPolicy(this, ids.securityHubPolicy, {
        provider: home,
        name: names.securityHubPolicy,
        description:
          "CIS AWS Foundations Benchmark v3.0.0 and AWS Foundational Security Best Practices",
        configurationPolicy: {
          serviceEnabled: true,
          enabledStandardArns: securityHubStandards(this.partition, homeRegion),
          securityControlsConfiguration: { disabledControlIdentifiers: [] },
        },
        dependsOn: [central],
      });
      // The root ID: readable here because this account is a delegated administrator.
      const organization = new DataAwsOrganizationsOrganization(this, "organization", {
        provider: home,
      });
      new SecurityhubConfigurationPolicyAssociation(this, ids.securityHubPolicyRoot, {
        provider: home,
        policyId: policy.id,
        targetId: organization.roots.get(0).id,
      });
    }

    if (d.accessAnalyzer.enabled) {
      new AccessanalyzerAnalyzer(this, ids.organizationAnalyzer, {
        provider: home,
        analyzerName: names.organizationAnalyzer,
        type: "ORGANIZATION",
      });
      if (d.accessAnalyzer.unusedAccess) {
        new AccessanalyzerAnalyzer(this, ids.unusedAccessAnalyzer, {
          provider: home,
          analyzerName: names.unusedAccessAnalyzer,
          type: "ORGANIZATION_UNUSED_ACCESS",
          configuration: {
            unusedAccess: { unusedAccessAge: d.accessAnalyzer.unusedAccessAgeDays },
          },
        });
      }
    }

    if (d.guardDuty.enabled || d.securityHub.enabled) {
      new FindingAlerts(this, ids.alerts, this, {
        prefix: props.prefix,
        emails: props.alarmEmails,
        guardDuty: d.guardDuty.enabled,
        securityHub: d.securityHub.enabled,
      });
    }
  }
}
