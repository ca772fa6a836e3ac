/** Answers slice of the guardrails area: SCP switches and organization-level protections. */
import { z } from "zod";
import { GUARDRAIL_DEFAULTS } from "./defaults.js";

export const Guardrails = z
  .strictObject({
    denyLeavingOrganization: z.boolean().default(GUARDRAIL_DEFAULTS.denyLeavingOrganization).meta({
      description:
        "SCP: member accounts cannot leave the organization (and escape every guardrail).",
    }),
    protectBaselineRoles: z.boolean().default(GUARDRAIL_DEFAULTS.protectBaselineRoles).meta({
      description:
        "SCP: nobody in a member account can change the deploy role or the access role except those roles themselves (whoever controls the deploy role holds every guardrail exemption).",
    }),
    protectCloudTrail: z.boolean().default(GUARDRAIL_DEFAULTS.protectCloudTrail).meta({
      description:
        "SCP: only the deploy role can stop or change the trail, its log buckets or its KMS key; nobody can delete log files or buckets, or disable or delete the key.",
    }),
    protectAccountDefaults: z.boolean().default(GUARDRAIL_DEFAULTS.protectAccountDefaults).meta({
      description:
        "SCP: only the deploy role can turn off EBS default encryption, S3 account Block Public Access, IMDSv2 defaults or Access Analyzer, or change the password policy or alternate contacts.",
    }),
    denyRootUser: z.boolean().default(GUARDRAIL_DEFAULTS.denyRootUser).meta({
      description:
        "SCP: the root user of member accounts can do nothing (centralized root sessions excepted) and nobody can create root access keys.",
    }),
    centralRootAccess: z.boolean().default(GUARDRAIL_DEFAULTS.centralRootAccess).meta({
      description:
        "Centralized root access for member accounts: root credentials management and root sessions from the management account.",
    }),
    denyRegionsOutsideEnabled: z
      .boolean()
      .default(GUARDRAIL_DEFAULTS.denyRegionsOutsideEnabled)
      .meta({
        description:
          "SCP: deny regional actions outside regions.enabled (global services stay allowed, as in Control Tower's region deny) and region opt-in changes except by the deploy role. Test it before enabling in a busy org.",
      }),
    protectDetectiveServices: z
      .boolean()
      .default(GUARDRAIL_DEFAULTS.protectDetectiveServices)
      .meta({
        description:
          "SCP: only the deploy role can stop or delete the Config recorders and delivery channels, GuardDuty detectors and their member links, or Security Hub and its standards that the baseline runs (detective.*).",
      }),
  })
  .meta({ description: "Service control policies and organization-level protections." });
