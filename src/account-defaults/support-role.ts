/**
 * CIS 1.17: a role for managing incidents with AWS Support, holding the AWS managed
 * `AWSSupportAccess` policy, in every account. Who may assume it is one small function
 * (`supportRoleTrustPolicy`), so the trust model can change with the rest of human access
 * without touching the role.
 */
import { Construct, IamRole, IamRolePolicyAttachment, type AwsProvider } from "../build/cdk.js";
import { policy, renderPolicy, type PolicyDocument } from "../build/policy-document.js";

/** The support role's name in every account. */
export const SUPPORT_ROLE_NAME = "BaselineSupport";

/** The AWS managed policy CIS 1.17 asks for. */
export const SUPPORT_POLICY = "AWSSupportAccess";

/**
 * Construct ids inside the SupportRole. Not plain "role": controls match ids as whole parts of a
 * resource's name, and the identity area's roles use that id.
 */
export const SUPPORT_ROLE_IDS = { role: "iam-role", policy: "managed-policy" } as const;

/**
 * Who may assume the support role: IAM principals of this account (their own policies must allow
 * `sts:AssumeRole` on it), and only in an MFA session.
 */
export function supportRoleTrustPolicy(p: {
  partition: string;
  accountId: string;
}): PolicyDocument {
  return policy({
    Sid: "AccountPrincipalsWithMfa",
    Effect: "Allow",
    Principal: { AWS: `arn:${p.partition}:iam::${p.accountId}:root` },
    Action: "sts:AssumeRole",
    Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
  });
}

export interface SupportRoleProps {
  readonly provider: AwsProvider;
  readonly partition: string;
  readonly accountId: string;
  /** The trust policy. @default - supportRoleTrustPolicy: this account's principals, with MFA */
  readonly trustPolicy?: PolicyDocument;
}

export class SupportRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: SupportRoleProps) {
    super(scope, id);
    const { provider, partition, accountId } = props;
    this.role = new IamRole(this, SUPPORT_ROLE_IDS.role, {
      provider,
      name: SUPPORT_ROLE_NAME,
      description: "Opens and manages AWS Support cases (CIS 1.17), MFA required",
      assumeRolePolicy: renderPolicy(
        props.trustPolicy ?? supportRoleTrustPolicy({ partition, accountId }),
      ),
      maxSessionDuration: 3600,
    });
    new IamRolePolicyAttachment(this, SUPPORT_ROLE_IDS.policy, {
      provider,
      role: this.role.name,
      policyArn: `arn:${partition}:iam::aws:policy/${SUPPORT_POLICY}`,
    });
  }
}
