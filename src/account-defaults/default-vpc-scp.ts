/**
 * The SCP statement that keeps deleted default VPCs deleted: nobody in a member account may create
 * a default VPC or default subnet again, except the principals the pattern names (the baseline's
 * deploy role). Pure data, so the guardrails can combine it with their own statements.
 */
import type { PolicyStatement } from "../build/policy-document.js";

/** Actions that bring a default VPC or default subnet (with public IPs) back. */
export const DEFAULT_VPC_CREATE_ACTIONS = ["ec2:CreateDefaultSubnet", "ec2:CreateDefaultVpc"];

/**
 * Denies ec2:CreateDefaultVpc and ec2:CreateDefaultSubnet in every region to everyone but the
 * principals matching `exemptPrincipalArnPattern`, an `aws:PrincipalArn` pattern such as
 * `arn:aws:iam::*:role/<deploy role>`.
 */
export function denyDefaultVpcCreation(exemptPrincipalArnPattern: string): PolicyStatement {
  return {
    Sid: "DenyDefaultVpcCreation",
    Effect: "Deny",
    Action: DEFAULT_VPC_CREATE_ACTIONS,
    Resource: "*",
    Condition: { ArnNotLike: { "aws:PrincipalArn": exemptPrincipalArnPattern } },
  };
}
