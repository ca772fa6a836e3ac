/**
 * Controls of the guardrails area: one per guardrail. Guardrails are packed into the
 * `<prefix>-guardrails-<n>` SCPs (see pack.ts), so every guardrail's control owns those policies
 * and their root attachments; its answers switch is `guardrails.<key>`.
 */
import { ANY, resource, type Control } from "../controls/control.js";
import { GUARDRAIL_IDS } from "./guardrails.js";
import type { GuardrailKey } from "./scp.js";

const PACKED_SCP = `${ANY}-guardrails-${ANY}`;

const SCP_TEST = "test/unit/guardrails.test.ts";
/** The synthesized policies evaluated together by an IAM policy evaluator. */
const EVAL = "test/policy/evaluation.test.ts";

function scp(
  key: GuardrailKey,
  control: Omit<Control, "stacks" | "resources" | "switch">,
): Control {
  const { id, title, cis, verifiedBy } = control;
  return {
    id,
    title,
    cis,
    stacks: ["org"],
    resources: [
      resource("aws_organizations_policy", PACKED_SCP),
      resource(
        "aws_organizations_policy_attachment",
        `${PACKED_SCP}${GUARDRAIL_IDS.attachmentSuffix}`,
      ),
    ],
    switch: `guardrails.${key}`,
    verifiedBy,
  };
}

export const GUARDRAIL_CONTROLS: readonly Control[] = [
  scp("denyLeavingOrganization", {
    id: "SCP.1",
    title: "Member accounts cannot leave the organization",
    cis: [],
    verifiedBy: [
      `${SCP_TEST} › deny leaving the organization`,
      `${EVAL} › nobody in a member account can leave the organization: member admin, deploy role, access role`,
    ],
  }),
  scp("protectBaselineRoles", {
    id: "SCP.6",
    title:
      "Deploy and access roles changed only by themselves; the roles people use only by the deploy role",
    cis: [],
    verifiedBy: [
      `${SCP_TEST} › the deploy and access roles change only through themselves; people's roles only through the deploy role`,
      `${EVAL} › member-account administrator cannot change the deploy role's trust policy; the deploy role can`,
      `${EVAL} › member-account administrator cannot change or widen the access role`,
      `${EVAL} › member-account administrator cannot open the people's roles to another account; the deploy role manages them`,
    ],
  }),
  scp("protectCloudTrail", {
    id: "SCP.2",
    title:
      "Trail, log buckets and trail key protected (deploy role only); logs, buckets and the key never destroyed",
    cis: ["3.1", "3.2", "3.5"],
    verifiedBy: [
      `${SCP_TEST} › protect the trail, its buckets and key, exempting only the deploy role`,
      `${EVAL} › member-account administrator cannot stop or delete the organization trail`,
      `${EVAL} › nobody in the log-archive account can delete log objects: member admin, deploy role, access role`,
      `${EVAL} › member-account administrator and access role cannot put a lifecycle rule on the trail bucket`,
      `${EVAL} › nobody in the log-archive account can disable the trail key or schedule its deletion`,
      `${EVAL} › nobody can remove or overwrite the trail key's BaselineProtected tag, not even the deploy role`,
      `${EVAL} › only the deploy role can grant use of the trail key`,
    ],
  }),
  scp("protectAccountDefaults", {
    id: "SCP.3",
    title:
      "Account defaults cannot be switched off (EBS encryption, S3 BPA, IMDSv2, Access Analyzer, password policy, alternate contacts)",
    cis: ["2.1.4", "2.2.1", "5.6", "1.20"],
    verifiedBy: [
      `${SCP_TEST} › protect account defaults`,
      `${EVAL} › member-account administrator and access role cannot turn off EBS default encryption`,
      `${EVAL} › member-account administrator and access role cannot weaken the password policy`,
      `${EVAL} › member-account administrator cannot bring a deleted default VPC back; the deploy role can`,
    ],
  }),
  scp("denyRootUser", {
    id: "SCP.4",
    title: "Root user of member accounts denied; root access keys cannot be created",
    cis: ["1.4", "1.7"],
    verifiedBy: [
      `${SCP_TEST} › deny the root user except centralized root sessions, and root access keys always`,
      `${EVAL} › member root user can do nothing; a centralized root session from the management account can`,
    ],
  }),
  scp("denyRegionsOutsideEnabled", {
    id: "SCP.5",
    title:
      "Regional actions and region opt-in changes denied outside the enabled regions (optional)",
    cis: [],
    verifiedBy: [
      `${SCP_TEST} › region deny keeps global services and the deploy role working`,
      `${EVAL} › member-account administrator cannot act outside the enabled regions; global services stay allowed`,
    ],
  }),
  scp("protectDetectiveServices", {
    id: "SCP.7",
    title:
      "Config recorders and delivery channels, GuardDuty detectors, member links and exports, and Security Hub and its standards cannot be switched off",
    cis: ["3.3", "4.16"],
    verifiedBy: [
      `${SCP_TEST} › denies stopping or deleting Config, GuardDuty and Security Hub to everyone but the deploy role`,
      `${SCP_TEST} › protects only the services the baseline runs, so another tool's recorder or detector is not locked`,
      `${SCP_TEST} › protects the path findings take to people: its rules, topic and key`,
      `${EVAL} › member-account administrator and access role cannot switch off Config, GuardDuty or Security Hub; the deploy role can`,
      `${EVAL} › member-account administrator can still triage findings`,
    ],
  }),
];
