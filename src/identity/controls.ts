/** Controls of the identity area: password policy, MFA-guarded access and admin users. */
import { perItem, resource, type Control } from "../controls/control.js";
import { IDENTITY_IDS as IDS } from "./identity.js";
import { IDENTITY_CENTER_IDS as IC } from "./identity-center-stack.js";
import { MFA_ACCESS_IDS as MFA } from "./mfa-guarded-access.js";

const IDENTITY_TEST = "test/stacks/identity.test.ts";
const EVAL = "test/policy/evaluation.test.ts";

export const IDENTITY_CONTROLS: readonly Control[] = [
  {
    id: "IAM.1",
    title: "Password policy: length >= 14, 24 remembered, all character classes",
    cis: ["1.8", "1.9"],
    stacks: ["baseline"],
    resources: [resource("aws_iam_account_password_policy", IDS.passwordPolicy)],
    verifiedBy: [`${IDENTITY_TEST} › password policy meets CIS 1.8 and 1.9`],
  },
  {
    id: "IAM.2",
    title: "Admin group denies everything except MFA self-service without MFA",
    cis: ["1.10"],
    stacks: ["baseline"],
    resources: [
      resource("aws_iam_group_policy", MFA.groupPolicy),
      resource("aws_iam_group", MFA.group),
    ],
    switch: "identity.admins.enabled",
    verifiedBy: [
      `${IDENTITY_TEST} › admin group denies everything without MFA except self-service`,
      `${IDENTITY_TEST} › MFA self-service follows AWS's policy: named and backup devices, GetMFADevice and removing a half-created device without MFA`,
      `${EVAL} › admin user signed in without MFA cannot assume BaselineAdmin in the management account`,
      `${EVAL} › admin user without MFA may still enrol an MFA device but do nothing else`,
    ],
  },
  {
    id: "IAM.3",
    title:
      "Admin rights in every account only through a role assumable with recent MFA by management-account users of the organization; no admin policy on users or groups",
    cis: ["1.15", "1.16"],
    stacks: ["baseline"],
    resources: [
      resource("aws_iam_role", MFA.role),
      resource("aws_iam_role_policy_attachment", MFA.rolePolicy),
    ],
    switch: "identity.admins.enabled",
    verifiedBy: [
      `${IDENTITY_TEST} › admin role trusts only MFA-authenticated users of the management account, from this organization`,
      `${IDENTITY_TEST} › admin group may assume only the admin and support roles, in accounts of its organization, only with recent MFA`,
      `${IDENTITY_TEST} › no managed policy is attached to any user or group`,
      `${EVAL} › admin user with recent MFA assumes BaselineAdmin in a member account`,
      `${EVAL} › admin user whose MFA sign-in is older than the maximum age cannot assume BaselineAdmin`,
      `${EVAL} › read-only user with recent MFA cannot assume BaselineAdmin in the management or a member account`,
      `${EVAL} › management admin role session cannot chain into BaselineAdmin of a member account, even with MFA`,
      `${EVAL} › an administrator outside the organization cannot assume BaselineAdmin, even with MFA`,
    ],
  },
  {
    id: "IAM.4",
    title: "Admin users created without access keys; console passwords never stored in plain text",
    cis: ["1.11"],
    stacks: ["baseline"],
    managementOnly: true,
    resources: [
      perItem("aws_iam_user", IDS.userPrefix),
      perItem("aws_iam_user_group_membership", IDS.userPrefix, IDS.groupsSuffix),
      perItem("aws_iam_user_login_profile", IDS.userPrefix, IDS.loginSuffix),
    ],
    verifiedBy: [
      `${IDENTITY_TEST} › admin users exist only in the management account, without access keys`,
    ],
  },
];

/** The alternative identity mode: IAM Identity Center. */
export const IDENTITY_CENTER_CONTROLS: readonly Control[] = [
  {
    id: "IAM.9",
    title:
      "People reach every account through IAM Identity Center permission sets assigned to groups",
    cis: ["1.21"],
    stacks: ["identity-center"],
    resources: [
      perItem("aws_ssoadmin_permission_set", IC.permissionSetPrefix),
      perItem("aws_ssoadmin_managed_policy_attachment", IC.policyPrefix),
      perItem("aws_ssoadmin_account_assignment", IC.assignmentPrefix),
    ],
    switch: "identity.identityCenter.enabled",
    verifiedBy: [
      `test/stacks/identity-center.test.ts › every account gets each permission set, assigned to its identity-store group`,
    ],
  },
];

/** Done by a person on the management account; listed among the manual steps. */
export const IDENTITY_MANUAL_CONTROLS: readonly Control[] = [
  {
    id: "MAN.1",
    title: "Root user MFA on the management account (hardware key), no root access keys",
    cis: ["1.4", "1.5", "1.6"],
    stacks: [],
    resources: [],
    manual: true,
    verifiedBy: [
      "test/stacks/synth-output.test.ts › the marker lists stacks, pending stacks and manual steps, without absolute paths",
    ],
  },
];
