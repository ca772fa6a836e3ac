/** `aws-baseline bootstrap`: create the S3 state bucket and move its own state into it. */
import { join, relative } from "node:path";
import { loadConfigFor } from "../../answers/load.js";
import { assertS3State, bootstrap } from "../../run/bootstrap.js";
import { runnerSetup } from "../../run/setup.js";
import type { Io } from "../io.js";
import { confirmOrStop } from "../prompter.js";
import { runnerProgress } from "../render-run.js";

export interface BootstrapFlags {
  readonly config: string;
  readonly dir: string;
  readonly yes?: boolean;
  readonly terraformBin?: string;
  readonly pluginDir?: string;
  readonly endpointUrl?: string;
  readonly logsDir?: string;
}

export async function bootstrapCommand(flags: BootstrapFlags, io: Io): Promise<void> {
  const config = await loadConfigFor(flags.config, flags.endpointUrl);
  assertS3State(config);
  const options = await runnerSetup(flags, {
    command: "bootstrap",
    outDir: flags.dir,
    config,
    logsRoot: join(flags.dir, "logs"),
    ...runnerProgress(io),
  });
  const result = await bootstrap(config, {
    ...options,
    confirm: async (summary) => {
      io.progress(summary);
      await confirmOrStop(io, {
        yes: flags.yes,
        command: "bootstrap",
        question: "Create it?",
        hint: "run it with --yes",
        refused: "nothing applied",
      });
      return true;
    },
  });
  const where = relative(process.cwd(), result.dir) || ".";
  io.result({ ok: true, ...result, dir: where }, () =>
    [
      `${io.color.green("✔")} state bucket s3://${result.bucket} (${result.region}): ${result.bucketChange}`,
      result.migrated
        ? `  its own state moved from ${where} into the bucket; every stack now uses the S3 backend`
        : "  its state already lives in the bucket",
    ].join("\n"),
  );
}
