/**
 * IAM policies for human access. Pattern: people are IAM users of the management account, in a
 * group; the group can do almost nothing without MFA; real rights come from a role of the same
 * name in every account of the organization, which only an MFA session of the management account
 * may assume. Self-service follows AWS's "manage own credentials with MFA" example policy.
 */
import { policy, type PolicyDocument } from "../build/policy-document.js";

/**
 * What a user may do before signing in with MFA: see the policy, set the forced first password,
 * enrol a (named or backup) MFA device, and remove a half-created one.
 */
export const SELF_SERVICE_WITHOUT_MFA = [
  "iam:ChangePassword",
  "iam:CreateVirtualMFADevice",
  "iam:DeleteVirtualMFADevice",
  "iam:EnableMFADevice",
  "iam:GetAccountPasswordPolicy",
  "iam:GetMFADevice",
  "iam:GetUser",
  "iam:ListMFADevices",
  "iam:ListVirtualMFADevices",
  "iam:ResyncMFADevice",
  "sts:GetSessionToken",
] as const;

/** MFA recent enough for the role: present, and signed in less than `maxMfaAgeSeconds` ago. */
function recentMfa(maxMfaAgeSeconds: number) {
  return {
    Bool: { "aws:MultiFactorAuthPresent": "true" },
    NumericLessThan: { "aws:MultiFactorAuthAge": String(maxMfaAgeSeconds) },
  };
}

/** The trust of a human role: this account's users (management), else the management account's. */
export function humanRoleTrustPolicy(p: {
  partition: string;
  accountId: string;
  maxMfaAgeSeconds: number;
  signIn?: { readonly managementId: string; readonly organizationId: string };
}): PolicyDocument {
  return p.signIn
    ? crossAccountMfaTrustPolicy({ ...p, ...p.signIn })
    : mfaTrustPolicy({
        partition: p.partition,
        accountId: p.accountId,
        maxMfaAgeSeconds: p.maxMfaAgeSeconds,
      });
}

/**
 * The group policy: self-service on one's own password and MFA devices, `sts:AssumeRole` on the
 * group's role in any account of this organization only with a fresh MFA sign-in, and an explicit
 * deny of everything else without MFA.
 */
export function mfaGroupPolicy(p: {
  partition: string;
  accountId: string;
  /** The group's roles (the admins also get the support role). */
  roleNames: readonly string[];
  maxMfaAgeSeconds: number;
}): PolicyDocument {
  const self = `arn:${p.partition}:iam::${p.accountId}:user/\${aws:username}`;
  return policy(
    {
      Sid: "ViewAccountPasswordPolicyAndMfaDevices",
      Effect: "Allow",
      Action: ["iam:GetAccountPasswordPolicy", "iam:ListVirtualMFADevices"],
      Resource: "*",
    },
    {
      Sid: "ManageOwnPasswordAndMfa",
      Effect: "Allow",
      Action: [
        "iam:ChangePassword",
        "iam:EnableMFADevice",
        "iam:GetLoginProfile",
        "iam:GetMFADevice",
        "iam:GetUser",
        "iam:ListMFADevices",
        "iam:ResyncMFADevice",
      ],
      Resource: self,
    },
    {
      // Devices may be named freely (the console does) and a user may keep a backup device;
      // an unassigned, half-created device can be deleted again (assigned ones cannot be).
      Sid: "CreateAndRemoveOwnVirtualMfaDevices",
      Effect: "Allow",
      Action: ["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"],
      Resource: `arn:${p.partition}:iam::${p.accountId}:mfa/*`,
    },
    {
      // Deactivating MFA is allowed only in an MFA session, so a stolen password cannot remove it.
      Sid: "DeactivateOwnMfaOnlyWithMfa",
      Effect: "Allow",
      Action: "iam:DeactivateMFADevice",
      Resource: self,
      Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
    },
    {
      // The group's role in any account of this organization, never a same-named role outside it.
      Sid: "AssumeRoleInOrganizationOnlyWithRecentMfa",
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Resource: p.roleNames.map((r) => `arn:${p.partition}:iam::*:role/${r}`),
      Condition: {
        ...recentMfa(p.maxMfaAgeSeconds),
        StringEquals: { "aws:ResourceOrgID": "${aws:PrincipalOrgID}" },
      },
    },
    {
      Sid: "DenyAllExceptSelfServiceWithoutMfa",
      Effect: "Deny",
      NotAction: SELF_SERVICE_WITHOUT_MFA,
      Resource: "*",
      Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
    },
  );
}

/** Trust in the management account: its own users, only with a recent MFA sign-in. */
export function mfaTrustPolicy(p: {
  partition: string;
  accountId: string;
  maxMfaAgeSeconds: number;
}): PolicyDocument {
  return policy({
    Sid: "TrustThisAccountsUsersWithMfa",
    Effect: "Allow",
    Principal: { AWS: `arn:${p.partition}:iam::${p.accountId}:root` },
    Action: "sts:AssumeRole",
    Condition: {
      ...recentMfa(p.maxMfaAgeSeconds),
      ArnLike: { "aws:PrincipalArn": `arn:${p.partition}:iam::${p.accountId}:user/*` },
    },
  });
}

/**
 * Trust in a member account: people of the management account (IAM users, so a role there cannot
 * chain in), from this organization, with a recent MFA sign-in. Which group may assume which role
 * is decided by the group policies in the management account.
 */
export function crossAccountMfaTrustPolicy(p: {
  partition: string;
  managementId: string;
  organizationId: string;
  maxMfaAgeSeconds: number;
}): PolicyDocument {
  return policy({
    Sid: "TrustManagementUsersWithMfa",
    Effect: "Allow",
    Principal: { AWS: `arn:${p.partition}:iam::${p.managementId}:root` },
    Action: "sts:AssumeRole",
    Condition: {
      ...recentMfa(p.maxMfaAgeSeconds),
      StringEquals: { "aws:PrincipalOrgID": p.organizationId },
      ArnLike: { "aws:PrincipalArn": `arn:${p.partition}:iam::${p.managementId}:user/*` },
    },
  });
}
