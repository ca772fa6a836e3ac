/**
 * `aws-baseline accounts sync|discover`: read the real organization (read-only) and bring the
 * answers up to date (sync), or write answers for an organization that already exists (discover).
 */
import { existsSync } from "node:fs";
import { editAnswersText } from "../../answers/edit.js";
import { validateAnswers } from "../../answers/load.js";
import { BaselineError } from "../../errors.js";
import { discover } from "../../aws/discover.js";
import { answersDiff, readSync, withClients, type AwsTarget } from "../../aws/sync.js";
import { writeFileAtomic } from "../../util/fs.js";
import type { Io } from "../io.js";
import { confirmWrite } from "../prompter.js";
import { renderDiscovery, renderSyncPlan } from "../render-accounts.js";

export interface SyncFlags extends AwsTarget {
  readonly config: string;
  readonly dryRun?: boolean;
  readonly force?: boolean;
  readonly yes?: boolean;
}

export interface DiscoverFlags extends AwsTarget {
  readonly out: string;
  readonly name?: string;
  readonly prefix?: string;
  readonly alarmEmail?: string[];
  readonly inspectMembers?: boolean;
  readonly accessRole?: string;
  readonly dryRun?: boolean;
  readonly force?: boolean;
}

export async function syncCommand(flags: SyncFlags, io: Io): Promise<void> {
  const { text, plan } = await readSync(flags.config, flags, (line) =>
    io.progress(io.color.dim(line)),
  );

  const blocked = plan.conflicts.length > 0 && !flags.force;
  const edits = flags.force ? [...plan.edits, ...plan.conflictEdits] : plan.edits;
  const after = blocked ? text : editAnswersText(text, edits);
  const diff = after === text ? "" : answersDiff(flags.config, text, after);
  const willWrite = !flags.dryRun && !blocked && after !== text;

  if (after !== text) {
    // What sync writes must itself be valid answers (it only adds IDs, so this is a safety net).
    const check = validateAnswers(JSON.parse(after));
    if (!check.ok) {
      throw new BaselineError("ANSWERS_INVALID", "the synced answers would not be valid", {
        problems: check.problems,
      });
    }
  }

  let written = false;
  if (willWrite) {
    const ask = !flags.yes && !io.json && process.stdin.isTTY && process.stdout.isTTY;
    if (ask) {
      io.error(diff);
      if (!(await confirmWrite(`Write ${edits.length} value(s) to ${flags.config}?`))) {
        throw new BaselineError("ABORTED", "nothing written");
      }
    }
    await writeFileAtomic(flags.config, after);
    written = true;
  }

  io.result(
    { ok: !blocked, file: flags.config, written, dryRun: Boolean(flags.dryRun), diff, ...plan },
    () =>
      renderSyncPlan(plan, io.color, {
        file: flags.config,
        diff,
        written,
        dryRun: flags.dryRun,
        blocked,
      }),
  );
  if (blocked) {
    throw new BaselineError(
      "ANSWERS_CONFLICT",
      `${plan.conflicts.length} recorded value(s) disagree with the organization; nothing written`,
      {
        hint: "check that you are signed in to the right organization; --force replaces the recorded values",
      },
    );
  }
}

export async function discoverCommand(flags: DiscoverFlags, io: Io): Promise<void> {
  if (!flags.dryRun && existsSync(flags.out) && !flags.force) {
    throw new BaselineError(
      "FILE_EXISTS",
      `${flags.out} exists; discover never replaces answers you wrote`,
      {
        hint: "choose another --out, use `accounts sync` to update it, or --force to replace it",
      },
    );
  }
  const homeRegion =
    flags.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";
  const discovery = await withClients(flags, homeRegion, undefined, (clients) =>
    discover(clients, {
      homeRegion,
      name: flags.name,
      prefix: flags.prefix,
      alarmEmails: flags.alarmEmail,
      inspectMembers: flags.inspectMembers,
      accessRoleName: flags.accessRole,
      onProgress: (line) => io.progress(io.color.dim(line)),
    }),
  );
  const text = `${JSON.stringify(discovery.answers, null, 2)}\n`;
  if (!flags.dryRun) await writeFileAtomic(flags.out, text);
  io.result(
    { ok: discovery.problems.length === 0, file: flags.out, written: !flags.dryRun, ...discovery },
    () => renderDiscovery(discovery, io.color, { file: flags.out, dryRun: flags.dryRun, text }),
  );
  if (discovery.problems.length > 0) {
    throw new BaselineError(
      "ANSWERS_INVALID",
      `the discovered answers need ${discovery.problems.length} fix(es) before synth`,
      { problems: discovery.problems },
    );
  }
}
