/**
 * Deleting default VPCs against a mocked EC2 and STS (aws-sdk-client-mock): no test calls AWS.
 * Each region of the fake has its own default VPC (or none), answered by the client's region.
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
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { REGIONS_ENABLED_BY_DEFAULT } from "../../src/answers/regions.js";
import { denyDefaultVpcCreation } from "../../src/account-defaults/default-vpc-scp.js";
import {
  defaultVpcAccounts,
  deleteDefaultVpcs,
  scanDefaultVpcs,
  type DefaultVpcAccount,
} from "../../src/aws/default-vpcs.js";
import { configFrom, exampleAnswers } from "../helpers/answers.js";

const ec2 = mockClient(EC2Client);
const sts = mockClient(STSClient);

interface FakeRegion {
  vpc?: string;
  enis?: string[];
  subnets?: string[];
  igws?: string[];
  /** Error names thrown by these commands in this region. */
  fail?: Partial<Record<string, string>>;
}

function awsError(name: string) {
  return Object.assign(new Error(`${name} happened`), { name });
}

/** Serves one account's regions; every EC2 call is answered by the calling client's region. */
function serve(regions: Record<string, FakeRegion>): void {
  const at = async (getClient: () => EC2Client) => {
    const region = await getClient().config.region();
    return regions[region] ?? {};
  };
  const failing = (r: FakeRegion, command: string) => {
    const name = r.fail?.[command];
    if (name) throw awsError(name);
  };
  ec2.on(DescribeVpcsCommand).callsFake(async (input, getClient) => {
    const r = await at(getClient);
    failing(r, "DescribeVpcs");
    expect(input.Filters).toEqual([{ Name: "is-default", Values: ["true"] }]);
    return { Vpcs: r.vpc ? [{ VpcId: r.vpc, IsDefault: true }] : [] };
  });
  ec2.on(DescribeNetworkInterfacesCommand).callsFake(async (input, getClient) => {
    const r = await at(getClient);
    expect(input.Filters).toEqual([{ Name: "vpc-id", Values: [r.vpc] }]);
    return { NetworkInterfaces: (r.enis ?? []).map((id) => ({ NetworkInterfaceId: id })) };
  });
  ec2.on(DescribeSubnetsCommand).callsFake(async (input, getClient) => {
    const r = await at(getClient);
    expect(input.Filters).toEqual([{ Name: "vpc-id", Values: [r.vpc] }]);
    return { Subnets: (r.subnets ?? []).map((id) => ({ SubnetId: id })) };
  });
  ec2.on(DescribeInternetGatewaysCommand).callsFake(async (input, getClient) => {
    const r = await at(getClient);
    expect(input.Filters).toEqual([{ Name: "attachment.vpc-id", Values: [r.vpc] }]);
    return { InternetGateways: (r.igws ?? []).map((id) => ({ InternetGatewayId: id })) };
  });
  for (const [command, name] of [
    [DetachInternetGatewayCommand, "DetachInternetGateway"],
    [DeleteInternetGatewayCommand, "DeleteInternetGateway"],
    [DeleteSubnetCommand, "DeleteSubnet"],
    [DeleteVpcCommand, "DeleteVpc"],
  ] as const) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ec2.on(command as any).callsFake(async (_input: unknown, getClient: () => EC2Client) => {
      failing(await at(getClient), name);
      return {};
    });
  }
}

/** The EC2 write calls, in order, as "Command {input}". */
function writes(): string[] {
  return ec2
    .calls()
    .map((c) => c.args[0])
    .filter((command) => /^(Delete|Detach)/.test(command.constructor.name))
    .map((command) => `${command.constructor.name} ${JSON.stringify(command.input)}`);
}

const DEV: DefaultVpcAccount = {
  account: "dev",
  accountId: "444444444444",
  roleArn: "arn:aws:iam::444444444444:role/BaselineDeploy",
  regions: ["eu-west-1", "us-east-1"],
};
const OPTIONS = { region: "eu-west-1", maxAttempts: 1 };

beforeEach(() => {
  ec2.reset();
  sts.reset();
  sts.on(AssumeRoleCommand).resolves({
    Credentials: {
      AccessKeyId: "AKIAEXAMPLE",
      SecretAccessKey: "example-secret",
      SessionToken: "token",
      Expiration: new Date(Date.now() + 3600_000),
    },
  });
});

describe("default VPC deletion", () => {
  it("covers every baseline account and enabled region, through the deploy role in member accounts", () => {
    const { accounts, waiting } = defaultVpcAccounts(configFrom(exampleAnswers()));
    expect(waiting).toEqual([]);
    expect(accounts.map((a) => a.account)).toEqual([
      "log-archive",
      "security",
      "dev",
      "test",
      "prod",
      "management",
    ]);
    expect(accounts.find((a) => a.account === "management")).toEqual({
      account: "management",
      accountId: "111111111111",
      regions: REGIONS_ENABLED_BY_DEFAULT,
    });
    expect(accounts.find((a) => a.account === "dev")).toEqual({
      account: "dev",
      accountId: "444444444444",
      roleArn: "arn:aws:iam::444444444444:role/BaselineDeploy",
      regions: REGIONS_ENABLED_BY_DEFAULT,
    });

    const answers = exampleAnswers();
    delete answers.accounts[2].accountId;
    expect(defaultVpcAccounts(configFrom(answers)).waiting).toEqual(["dev"]);
  });

  it("deletes an unused default VPC: internet gateway detached and deleted, subnets, then the VPC", async () => {
    serve({
      "eu-west-1": { vpc: "vpc-1", subnets: ["subnet-a", "subnet-b"], igws: ["igw-1"] },
      "us-east-1": {},
    });
    const scan = await scanDefaultVpcs([DEV], OPTIONS);
    expect(scan.failures).toEqual([]);
    expect(scan.found).toEqual([
      {
        account: "dev",
        accountId: "444444444444",
        region: "eu-west-1",
        vpcId: "vpc-1",
        networkInterfaces: 0,
        subnetIds: ["subnet-a", "subnet-b"],
        internetGatewayIds: ["igw-1"],
      },
    ]);
    // The member account is reached as the deploy role, assumed once per account.
    expect(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input)).toEqual([
      { RoleArn: "arn:aws:iam::444444444444:role/BaselineDeploy", RoleSessionName: "aws-baseline" },
    ]);
    expect(writes()).toEqual([]); // scanning changes nothing

    const results = await deleteDefaultVpcs([DEV], scan.found, OPTIONS);
    expect(results.map((r) => r.status)).toEqual(["deleted"]);
    expect(writes()).toEqual([
      'DetachInternetGatewayCommand {"InternetGatewayId":"igw-1","VpcId":"vpc-1"}',
      'DeleteInternetGatewayCommand {"InternetGatewayId":"igw-1"}',
      'DeleteSubnetCommand {"SubnetId":"subnet-a"}',
      'DeleteSubnetCommand {"SubnetId":"subnet-b"}',
      'DeleteVpcCommand {"VpcId":"vpc-1"}',
    ]);
  });

  it("keeps a default VPC that has network interfaces, and says why", async () => {
    serve({
      "eu-west-1": { vpc: "vpc-1", enis: ["eni-1"], subnets: ["subnet-a"], igws: ["igw-1"] },
    });
    const scan = await scanDefaultVpcs([{ ...DEV, regions: ["eu-west-1"] }], OPTIONS);
    expect(scan.found[0]?.networkInterfaces).toBe(1);
    const [result] = await deleteDefaultVpcs([DEV], scan.found, OPTIONS);
    expect(result).toMatchObject({ status: "in-use", vpcId: "vpc-1" });
    expect(result?.status === "in-use" && result.reason).toContain("1 network interface(s)");
    expect(writes()).toEqual([]);
  });

  it("interfaces that appear after the scan still keep the VPC", async () => {
    const regions = { "eu-west-1": { vpc: "vpc-1", subnets: ["subnet-a"] } as FakeRegion };
    serve(regions);
    const scan = await scanDefaultVpcs([{ ...DEV, regions: ["eu-west-1"] }], OPTIONS);
    expect(scan.found[0]?.networkInterfaces).toBe(0);
    regions["eu-west-1"].enis = ["eni-new"];
    const [result] = await deleteDefaultVpcs([DEV], scan.found, OPTIONS);
    expect(result?.status).toBe("in-use");
    expect(writes()).toEqual([]);
  });

  it("a region that cannot be read and a VPC that cannot be deleted are reported; the rest go on", async () => {
    const accounts: DefaultVpcAccount[] = [
      { ...DEV, regions: ["eu-west-1", "us-east-1", "ap-south-1"] },
    ];
    serve({
      "eu-west-1": { vpc: "vpc-1", fail: { DeleteVpc: "DependencyViolation" } },
      "us-east-1": { vpc: "vpc-2", subnets: ["subnet-z"] },
      "ap-south-1": { fail: { DescribeVpcs: "UnauthorizedOperation" } },
    });
    const scan = await scanDefaultVpcs(accounts, OPTIONS);
    expect(scan.failures).toEqual([
      {
        account: "dev",
        region: "ap-south-1",
        reason: "UnauthorizedOperation: UnauthorizedOperation happened",
      },
    ]);
    const results = await deleteDefaultVpcs(accounts, scan.found, OPTIONS);
    const byVpc = Object.fromEntries(results.map((r) => [r.vpcId, r]));
    expect(byVpc["vpc-2"]?.status).toBe("deleted");
    expect(byVpc["vpc-1"]).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/^DeleteVpc vpc-1: DependencyViolation: .*must go first\)$/),
    });
  });

  it("an account whose role cannot be assumed is reported per region, not thrown", async () => {
    sts.on(AssumeRoleCommand).rejects(awsError("AccessDenied"));
    serve({});
    const scan = await scanDefaultVpcs([DEV], OPTIONS);
    expect(scan.found).toEqual([]);
    expect(scan.failures.map((f) => f.region)).toEqual(["eu-west-1", "us-east-1"]);
    expect(scan.failures[0]?.reason).toBe(
      "could not assume arn:aws:iam::444444444444:role/BaselineDeploy: AccessDenied: AccessDenied happened",
    );
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
  });

  it("the management account is read with the caller's own credentials", async () => {
    serve({ "eu-west-1": {} });
    const scan = await scanDefaultVpcs(
      [{ account: "management", regions: ["eu-west-1"] }],
      OPTIONS,
    );
    expect(scan).toEqual({ found: [], failures: [] });
    expect(sts.commandCalls(AssumeRoleCommand)).toEqual([]);
  });
});

describe("default VPC guardrail statement", () => {
  it("denies creating default VPCs and subnets to everyone but the exempt principals", () => {
    expect(denyDefaultVpcCreation("arn:aws:iam::*:role/BaselineDeploy")).toEqual({
      Sid: "DenyDefaultVpcCreation",
      Effect: "Deny",
      Action: ["ec2:CreateDefaultSubnet", "ec2:CreateDefaultVpc"],
      Resource: "*",
      Condition: { ArnNotLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/BaselineDeploy" } },
    });
  });
});
