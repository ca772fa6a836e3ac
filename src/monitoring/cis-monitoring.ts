/**
 * CIS AWS Foundations Benchmark v3.0.0, section 4: one metric filter and alarm per recommendation
 * on the log group of the multi-region trail. Patterns are written exactly as the benchmark gives
 * them, because auditors and tools compare them character for character, with two deliberate
 * differences. 4.1: the benchmark's text mixes `||` and `&&` without parentheses, so the
 * exclusions (log delivery, HeadBucket) bind only the second error code; both error codes are
 * parenthesised so both carry them. 4.10: `ModifySecurityGroupRules` (the API that edits
 * existing rules in place, newer than the benchmark's list) is matched too, or a rule can be
 * opened to the internet without an alarm.
 */

export interface CisMetric {
  /** CIS v3.0.0 recommendation number. */
  readonly cis: string;
  /** Metric and alarm name. */
  readonly name: string;
  readonly pattern: string;
  /** Why the alarm matters (becomes the alarm description). */
  readonly why: string;
}

const CONSOLE_SIGNIN_WITHOUT_MFA =
  '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }';
/** The benchmark's variant that ignores sign-ins through IAM Identity Center. */
const CONSOLE_SIGNIN_WITHOUT_MFA_IAM_USERS =
  '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }';

export function cisMetrics(options: {
  consoleSigninWithoutMfa: "all-sign-ins" | "iam-users-only";
}): CisMetric[] {
  return [
    {
      cis: "4.1",
      name: "UnauthorizedAPICalls",
      pattern:
        '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }',
      why: "Unauthorized API calls reveal probing with stolen credentials and broken automation.",
    },
    {
      cis: "4.2",
      name: "ConsoleSigninWithoutMFA",
      pattern:
        options.consoleSigninWithoutMfa === "iam-users-only"
          ? CONSOLE_SIGNIN_WITHOUT_MFA_IAM_USERS
          : CONSOLE_SIGNIN_WITHOUT_MFA,
      why: "A console sign-in without MFA means a password alone opened the account.",
    },
    {
      cis: "4.3",
      name: "RootAccountUsage",
      pattern:
        '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
      why: "The root user bypasses IAM; any use of it must be explained.",
    },
    {
      cis: "4.4",
      name: "IAMPolicyChanges",
      pattern:
        "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}",
      why: "IAM policy changes alter who can do what.",
    },
    {
      cis: "4.5",
      name: "CloudTrailConfigChanges",
      pattern:
        "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }",
      why: "Changing or stopping a trail blinds the audit log.",
    },
    {
      cis: "4.6",
      name: "ConsoleAuthenticationFailures",
      pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
      why: "Repeated failed sign-ins point at password guessing.",
    },
    {
      cis: "4.7",
      name: "DisableOrDeleteCMK",
      pattern:
        "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }",
      why: "Data encrypted with a disabled or deleted key is lost.",
    },
    {
      cis: "4.8",
      name: "S3BucketPolicyChanges",
      pattern:
        "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }",
      why: "Bucket policy changes can expose data publicly.",
    },
    {
      cis: "4.9",
      name: "AWSConfigChanges",
      pattern:
        "{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }",
      why: "Stopping AWS Config removes the configuration history audits rely on.",
    },
    {
      cis: "4.10",
      name: "SecurityGroupChanges",
      pattern:
        "{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) || ($.eventName = ModifySecurityGroupRules) }",
      why: "Security group changes can open services to the internet.",
    },
    {
      cis: "4.11",
      name: "NACLChanges",
      pattern:
        "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }",
      why: "NACL changes can open subnets to unwanted traffic.",
    },
    {
      cis: "4.12",
      name: "NetworkGatewayChanges",
      pattern:
        "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }",
      why: "Gateway changes create new paths into or out of a VPC.",
    },
    {
      cis: "4.13",
      name: "RouteTableChanges",
      pattern:
        "{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }",
      why: "Route changes can send traffic around controls.",
    },
    {
      cis: "4.14",
      name: "VPCChanges",
      pattern:
        "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }",
      why: "VPC and peering changes alter what can reach what.",
    },
    {
      cis: "4.15",
      name: "OrganizationsChanges",
      pattern:
        '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
      why: "Organization changes move accounts, policies and guardrails.",
    },
  ];
}
