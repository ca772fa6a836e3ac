/**
 * AWS SDK clients for discovery. Credentials come only from the SDK's standard chain (env,
 * profiles, SSO, container/instance roles): nothing here reads or stores a secret. Throttling is
 * retried by the SDK itself (adaptive mode backs off and rate-limits on TooManyRequestsException).
 * In emulator mode every client talks to the emulator's URL instead.
 */
import { AccountClient } from "@aws-sdk/client-account";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { ConfigServiceClient } from "@aws-sdk/client-config-service";
import { GuardDutyClient } from "@aws-sdk/client-guardduty";
import { IAMClient } from "@aws-sdk/client-iam";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { SecurityHubClient } from "@aws-sdk/client-securityhub";
import { STSClient } from "@aws-sdk/client-sts";
import { EMULATOR_CREDENTIALS, needsDummyCredentials } from "../answers/emulator.js";
import { BaselineError } from "../errors.js";

export interface AwsOptions {
  /** Named profile from ~/.aws/config. @default - AWS_PROFILE, then the rest of the chain */
  readonly profile?: string;
  /** Region for regional calls (CloudTrail). @default - the answers' home region */
  readonly region: string;
  /** Local emulator URL (emulator mode). @default - real AWS */
  readonly endpointUrl?: string;
  /** Attempts per call, throttling included. @default 8 */
  readonly maxAttempts?: number;
  /** Test seam: an HTTP handler that replaces the network (the SDK's middleware still runs). */
  readonly requestHandler?: unknown;
}

/** Temporary credentials of another account (STS AssumeRole), for reading inside it. */
export interface RoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration?: Date;
}

/** The detective services' clients for one account and region; the caller destroys them. */
export interface RegionalClients {
  readonly config: ConfigServiceClient;
  readonly guardDuty: GuardDutyClient;
  readonly securityHub: SecurityHubClient;
  destroy(): void;
}

export interface AwsClients {
  readonly organizations: OrganizationsClient;
  readonly sts: STSClient;
  readonly iam: IAMClient;
  readonly cloudtrail: CloudTrailClient;
  readonly account: AccountClient;
  /**
   * Clients for a region, as the caller or (with `credentials`) as an assumed role. Created on
   * demand because discovery visits every enabled region, and member accounts one at a time.
   */
  readonly regional: (region: string, credentials?: RoleCredentials) => RegionalClients;
  /** IAM (global) as an assumed role in another account; the caller destroys it. */
  readonly iamAs: (credentials: RoleCredentials) => IAMClient;
}

/** Organizations, IAM and Account are global services served from us-east-1 (aws partition). */
const GLOBAL_REGION = "us-east-1";

// The SDK warns on Node < 22 about its future releases; our SDK version is pinned, so the
// warning is noise for users (the Node 22 move is tracked with the cdktn move in the README).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/**
 * What every client shares: the profile, adaptive retries and, in emulator mode, the emulator URL
 * (with the dummy credentials when the chain has none). Regions are set per client.
 */
export function clientConfig(options: Omit<AwsOptions, "region">) {
  return {
    profile: options.profile,
    maxAttempts: options.maxAttempts ?? 8,
    retryMode: "adaptive",
    ...(options.endpointUrl
      ? {
          endpoint: options.endpointUrl,
          ...(needsDummyCredentials(process.env, options.profile)
            ? { credentials: EMULATOR_CREDENTIALS }
            : {}),
        }
      : {}),
    ...(options.requestHandler ? { requestHandler: options.requestHandler as never } : {}),
  } as const;
}

export function createClients(options: AwsOptions): AwsClients {
  const common = clientConfig(options);
  return {
    organizations: new OrganizationsClient({ ...common, region: GLOBAL_REGION }),
    sts: new STSClient({ ...common, region: options.region }),
    iam: new IAMClient({ ...common, region: GLOBAL_REGION }),
    cloudtrail: new CloudTrailClient({ ...common, region: options.region }),
    account: new AccountClient({ ...common, region: GLOBAL_REGION }),
    regional: (region, credentials) => {
      // Role credentials replace the chain (and the emulator's dummy pair) for that account.
      const config = { ...common, region, ...(credentials ? { credentials } : {}) };
      const clients = {
        config: new ConfigServiceClient(config),
        guardDuty: new GuardDutyClient(config),
        securityHub: new SecurityHubClient(config),
      };
      return {
        ...clients,
        destroy: () => Object.values(clients).forEach((client) => client.destroy()),
      };
    },
    iamAs: (credentials) => new IAMClient({ ...common, region: GLOBAL_REGION, credentials }),
  };
}

export function destroyClients(clients: AwsClients): void {
  const { regional: _made_on_demand, iamAs: _made_on_demand_too, ...fixed } = clients;
  for (const client of Object.values(fixed)) client.destroy();
}

/** IAM actions `accounts sync` and `accounts discover` call (all read-only); see README. */
export const REQUIRED_ACTIONS = {
  sync: [
    "sts:GetCallerIdentity",
    "organizations:DescribeOrganization",
    "organizations:ListRoots",
    "organizations:ListAccounts",
  ],
  discover: [
    "organizations:ListOrganizationalUnitsForParent",
    "organizations:ListAccountsForParent",
    "organizations:ListPolicies",
    "organizations:ListTargetsForPolicy",
    "organizations:ListPoliciesForTarget",
    "cloudtrail:DescribeTrails",
    "iam:GetAccountPasswordPolicy",
    "account:ListRegions",
    "organizations:ListDelegatedAdministrators",
    "organizations:ListAWSServiceAccessForOrganization",
    "config:DescribeConfigurationRecorders",
    "config:DescribeDeliveryChannels",
    "guardduty:ListDetectors",
    "guardduty:ListOrganizationAdminAccounts",
    "securityhub:ListOrganizationAdminAccounts",
    "iam:GetRole",
  ],
  /**
   * `accounts discover --inspect-members`: assuming the access role; the member-account reads
   * (Config's two Describe calls, guardduty:ListDetectors, iam:GetRole) then run as that role.
   */
  discoverMembers: ["sts:AssumeRole"],
} as const;

const CREDENTIAL_ERRORS = new Set([
  "CredentialsProviderError",
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "TokenRefreshRequired",
]);

/**
 * Turns an SDK failure into a BaselineError that says what to do. `action` names the call, so an
 * access-denied error says which permission is missing.
 */
export function awsError(error: unknown, action: string): BaselineError {
  if (error instanceof BaselineError) return error;
  const e = error as { name?: string; message?: string };
  const name = e.name ?? "Error";
  const message = (e.message ?? String(error)).split("\n")[0] as string;
  if (CREDENTIAL_ERRORS.has(name)) {
    return new BaselineError("AWS_NO_CREDENTIALS", `no usable AWS credentials: ${message}`, {
      cause: error,
      hint:
        "sign in with the standard AWS chain, e.g. `aws sso login --profile mgmt` then --profile mgmt " +
        "(or AWS_PROFILE), or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY in the environment",
    });
  }
  if (name === "AccessDeniedException" || name === "AccessDenied") {
    return new BaselineError("AWS_ACCESS_DENIED", `${action} was denied: ${message}`, {
      cause: error,
      hint: "run as a principal of the management account with the read-only policy in the README (section 'accounts')",
    });
  }
  if (name === "AWSOrganizationsNotInUseException") {
    return new BaselineError(
      "AWS_NO_ORGANIZATION",
      "the caller's account is not in an organization",
      {
        cause: error,
        hint: "create the organization with the org stack first (`aws-baseline deploy --stack org`), or sign in to the management account",
      },
    );
  }
  return new BaselineError("AWS_REQUEST_FAILED", `${action} failed: ${name}: ${message}`, {
    cause: error,
    hint: "check the network, the region and the emulator URL if you use one",
  });
}
