/**
 * Before member stacks run as the deploy role, the caller must be a principal that role trusts:
 * otherwise, on a new organization, every member stack would fail with AccessDenied after `org`
 * and the access stacks had already been applied. The trust is read from the access stacks'
 * synthesized deploy role (the same text Terraform applies), so it holds with --no-synth.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { stackName } from "../answers/names.js";
import { BaselineError } from "../errors.js";

export interface DeployTrust {
  readonly roleName: string;
  /** ARN patterns from the trust policy's aws:PrincipalArn condition. */
  readonly trusted: readonly string[];
}

interface StackJson {
  resource?: { aws_iam_role?: Record<string, { name?: string; assume_role_policy?: string }> };
}

async function stackJson(outDir: string, stack: string): Promise<StackJson | undefined> {
  try {
    return JSON.parse(await readFile(join(outDir, "stacks", stack, "cdk.tf.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/** The deploy role's trust, from any synthesized access stack; undefined without one. */
export async function deployTrust(outDir: string): Promise<DeployTrust | undefined> {
  const prefix = stackName.access("");
  const names = await readdir(join(outDir, "stacks")).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(prefix)).sort()) {
    const role = Object.values((await stackJson(outDir, name))?.resource?.aws_iam_role ?? {})[0];
    if (!role?.name || !role.assume_role_policy) continue;
    const document = JSON.parse(role.assume_role_policy) as {
      Statement: { Condition?: { ArnLike?: { "aws:PrincipalArn"?: string | string[] } } }[];
    };
    const arns = document.Statement.flatMap(
      (s) => s.Condition?.ArnLike?.["aws:PrincipalArn"] ?? [],
    );
    return { roleName: role.name, trusted: arns };
  }
  return undefined;
}

function glob(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}

/**
 * The caller as trust policies see it (aws:PrincipalArn): an assumed-role session is its role. The
 * session ARN carries no role path, so a role matches a pattern by account and role name.
 */
export function callerMatches(callerArn: string, trusted: readonly string[]): boolean {
  const session = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(callerArn);
  return trusted.some((pattern) => {
    if (!session) return glob(pattern).test(callerArn);
    const [, partition, account, role] = session;
    const p = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(pattern);
    return Boolean(
      p && p[1] === partition && p[2] === account && role && glob(p[3] ?? "").test(role),
    );
  });
}

/** The caller as a `deployRole.trustedPrincipals` entry, for the fix. */
function asPrincipalEntry(callerArn: string): string {
  const session = /:assumed-role\/([^/]+)\//.exec(callerArn);
  if (session) return `role/${session[1]}`;
  const user = /:user\/(.+)$/.exec(callerArn);
  return user ? `user/${user[1]}` : callerArn;
}

/**
 * DEPLOY_ROLE_UNTRUSTED (exit 1) when member stacks would run as a role the caller cannot assume.
 * `memberRoles`: the roles the run's stacks assume (`awsNeeds`, which has read them already).
 */
export async function checkDeployTrust(
  outDir: string,
  memberRoles: readonly string[],
  callerArn: string,
): Promise<void> {
  const trust = await deployTrust(outDir);
  if (!trust || !memberRoles.includes(trust.roleName)) return;
  if (callerMatches(callerArn, trust.trusted)) return;
  throw new BaselineError(
    "DEPLOY_ROLE_UNTRUSTED",
    `member stacks run as the deploy role ${trust.roleName}, which you (${callerArn}) may not assume: it trusts ${trust.trusted.join(", ") || "nobody"}`,
    {
      hint: `add "${asPrincipalEntry(callerArn)}" to deployRole.trustedPrincipals in the answers (or run as one of the trusted principals), synthesize, and deploy again; the access stacks then update the trust first`,
    },
  );
}
