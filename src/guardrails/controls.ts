/**
 * Controls of the guardrails area: one per SCP. Each SCP's construct id is its name
 * (`<prefix>-<suffix>`), and its attachment at the root adds the attachment suffix; both belong
 * to the control, and the SCP's answers switch is `guardrails.<key>`.
 */
import { GUARDRAIL_SUFFIXES, type GuardrailKey } from "../answers/names.js";
import { perItem, type Control } from "../controls/control.js";
import { GUARDRAIL_IDS } from "./guardrails.js";

const SCP_TEST = "test/unit/guardrails.test.ts";

function scp(
  key: GuardrailKey,
  control: Omit<Control, "stacks" | "resources" | "switch">,
): Control {
  const name = `-${GUARDRAIL_SUFFIXES[key]}`;
  const { id, title, cis, verifiedBy } = control;
  return {
    id,
    title,
    cis,
    stacks: ["org"],
    resources: [
      perItem("aws_organizations_policy", "", name),
      perItem(
        "aws_organizations_policy_attachment",
        "",
        `${name}${GUARDRAIL_IDS.attachmentSuffix}`,
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
    verifiedBy: [`${SCP_TEST} › deny leaving the organization`],
  }),
  scp("protectCloudTrail", {
    id: "SCP.2",
    title: "Trail, log buckets and trail key protected from tampering; log files never deleted",
    cis: ["3.1", "3.2", "3.5"],
    verifiedBy: [
      `${SCP_TEST} › protect the trail, its buckets and key, exempting only the access role`,
    ],
  }),
  scp("protectAccountDefaults", {
    id: "SCP.3",
    title:
      "Account defaults cannot be switched off (EBS encryption, S3 BPA, IMDSv2, Access Analyzer)",
    cis: ["2.1.4", "2.2.1", "5.6", "1.20"],
    verifiedBy: [`${SCP_TEST} › protect account defaults`],
  }),
  scp("denyRootUser", {
    id: "SCP.4",
    title: "Root user of member accounts denied; root access keys cannot be created",
    cis: ["1.4", "1.7"],
    verifiedBy: [
      `${SCP_TEST} › deny the root user except centralized root sessions, and root access keys always`,
    ],
  }),
  scp("denyRegionsOutsideEnabled", {
    id: "SCP.5",
    title: "Regional actions denied outside the enabled regions (optional)",
    cis: [],
    verifiedBy: [`${SCP_TEST} › region deny keeps global services and the access role working`],
  }),
];
