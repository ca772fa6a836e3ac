/** The default VPC step, rendered for the terminal (`default-vpcs` and `deploy`). */
import { deletable, type DefaultVpc, type DefaultVpcStep } from "../aws/default-vpcs.js";
import type { Colors } from "./io.js";

function where(v: { account: string; region: string }): string {
  return `${v.account} ${v.region}`;
}

/** The VPCs a confirmation covers, one line each. */
export function renderToDelete(vpcs: readonly DefaultVpc[]): string {
  return vpcs
    .map(
      (v) =>
        `  ${where(v)}: ${v.vpcId} (${v.subnetIds.length} subnet(s), ${v.internetGatewayIds.length} internet gateway(s))`,
    )
    .join("\n");
}

export function renderDefaultVpcStep(step: DefaultVpcStep, c: Colors): string {
  const lines: string[] = [];
  const results = new Map(step.results.map((r) => [`${r.account} ${r.region} ${r.vpcId}`, r]));
  for (const vpc of step.found) {
    const result = results.get(`${vpc.account} ${vpc.region} ${vpc.vpcId}`);
    if (result?.status === "deleted")
      lines.push(`${c.green("✔")} ${where(vpc)}: deleted ${vpc.vpcId}`);
    else if (result?.status === "failed")
      lines.push(`${c.red("✖")} ${where(vpc)}: ${vpc.vpcId} not deleted: ${result.reason}`);
    else if (result?.status === "in-use" || !deletable(vpc))
      lines.push(
        `${c.yellow("kept")} ${where(vpc)}: ${vpc.vpcId}: ${result?.status === "in-use" ? result.reason : `${vpc.networkInterfaces} network interface(s) in it`}; it stays neutralized`,
      );
    else lines.push(`${c.dim("·")} ${where(vpc)}: ${vpc.vpcId} would be deleted`);
  }
  for (const f of step.failures) lines.push(`${c.red("✖")} ${where(f)}: not read: ${f.reason}`);
  for (const name of step.waiting)
    lines.push(`${c.yellow("waiting")} ${name}: its account ID is not recorded yet`);
  if (step.found.length === 0 && step.failures.length === 0)
    lines.push(`${c.green("✔")} no default VPC in ${step.regionsRead} account region(s)`);
  return lines.join("\n");
}
