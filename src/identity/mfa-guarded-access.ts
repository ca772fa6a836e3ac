/**
 * A group of people plus the role that holds their rights. The group alone can do nothing but
 * MFA self-service without MFA; its rights come from assuming the role with a recent MFA sign-in.
 * The managed policy is attached to the role, never to the group or users (CIS 1.16). People sign
 * in to the management account only, so member accounts get the role, trusting the management
 * account's users, and no group.
 */
import {
  Construct,
  IamGroup,
  IamGroupPolicy,
  IamRole,
  IamRolePolicyAttachment,
  type AwsProvider,
} from "../build/cdk.js";
import { renderPolicy } from "../build/policy-document.js";
import { humanRoleTrustPolicy, mfaGroupPolicy } from "./policies.js";

/** Construct ids inside each MfaGuardedAccess (controls name resources by these). */
export const MFA_ACCESS_IDS = {
  role: "role",
  rolePolicy: "role-policy",
  group: "group",
  groupPolicy: "group-policy",
} as const;

export interface MfaGuardedAccessProps {
  readonly provider: AwsProvider;
  readonly partition: string;
  readonly accountId: string;
  readonly groupName: string;
  readonly roleName: string;
  /** AWS managed policy name, e.g. AdministratorAccess or job-function/Billing. */
  readonly managedPolicy: string;
  readonly maxMfaAgeSeconds: number;
  /** Other roles the group may assume the same way (the admins: the support role). */
  readonly alsoAssumes?: readonly string[];
  /** Member accounts: where people sign in. @default - this account (the management account) */
  readonly signIn?: { readonly managementId: string; readonly organizationId: string };
}

export class MfaGuardedAccess extends Construct {
  /** Only where people sign in (the management account). */
  readonly group?: IamGroup;
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: MfaGuardedAccessProps) {
    super(scope, id);
    const { provider, partition, accountId, maxMfaAgeSeconds } = props;
    this.role = new IamRole(this, MFA_ACCESS_IDS.role, {
      provider,
      name: props.roleName,
      description: `${props.managedPolicy} for members of ${props.groupName}, MFA required`,
      assumeRolePolicy: renderPolicy(
        humanRoleTrustPolicy({ partition, accountId, maxMfaAgeSeconds, signIn: props.signIn }),
      ),
      maxSessionDuration: 3600,
    });
    new IamRolePolicyAttachment(this, MFA_ACCESS_IDS.rolePolicy, {
      provider,
      role: this.role.name,
      policyArn: `arn:${partition}:iam::aws:policy/${props.managedPolicy}`,
    });
    if (props.signIn) return;
    this.group = new IamGroup(this, MFA_ACCESS_IDS.group, { provider, name: props.groupName });
    new IamGroupPolicy(this, MFA_ACCESS_IDS.groupPolicy, {
      provider,
      name: "mfa-required-then-assume-role",
      group: this.group.name,
      policy: renderPolicy(
        mfaGroupPolicy({
          partition,
          accountId,
          roleNames: [props.roleName, ...(props.alsoAssumes ?? [])],
          maxMfaAgeSeconds,
        }),
      ),
    });
  }
}
