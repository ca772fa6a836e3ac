/**
 * IAM policies for human access. Pattern: people are IAM users in a group; the group can do almost
 * nothing without MFA; real rights come from a role that only an MFA session may assume.
 */
import { policy, type PolicyDocument } from "../build/policy-document.js";

/** Actions a user may perform before signing in with MFA: see the policy, set a password, enrol MFA. */
export const SELF_SERVICE_WITHOUT_MFA = [
  "iam:ChangePassword",
  "iam:CreateVirtualMFADevice",
  "iam:EnableMFADevice",
  "iam:GetAccountPasswordPolicy",
  "iam:GetUser",
  "iam:ListMFADevices",
  "iam:ListVirtualMFADevices",
  "iam:ResyncMFADevice",
  "sts:GetSessionToken",
] as const;

/**
 * The group policy: self-service on one's own password and MFA device, `sts:AssumeRole` on the
 * group's role only with a fresh MFA sign-in, and an explicit deny of everything else without MFA.
 */
export function mfaGroupPolicy(p: {
  partition: string;
  accountId: string;
  roleName: string;
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
        "iam:GetUser",
        "iam:GetLoginProfile",
        "iam:CreateVirtualMFADevice",
        "iam:EnableMFADevice",
        "iam:ListMFADevices",
        "iam:ResyncMFADevice",
      ],
      Resource: [self, `arn:${p.partition}:iam::${p.accountId}:mfa/\${aws:username}`],
    },
    {
      // Deactivating MFA is allowed only in an MFA session, so a stolen password cannot remove it.
      Sid: "DeactivateOwnMfaOnlyWithMfa",
      Effect: "Allow",
      Action: ["iam:DeactivateMFADevice", "iam:DeleteVirtualMFADevice"],
      Resource: [self, `arn:${p.partition}:iam::${p.accountId}:mfa/\${aws:username}`],
      Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
    },
    {
      Sid: "AssumeRoleOnlyWithRecentMfa",
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Resource: `arn:${p.partition}:iam::${p.accountId}:role/${p.roleName}`,
      Condition: {
        Bool: { "aws:MultiFactorAuthPresent": "true" },
        NumericLessThan: { "aws:MultiFactorAuthAge": String(p.maxMfaAgeSeconds) },
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

/** Trust policy: principals of this account only, and only with a recent MFA sign-in. */
export function mfaTrustPolicy(p: {
  partition: string;
  accountId: string;
  maxMfaAgeSeconds: number;
}): PolicyDocument {
  return policy({
    Sid: "TrustThisAccountWithMfa",
    Effect: "Allow",
    Principal: { AWS: `arn:${p.partition}:iam::${p.accountId}:root` },
    Action: "sts:AssumeRole",
    Condition: {
      Bool: { "aws:MultiFactorAuthPresent": "true" },
      NumericLessThan: { "aws:MultiFactorAuthAge": String(p.maxMfaAgeSeconds) },
    },
  });
}
