/**
 * Identity baseline of one account: the password policy, MFA-only human access (admin, and
 * optionally read-only and billing), and, in the management account, the admin users.
 */
import {
  Construct,
  IamAccountPasswordPolicy,
  IamUser,
  IamUserGroupMembership,
  IamUserLoginProfile,
  TerraformOutput,
} from "../build/cdk.js";
import { HUMAN_ROLE_NAMES } from "../answers/names.js";
import type { AccountStack } from "../build/account-stack.js";
import type { BaselineStackProps } from "../plan/plan.js";
import { MfaGuardedAccess } from "./mfa-guarded-access.js";

/** Optional groups beside the admin group: group name, role name, AWS managed policy. */
const READ_ONLY = {
  groupName: "ReadOnly",
  roleName: HUMAN_ROLE_NAMES.readOnly,
  managedPolicy: "ReadOnlyAccess",
} as const;
const BILLING = {
  groupName: "Billing",
  roleName: HUMAN_ROLE_NAMES.billing,
  managedPolicy: "job-function/Billing",
} as const;

/** Construct ids of the identity resources (controls name resources by these). */
export const IDENTITY_IDS = {
  passwordPolicy: "password-policy",
  /** Admin users: `user-<name>`, with `-groups` and `-login` for membership and login. */
  userPrefix: "user-",
  groupsSuffix: "-groups",
  loginSuffix: "-login",
} as const;

export class IdentityBaseline extends Construct {
  constructor(
    scope: Construct,
    id: string,
    stack: AccountStack,
    identity: BaselineStackProps["identity"],
    signIn?: BaselineStackProps["signIn"],
  ) {
    super(scope, id);
    const provider = stack.providers.home;
    const { passwordPolicy: pp, admins } = identity;

    new IamAccountPasswordPolicy(this, IDENTITY_IDS.passwordPolicy, {
      provider,
      minimumPasswordLength: pp.minimumLength,
      passwordReusePrevention: pp.reusePrevention,
      requireUppercaseCharacters: pp.requireUppercase,
      requireLowercaseCharacters: pp.requireLowercase,
      requireNumbers: pp.requireNumbers,
      requireSymbols: pp.requireSymbols,
      allowUsersToChangePassword: pp.allowUsersToChange,
      maxPasswordAge: pp.maxAgeDays,
      hardExpiry: pp.maxAgeDays ? pp.hardExpiry : undefined,
    });

    if (!admins.enabled) return;
    const common = {
      provider,
      partition: stack.partition,
      accountId: stack.accountIdRef,
      maxMfaAgeSeconds: admins.maxMfaAgeSeconds,
      signIn,
    };
    const admin = new MfaGuardedAccess(this, "admins", {
      ...common,
      groupName: admins.groupName,
      roleName: admins.roleName,
      managedPolicy: "AdministratorAccess",
      alsoAssumes: [HUMAN_ROLE_NAMES.support],
    });
    if (admins.readOnlyGroup) new MfaGuardedAccess(this, "read-only", { ...common, ...READ_ONLY });
    if (admins.billingGroup) new MfaGuardedAccess(this, "billing", { ...common, ...BILLING });

    // People sign in to the management account only, and reach the others through the roles.
    if (stack.account.kind !== "management" || !admin.group) return;
    for (const name of admins.users) {
      // No aws_iam_access_key, ever: console users start without keys (CIS 1.11).
      const userId = `${IDENTITY_IDS.userPrefix}${name}`;
      const user = new IamUser(this, userId, { provider, name, forceDestroy: false });
      new IamUserGroupMembership(this, `${userId}${IDENTITY_IDS.groupsSuffix}`, {
        provider,
        user: user.name,
        groups: [admin.group.name],
      });
      if (admins.pgpKey) {
        const login = new IamUserLoginProfile(this, `${userId}${IDENTITY_IDS.loginSuffix}`, {
          provider,
          user: user.name,
          pgpKey: admins.pgpKey,
          passwordResetRequired: true,
          // The initial password is a one-off: later resets by the user are not drift.
          lifecycle: { ignoreChanges: ["password_length", "password_reset_required", "pgp_key"] },
        });
        new TerraformOutput(this, `initial-password-${name}`, {
          value: login.encryptedPassword,
          description: `Initial console password of ${name}, encrypted to the PGP key in the answers`,
        });
      }
    }
  }
}
