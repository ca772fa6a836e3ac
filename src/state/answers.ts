/** Answers slice of the state area: where Terraform state lives. */
import { z } from "zod";
import { DEFAULT_STATE_BACKEND } from "./defaults.js";
import { region } from "../answers/fields.js";

const S3State = z.strictObject({
  backend: z.literal("s3"),
  bucket: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      error:
        "must be 3-63 lowercase letters, digits, '.' or '-', starting and ending with a letter or digit",
    })
    // S3's other naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    .refine((name) => !/\.\.|\.-|-\./.test(name), {
      error: "must not have '..', '.-' or '-.' (S3 bucket naming rules)",
    })
    .refine((name) => !/^\d{1,3}(\.\d{1,3}){3}$/.test(name), {
      error: "must not look like an IP address (S3 bucket naming rules)",
    })
    .refine(
      (name) => !/^(xn--|sthree-|amzn-s3-demo-)|(-s3alias|--ol-s3|\.mrap|--x-s3)$/.test(name),
      {
        error:
          "must not use a prefix or suffix S3 reserves (xn--, sthree-, -s3alias, --ol-s3, ...)",
      },
    )
    .meta({
      description:
        "Existing state bucket: versioned, encrypted, private; create it before the first terraform init.",
      examples: ["acme-tfstate"],
    }),
  region: region().meta({ description: "Region of the state bucket." }),
  keyPrefix: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, { error: "must be a path without leading '/'" })
    .default("aws-baseline")
    .meta({ description: "State keys are <keyPrefix>/<stack>.tfstate." }),
});

const LocalState = z.strictObject({
  backend: z.literal("local"),
  directory: z
    .string()
    .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9_./-]+$/, {
      error: "must be a relative path inside the project (no '..', not absolute)",
    })
    .default("terraform-state")
    .meta({
      description:
        "Folder for local state files, relative to the folder holding the synth output (beside cdktf.out, never inside it).",
    }),
});

export const State = z
  .discriminatedUnion("backend", [S3State, LocalState])
  .prefault({ backend: DEFAULT_STATE_BACKEND })
  .meta({
    description:
      "Where Terraform state lives: S3 (encrypted, use_lockfile) for real use, or local files for trials.",
  });
