/**
 * Steps no API can do for you. They are printed by synth, recorded in the output marker, and
 * listed in the README, so nobody believes the baseline is complete without them.
 */
import type { BaselineConfig } from "../answers/resolve.js";

export function manualSteps(config: BaselineConfig): string[] {
  const steps = [
    `Management account (name: ${config.management.name}): sign in as root once, enable MFA on the root user (a hardware key is best, CIS 1.5/1.6), store the credentials offline and delete any root access keys (CIS 1.4).`,
  ];
  const { admins } = config.identity;
  if (admins.enabled && admins.users.length > 0) {
    const users = admins.users.join(", ");
    steps.push(
      admins.pgpKey
        ? `Admin users (${users}): decrypt each initial password from the baseline-${config.management.name} outputs (initial-password-<user>) with the PGP key's private half and hand it over; users must change it at first sign-in, then enrol an MFA device before anything else works.`
        : `Admin users (${users}): no console password is stored anywhere by the baseline. In the IAM console of the management account, enable console access for each user with "must create a new password at next sign-in"; users then enrol an MFA device before anything else works.`,
    );
  }
  const ic = config.identity.identityCenter;
  if (ic.enabled) {
    const region = ic.region ?? config.regions.home;
    const sets = [ic.groups.admins];
    if (admins.readOnlyGroup) sets.push(ic.groups.readOnly);
    if (admins.billingGroup) sets.push(ic.groups.billing);
    steps.push(
      `IAM Identity Center: in ${config.management.name}, enable an organization instance of IAM Identity Center in ${region}, choose the identity source (the built-in directory or your identity provider), create the groups ${sets.join(", ")} (or sync them from the provider) and add people, and under Settings > Authentication require MFA at every sign-in. The identity-center stack cannot plan until the instance and the groups exist.`,
    );
  }
  steps.push(
    `Billing alerts: in the Billing console of the management account, open Billing preferences and turn on "Receive CloudWatch billing alerts" once. Until then AWS/Billing EstimatedCharges has no data and the billing alarms stay in INSUFFICIENT_DATA.`,
    `Alarm e-mails: every address in alarms.emails and billing.emails receives a subscription confirmation from AWS Notifications after the org-trail and billing stacks are applied (alarms.emails once more for the security findings topic of security-tooling); an unconfirmed subscription delivers nothing.`,
  );
  return steps;
}
