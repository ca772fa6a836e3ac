/**
 * Emulator mode: rehearse the baseline against a local AWS emulator (LocalStack-style). One URL
 * answers for every service, S3 is addressed path-style, and checks that need real AWS (credential
 * validation, the account-ID lookup, the instance metadata service) are skipped. Providers, state
 * backends and SDK clients all take their settings from here, so none of them is left pointing
 * at AWS.
 */
import { BaselineError } from "../errors.js";
import { EMULATOR_GAPS, type EmulatorGap } from "./tooling.js";

/** Provider `endpoints` keys of every service the stacks use (hashicorp/aws 5.x names). */
export const EMULATED_SERVICES = [
  "accessanalyzer",
  "account",
  "budgets",
  "cloudtrail",
  "cloudwatch",
  "cloudwatchlogs",
  "configservice",
  "ec2",
  "events",
  "guardduty",
  "iam",
  "kms",
  "organizations",
  "s3",
  "s3control",
  "securityhub",
  "sns",
  "sts",
] as const;

export type EmulatedService = (typeof EMULATED_SERVICES)[number];

/** cdktf's property name for an `endpoints` key: camelCase where the provider key has two words. */
type CdktfEndpointName<S extends EmulatedService> = S extends "s3control" ? "s3Control" : S;

const CDKTF_ENDPOINT_NAMES: { readonly [S in EmulatedService]?: CdktfEndpointName<S> } = {
  s3control: "s3Control",
};

export interface Emulator {
  readonly endpointUrl: string;
  /** What emulator mode leaves out (see EMULATOR_GAPS); true leaves the item out. */
  readonly leaveOut: Readonly<Record<EmulatorGap, boolean>>;
}

/** Every known gap left out: the default, and what --endpoint-url alone means. */
export const LEAVE_OUT_EVERY_GAP = Object.fromEntries(
  Object.keys(EMULATOR_GAPS).map((gap) => [gap, true]),
) as Record<EmulatorGap, boolean>;

/** Settings merged into every AwsProvider in emulator mode (cdktf property names). */
export function providerEmulation(emulator: Emulator) {
  const url = emulator.endpointUrl;
  // Keys in EMULATED_SERVICES order, so the synthesized provider block keeps its byte order.
  const endpoints = Object.fromEntries(
    EMULATED_SERVICES.map((service) => [CDKTF_ENDPOINT_NAMES[service] ?? service, url]),
  ) as { readonly [S in EmulatedService as CdktfEndpointName<S>]: string };
  return {
    endpoints: [endpoints],
    // An emulator answers unimplemented calls with HTTP 500, which the provider retries for
    // minutes by default: a few retries turn a hang into a prompt error.
    maxRetries: 2,
    s3UsePathStyle: true,
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: "true",
    skipRegionValidation: true,
  };
}

/** Overrides for `terraform.backend.s3` in emulator mode (Terraform JSON names). */
export function backendEmulation(emulator: Emulator): Record<string, unknown> {
  return {
    endpoints: { s3: emulator.endpointUrl, sts: emulator.endpointUrl },
    use_path_style: true,
    skip_credentials_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
  };
}

/**
 * Emulators accept any credentials but the AWS SDK and provider still want some: when the
 * standard chain has nothing configured (no keys, no profile), the well-known dummy pair is used
 * (never a real secret).
 */
export const EMULATOR_CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" } as const;

export function needsDummyCredentials(env: NodeJS.ProcessEnv, profile?: string): boolean {
  return !env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE && !profile;
}

/** The dummy pair as environment variables, for terraform in emulator mode. */
export function emulatorCredentialsEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  if (!needsDummyCredentials(env)) return {};
  return {
    AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
  };
}

/** The emulator a command runs against: --endpoint-url / AWS_BASELINE_ENDPOINT_URL, else answers. */
export function emulatorFor(
  fromFlag: string | undefined,
  fromAnswers: Emulator | undefined,
): Emulator | undefined {
  if (!fromFlag) return fromAnswers;
  let url: URL;
  try {
    url = new URL(fromFlag);
  } catch {
    url = new URL("invalid://");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || /[$%]\{/.test(fromFlag)) {
    throw new BaselineError(
      "EMULATOR_URL_INVALID",
      `--endpoint-url is not an http(s) URL: ${JSON.stringify(fromFlag)}`,
      {
        hint: "use the emulator's edge URL, e.g. --endpoint-url http://localhost:4566",
      },
    );
  }
  return { endpointUrl: fromFlag, leaveOut: fromAnswers?.leaveOut ?? LEAVE_OUT_EVERY_GAP };
}
