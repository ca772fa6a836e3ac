/** IAM policy documents as plain data: built by pure functions, asserted by tests, rendered once. */

export type ConditionBlock = Record<string, Record<string, string | string[] | boolean | number>>;

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: Record<string, string | string[]>;
  readonly Action?: string | readonly string[];
  readonly NotAction?: readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: ConditionBlock;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly PolicyStatement[];
}

export function policy(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

/**
 * Renders a policy for a Terraform string attribute. IAM policy variables such as
 * `${aws:username}` are escaped as `$${...}` so Terraform passes them through instead of reading
 * them as its own interpolation; cdktf tokens (`${TfToken[...]}`) are left alone.
 */
export function renderPolicy(document: PolicyDocument): string {
  return JSON.stringify(document).replace(/\$\{(?=[a-zA-Z0-9-]+:)/g, "$$${");
}
