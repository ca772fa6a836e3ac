/**
 * `access-<account>` (each member account): creates the deploy role through the access role
 * Organizations made. Every other member stack then deploys as the deploy role, and the access role
 * is left for break-glass (its use raises an alarm in the org trail stack).
 */
import { IamRole, IamRolePolicyAttachment, type Construct } from "../build/cdk.js";
import { AccountStack } from "../build/account-stack.js";
import { renderPolicy } from "../build/policy-document.js";
import type { AccessStackProps, StackTarget } from "../plan/plan.js";
import { deployRoleTrustPolicy } from "./deploy-role.js";

/** Construct ids of the access stack (controls name resources by these). */
export const ACCESS_IDS = {
  deployRole: "deploy-role",
  deployRolePolicy: "deploy-role-admin",
} as const;

export class AccessStack extends AccountStack {
  constructor(scope: Construct, name: string, target: StackTarget, props: AccessStackProps) {
    super(scope, name, target);
    const provider = this.providers.home;
    const role = new IamRole(this, ACCESS_IDS.deployRole, {
      provider,
      name: props.deployRoleName,
      description:
        "aws-baseline deploys every stack of this account with this role; guardrails exempt only it",
      assumeRolePolicy: renderPolicy(
        deployRoleTrustPolicy({
          partition: this.partition,
          managementId: props.managementId,
          trustedPrincipals: props.trustedPrincipals,
        }),
      ),
      maxSessionDuration: 3600,
    });
    // The baseline manages IAM, KMS, S3, VPCs and more in this account: nothing narrower covers it.
    new IamRolePolicyAttachment(this, ACCESS_IDS.deployRolePolicy, {
      provider,
      role: role.name,
      policyArn: `arn:${this.partition}:iam::aws:policy/AdministratorAccess`,
    });
  }
}
