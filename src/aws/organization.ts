/**
 * Reads an AWS organization into a plain snapshot: the organization, its root, its OU tree and its
 * accounts. Every list call is paginated; the SDK retries throttled calls. The caller must be the
 * management account: member accounts cannot list the organization, and the baseline's `org`
 * stack must run there anyway.
 */
import {
  DescribeOrganizationCommand,
  paginateListAccounts,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
  type Account,
} from "@aws-sdk/client-organizations";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { BaselineError } from "../errors.js";
import { awsError, type AwsClients } from "./clients.js";

export interface OrgAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED… (Organizations' State, or Status for older APIs). */
  readonly state: string;
  /** CREATED or INVITED: invited accounts may lack the access role. */
  readonly joined?: string;
  /** OU path ("Workloads/prod"); undefined at the root or when placement was not read. */
  readonly ouPath?: string;
}

export interface OrgUnit {
  readonly id: string;
  readonly name: string;
  /** "Workloads/prod" */
  readonly path: string;
}

export interface OrgSnapshot {
  readonly id: string;
  readonly managementAccountId: string;
  readonly rootId: string;
  readonly callerAccountId: string;
  readonly units: readonly OrgUnit[];
  /** Every account, the management account included, sorted by name. */
  readonly accounts: readonly OrgAccount[];
}

export interface ReadOptions {
  /** Also read the OU tree and where each account sits (discover needs it; sync does not). */
  readonly placement?: boolean;
  /** Progress lines (one per phase). */
  readonly onProgress?: (line: string) => void;
}

async function call<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw awsError(error, action);
  }
}

async function collect<P, T>(
  action: string,
  pages: AsyncIterable<P>,
  items: (page: P) => T[] | undefined,
): Promise<T[]> {
  return call(action, async () => {
    const out: T[] = [];
    for await (const page of pages) out.push(...(items(page) ?? []));
    return out;
  });
}

function toAccount(a: Account, ouPath?: string): OrgAccount {
  return {
    id: a.Id ?? "",
    name: a.Name ?? "",
    email: a.Email ?? "",
    state: a.State ?? a.Status ?? "UNKNOWN",
    ...(a.JoinedMethod ? { joined: a.JoinedMethod } : {}),
    ...(ouPath ? { ouPath } : {}),
  };
}

export async function readOrganization(
  clients: AwsClients,
  options: ReadOptions = {},
): Promise<OrgSnapshot> {
  const progress = options.onProgress ?? (() => undefined);
  const client = clients.organizations;
  const caller = await call("sts:GetCallerIdentity", () =>
    clients.sts.send(new GetCallerIdentityCommand({})),
  );
  const { Organization: org } = await call("organizations:DescribeOrganization", () =>
    client.send(new DescribeOrganizationCommand({})),
  );
  if (!org?.Id || !org.MasterAccountId) {
    throw new BaselineError("AWS_REQUEST_FAILED", "DescribeOrganization returned no organization");
  }
  const callerAccountId = caller.Account ?? "";
  if (callerAccountId !== org.MasterAccountId) {
    throw new BaselineError(
      "AWS_NOT_MANAGEMENT",
      `the caller (account ${callerAccountId || "unknown"}) is not the management account ${org.MasterAccountId} of ${org.Id}`,
      {
        hint: "run with credentials of the management account, e.g. --profile <management-profile>",
      },
    );
  }
  progress(`organization ${org.Id}, management account ${org.MasterAccountId}`);

  const roots = await collect(
    "organizations:ListRoots",
    paginateListRoots({ client }, {}),
    (p) => p.Roots,
  );
  const rootId = roots[0]?.Id ?? "";

  const listed = await collect(
    "organizations:ListAccounts",
    paginateListAccounts({ client }, {}),
    (p) => p.Accounts,
  );
  progress(`${listed.length} account(s)`);

  const units: OrgUnit[] = [];
  const placement = new Map<string, string>();
  if (options.placement) {
    // Breadth-first over the OU tree; accounts are placed by the parent that lists them.
    const queue: { id: string; path?: string }[] = [{ id: rootId }];
    for (let next = queue.shift(); next; next = queue.shift()) {
      const parent = next;
      const children = await collect(
        "organizations:ListOrganizationalUnitsForParent",
        paginateListOrganizationalUnitsForParent({ client }, { ParentId: parent.id }),
        (p) => p.OrganizationalUnits,
      );
      for (const ou of children) {
        const path = parent.path ? `${parent.path}/${ou.Name}` : (ou.Name ?? "");
        units.push({ id: ou.Id ?? "", name: ou.Name ?? "", path });
        queue.push({ id: ou.Id ?? "", path });
      }
      if (parent.path) {
        const inside = await collect(
          "organizations:ListAccountsForParent",
          paginateListAccountsForParent({ client }, { ParentId: parent.id }),
          (p) => p.Accounts,
        );
        for (const account of inside) if (account.Id) placement.set(account.Id, parent.path);
      }
    }
    progress(`${units.length} organizational unit(s)`);
  }

  return {
    id: org.Id,
    managementAccountId: org.MasterAccountId,
    rootId,
    callerAccountId,
    units: units.sort((a, b) => a.path.localeCompare(b.path)),
    accounts: listed
      .map((a) => toAccount(a, a.Id ? placement.get(a.Id) : undefined))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
