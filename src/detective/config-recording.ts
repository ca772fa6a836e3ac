/**
 * AWS Config in one account (CIS 3.3): a recorder and delivery channel in every enabled region,
 * recording every supported resource type; global resources (IAM) only in the home region, so
 * each is recorded once. Snapshots and history go to the log-archive account's security-logs
 * bucket under `config/`, encrypted by the bucket's default key (the trail key). Not the trail
 * bucket: Config cannot deliver to a bucket with Object Lock default retention.
 *
 * The recorder uses Config's service-linked role, AWSServiceRoleForConfig: Security Hub's
 * Config.1 (CIS 3.3) fails a recorder with any other role. Config then delivers as its service
 * principal, which the log bucket admits for this organization only (aws:SourceOrgID).
 */
import {
  ConfigConfigurationRecorder,
  ConfigConfigurationRecorderStatus,
  ConfigDeliveryChannel,
  Construct,
  IamServiceLinkedRole,
} from "../build/cdk.js";
import { baselineNames } from "../answers/names.js";
import type { AccountStack } from "../build/account-stack.js";
import type { ConfigRecordingPlan } from "../plan/plan.js";
import { configServiceLinkedRoleArn } from "./defaults.js";

/** Construct ids (controls name resources by these); regional ids end in the region. */
export const CONFIG_RECORDING_IDS = {
  serviceLinkedRole: "config-service-linked-role",
  recorderPrefix: "config-recorder-",
  channelPrefix: "config-delivery-channel-",
  statusPrefix: "config-recorder-status-",
} as const;

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
    const role = new IamServiceLinkedRole(this, ids.serviceLinkedRole, {
      provider: home,
      awsServiceName: "config.amazonaws.com",
    });
    // One per account: an account that already has it (an earlier Config setup) adopts it.
    if (props.serviceLinkedRoleExists) {
      role.importFrom(configServiceLinkedRoleArn(stack.partition, stack.accountIdRef), home);
    }

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
        s3BucketName: names.securityLogsBucket(props.logArchiveId),
        s3KeyPrefix: names.configKeyPrefix,
        snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
        dependsOn: [recorder],
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
