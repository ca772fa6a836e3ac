/**
 * The management account hands the detective services to the security account: Config (the
 * organization aggregator, and conformance packs), IAM Access Analyzer, GuardDuty (in every
 * enabled region: its administrator is regional) and Security Hub (in the home region: central
 * configuration covers the linked regions). Nothing else of these services runs here.
 */
import {
  Construct,
  GuarddutyOrganizationAdminAccount,
  OrganizationsDelegatedAdministrator,
  SecurityhubOrganizationAdminAccount,
} from "../build/cdk.js";
import type { AccountStack } from "../build/account-stack.js";
import type { DetectiveDelegationPlan } from "../plan/plan.js";

export const DELEGATION_IDS = {
  /** Followed by the service name (config, config-multiaccountsetup, access-analyzer). */
  delegatedAdminPrefix: "delegated-admin-",
  guardDutyAdminPrefix: "guardduty-admin-",
  securityHubAdmin: "securityhub-admin",
} as const;

export class DetectiveDelegation extends Construct {
  constructor(scope: Construct, id: string, stack: AccountStack, props: DetectiveDelegationPlan) {
    super(scope, id);
    const ids = DELEGATION_IDS;
    const home = stack.providers.home;
    const { securityId } = props;
    const services = [
      ...(props.config ? ["config"] : []),
      ...(props.conformancePack ? ["config-multiaccountsetup"] : []),
      ...(props.accessAnalyzer ? ["access-analyzer"] : []),
    ];
    for (const service of services) {
      new OrganizationsDelegatedAdministrator(this, `${ids.delegatedAdminPrefix}${service}`, {
        provider: home,
        accountId: securityId,
        servicePrincipal: `${service}.amazonaws.com`,
      });
    }
    if (props.guardDuty) {
      for (const region of stack.providers.regions) {
        const provider = stack.providers.forRegion(region);
        const admin = new GuarddutyOrganizationAdminAccount(
          this,
          `${ids.guardDutyAdminPrefix}${region}`,
          { provider, adminAccountId: securityId },
        );
        if (props.adopt.guardDutyAdmin) admin.importFrom(securityId, provider);
      }
    }
    if (props.securityHub) {
      const admin = new SecurityhubOrganizationAdminAccount(this, ids.securityHubAdmin, {
        provider: home,
        adminAccountId: securityId,
      });
      if (props.adopt.securityHubAdmin) admin.importFrom(securityId, home);
    }
  }
}
