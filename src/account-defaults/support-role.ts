/**
 * CIS 1.17: a role for managing incidents with AWS Support, holding the AWS managed
 * `AWSSupportAccess` policy, in every account. It trusts the people the human roles trust
 * (identity's `humanRoleTrustPolicy`), so both change together.
 */
import { Construct, IamRole, IamRolePolicyAttachment, type AwsProvider } from "../build/cdk.js";
import { HUMAN_ROLE_NAMES } from "../answers/names.js";
import { renderPolicy, type PolicyDocument } from "../build/policy-document.js";

/** The support role's name in every account. */
export const SUPPORT_ROLE_NAME = HUMAN_ROLE_NAMES.support;

/** The AWS managed policy CIS 1.17 asks for. */
export const SUPPORT_POLICY = "AWSSupportAccess";

/**
 * Construct ids inside the SupportRole. Not plain "role": controls match ids as whole parts of a
 * resource's name, and the identity area's roles use that id.
 */
export const SUPPORT_ROLE_IDS = { role: "iam-role", policy: "managed-policy" } as const;

export interface SupportRoleProps {
  readonly provider: AwsProvider;
  readonly partition: string;
  /**
   * Who may assume it: the same people as the other human roles (management-account users with
   * recent MFA; the Admins group's policy allows it), from identity's trust policies.
   */
  readonly trustPolicy: PolicyDocument;
}

export class SupportRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: SupportRoleProps) {
    super(scope, id);
    const { provider, partition } = props;
    this.role = new IamRole(this, SUPPORT_ROLE_IDS.role, {
      provider,
      name: SUPPORT_ROLE_NAME,
      description: "Opens and manages AWS Support cases (CIS 1.17), MFA required",
      assumeRolePolicy: renderPolicy(props.trustPolicy),
      maxSessionDuration: 3600,
    });
    new IamRolePolicyAttachment(this, SUPPORT_ROLE_IDS.policy, {
      provider,
      role: this.role.name,
      policyArn: `arn:${partition}:iam::aws:policy/${SUPPORT_POLICY}`,
    });
  }
}
