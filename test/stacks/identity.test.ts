import { beforeAll, describe, expect, it } from "vitest";
import { SELF_SERVICE_WITHOUT_MFA } from "../../src/identity/policies.js";
import { REGIONS_ENABLED_BY_DEFAULT } from "../../src/answers/regions.js";
import { configFrom, exampleAnswers } from "../helpers/answers.js";
import {
  policyOf,
  resourceList,
  resources,
  synthTo,
  type StackJson,
  type Synthesized,
} from "../helpers/synth.js";

let out: Synthesized;
let dev: StackJson;
let management: StackJson;
beforeAll(async () => {
  out = await synthTo(configFrom(exampleAnswers()));
  dev = out.stack("baseline-dev");
  management = out.stack("baseline-management");
});

function groupPolicy(stack: StackJson, groupKeyPart: string) {
  const entry = Object.entries(stack.resource.aws_iam_group_policy).find(([key]) =>
    key.includes(groupKeyPart),
  );
  return policyOf((entry?.[1] as StackJson).policy);
}

describe("identity baseline (every account)", () => {
  it("password policy meets CIS 1.8 and 1.9", () => {
    for (const stack of [dev, management]) {
      expect(resourceList(stack, "aws_iam_account_password_policy")).toEqual([
        expect.objectContaining({
          minimum_password_length: 14,
          password_reuse_prevention: 24,
          require_uppercase_characters: true,
          require_lowercase_characters: true,
          require_numbers: true,
          require_symbols: true,
          allow_users_to_change_password: true,
        }),
      ]);
      expect(
        resourceList(stack, "aws_iam_account_password_policy")[0]?.max_password_age,
      ).toBeUndefined();
    }
  });

  it("admin group denies everything without MFA except self-service", () => {
    const deny = groupPolicy(management, "identity_admins").Statement.find(
      (s) => s.Effect === "Deny",
    );
    expect(deny).toEqual({
      Sid: "DenyAllExceptSelfServiceWithoutMfa",
      Effect: "Deny",
      NotAction: [...SELF_SERVICE_WITHOUT_MFA],
      Resource: "*",
      Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
    });
    // Self-service is limited to the caller's own user (IAM variable escaped for Terraform).
    const self = groupPolicy(management, "identity_admins").Statement.find(
      (s) => s.Sid === "ManageOwnPasswordAndMfa",
    );
    expect(self?.Resource).toBe("arn:aws:iam::111111111111:user/$${aws:username}");
  });

  it("MFA self-service follows AWS's policy: named and backup devices, GetMFADevice and removing a half-created device without MFA", () => {
    const statements = groupPolicy(management, "identity_admins").Statement;
    const devices = statements.find((s) => s.Sid === "CreateAndRemoveOwnVirtualMfaDevices");
    expect(devices).toMatchObject({
      Effect: "Allow",
      Action: ["iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice"],
      Resource: "arn:aws:iam::111111111111:mfa/*",
    });
    expect(devices?.Condition).toBeUndefined();
    for (const action of [
      "iam:CreateVirtualMFADevice",
      "iam:DeleteVirtualMFADevice",
      "iam:GetMFADevice",
      "iam:EnableMFADevice",
    ])
      expect(SELF_SERVICE_WITHOUT_MFA).toContain(action);
    // Deactivating a device needs an MFA session.
    expect(statements.find((s) => s.Sid === "DeactivateOwnMfaOnlyWithMfa")?.Condition).toEqual({
      Bool: { "aws:MultiFactorAuthPresent": "true" },
    });
  });

  it("admin group may assume only the admin and support roles, in accounts of its organization, only with recent MFA", () => {
    const assume = groupPolicy(management, "identity_admins").Statement.find(
      (s) => s.Action === "sts:AssumeRole",
    );
    expect(assume).toMatchObject({
      Effect: "Allow",
      // The admin role, and the support role (CIS 1.17), in any account of the organization.
      Resource: ["arn:aws:iam::*:role/BaselineAdmin", "arn:aws:iam::*:role/BaselineSupport"],
      Condition: {
        Bool: { "aws:MultiFactorAuthPresent": "true" },
        NumericLessThan: { "aws:MultiFactorAuthAge": "3600" },
        StringEquals: { "aws:ResourceOrgID": "$${aws:PrincipalOrgID}" },
      },
    });
  });

  it("admin role trusts only MFA-authenticated users of the management account, from this organization", () => {
    const own = resourceList(management, "aws_iam_role").find((r) => r.name === "BaselineAdmin");
    expect(policyOf(own?.assume_role_policy).Statement).toEqual([
      {
        Sid: "TrustThisAccountsUsersWithMfa",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111111111111:root" },
        Action: "sts:AssumeRole",
        Condition: {
          Bool: { "aws:MultiFactorAuthPresent": "true" },
          NumericLessThan: { "aws:MultiFactorAuthAge": "3600" },
          ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111111111111:user/*" },
        },
      },
    ]);
    const member = resourceList(dev, "aws_iam_role").find((r) => r.name === "BaselineAdmin");
    expect(policyOf(member?.assume_role_policy).Statement).toEqual([
      {
        Sid: "TrustManagementUsersWithMfa",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111111111111:root" },
        Action: "sts:AssumeRole",
        Condition: {
          Bool: { "aws:MultiFactorAuthPresent": "true" },
          NumericLessThan: { "aws:MultiFactorAuthAge": "3600" },
          StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" },
          ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111111111111:user/*" },
        },
      },
    ]);
    expect(resourceList(dev, "aws_iam_role_policy_attachment")).toContainEqual(
      expect.objectContaining({ policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" }),
    );
  });

  it("no managed policy is attached to any user or group", () => {
    for (const stack of out.stacks.map((s) => out.stack(s.name))) {
      expect(resourceList(stack, "aws_iam_user_policy_attachment")).toEqual([]);
      expect(resourceList(stack, "aws_iam_group_policy_attachment")).toEqual([]);
      expect(resourceList(stack, "aws_iam_policy_attachment")).toEqual([]);
      expect(resourceList(stack, "aws_iam_user_policy")).toEqual([]);
    }
  });

  it("read-only group is on by default with the same MFA rule; billing group is opt-in", () => {
    expect(resourceList(management, "aws_iam_group").map((g) => g.name)).toEqual([
      "Admins",
      "ReadOnly",
    ]);
    // Nobody signs in to member accounts: they get the roles, not the groups.
    expect(resourceList(dev, "aws_iam_group")).toEqual([]);
    const identity = (type: string) =>
      Object.entries(resources(dev, type))
        .filter(([key]) => key.startsWith("identity_"))
        .map(([, r]) => r);
    expect(identity("aws_iam_role").map((r) => r.name)).toEqual([
      "BaselineAdmin",
      "BaselineReadOnly",
    ]);
    expect(identity("aws_iam_role_policy_attachment").map((a) => a.policy_arn)).toEqual([
      "arn:aws:iam::aws:policy/AdministratorAccess",
      "arn:aws:iam::aws:policy/ReadOnlyAccess",
    ]);
    expect(
      groupPolicy(management, "identity_read-only").Statement.find((s) => s.Effect === "Deny")
        ?.Condition,
    ).toEqual({
      BoolIfExists: { "aws:MultiFactorAuthPresent": "false" },
    });
  });

  it("admin users exist only in the management account, without access keys", () => {
    expect(resourceList(management, "aws_iam_user").map((u) => u.name)).toEqual(["alice", "bob"]);
    expect(resourceList(management, "aws_iam_user_group_membership")).toHaveLength(2);
    expect(resourceList(dev, "aws_iam_user")).toEqual([]);
    for (const stack of out.stacks.map((s) => out.stack(s.name))) {
      expect(resourceList(stack, "aws_iam_access_key")).toEqual([]);
    }
    // Without a PGP key no login profile (and so no password) is created at all.
    expect(resourceList(management, "aws_iam_user_login_profile")).toEqual([]);
    expect(out.manualSteps.join("\n")).toContain("Admin users (alice, bob)");
  });

  it("with a PGP key, login profiles are encrypted to it and must be reset at first sign-in", async () => {
    const answers = exampleAnswers();
    answers.identity.admins.pgpKey = "keybase:alice";
    const stack = (await synthTo(configFrom(answers))).stack("baseline-management");
    const profiles = resourceList(stack, "aws_iam_user_login_profile");
    expect(profiles).toHaveLength(2);
    for (const p of profiles)
      expect(p).toMatchObject({ pgp_key: "keybase:alice", password_reset_required: true });
    expect(Object.keys(stack.output)).toEqual(
      expect.arrayContaining([expect.stringContaining("initial-password-alice")]),
    );
  });
});

describe("account defaults (every account)", () => {
  it("regional controls exist once per enabled region with that region's provider", () => {
    for (const type of [
      "aws_ebs_encryption_by_default",
      "aws_accessanalyzer_analyzer",
      "aws_ec2_instance_metadata_defaults",
    ]) {
      const list = resourceList(dev, type);
      expect(list, type).toHaveLength(REGIONS_ENABLED_BY_DEFAULT.length);
      const providers = list.map((r) => r.provider ?? "aws");
      expect(new Set(providers).size, type).toBe(REGIONS_ENABLED_BY_DEFAULT.length);
      expect(providers).toContain("aws"); // the home region uses the default provider
      expect(providers).toContain("aws.us-east-1");
    }
    for (const r of resourceList(dev, "aws_ebs_encryption_by_default"))
      expect(r.enabled).toBe(true);
    for (const r of resourceList(dev, "aws_ec2_instance_metadata_defaults"))
      expect(r.http_tokens).toBe("required");
    for (const r of resourceList(dev, "aws_accessanalyzer_analyzer"))
      expect(r).toMatchObject({ type: "ACCOUNT", analyzer_name: "acme-account-analyzer" });
  });

  it("S3 account Block Public Access has all four settings on", () => {
    expect(resourceList(dev, "aws_s3_account_public_access_block")).toEqual([
      expect.objectContaining({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      }),
    ]);
  });

  it("every account has a support role with AWSSupportAccess, for the admins with recent MFA", () => {
    for (const stack of [dev, management]) {
      const roles = Object.entries(resources(stack, "aws_iam_role")).filter(([key]) =>
        key.includes("support-role"),
      );
      expect(roles).toHaveLength(1);
      const [key, role] = roles[0] as [string, StackJson];
      expect(role.name).toBe("BaselineSupport");
      // The same trust as the other human roles: management-account users, recent MFA.
      const admin = resourceList(stack, "aws_iam_role").find((r) => r.name === "BaselineAdmin");
      expect(policyOf(role.assume_role_policy)).toEqual(policyOf(admin?.assume_role_policy));
      const attached = resourceList(stack, "aws_iam_role_policy_attachment").filter(
        (a) => a.role === `\${aws_iam_role.${key}.name}`,
      );
      expect(attached.map((a) => a.policy_arn)).toEqual([
        "arn:aws:iam::aws:policy/AWSSupportAccess",
      ]);
    }
    // Members trust the management account's users (MFA, this organization).
    const support = resourceList(dev, "aws_iam_role").find((r) => r.name === "BaselineSupport");
    expect(policyOf(support?.assume_role_policy).Statement[0]?.Condition).toMatchObject({
      StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" },
      ArnLike: { "aws:PrincipalArn": "arn:aws:iam::111111111111:user/*" },
    });
  });

  it("every existing default VPC is neutralized in every enabled region, and none is ever created", async () => {
    for (const stack of [dev, management]) {
      const vpcs = Object.entries(stack.data.aws_vpcs as Record<string, StackJson>);
      expect(vpcs).toHaveLength(REGIONS_ENABLED_BY_DEFAULT.length);
      const providers = new Set(vpcs.map(([, v]) => v.provider ?? "aws"));
      expect(providers.size).toBe(REGIONS_ENABLED_BY_DEFAULT.length);
      for (const [, v] of vpcs)
        expect(v.filter).toEqual([{ name: "is-default", values: ["true"] }]);

      // One default security group per default VPC found, with no rules at all (CIS 5.4).
      const groups = resourceList(stack, "aws_default_security_group");
      expect(groups).toHaveLength(REGIONS_ENABLED_BY_DEFAULT.length);
      for (const group of groups) {
        const [key, found] = vpcs.find(
          ([, v]) => (v.provider ?? "aws") === (group.provider ?? "aws"),
        ) as [string, StackJson];
        expect(found).toBeDefined();
        expect(group).toMatchObject({
          for_each: `\${toset(data.aws_vpcs.${key}.ids)}`,
          vpc_id: "${each.value}",
          ingress: [],
          egress: [],
        });
      }

      // Only default subnets that exist are adopted, and they stop assigning public IPs.
      const subnets = resourceList(stack, "aws_default_subnet");
      expect(subnets).toHaveLength(REGIONS_ENABLED_BY_DEFAULT.length);
      for (const subnet of subnets) {
        expect(subnet).toMatchObject({
          for_each: expect.stringMatching(/^\$\{data\.aws_subnet\.[^.}]+\}$/),
          availability_zone: "${each.value.availability_zone}",
          map_public_ip_on_launch: false,
        });
        const dataKey = /data\.aws_subnet\.([^.}]+)/.exec(subnet.for_each)?.[1] as string;
        expect(stack.data.aws_subnet[dataKey].for_each).toMatch(/^\$\{toset\(data\.aws_subnets\./);
      }
      for (const list of Object.values(stack.data.aws_subnets as Record<string, StackJson>)) {
        expect(list.filter).toEqual([{ name: "default-for-az", values: ["true"] }]);
      }
      // aws_default_vpc creates a default VPC where none exists: never used.
      expect(resourceList(stack, "aws_default_vpc")).toEqual([]);
    }

    // "neutralize" builds the same; "keep" builds nothing.
    const answers = exampleAnswers();
    answers.accountDefaults = { defaultVpc: "neutralize" };
    const neutralize = (await synthTo(configFrom(answers))).stack("baseline-dev");
    expect(resourceList(neutralize, "aws_default_security_group")).toHaveLength(17);
    answers.accountDefaults = { defaultVpc: "keep" };
    const keep = (await synthTo(configFrom(answers))).stack("baseline-dev");
    expect(resourceList(keep, "aws_default_security_group")).toEqual([]);
    expect(resourceList(keep, "aws_default_subnet")).toEqual([]);
    expect(keep.data?.aws_vpcs).toBeUndefined();
  });

  it("security contact is set when the answers give one", async () => {
    expect(resourceList(dev, "aws_account_alternate_contact")).toEqual([]);
    const answers = exampleAnswers();
    answers.identity.securityContact = {
      name: "Sec Team",
      title: "CISO",
      email: "sec@acme.example",
      phone: "+44 20 7946 0000",
    };
    const stack = (await synthTo(configFrom(answers))).stack("baseline-prod");
    expect(resourceList(stack, "aws_account_alternate_contact")).toEqual([
      expect.objectContaining({
        alternate_contact_type: "SECURITY",
        email_address: "sec@acme.example",
      }),
    ]);
  });

  it("customer managed EBS keys: one rotated key per region, usable only through EC2 in this account", async () => {
    const answers = exampleAnswers();
    answers.accountDefaults = { ebsEncryption: "customer-managed-key" };
    const stack = (await synthTo(configFrom(answers))).stack("baseline-dev");
    const keys = resourceList(stack, "aws_kms_key");
    expect(keys).toHaveLength(17);
    for (const k of keys) expect(k.enable_key_rotation).toBe(true);
    expect(resourceList(stack, "aws_ebs_default_kms_key")).toHaveLength(17);
    const use = policyOf(keys[0]?.policy).Statement.find(
      (s) => s.Sid === "UseThroughEbsInThisAccount",
    );
    expect(use?.Condition.StringEquals["kms:CallerAccount"]).toBe("444444444444");
  });

  it("turning account defaults and admin access off removes their resources", async () => {
    const answers = exampleAnswers();
    answers.accountDefaults = {
      ebsEncryption: "off",
      s3BlockPublicAccess: false,
      accessAnalyzer: false,
      imdsv2: false,
      supportRole: false,
      defaultVpc: "keep",
    };
    answers.identity.admins.enabled = false;
    answers.deployRole = { trustedPrincipals: ["role/ci-deploy"] };
    // Config's recorder role is not an account default (detective.config).
    answers.detective = { config: { enabled: false }, securityHub: { enabled: false } };
    const stack = (await synthTo(configFrom(answers))).stack("baseline-management");
    for (const type of [
      "aws_ebs_encryption_by_default",
      "aws_accessanalyzer_analyzer",
      "aws_ec2_instance_metadata_defaults",
      "aws_s3_account_public_access_block",
      "aws_default_security_group",
      "aws_default_subnet",
      "aws_iam_group",
      "aws_iam_role",
      "aws_iam_user",
    ]) {
      expect(resourceList(stack, type), type).toEqual([]);
    }
    // The password policy is not optional.
    expect(resourceList(stack, "aws_iam_account_password_policy")).toHaveLength(1);
  });
});
