/**
 * Defaults of the organization slice that the generator also offers. Plain constants (no zod), so
 * `init`'s questions can use them without loading the schema; `answers.ts` declares them.
 */

export const DEFAULT_HOME_REGION = "us-east-1";

/** Workload environments of the default answers, one account each. */
export const DEFAULT_ENVIRONMENTS = ["dev", "test", "prod"] as const;

/** Network of a new workload account: production-like names get 3 zones with a NAT per zone. */
export function workloadNetwork(name: string | undefined): { azCount?: number; nat?: "per-az" } {
  return name?.startsWith("prod") ? { azCount: 3, nat: "per-az" } : {};
}

/**
 * The member accounts when the answers list none: log-archive, security (delegated administrator
 * of the detective services) and the default environments.
 */
export const DEFAULT_ACCOUNTS = [
  { name: "log-archive", kind: "log-archive" as const },
  { name: "security", kind: "security" as const },
  ...DEFAULT_ENVIRONMENTS.map((name) => ({
    name,
    kind: "workload" as const,
    network: workloadNetwork(name),
  })),
];
