/**
 * Deleting default VPCs (`accountDefaults.defaultVpc: "delete"`), as Control Tower does in new
 * accounts. Terraform cannot express it: `aws_default_vpc` creates a default VPC where none
 * exists, and deleting one means deleting its internet gateway and subnets first. So this is a
 * real step with the EC2 API, in the accounts and regions of the `baseline-<account>` stacks, as
 * the role those stacks deploy with. The only code in src/aws that changes anything.
 *
 * Safe by construction: a default VPC with any network interface (an instance, a load balancer,
 * an endpoint, a Lambda function in the VPC...) is kept and reported; the check is repeated right
 * before deleting. Every failure is reported per VPC or per region, never stopping the others.
 */
import {
  DeleteInternetGatewayCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeInternetGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  DetachInternetGatewayCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { EMULATOR_CREDENTIALS, needsDummyCredentials } from "../answers/emulator.js";
import { partitionOf, ROLE_SESSION_NAME, roleArn } from "../answers/names.js";
import type { BaselineConfig } from "../answers/resolve.js";
import { planStacks } from "../plan/plan.js";
import { mapLimit } from "../util/pool.js";

/** One account whose default VPCs are handled, and how to reach it. */
export interface DefaultVpcAccount {
  /** The account's name in the answers. */
  readonly account: string;
  /** @default - not recorded yet (the management account, reached as the caller) */
  readonly accountId?: string;
  /** The role to assume in the account. @default - none: the caller's own account (management) */
  readonly roleArn?: string;
  readonly regions: readonly string[];
}

/** Which accounts and regions: exactly those of the ready `baseline-<account>` stacks. */
export interface DefaultVpcAccounts {
  readonly accounts: readonly DefaultVpcAccount[];
  /** Accounts whose baseline stack still waits for an ID: they cannot be reached yet. */
  readonly waiting: readonly string[];
}

export function defaultVpcAccounts(config: BaselineConfig): DefaultVpcAccounts {
  const accounts: DefaultVpcAccount[] = [];
  const waiting: string[] = [];
  for (const plan of planStacks(config)) {
    if (plan.kind !== "baseline") continue;
    const build = plan.build;
    if (!build) {
      waiting.push(plan.account.name);
      continue;
    }
    const { account, homeRegion, regions, memberRoleName } = build.target;
    accounts.push({
      account: account.name,
      ...(account.accountId ? { accountId: account.accountId } : {}),
      ...(account.kind === "member"
        ? { roleArn: roleArn(partitionOf(homeRegion), account.accountId, memberRoleName) }
        : {}),
      regions,
    });
  }
  return { accounts, waiting };
}

/** A default VPC as found. */
export interface DefaultVpc {
  readonly account: string;
  readonly accountId?: string;
  readonly region: string;
  readonly vpcId: string;
  /** Network interfaces in the VPC; any at all means something uses it, and it is kept. */
  readonly networkInterfaces: number;
  readonly subnetIds: readonly string[];
  readonly internetGatewayIds: readonly string[];
}

/** A region that could not be read (role not assumable, region not enabled, access denied...). */
export interface DefaultVpcScanFailure {
  readonly account: string;
  readonly region: string;
  readonly reason: string;
}

export interface DefaultVpcScan {
  readonly found: readonly DefaultVpc[];
  readonly failures: readonly DefaultVpcScanFailure[];
}

export type DefaultVpcResult = DefaultVpc &
  (
    | { readonly status: "deleted" }
    | { readonly status: "in-use"; readonly reason: string }
    | { readonly status: "failed"; readonly reason: string }
  );

export interface DefaultVpcOptions {
  /** Named profile for the caller's credentials. @default - the standard chain */
  readonly profile?: string;
  /** Region of the STS calls (the home region). */
  readonly region: string;
  /** Local emulator URL. @default - real AWS */
  readonly endpointUrl?: string;
  /** Regions read or changed at once. @default 8 */
  readonly concurrency?: number;
  /** Attempts per call, throttling included. @default 8 */
  readonly maxAttempts?: number;
  /** A line of progress per account and region. */
  readonly onProgress?: (line: string) => void;
}

/** The IAM actions this step calls in each account (the deploy role has them). */
export const DEFAULT_VPC_ACTIONS = [
  "ec2:DescribeVpcs",
  "ec2:DescribeSubnets",
  "ec2:DescribeInternetGateways",
  "ec2:DescribeNetworkInterfaces",
  "ec2:DetachInternetGateway",
  "ec2:DeleteInternetGateway",
  "ec2:DeleteSubnet",
  "ec2:DeleteVpc",
] as const;

type Credentials = {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
};

function common(o: DefaultVpcOptions) {
  return {
    profile: o.profile,
    maxAttempts: o.maxAttempts ?? 8,
    retryMode: "adaptive",
    ...(o.endpointUrl
      ? {
          endpoint: o.endpointUrl,
          ...(needsDummyCredentials(process.env, o.profile)
            ? { credentials: EMULATOR_CREDENTIALS }
            : {}),
        }
      : {}),
  } as const;
}

/** One line from an SDK error: its name and the first line of its message. */
export function errorText(error: unknown): string {
  const e = error as { name?: string; message?: string };
  const message = (e?.message ?? String(error)).split("\n")[0];
  return e?.name && e.name !== "Error" ? `${e.name}: ${message}` : (message as string);
}

/** Reaches accounts: the caller's credentials for management, an assumed role for members. */
class Reach {
  private readonly sessions = new Map<string, Promise<Credentials | undefined>>();
  private readonly clients: { destroy(): void }[] = [];

  constructor(private readonly options: DefaultVpcOptions) {}

  private credentials(account: DefaultVpcAccount): Promise<Credentials | undefined> {
    const arn = account.roleArn;
    if (!arn) return Promise.resolve(undefined);
    let session = this.sessions.get(arn);
    if (!session) {
      const sts = new STSClient({ ...common(this.options), region: this.options.region });
      this.clients.push(sts);
      session = sts
        .send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: ROLE_SESSION_NAME }))
        .then(({ Credentials: c }) => {
          if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error(`${arn} gave no credentials`);
          return {
            accessKeyId: c.AccessKeyId,
            secretAccessKey: c.SecretAccessKey,
            ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
          };
        })
        .catch((error: unknown) => {
          throw new Error(`could not assume ${arn}: ${errorText(error)}`);
        });
      this.sessions.set(arn, session);
    }
    return session;
  }

  async ec2(account: DefaultVpcAccount, region: string): Promise<EC2Client> {
    const credentials = await this.credentials(account);
    const client = new EC2Client({
      ...common(this.options),
      region,
      ...(credentials ? { credentials } : {}),
    });
    this.clients.push(client);
    return client;
  }

  close(): void {
    for (const client of this.clients) client.destroy();
  }
}

async function networkInterfaces(ec2: EC2Client, vpcId: string): Promise<number> {
  const out = await ec2.send(
    new DescribeNetworkInterfacesCommand({
      Filters: [{ Name: "vpc-id", Values: [vpcId] }],
      MaxResults: 5,
    }),
  );
  // One page answers "is anything there"; a next page means "more than this page".
  return (out.NetworkInterfaces?.length ?? 0) + (out.NextToken ? 1 : 0);
}

async function subnetIds(ec2: EC2Client, vpcId: string): Promise<string[]> {
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const out = await ec2.send(
      new DescribeSubnetsCommand({
        Filters: [{ Name: "vpc-id", Values: [vpcId] }],
        ...(token ? { NextToken: token } : {}),
      }),
    );
    ids.push(...(out.Subnets ?? []).flatMap((s) => (s.SubnetId ? [s.SubnetId] : [])));
    token = out.NextToken;
  } while (token);
  return ids.sort();
}

async function internetGatewayIds(ec2: EC2Client, vpcId: string): Promise<string[]> {
  const out = await ec2.send(
    new DescribeInternetGatewaysCommand({
      Filters: [{ Name: "attachment.vpc-id", Values: [vpcId] }],
    }),
  );
  return (out.InternetGateways ?? [])
    .flatMap((g) => (g.InternetGatewayId ? [g.InternetGatewayId] : []))
    .sort();
}

type Task = { readonly account: DefaultVpcAccount; readonly region: string };

/** Every default VPC in the accounts' regions, with what uses it and what it holds. */
export async function scanDefaultVpcs(
  accounts: readonly DefaultVpcAccount[],
  options: DefaultVpcOptions,
): Promise<DefaultVpcScan> {
  const reach = new Reach(options);
  const tasks: Task[] = accounts.flatMap((account) =>
    account.regions.map((region) => ({ account, region })),
  );
  try {
    const results = await mapLimit(tasks, options.concurrency ?? 8, async ({ account, region }) => {
      try {
        const ec2 = await reach.ec2(account, region);
        const out = await ec2.send(
          new DescribeVpcsCommand({ Filters: [{ Name: "is-default", Values: ["true"] }] }),
        );
        const found: DefaultVpc[] = [];
        for (const vpc of out.Vpcs ?? []) {
          if (!vpc.VpcId) continue;
          found.push({
            account: account.account,
            ...(account.accountId ? { accountId: account.accountId } : {}),
            region,
            vpcId: vpc.VpcId,
            networkInterfaces: await networkInterfaces(ec2, vpc.VpcId),
            subnetIds: await subnetIds(ec2, vpc.VpcId),
            internetGatewayIds: await internetGatewayIds(ec2, vpc.VpcId),
          });
        }
        options.onProgress?.(
          `${account.account} ${region}: ${found.length === 0 ? "no default VPC" : found.map((f) => f.vpcId).join(", ")}`,
        );
        return { found, failures: [] };
      } catch (error) {
        const reason = errorText(error);
        options.onProgress?.(`${account.account} ${region}: not read (${reason})`);
        return { found: [], failures: [{ account: account.account, region, reason }] };
      }
    });
    return {
      found: results.flatMap((r) => r.found),
      failures: results.flatMap((r) => r.failures),
    };
  } finally {
    reach.close();
  }
}

/** Why a default VPC is kept: something has a network interface in it. */
function inUse(count: number): string {
  return `${count >= 5 ? "5 or more" : count} network interface(s) in it: something uses it (delete or move that first, or keep it neutralized)`;
}

/** What a DeleteVpc dependency error means for the user. */
function failureReason(step: string, error: unknown): string {
  const text = errorText(error);
  return /DependencyViolation/.test(text)
    ? `${step}: ${text} (something else in the VPC, e.g. a security group, route table or endpoint someone added, must go first)`
    : `${step}: ${text}`;
}

/**
 * Deletes each default VPC found that nothing uses: its internet gateways (detached, then
 * deleted), its subnets, then the VPC. A VPC with network interfaces, counted again right before,
 * is kept.
 */
export async function deleteDefaultVpcs(
  accounts: readonly DefaultVpcAccount[],
  found: readonly DefaultVpc[],
  options: DefaultVpcOptions,
): Promise<DefaultVpcResult[]> {
  const reach = new Reach(options);
  const byName = new Map(accounts.map((a) => [a.account, a]));
  try {
    return await mapLimit(found, options.concurrency ?? 8, async (vpc) => {
      const account = byName.get(vpc.account);
      if (!account) {
        return { ...vpc, status: "failed" as const, reason: "account not in the answers" };
      }
      let step = `reach ${vpc.account}`;
      try {
        const ec2 = await reach.ec2(account, vpc.region);
        step = "DescribeNetworkInterfaces";
        const count = await networkInterfaces(ec2, vpc.vpcId);
        if (count > 0)
          return {
            ...vpc,
            networkInterfaces: count,
            status: "in-use" as const,
            reason: inUse(count),
          };
        for (const igw of await internetGatewayIds(ec2, vpc.vpcId)) {
          step = `DetachInternetGateway ${igw}`;
          await ec2.send(
            new DetachInternetGatewayCommand({ InternetGatewayId: igw, VpcId: vpc.vpcId }),
          );
          step = `DeleteInternetGateway ${igw}`;
          await ec2.send(new DeleteInternetGatewayCommand({ InternetGatewayId: igw }));
        }
        for (const subnet of await subnetIds(ec2, vpc.vpcId)) {
          step = `DeleteSubnet ${subnet}`;
          await ec2.send(new DeleteSubnetCommand({ SubnetId: subnet }));
        }
        step = `DeleteVpc ${vpc.vpcId}`;
        await ec2.send(new DeleteVpcCommand({ VpcId: vpc.vpcId }));
        options.onProgress?.(`${vpc.account} ${vpc.region}: deleted ${vpc.vpcId}`);
        return { ...vpc, status: "deleted" as const };
      } catch (error) {
        const reason = failureReason(step, error);
        options.onProgress?.(`${vpc.account} ${vpc.region}: ${vpc.vpcId} not deleted (${reason})`);
        return { ...vpc, status: "failed" as const, reason };
      }
    });
  } finally {
    reach.close();
  }
}

/** What the default VPC step did (or, on a dry run, would do). */
export interface DefaultVpcStep {
  /** Account × region pairs read. */
  readonly regionsRead: number;
  readonly found: readonly DefaultVpc[];
  /** Regions that could not be read. */
  readonly failures: readonly DefaultVpcScanFailure[];
  /** One per default VPC found, once deletion ran; empty on a dry run or when declined. */
  readonly results: readonly DefaultVpcResult[];
  /** Accounts whose ID is not recorded yet. */
  readonly waiting: readonly string[];
  readonly dryRun: boolean;
}

export interface DefaultVpcStepOptions extends DefaultVpcOptions {
  /** Only these accounts (answers names). @default - every account with a baseline stack */
  readonly only?: readonly string[];
  /** Read and report only. */
  readonly dryRun?: boolean;
  /** Asked once with the VPCs that would be deleted; false deletes nothing. */
  readonly confirm: (toDelete: readonly DefaultVpc[]) => Promise<boolean>;
}

/** Whether a scanned default VPC would be deleted (nothing uses it). */
export function deletable(vpc: DefaultVpc): boolean {
  return vpc.networkInterfaces === 0;
}

/**
 * The whole step: find the default VPCs of the baseline accounts, ask once, delete the unused
 * ones. Kept VPCs come back as `in-use` results, so the report covers every VPC found.
 */
export async function removeDefaultVpcs(
  config: BaselineConfig,
  o: DefaultVpcStepOptions,
): Promise<DefaultVpcStep> {
  const targets = defaultVpcAccounts(config);
  const accounts = o.only
    ? targets.accounts.filter((a) => o.only?.includes(a.account))
    : targets.accounts;
  const scan = await scanDefaultVpcs(accounts, o);
  const step = {
    regionsRead: accounts.reduce((n, a) => n + a.regions.length, 0),
    found: scan.found,
    failures: scan.failures,
    waiting: targets.waiting,
    dryRun: Boolean(o.dryRun),
  };
  const toDelete = scan.found.filter(deletable);
  if (o.dryRun || toDelete.length === 0 || !(await o.confirm(toDelete))) {
    return { ...step, results: [] };
  }
  return { ...step, results: await deleteDefaultVpcs(accounts, scan.found, o) };
}
