/**
 * `aws-baseline accounts sync` end to end: the built CLI in emulator mode (--endpoint-url) against
 * an in-process HTTP fake of STS and Organizations. Nothing reaches AWS.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliAsync } from "../helpers/cli.js";
import { fakeOrg, startFakeAws } from "../helpers/fake-org.js";

const ANSWERS = `{
  "version": 1,
  "organization": { "name": "Acme Corp", "prefix": "acme" },
  "accountEmailPattern": "aws+{name}@acme.example",
  "accounts": [
    { "name": "log-archive", "kind": "log-archive" },
    { "name": "prod", "network": {} }
  ],
  "detective": {
    "config": { "enabled": false },
    "guardDuty": { "enabled": false },
    "securityHub": { "enabled": false },
    "accessAnalyzer": { "enabled": false }
  },
  "alarms": { "emails": ["sec@acme.example"] }
}
`;

const org = fakeOrg();
let fake: Awaited<ReturnType<typeof startFakeAws>>;
const dir = mkdtempSync(join(tmpdir(), "aws-baseline-accounts-"));
const env = () => ({
  AWS_BASELINE_ENDPOINT_URL: fake.url,
  AWS_ACCESS_KEY_ID: undefined,
  AWS_PROFILE: undefined,
  AWS_CONFIG_FILE: join(dir, "none"),
  AWS_SHARED_CREDENTIALS_FILE: join(dir, "none"),
});

beforeAll(async () => {
  fake = await startFakeAws(org);
});
afterAll(() => fake.server.close());

describe("aws-baseline accounts sync (emulator mode)", () => {
  it("--dry-run shows the diff and the report and leaves the file alone", async () => {
    const file = join(dir, "dry.json");
    writeFileSync(file, ANSWERS);
    const run = await cliAsync(["accounts", "sync", "-c", file, "--dry-run"], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      '+    { "name": "prod", "accountId": "666666666666", "network": {} }',
    );
    expect(run.stdout).toMatch(/not in the answers.*Sandbox 777777777777/);
    expect(run.stdout).toContain("Dry run");
    expect(readFileSync(file, "utf8")).toBe(ANSWERS);
    expect(fake.calls).toContain("GetCallerIdentity");
  });

  it("writes only the IDs, and a second run finds nothing to change", async () => {
    const file = join(dir, "write.json");
    writeFileSync(file, ANSWERS);
    const run = await cliAsync(["accounts", "sync", "-c", file, "--yes", "--json"], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.written).toBe(true);
    expect(result.edits).toHaveLength(4);
    const written = readFileSync(file, "utf8");
    expect(written).toContain('"id": "o-exampleorg1"');
    expect(written).toContain('"accountId": "222222222222"');
    const again = await cliAsync(["accounts", "sync", "-c", file, "--yes"], { env: env() });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already matches the organization");
    expect(readFileSync(file, "utf8")).toBe(written);
  });

  it("a recorded ID that disagrees exits 1 and writes nothing without --force", async () => {
    const file = join(dir, "conflict.json");
    const text = ANSWERS.replace('"name": "prod",', '"name": "prod", "accountId": "999999999999",');
    writeFileSync(file, text);
    const run = await cliAsync(["accounts", "sync", "-c", file, "--yes"], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("[ANSWERS_CONFLICT]");
    expect(run.stdout).toMatch(/conflict.*accounts\[1\]\.accountId is 999999999999.*666666666666/);
    expect(readFileSync(file, "utf8")).toBe(text);
    const forced = await cliAsync(["accounts", "sync", "-c", file, "--yes", "--force"], {
      env: env(),
    });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(file, "utf8")).toContain('"accountId": "666666666666"');
  });

  it("a caller outside the management account is a clear user error (exit 1)", async () => {
    const file = join(dir, "member.json");
    writeFileSync(file, ANSWERS);
    org.callerAccount = "444444444444";
    try {
      const run = await cliAsync(["accounts", "sync", "-c", file], { env: env() });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/\[AWS_NOT_MANAGEMENT\].*444444444444.*111111111111/);
    } finally {
      org.callerAccount = org.managementId;
    }
  });
});
