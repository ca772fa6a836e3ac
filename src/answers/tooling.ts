/** Answers slices of the tooling: which Terraform CLI runs the stacks, and the optional AWS emulator. */
import { z } from "zod";

export const Terraform = z
  .strictObject({
    binary: z.enum(["terraform", "tofu"]).default("terraform").meta({
      description: "Which CLI runs the stacks (Terraform >= 1.10 or OpenTofu >= 1.10).",
    }),
  })
  .meta({ description: "Terraform tooling." });

export const Emulator = z
  .strictObject({
    endpointUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).meta({
      description:
        "Endpoint of a local AWS emulator (LocalStack-style). Every provider, backend and SDK client is pointed at it, with path-style S3 and credential/account checks skipped.",
      examples: ["http://localhost:4566"],
    }),
  })
  .meta({
    description:
      "Rehearse the baseline against a local AWS emulator instead of AWS. Also: --endpoint-url or AWS_BASELINE_ENDPOINT_URL.",
  });
