/**
 * Controls of the account-defaults area: settings every account gets, global (S3 Block Public
 * Access, security contact) and per enabled region (EBS encryption, Access Analyzer, IMDSv2).
 */
import { inside, perItem, resource, type Control } from "../controls/control.js";
import { ACCOUNT_DEFAULTS_IDS as IDS } from "./account-defaults.js";
import { DEFAULT_VPC_IDS as DEFAULT_VPC } from "./default-vpc.js";

const IDENTITY_TEST = "test/stacks/identity.test.ts";
const REGIONAL_TEST = `${IDENTITY_TEST} › regional controls exist once per enabled region with that region's provider`;

export const ACCOUNT_DEFAULTS_CONTROLS: readonly Control[] = [
  {
    id: "IAM.5",
    title: "IAM Access Analyzer in every enabled region",
    cis: ["1.20"],
    stacks: ["baseline"],
    resources: [perItem("aws_accessanalyzer_analyzer", IDS.accessAnalyzerPrefix)],
    switch: "accountDefaults.accessAnalyzer",
    verifiedBy: [REGIONAL_TEST],
  },
  {
    id: "IAM.6",
    title: "Security alternate contact registered",
    cis: ["1.2"],
    stacks: ["baseline"],
    resources: [resource("aws_account_alternate_contact", IDS.securityContact)],
    switch: "identity.securityContact",
    verifiedBy: [`${IDENTITY_TEST} › security contact is set when the answers give one`],
  },
  {
    id: "DEF.1",
    title: "EBS encryption by default in every enabled region",
    cis: ["2.2.1"],
    stacks: ["baseline"],
    resources: [
      perItem("aws_ebs_encryption_by_default", IDS.ebsEncryptionPrefix),
      perItem("aws_ebs_default_kms_key", IDS.ebsDefaultKeyPrefix),
      perItem("aws_kms_key", IDS.ebsKeyPrefix),
      perItem("aws_kms_alias", IDS.ebsKeyPrefix),
    ],
    switch: "accountDefaults.ebsEncryption",
    verifiedBy: [REGIONAL_TEST],
  },
  {
    id: "DEF.2",
    title: "S3 account-level Block Public Access (all four settings)",
    cis: ["2.1.4"],
    stacks: ["baseline"],
    resources: [resource("aws_s3_account_public_access_block", IDS.s3BlockPublicAccess)],
    switch: "accountDefaults.s3BlockPublicAccess",
    verifiedBy: [`${IDENTITY_TEST} › S3 account Block Public Access has all four settings on`],
  },
  {
    id: "DEF.3",
    title: "IMDSv2 required by default for new instances in every enabled region",
    cis: ["5.6"],
    stacks: ["baseline"],
    resources: [perItem("aws_ec2_instance_metadata_defaults", IDS.imdsDefaultsPrefix)],
    switch: "accountDefaults.imdsv2",
    verifiedBy: [REGIONAL_TEST],
  },
  {
    id: "DEF.4",
    title:
      "A support role with AWSSupportAccess in every account, for the admins with recent MFA (the human roles' trust)",
    cis: ["1.17"],
    stacks: ["baseline"],
    resources: inside(IDS.supportRole, ["aws_iam_role", "aws_iam_role_policy_attachment"]),
    switch: "accountDefaults.supportRole",
    verifiedBy: [
      `${IDENTITY_TEST} › every account has a support role with AWSSupportAccess, for the admins with recent MFA`,
    ],
  },
  {
    id: "DEF.5",
    title:
      "Default VPCs in every enabled region: deleted when unused, otherwise their default security group has no rules and their subnets assign no public IPs",
    cis: ["5.4", "3.7"],
    stacks: ["baseline"],
    resources: [
      perItem("aws_default_security_group", DEFAULT_VPC.securityGroupPrefix),
      perItem("aws_default_subnet", DEFAULT_VPC.defaultSubnetPrefix),
    ],
    switch: "accountDefaults.defaultVpc",
    verifiedBy: [
      `${IDENTITY_TEST} › every existing default VPC is neutralized in every enabled region, and none is ever created`,
      "test/unit/default-vpcs.test.ts › deletes an unused default VPC: internet gateway detached and deleted, subnets, then the VPC",
      "test/unit/default-vpcs.test.ts › keeps a default VPC that has network interfaces, and says why",
    ],
  },
];
