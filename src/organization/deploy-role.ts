/**
 * The deploy role: the one principal in a member account that guardrail exemptions name. It trusts
 * only named principals of the management account (whoever runs deploy, plan and drift), so neither
 * a member-account administrator nor the break-glass access role's users inherit its exemptions.
 */
import { policy, type PolicyDocument } from "../build/policy-document.js";

/** `role/x` in the management account -> its ARN (what aws:PrincipalArn carries). */
export function managementPrincipalArn(
  partition: string,
  managementId: string,
  principal: string,
): string {
  return `arn:${partition}:iam::${managementId}:${principal}`;
}

/** Trust: the management account, and within it only the named principals. */
export function deployRoleTrustPolicy(p: {
  partition: string;
  managementId: string;
  trustedPrincipals: readonly string[];
}): PolicyDocument {
  return policy({
    Sid: "TrustNamedManagementPrincipals",
    Effect: "Allow",
    // Naming the account (not each role) keeps the policy valid before those roles exist.
    Principal: { AWS: `arn:${p.partition}:iam::${p.managementId}:root` },
    Action: ["sts:AssumeRole", "sts:TagSession"],
    Condition: {
      ArnLike: {
        "aws:PrincipalArn": p.trustedPrincipals.map((t) =>
          managementPrincipalArn(p.partition, p.managementId, t),
        ),
      },
    },
  });
}
