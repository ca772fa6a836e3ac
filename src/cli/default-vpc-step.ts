/**
 * The default VPC step as `default-vpcs` and `deploy` run it: find, ask once (or --yes), delete,
 * and fail (exit 1) after reporting when a region could not be read or a VPC not deleted.
 */
import type { BaselineConfig } from "../answers/resolve.js";
import { removeDefaultVpcs, type DefaultVpcStep } from "../aws/default-vpcs.js";
import { BaselineError } from "../errors.js";
import type { Io } from "./io.js";
import { confirmOrStop } from "./prompter.js";
import { renderToDelete } from "./render-default-vpcs.js";

export interface DefaultVpcStepFlags {
  readonly profile?: string;
  readonly yes?: boolean;
  readonly dryRun?: boolean;
}

export async function defaultVpcStep(
  config: BaselineConfig,
  flags: DefaultVpcStepFlags,
  io: Io,
  command: string,
  only?: readonly string[],
): Promise<DefaultVpcStep> {
  return removeDefaultVpcs(config, {
    profile: flags.profile,
    region: config.regions.home,
    endpointUrl: config.emulator?.endpointUrl,
    dryRun: flags.dryRun,
    ...(only ? { only } : {}),
    onProgress: (line) => io.progress(io.color.dim(line)),
    confirm: async (toDelete) => {
      io.progress(`default VPCs that nothing uses:\n${renderToDelete(toDelete)}`);
      await confirmOrStop(io, {
        yes: flags.yes,
        command,
        question: `Delete ${toDelete.length} default VPC(s) (internet gateways, subnets, VPC)?`,
        hint: `review with \`aws-baseline default-vpcs --dry-run\`, then run ${command} with --yes`,
        refused: "no default VPC was deleted",
      });
      return true;
    },
  });
}

/** Exit 1 once the step is reported, when something could not be read or deleted. */
export function checkDefaultVpcStep(step: DefaultVpcStep): void {
  const failed = step.results.filter((r) => r.status === "failed");
  if (step.failures.length === 0 && failed.length === 0) return;
  throw new BaselineError(
    "DEFAULT_VPCS_FAILED",
    `${step.failures.length} region(s) not read, ${failed.length} default VPC(s) not deleted`,
    {
      hint: "the reasons are listed above; fix them and run `aws-baseline default-vpcs` again (deleted VPCs stay deleted)",
    },
  );
}
