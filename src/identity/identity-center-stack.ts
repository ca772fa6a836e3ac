/**
 * `identity-center` (management account, the instance's region): people reach every account
 * through IAM Identity Center permission sets assigned to identity-store groups (CIS 1.21). The
 * instance, its identity source, the groups and their MFA setting are made by a person (manual
 * steps); the stack reads the instance and the groups and fails to plan until they exist.
 */
import {
  DataAwsIdentitystoreGroup,
  DataAwsSsoadminInstances,
  Fn,
  SsoadminAccountAssignment,
  SsoadminManagedPolicyAttachment,
  SsoadminPermissionSet,
  type Construct,
} from "../build/cdk.js";
import { AccountStack } from "../build/account-stack.js";
import type { IdentityCenterStackProps, StackTarget } from "../plan/plan.js";

/** Construct ids: per permission set `<prefix><set>`, per assignment `<assignment><set>-<account>`. */
export const IDENTITY_CENTER_IDS = {
  instance: "instance",
  groupPrefix: "group-",
  permissionSetPrefix: "permission-set-",
  policyPrefix: "permission-set-policy-",
  assignmentPrefix: "assignment-",
} as const;

export class IdentityCenterStack extends AccountStack {
  constructor(
    scope: Construct,
    name: string,
    target: StackTarget,
    props: IdentityCenterStackProps,
  ) {
    super(scope, name, target);
    const provider = this.providers.home;
    const instances = new DataAwsSsoadminInstances(this, IDENTITY_CENTER_IDS.instance, {
      provider,
    });
    const instanceArn = Fn.element(instances.arns, 0);
    const identityStoreId = Fn.element(instances.identityStoreIds, 0);
    for (const set of props.permissionSets) {
      const group = new DataAwsIdentitystoreGroup(
        this,
        `${IDENTITY_CENTER_IDS.groupPrefix}${set.name}`,
        {
          provider,
          identityStoreId,
          alternateIdentifier: {
            uniqueAttribute: { attributePath: "DisplayName", attributeValue: set.group },
          },
        },
      );
      const permissionSet = new SsoadminPermissionSet(
        this,
        `${IDENTITY_CENTER_IDS.permissionSetPrefix}${set.name}`,
        {
          provider,
          instanceArn,
          name: set.name,
          description: `${set.managedPolicy} for members of ${set.group}`.slice(0, 700),
          sessionDuration: props.sessionDuration,
        },
      );
      new SsoadminManagedPolicyAttachment(this, `${IDENTITY_CENTER_IDS.policyPrefix}${set.name}`, {
        provider,
        instanceArn,
        permissionSetArn: permissionSet.arn,
        managedPolicyArn: `arn:${this.partition}:iam::aws:policy/${set.managedPolicy}`,
      });
      for (const account of props.accounts) {
        new SsoadminAccountAssignment(
          this,
          `${IDENTITY_CENTER_IDS.assignmentPrefix}${set.name}-${account.name}`,
          {
            provider,
            instanceArn,
            permissionSetArn: permissionSet.arn,
            principalType: "GROUP",
            principalId: group.groupId,
            targetType: "AWS_ACCOUNT",
            targetId: account.accountId,
          },
        );
      }
    }
  }
}
