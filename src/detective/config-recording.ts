/**
 * AWS Config in one account (CIS 3.3): a recorder and delivery channel in every enabled region,
 * recording every supported resource type; global resources (IAM) only in the home region, so
 * each is recorded once. Snapshots and history go to the log-archive bucket under `config/`,
 * encrypted by the bucket's default key. The recorder uses its own role (not the service-linked
 * one) so the log bucket can grant exactly that role, by name, within the organization.
 */
import {
  ConfigConfigurationRecorder,
  ConfigConfigurationRecorderStatus,
  ConfigDeliveryChannel,
  Construct,
  IamRole,
  IamRolePolicy,
  IamRolePolicyAttachment,
} from "../build/cdk.js";
import { baselineNames } from "../answers/names.js";
import type { AccountStack } from "../build/account-stack.js";
import { renderPolicy } from "../build/policy-document.js";
import type { ConfigRecordingPlan } from "../plan/plan.js";
import { configDeliveryPolicy, configRecorderTrustPolicy } from "./policies.js";

/** Construct ids (controls name resources by these); regional ids end in the region. */
export const CONFIG_RECORDING_IDS = {
  role: "config-recorder-role",
  managedPolicy: "config-recorder-managed-policy",
  deliveryPolicy: "config-recorder-delivery-policy",
  recorderPrefix: "config-recorder-",
  channelPrefix: "config-delivery-channel-",
  statusPrefix: "config-recorder-status-",
} as const;

/** AWS managed policy that lets Config read every supported resource type. */
export const CONFIG_ROLE_POLICY = "service-role/AWS_ConfigRole";

export class ConfigRecording extends Construct {
  constructor(
    scope: Construct,
    id: string,
    stack: AccountStack,
    props: ConfigRecordingPlan & { readonly prefix: string },
  ) {
    super(scope, id);
    const ids = CONFIG_RECORDING_IDS;
    const names = baselineNames(props.prefix);
    const home = stack.providers.home;
    const bucket = names.trailBucket(props.logArchiveId);
    const role = new IamRole(this, ids.role, {
      provider: home,
      name: names.configRecorderRole,
      description:
        "AWS Config recorder: reads resource configurations, delivers to the log archive",
      assumeRolePolicy: renderPolicy(configRecorderTrustPolicy(stack.accountIdRef)),
    });
    new IamRolePolicyAttachment(this, ids.managedPolicy, {
      provider: home,
      role: role.name,
      policyArn: `arn:${stack.partition}:iam::aws:policy/${CONFIG_ROLE_POLICY}`,
    });
    const delivery = new IamRolePolicy(this, ids.deliveryPolicy, {
      provider: home,
      role: role.id,
      name: "deliver-to-log-archive",
      policy: renderPolicy(
        configDeliveryPolicy({
          partition: stack.partition,
          homeRegion: stack.homeRegion,
          bucket,
          keyPrefix: names.configKeyPrefix,
          accountId: stack.accountIdRef,
          logArchiveId: props.logArchiveId,
          keyAlias: names.trailKeyAlias,
        }),
      ),
    });

    for (const region of stack.providers.regions) {
      const provider = stack.providers.forRegion(region);
      const adopted = props.adopt[region];
      const recorder = new ConfigConfigurationRecorder(this, `${ids.recorderPrefix}${region}`, {
        provider,
        // Config allows one recorder per account and region: an adopted one keeps its name.
        name: adopted?.recorder ?? names.configRecorder,
        roleArn: role.arn,
        recordingGroup: {
          allSupported: true,
          includeGlobalResourceTypes: region === stack.homeRegion,
        },
      });
      if (adopted) recorder.importFrom(adopted.recorder, provider);
      const channel = new ConfigDeliveryChannel(this, `${ids.channelPrefix}${region}`, {
        provider,
        name: adopted?.deliveryChannel ?? names.configRecorder,
        s3BucketName: bucket,
        s3KeyPrefix: names.configKeyPrefix,
        snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
        dependsOn: [recorder, delivery],
      });
      if (adopted?.deliveryChannel) channel.importFrom(adopted.deliveryChannel, provider);
      new ConfigConfigurationRecorderStatus(this, `${ids.statusPrefix}${region}`, {
        provider,
        name: recorder.name,
        isEnabled: true,
        dependsOn: [channel],
      });
    }
  }
}
