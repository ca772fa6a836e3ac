/**
 * plan, deploy and drift without AWS credentials, through the built CLI: one environment problem
 * (exit 3) saying how to sign in, before terraform runs on any stack. The SDK's credential chain
 * is given nothing to find (no keys, no profile files, no instance metadata), so nothing is sent
 * anywhere; a stand-in terraform records every call it gets.
 */
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { minimalAnswers } from "../helpers/answers.js";
import { cli } from "../helpers/cli.js";
import { tempDir } from "../helpers/synth.js";

const root = tempDir("aws-baseline-run-preflight-");
const calls = join(root, "terraform-calls.log");
const fake = join(root, "terraform");
writeFileSync(
  fake,
  `#!/bin/sh\necho "$*" >> "${calls}"\n[ "$1" = version ] && echo '{"terraform_version":"1.11.4"}' && exit 0\necho "Error: No valid credential sources found" >&2\nexit 1\n`,
);
chmodSync(fake, 0o755);
writeFileSync(
  join(root, "aws-baseline.json"),
  JSON.stringify({
    ...minimalAnswers(),
    state: { backend: "s3", bucket: "tiny-tfstate", region: "eu-west-1" },
  }),
);

/** The standard chain with nothing to find: no keys, no profiles, no metadata service. */
const NO_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_DEFAULT_PROFILE: undefined,
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
  AWS_ROLE_ARN: undefined,
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
  AWS_BASELINE_ENDPOINT_URL: undefined,
  AWS_CONFIG_FILE: join(root, "no-aws-config"),
  AWS_SHARED_CREDENTIALS_FILE: join(root, "no-aws-credentials"),
  AWS_EC2_METADATA_DISABLED: "true",
  TF_PLUGIN_DIR: undefined,
};

describe("plan, deploy and drift check AWS credentials before terraform runs", () => {
  it("without credentials each exits 3 with one message naming the fix; terraform only told its version", () => {
    const synth = cli(["synth", "--tf-validate", "never"], { cwd: root });
    expect(synth.code, synth.stderr).toBe(0);
    for (const command of [["plan"], ["drift"], ["deploy", "--yes"]]) {
      writeFileSync(calls, "");
      const run = cli([...command, "--no-synth", "--terraform-bin", fake], {
        cwd: root,
        env: NO_CREDENTIALS,
      });
      expect(run.code, `${command[0]}: ${run.stderr}`).toBe(3);
      expect(run.stderr.match(/AWS_NO_CREDENTIALS/g), command[0]).toHaveLength(1);
      expect(run.stderr).toContain("aws sso login");
      expect(run.stderr).not.toContain("planned");
      expect(run.stderr).not.toContain("internal error");
      expect(readFileSync(calls, "utf8").trim().split("\n"), command[0]).toEqual(["version -json"]);
    }
  });
});
