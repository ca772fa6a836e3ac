/**
 * The organization: all features, trusted access for the services the baseline uses, the OU tree
 * from the answers, member accounts (never closed by Terraform) and centralized root access.
 */
import {
  Construct,
  IamOrganizationsFeatures,
  OrganizationsAccount,
  OrganizationsOrganization,
  OrganizationsOrganizationalUnit,
  type AwsProvider,
} from "../build/cdk.js";
import type { OrgStackProps } from "../plan/plan.js";

/** Services that act across the organization for the baseline. */
export const TRUSTED_SERVICES = [
  "access-analyzer.amazonaws.com",
  "account.amazonaws.com",
  "cloudtrail.amazonaws.com",
  "config.amazonaws.com",
  "iam.amazonaws.com", // centralized root access
  "sso.amazonaws.com",
] as const;

/** Construct ids of the organization's resources (controls name resources by these). */
export const ORGANIZATION_IDS = {
  organization: "organization",
  /** Followed by the OU path. */
  ouPrefix: "ou-",
  /** Followed by the account name. */
  accountPrefix: "account-",
  centralRootAccess: "central-root-access",
} as const;

/** Construct id for an OU path ("Workloads/dev" -> "ou-Workloads-dev"). */
function ouId(path: string): string {
  return `${ORGANIZATION_IDS.ouPrefix}${path.replaceAll("/", "-").replaceAll(" ", "_")}`;
}

export class Organization extends Construct {
  readonly organization: OrganizationsOrganization;
  readonly rootId: string;
  readonly units = new Map<string, OrganizationsOrganizationalUnit>();
  readonly accounts = new Map<string, OrganizationsAccount>();

  constructor(
    scope: Construct,
    id: string,
    props: OrgStackProps & { readonly provider: AwsProvider },
  ) {
    super(scope, id);
    const { provider, adopt } = props;
    this.organization = new OrganizationsOrganization(this, ORGANIZATION_IDS.organization, {
      provider,
      featureSet: "ALL",
      awsServiceAccessPrincipals: [
        ...TRUSTED_SERVICES.filter(
          (service) => service !== "iam.amazonaws.com" || props.iamTrustedAccess,
        ),
        ...props.detectiveTrustedServices,
      ].sort(),
      enabledPolicyTypes: ["SERVICE_CONTROL_POLICY"],
      lifecycle: { preventDestroy: true },
    });
    // Brownfield: adopt what exists (import blocks) rather than try to create it again.
    if (adopt.organization && props.organizationId) {
      this.organization.importFrom(props.organizationId, provider);
    }
    this.rootId = this.organization.roots.get(0).id;

    // Parents come before children (organizationalUnits is sorted), so lookups always hit.
    for (const path of props.organizationalUnits) {
      const slash = path.lastIndexOf("/");
      const parentId = slash < 0 ? this.rootId : this.unit(path.slice(0, slash)).id;
      const unit = new OrganizationsOrganizationalUnit(this, ouId(path), {
        provider,
        name: path.slice(slash + 1),
        parentId,
      });
      const existing = adopt.organizationalUnits[path];
      if (existing) unit.importFrom(existing, provider);
      this.units.set(path, unit);
    }

    for (const account of props.accounts) {
      const resource = new OrganizationsAccount(
        this,
        `${ORGANIZATION_IDS.accountPrefix}${account.name}`,
        {
          provider,
          name: account.displayName ?? account.name,
          email: account.email,
          parentId: this.unit(account.ou).id,
          roleName: props.accessRoleName,
          closeOnDeletion: false,
          iamUserAccessToBilling: "ALLOW",
          // Accounts hold workloads: removing one from the answers must never close it.
          // role_name and billing access are create-time settings AWS cannot read back.
          lifecycle: {
            preventDestroy: true,
            ignoreChanges: ["role_name", "iam_user_access_to_billing"],
          },
        },
      );
      if (adopt.accounts && account.accountId) resource.importFrom(account.accountId, provider);
      this.accounts.set(account.name, resource);
    }

    if (props.guardrails.centralRootAccess) {
      new IamOrganizationsFeatures(this, ORGANIZATION_IDS.centralRootAccess, {
        provider,
        enabledFeatures: ["RootCredentialsManagement", "RootSessions"],
        dependsOn: [this.organization],
      });
    }
  }

  private unit(path: string): OrganizationsOrganizationalUnit {
    const unit = this.units.get(path);
    if (!unit) throw new Error(`Organization: OU ${path} is not planned`);
    return unit;
  }
}
