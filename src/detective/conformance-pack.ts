/**
 * The optional organization conformance pack: Config managed rules for the CIS checks the
 * baseline cannot enforce by construction (root and IAM user credentials), evaluated in every
 * account of the home region (IAM is global). Security Hub's CIS standard covers more; this pack
 * gives the same answers in Config's own compliance view and aggregator.
 */

/** CIS recommendation -> managed rule (identifier) and its parameters. */
export const CONFORMANCE_RULES: readonly {
  readonly cis: string;
  readonly identifier: string;
  readonly parameters?: Readonly<Record<string, string>>;
  /** Periodic rules take a frequency; rules triggered by configuration changes must not. */
  readonly periodic: boolean;
}[] = [
  { cis: "1.4", identifier: "IAM_ROOT_ACCESS_KEY_CHECK", periodic: true },
  { cis: "1.5", identifier: "ROOT_ACCOUNT_MFA_ENABLED", periodic: true },
  { cis: "1.6", identifier: "ROOT_ACCOUNT_HARDWARE_MFA_ENABLED", periodic: true },
  { cis: "1.10", identifier: "MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS", periodic: true },
  {
    cis: "1.12",
    identifier: "IAM_USER_UNUSED_CREDENTIALS_CHECK",
    parameters: { maxCredentialUsageAge: "45" },
    periodic: true,
  },
  {
    cis: "1.14",
    identifier: "ACCESS_KEYS_ROTATED",
    parameters: { maxAccessKeyAge: "90" },
    periodic: true,
  },
  { cis: "1.15", identifier: "IAM_USER_NO_POLICIES_CHECK", periodic: false },
  { cis: "1.16", identifier: "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", periodic: false },
];

/** Rule names in the pack: identifier in kebab case, prefixed with its CIS number. */
function ruleName(rule: (typeof CONFORMANCE_RULES)[number]): string {
  return `cis-${rule.cis.replace(".", "-")}-${rule.identifier.toLowerCase().replaceAll("_", "-")}`;
}

/** The pack as a CloudFormation template (JSON, which conformance packs accept as YAML). */
export function conformancePackTemplate(): string {
  const resources = Object.fromEntries(
    CONFORMANCE_RULES.map((rule) => [
      ruleName(rule)
        .split("-")
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join(""),
      {
        Type: "AWS::Config::ConfigRule",
        Properties: {
          ConfigRuleName: ruleName(rule),
          Source: { Owner: "AWS", SourceIdentifier: rule.identifier },
          ...(rule.parameters ? { InputParameters: rule.parameters } : {}),
          // Credential checks once a day.
          ...(rule.periodic ? { MaximumExecutionFrequency: "TwentyFour_Hours" } : {}),
        },
      },
    ]),
  );
  return JSON.stringify({ Resources: resources });
}
