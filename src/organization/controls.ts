/** Controls of the organization area: the organization itself and centralized root access. */
import { perItem, resource, type Control } from "../controls/control.js";
import { ACCESS_IDS } from "./access-stack.js";
import { ORGANIZATION_IDS as IDS } from "./organization.js";

const ORG_TEST = "test/stacks/org.test.ts";
const EVAL = "test/policy/evaluation.test.ts";

export const ORGANIZATION_CONTROLS: readonly Control[] = [
  {
    id: "ORG.1",
    title: "Organization with all features, OUs by environment, accounts never closed by Terraform",
    cis: [],
    stacks: ["org"],
    resources: [
      resource("aws_organizations_organization", IDS.organization),
      perItem("aws_organizations_organizational_unit", IDS.ouPrefix),
      perItem("aws_organizations_account", IDS.accountPrefix),
    ],
    verifiedBy: [
      `${ORG_TEST} › organization has all features and trusted access for the baseline's services`,
      `${ORG_TEST} › accounts sit in their OUs, are never closed and are protected from destroy`,
    ],
  },
  {
    id: "ORG.2",
    title: "Centralized root access: no root credentials needed in member accounts",
    cis: ["1.4", "1.5"],
    stacks: ["org"],
    resources: [resource("aws_iam_organizations_features", IDS.centralRootAccess)],
    switch: "guardrails.centralRootAccess",
    verifiedBy: [
      `${ORG_TEST} › centralized root access enables root credentials management and root sessions`,
    ],
  },
  {
    id: "ORG.3",
    title:
      "Dedicated deploy role in every member account, trusted only by named management principals",
    cis: [],
    stacks: ["access"],
    resources: [
      resource("aws_iam_role", ACCESS_IDS.deployRole),
      resource("aws_iam_role_policy_attachment", ACCESS_IDS.deployRolePolicy),
    ],
    verifiedBy: [
      "test/stacks/access.test.ts › deploy role trusts only the named management-account principals",
      `${EVAL} › management admin role session assumes the deploy role in a member account`,
      `${EVAL} › another management-account administrator role cannot assume the deploy role`,
      `${EVAL} › member-account administrator cannot assume the deploy role or the access role`,
    ],
  },
];
