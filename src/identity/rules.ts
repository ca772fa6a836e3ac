/** Semantic rules of the identity area. */
import { defineRule, duplicates } from "../answers/define-rule.js";

export const adminUsersUnique = defineRule(
  "admin-users-unique",
  "IAM user names are unique within an account.",
  (a, problem) =>
    duplicates(
      problem,
      a.identity.admins.users.map((u, i) => ({
        key: u.toLowerCase(),
        path: `identity.admins.users[${i}]`,
        shown: u,
      })),
      "user name",
    ),
);

export const identityRules = [adminUsersUnique];
