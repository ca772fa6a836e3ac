/** Answers slice of the identity area: password policy, MFA-only admins, security contact. */
import { z } from "zod";
import { DEFAULT_ADMIN_USERS } from "./defaults.js";
import { email, iamName, region } from "../answers/fields.js";

export const PasswordPolicy = z
  .strictObject({
    minimumLength: z
      .number()
      .int()
      .min(14, { error: "must be at least 14 (CIS 1.8)" })
      .max(128)
      .default(14)
      .meta({ description: "Minimum password length (CIS 1.8: >= 14)." }),
    reusePrevention: z.number().int().min(1).max(24).default(24).meta({
      description: "Number of previous passwords that cannot be reused (CIS 1.9).",
    }),
    requireUppercase: z
      .boolean()
      .default(true)
      .meta({ description: "Require an uppercase letter." }),
    requireLowercase: z
      .boolean()
      .default(true)
      .meta({ description: "Require a lowercase letter." }),
    requireNumbers: z.boolean().default(true).meta({ description: "Require a digit." }),
    requireSymbols: z.boolean().default(true).meta({ description: "Require a symbol." }),
    allowUsersToChange: z.boolean().default(true).meta({
      description: "Let IAM users change their own password.",
    }),
    maxAgeDays: z
      .number()
      .int()
      .min(1)
      .max(1095)
      .optional()
      .meta({ description: "Password expiry in days. @default - passwords do not expire." }),
    hardExpiry: z.boolean().default(false).meta({
      description: "Block users with an expired password until an administrator resets it.",
    }),
  })
  .meta({ description: "IAM account password policy applied in every account." });

export const Admins = z
  .strictObject({
    enabled: z.boolean().default(true).meta({
      description:
        "Create the MFA-only admin group and role in every account. Turn off when access comes from IAM Identity Center.",
    }),
    groupName: iamName()
      .default("Admins")
      .meta({ description: "IAM group whose members may assume the admin role with MFA." }),
    roleName: iamName()
      .default("BaselineAdmin")
      .meta({ description: "Role carrying AdministratorAccess, assumable only with MFA." }),
    maxMfaAgeSeconds: z.number().int().min(900).max(43200).default(3600).meta({
      description: "Maximum age of the MFA sign-in when assuming the admin role.",
    }),
    users: z
      .array(iamName())
      .default([...DEFAULT_ADMIN_USERS])
      .meta({
        description: "IAM user names to create in the management account and add to the group.",
        examples: [["alice", "bob"]],
      }),
    pgpKey: z
      .string()
      .regex(/^(keybase:[A-Za-z0-9_]+|[A-Za-z0-9+/=\s]+)$/, {
        error: "must be a base64 PGP public key or keybase:<username>",
      })
      .optional()
      .meta({
        description:
          "PGP public key (base64) or keybase:username used to encrypt initial console passwords. @default - no login profile is created; setting a password is a manual step.",
        examples: ["keybase:alice"],
      }),
    readOnlyGroup: z.boolean().default(true).meta({
      description: "Also create a ReadOnly group (same MFA rule, ReadOnlyAccess via a role).",
    }),
    billingGroup: z.boolean().default(false).meta({
      description: "Also create a Billing group (same MFA rule, Billing via a role).",
    }),
  })
  .meta({ description: "Human admin access: MFA is required for everything." });

export const SecurityContact = z
  .strictObject({
    name: z.string().min(1).max(64).meta({ description: "Contact name." }),
    title: z.string().min(1).max(50).meta({ description: "Contact title." }),
    email: email().meta({ description: "Contact e-mail." }),
    phone: z
      .string()
      .regex(/^\+[\d\s-]{6,24}$/, { error: "must be an international phone number" })
      .meta({
        description: "Contact phone (international format).",
        examples: ["+44 20 7946 0000"],
      }),
  })
  .meta({ description: "Security alternate contact set on every account (CIS 1.2)." });

export const IdentityCenter = z
  .strictObject({
    enabled: z.boolean().default(false).meta({
      description:
        "Give people access through IAM Identity Center permission sets (CIS 1.21) instead of, or beside, IAM users. Enabling the instance, the identity source, the groups and MFA are manual steps.",
    }),
    region: region()
      .optional()
      .meta({ description: "Region of the Identity Center instance. @default - regions.home" }),
    sessionDuration: z
      .string()
      .regex(/^PT([1-9]|1[0-2])H$/, { error: "must be PT1H to PT12H" })
      .default("PT1H")
      .meta({ description: "Session length of every permission set (ISO 8601)." }),
    groups: z
      .strictObject({
        admins: z.string().min(1).max(128).default("AWSAdmins").meta({
          description: "Group given the Admin permission set (AdministratorAccess).",
        }),
        readOnly: z.string().min(1).max(128).default("AWSReadOnly").meta({
          description: "Group given the ReadOnly permission set (ReadOnlyAccess).",
        }),
        billing: z.string().min(1).max(128).default("AWSBilling").meta({
          description: "Group given the Billing permission set (job-function/Billing).",
        }),
      })
      .prefault({})
      .meta({
        description:
          "Display names of the identity-store groups assigned to the Admin, ReadOnly and Billing permission sets in every account (ReadOnly and Billing follow identity.admins.readOnlyGroup / billingGroup).",
      }),
  })
  .meta({ description: "IAM Identity Center: permission sets and account assignments." });

export const Identity = z
  .strictObject({
    passwordPolicy: PasswordPolicy.prefault({}),
    admins: Admins.prefault({}),
    identityCenter: IdentityCenter.prefault({}),
    securityContact: SecurityContact.optional(),
  })
  .meta({ description: "Identity baseline." });
