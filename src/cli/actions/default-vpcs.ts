/**
 * `aws-baseline default-vpcs`: delete the default VPCs nothing uses (accountDefaults.defaultVpc
 * "delete"), or list them (--dry-run, in any mode).
 */
import { loadConfigFor } from "../../answers/load.js";
import { deletable } from "../../aws/default-vpcs.js";
import { BaselineError } from "../../errors.js";
import { checkDefaultVpcStep, defaultVpcStep } from "../default-vpc-step.js";
import type { Io } from "../io.js";
import { renderDefaultVpcStep } from "../render-default-vpcs.js";

export interface DefaultVpcsFlags {
  readonly config: string;
  readonly dryRun?: boolean;
  readonly yes?: boolean;
  readonly profile?: string;
  readonly endpointUrl?: string;
}

export async function defaultVpcsCommand(flags: DefaultVpcsFlags, io: Io): Promise<void> {
  const config = await loadConfigFor(flags.config, flags.endpointUrl);
  const mode = config.accountDefaults.defaultVpc;
  if (!flags.dryRun && mode !== "delete") {
    throw new BaselineError(
      "DEFAULT_VPC_MODE",
      `accountDefaults.defaultVpc is "${mode}": default VPCs are deleted only when the answers say "delete"`,
      {
        hint: 'set "accountDefaults": { "defaultVpc": "delete" } in the answers, or list them with --dry-run',
      },
    );
  }
  const step = await defaultVpcStep(config, flags, io, "default-vpcs");
  const ok = step.failures.length === 0 && step.results.every((r) => r.status !== "failed");
  io.result({ ok, mode, ...step }, () => renderDefaultVpcStep(step, io.color));
  checkDefaultVpcStep(step);
  // Like plan --detailed-exitcode: 2 when a dry run finds default VPCs it would delete.
  if (step.dryRun && step.found.some(deletable)) process.exitCode = 2;
}
