/**
 * The answers schema: the single source of truth for everything a user can choose.
 *
 * Every key is declared once, with its description and default, in the slice of the area that
 * owns it (`src/<area>/answers.ts`); reusable field types are in `fields.ts`. This file only
 * composes the slices. From this one declaration come the TypeScript types (`AnswersInput`,
 * `Answers`), the committed JSON Schema (`templates/answers.schema.json`, for editor
 * autocompletion), structural validation with key paths, and the prompts and flags of the
 * generator. Defaults that depend on other answers ("@default - …") are applied in one place:
 * `resolve.ts`.
 */
import { z } from "zod";
import { AccountDefaults } from "../account-defaults/answers.js";
import { Billing } from "../billing/answers.js";
import { Detective } from "../detective/answers.js";
import { Guardrails } from "../guardrails/answers.js";
import { Identity } from "../identity/answers.js";
import { CloudTrail } from "../logging/answers.js";
import { Alarms } from "../monitoring/answers.js";
import { Addressing, type Network } from "../network/answers.js";
import {
  Account,
  ACCOUNT_KINDS,
  Adopt,
  DeployRole,
  Management,
  Organization,
  Regions,
} from "../organization/answers.js";
import { DEFAULT_ACCOUNTS } from "../organization/defaults.js";
import { State } from "../state/answers.js";
import { iamName } from "./fields.js";
import { Emulator, Terraform } from "./tooling.js";

export const ANSWERS_VERSION = 1;

/** `$schema` of answers files the tool writes (the schema ships with the npm package). */
export const ANSWERS_SCHEMA_REF = "./node_modules/aws-baseline/templates/answers.schema.json";

export const AnswersSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: "JSON Schema reference for editors." }),
    generatedBy: z
      .string()
      .optional()
      .meta({
        description: "The aws-baseline version that generated this file (informational).",
        examples: ["aws-baseline 0.1.0"],
      }),
    version: z.literal(ANSWERS_VERSION, { error: `must be ${ANSWERS_VERSION}` }).meta({
      description: "Answers file format version.",
    }),
    organization: Organization,
    regions: Regions.prefault({}),
    management: Management.prefault({}),
    accountEmailPattern: z
      .string()
      .regex(/^[^@\s]*\{name\}[^@\s]*@[^@\s]+\.[^@\s.]+$/, {
        error: "must be an e-mail address containing {name}",
      })
      .optional()
      .meta({
        description:
          "Pattern for account e-mails; {name} is replaced by the account name. Needed for accounts without an email.",
        examples: ["aws+{name}@example.com"],
      }),
    accessRoleName: iamName().default("OrganizationAccountAccessRole").meta({
      description:
        "Role Organizations creates in each member account. The baseline assumes it only to create the deploy role; otherwise it is break-glass (its use raises an alarm).",
    }),
    deployRole: DeployRole.prefault({}),
    accounts: z.array(Account).min(1).prefault(DEFAULT_ACCOUNTS).meta({
      description:
        "Member accounts. @default - log-archive, security, dev, test and prod (networks on dev/test/prod).",
    }),
    addressing: Addressing.prefault({}),
    identity: Identity.prefault({}),
    guardrails: Guardrails.prefault({}),
    accountDefaults: AccountDefaults.prefault({}),
    cloudtrail: CloudTrail.prefault({}),
    detective: Detective.prefault({}),
    alarms: Alarms,
    billing: Billing.prefault({}),
    state: State,
    terraform: Terraform.prefault({}),
    adopt: Adopt.prefault({}),
    emulator: Emulator.optional(),
  })
  .meta({
    title: "aws-baseline answers",
    description: "Answers that describe an AWS organization baseline. See the aws-baseline README.",
  });

/** What a user writes (defaults optional). */
export type AnswersInput = z.input<typeof AnswersSchema>;
/** What the schema returns (static defaults applied). */
export type Answers = z.output<typeof AnswersSchema>;
export type AccountAnswers = Answers["accounts"][number];
export type NetworkAnswers = z.output<typeof Network>;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
