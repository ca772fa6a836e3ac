/**
 * Reading the organization for `accounts sync` (and the first `deploy`): the answers file's text
 * and what sync would change in it. Read-only against AWS; writing is the caller's decision.
 */
import { createPatch } from "diff";
import { configFrom, readAnswersText } from "../answers/load.js";
import { emulatorFor, type Emulator } from "../answers/emulator.js";
import { createClients, destroyClients, type AwsClients } from "./clients.js";
import { planSync, type SyncPlan } from "./match.js";
import { readOrganization } from "./organization.js";

/** Where the SDK clients point: --profile, --region, --endpoint-url (each optional). */
export interface AwsTarget {
  readonly profile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
}

/** Runs `run` with SDK clients for `target` (region falls back to `region`), then closes them. */
export async function withClients<T>(
  target: AwsTarget,
  region: string,
  fromAnswers: Emulator | undefined,
  run: (clients: AwsClients) => Promise<T>,
): Promise<T> {
  const emulator = emulatorFor(target.endpointUrl, fromAnswers);
  const clients = createClients({
    profile: target.profile,
    region: target.region ?? region,
    endpointUrl: emulator?.endpointUrl,
  });
  try {
    return await run(clients);
  } finally {
    destroyClients(clients);
  }
}

/** A unified diff of the answers file, for review before writing. */
export function answersDiff(file: string, before: string, after: string): string {
  return createPatch(file, before, after, "recorded", "after sync", { context: 2 })
    .split("\n")
    .slice(2) // drop the "Index:" and "====" lines
    .join("\n")
    .trimEnd();
}

/** The answers file's text and what sync would change in it, read from the organization. */
export async function readSync(
  file: string,
  target: AwsTarget,
  onProgress?: (line: string) => void,
): Promise<{ text: string; plan: SyncPlan }> {
  const { text, data } = await readAnswersText(file);
  const config = configFrom(file, data);
  const org = await withClients(target, config.regions.home, config.emulator, (clients) =>
    readOrganization(clients, { onProgress }),
  );
  return { text, plan: planSync(config, org) };
}
