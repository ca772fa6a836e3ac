/** `aws-baseline validate`: check an answers file and say what it would build. */
import { planStacks } from "../../plan/plan.js";
import { loadConfig } from "../../answers/load.js";
import { describeDetectiveCost, estimateDetectiveCost } from "../../detective/cost.js";
import { guardrailCautions } from "../../guardrails/cautions.js";
import { detectiveCautions } from "../../detective/cautions.js";
import { describeNetworkCost, organizationNetworkCost } from "../../network/cost.js";
import type { Io } from "../io.js";

export async function validateCommand(opts: { config: string }, io: Io): Promise<void> {
  const config = await loadConfig(opts.config);
  const specs = planStacks(config);
  const waiting = specs.filter((s) => s.waitingFor.length > 0);
  const networkCost = organizationNetworkCost(config.accounts, config.regions.home);
  const detectiveCost = estimateDetectiveCost(config);
  const cautions = [...guardrailCautions(config), ...detectiveCautions(config)];
  io.result(
    {
      ok: true,
      file: opts.config,
      accounts: config.accounts.length + 1,
      regions: config.regions.enabled.length,
      stacks: specs.map((s) => ({
        name: s.name,
        account: s.account.name,
        waitingFor: s.waitingFor,
      })),
      networkCost,
      detectiveCost,
      cautions,
    },
    () =>
      `${io.color.green("✔")} ${opts.config} is valid: ${config.accounts.length + 1} accounts, ` +
      `${config.regions.enabled.length} regions, ${specs.length} stacks` +
      (waiting.length ? ` (${waiting.length} waiting for account IDs)` : "") +
      `\n  ${describeNetworkCost(networkCost)}` +
      describeDetectiveCost(detectiveCost)
        .map((line) => `\n  ${line}`)
        .join("") +
      cautions.map((c) => `\n${io.color.yellow("caution")} ${c}`).join(""),
  );
}
