/** Text rendering of `accounts sync` and `accounts discover` results. */
import type { Discovery } from "../aws/discover.js";
import type { SyncPlan } from "../aws/match.js";
import type { Colors } from "./io.js";
import { table } from "./render.js";

function colorDiff(diff: string, c: Colors): string {
  return diff
    .split("\n")
    .map((line) =>
      line.startsWith("+") && !line.startsWith("+++")
        ? c.green(line)
        : line.startsWith("-") && !line.startsWith("---")
          ? c.red(line)
          : c.dim(line),
    )
    .join("\n");
}

export function renderSyncPlan(
  plan: SyncPlan,
  c: Colors,
  o: { file: string; diff: string; written: boolean; dryRun?: boolean; blocked: boolean },
): string {
  const out: string[] = [
    `Organization ${c.bold(plan.organizationId)}, management account ${plan.managementAccountId}`,
  ];
  if (plan.matched.length > 0) {
    out.push(
      table(
        ["account", "answers", "AWS account", "matched by", "state"],
        plan.matched.map((m) => [m.name, m.answersPath, m.accountId, m.by, m.state]),
      ),
    );
  }
  for (const m of plan.missing) {
    out.push(
      `${c.yellow("not created yet")} ${m.name} (${m.answersPath}${m.email ? `, ${m.email}` : ""}): deploy the org stack to create it`,
    );
  }
  for (const u of plan.unknown) {
    out.push(
      `${c.yellow("not in the answers")} ${u.name} ${u.id} <${u.email}> (${u.state}): add it to accounts to manage it`,
    );
  }
  for (const conflict of plan.conflicts) out.push(`${c.red("conflict")} ${conflict.message}`);
  if (o.diff) out.push("", colorDiff(o.diff, c), "");
  if (o.blocked) out.push(c.red(`Nothing written to ${o.file}.`));
  else if (o.written) out.push(`${c.green("✔")} ${o.file} updated (only the values above changed)`);
  else if (o.dryRun && o.diff) out.push(`Dry run: ${o.file} not changed.`);
  else if (!o.diff) out.push(`${c.green("✔")} ${o.file} already matches the organization`);
  return out.join("\n");
}

export function renderDiscovery(
  d: Discovery,
  c: Colors,
  o: { file: string; dryRun?: boolean; text: string },
): string {
  const out: string[] = [];
  if (o.dryRun) out.push(o.text.trimEnd(), "");
  const accounts =
    (d.answers.accounts as { name: string; accountId?: string; ou?: string }[]) ?? [];
  const i = d.imports;
  const detective = [
    i.configRecorders > 0 ? `${i.configRecorders} Config recorder(s)` : "",
    i.configServiceLinkedRoles > 0
      ? `${i.configServiceLinkedRoles} Config service-linked role(s)`
      : "",
    i.guardDutyDetectors > 0 ? `${i.guardDutyDetectors} GuardDuty detector(s)` : "",
    i.delegatedAdministrators > 0 ? `${i.delegatedAdministrators} delegated administrator(s)` : "",
  ].filter(Boolean);
  out.push(
    `Organization ${c.bold(d.organizationId)}: ${accounts.length} member account(s), ` +
      `imports: organization, ${i.accounts} account(s), ${i.organizationalUnits} OU(s), ${i.policies} SCP(s)` +
      detective.map((x) => `, ${x}`).join(""),
  );
  for (const warning of d.warnings) out.push(`${c.yellow("warning")} ${warning}`);
  if (d.conflicts.length > 0) {
    out.push(c.yellow(`${d.conflicts.length} conflict(s) need a decision:`));
    out.push(
      table(
        ["kind", "subject", "what", "fix"],
        d.conflicts.map((x) => [x.kind, x.subject, x.message, x.fix]),
      ),
    );
  }
  out.push(
    o.dryRun
      ? "Dry run: nothing written."
      : `${c.green("✔")} wrote ${o.file}. Next: review it, then \`aws-baseline synth -c ${o.file}\` and \`aws-baseline plan\` (the org stack imports, it does not create).`,
  );
  return out.join("\n");
}
