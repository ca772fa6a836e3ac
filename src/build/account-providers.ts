/**
 * AWS providers for one account: a default provider in the home region plus one aliased provider
 * per other enabled region. Provider v5 has no per-resource `region`, so regional controls pick the
 * provider of their region through `forRegion`.
 */
import { AwsProvider, type Construct } from "./cdk.js";
import { providerEmulation, type Emulator } from "../answers/emulator.js";
import { MANAGED_BY_TAG, partitionOf, ROLE_SESSION_NAME, roleArn } from "../answers/names.js";
import { providerKnowsRegion } from "../answers/regions.js";
import type { TargetAccount } from "../plan/plan.js";

export interface AccountProvidersProps {
  readonly account: TargetAccount;
  /** The home region: the default (un-aliased) provider's region. */
  readonly homeRegion: string;
  /** Regions that get an aliased provider. @default - only the home region */
  readonly regions?: readonly string[];
  /**
   * Role assumed in member accounts (the deploy role; the access role for the access stack).
   * Management-account stacks run with the caller's credentials.
   */
  readonly memberRoleName: string;
  /** Tags on every resource. */
  readonly tags: Record<string, string>;
  /** Point every provider at a local AWS emulator. @default - real AWS */
  readonly emulator?: Emulator;
}

export class AccountProviders {
  readonly home: AwsProvider;
  private readonly byRegion = new Map<string, AwsProvider>();

  constructor(scope: Construct, props: AccountProvidersProps) {
    const { account, homeRegion } = props;
    const partition = partitionOf(homeRegion);
    const { emulator } = props;
    const common = {
      // Emulators do not report the account ID, so the guard is left to real AWS.
      allowedAccountIds: account.accountId && !emulator ? [account.accountId] : undefined,
      // Member accounts are reached through the deploy role; management runs as the caller.
      assumeRole:
        account.kind === "member"
          ? [
              {
                roleArn: roleArn(partition, account.accountId, props.memberRoleName),
                sessionName: ROLE_SESSION_NAME,
              },
            ]
          : undefined,
      defaultTags: [{ tags: { ...MANAGED_BY_TAG, ...props.tags } }],
      ...(emulator ? providerEmulation(emulator) : {}),
    };
    // A region newer than the pinned provider (or let in by regions.allowUnknown) would be
    // "invalid AWS Region" to it: validation already checked the name.
    const inRegion = (region: string) => ({
      region,
      ...common,
      ...(providerKnowsRegion(region) ? {} : { skipRegionValidation: true }),
    });
    this.home = new AwsProvider(scope, "aws", inRegion(homeRegion));
    this.byRegion.set(homeRegion, this.home);
    for (const region of props.regions ?? []) {
      if (this.byRegion.has(region)) continue;
      this.byRegion.set(
        region,
        new AwsProvider(scope, `aws-${region}`, { alias: region, ...inRegion(region) }),
      );
    }
  }

  /** The provider for a region; throws for regions without a provider (a programming error). */
  forRegion(region: string): AwsProvider {
    const provider = this.byRegion.get(region);
    if (!provider) throw new Error(`AccountProviders: no provider for region ${region}`);
    return provider;
  }

  get regions(): string[] {
    return [...this.byRegion.keys()];
  }
}
