/**
 * Matching the answers to a real organization (pure): which answers account is which AWS account,
 * and which answers values `accounts sync` should write. An account is matched by a recorded
 * account ID first, then by e-mail (the one thing AWS keeps unique), then by name.
 */
import type { JsonPath } from "../answers/edit.js";
import type { BaselineConfig, ResolvedAccount } from "../answers/resolve.js";
import type { OrgAccount, OrgSnapshot } from "./organization.js";

export interface AnswerEdit {
  /** Where in the answers file: ["accounts", 2, "accountId"]. */
  readonly path: JsonPath;
  readonly value: string;
}

export interface AccountMatch {
  readonly name: string;
  readonly answersPath: string;
  readonly accountId: string;
  readonly by: "account ID" | "e-mail" | "name";
  readonly state: string;
}

export interface SyncConflict {
  readonly answersPath: string;
  readonly recorded: string;
  readonly found: string;
  readonly message: string;
}

export interface SyncPlan {
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly matched: readonly AccountMatch[];
  /** Values to write (only those that change). */
  readonly edits: readonly AnswerEdit[];
  /** Recorded values that disagree with the organization: never replaced without --force. */
  readonly conflicts: readonly SyncConflict[];
  /** Edits that would replace the conflicting values (applied only with --force). */
  readonly conflictEdits: readonly AnswerEdit[];
  /** Accounts in the organization the answers do not describe (management excluded). */
  readonly unknown: readonly OrgAccount[];
  /** Answers accounts with no account in the organization yet (the org stack creates them). */
  readonly missing: readonly { name: string; answersPath: string; email?: string }[];
}

/** "accounts[3]" -> ["accounts", 3] */
export function pathOf(answersPath: string): (string | number)[] {
  return answersPath
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const lower = (s: string | undefined) => s?.toLowerCase();

function findMatch(
  account: ResolvedAccount,
  available: readonly OrgAccount[],
): { found: OrgAccount; by: AccountMatch["by"] } | undefined {
  const byId = account.accountId && available.find((a) => a.id === account.accountId);
  if (byId) return { found: byId, by: "account ID" };
  const email = lower(account.email);
  const byEmail = email && available.find((a) => lower(a.email) === email);
  if (byEmail) return { found: byEmail, by: "e-mail" };
  const name = lower(account.displayName ?? account.name);
  const byName = available.find((a) => lower(a.name) === name);
  return byName ? { found: byName, by: "name" } : undefined;
}

/** Compares one recorded value with the organization's: an edit, a conflict, or nothing. */
function reconcile(
  answersPath: string,
  recorded: string | undefined,
  found: string,
  what: string,
  out: { edits: AnswerEdit[]; conflicts: SyncConflict[]; conflictEdits: AnswerEdit[] },
): void {
  const edit = { path: pathOf(answersPath), value: found };
  if (recorded === undefined) out.edits.push(edit);
  else if (recorded !== found) {
    out.conflicts.push({
      answersPath,
      recorded,
      found,
      message: `${answersPath} is ${recorded}, but the organization's ${what} is ${found}`,
    });
    out.conflictEdits.push(edit);
  }
}

export function planSync(config: BaselineConfig, org: OrgSnapshot): SyncPlan {
  const out = {
    edits: [] as AnswerEdit[],
    conflicts: [] as SyncConflict[],
    conflictEdits: [] as AnswerEdit[],
  };
  reconcile("organization.id", config.organization.id, org.id, "ID", out);
  reconcile(
    "management.accountId",
    config.management.accountId,
    org.managementAccountId,
    "management account",
    out,
  );

  let available = org.accounts.filter((a) => a.id !== org.managementAccountId);
  const matched: AccountMatch[] = [];
  const missing: SyncPlan["missing"][number][] = [];
  for (const account of config.accounts) {
    const match = findMatch(account, available);
    if (!match) {
      missing.push({ name: account.name, answersPath: account.answersPath, email: account.email });
      continue;
    }
    available = available.filter((a) => a !== match.found);
    matched.push({
      name: account.name,
      answersPath: account.answersPath,
      accountId: match.found.id,
      by: match.by,
      state: match.found.state,
    });
    reconcile(
      `${account.answersPath}.accountId`,
      account.accountId,
      match.found.id,
      `account ${match.found.name} <${match.found.email}>`,
      out,
    );
  }
  return {
    organizationId: org.id,
    managementAccountId: org.managementAccountId,
    matched,
    ...out,
    unknown: available,
    missing,
  };
}
