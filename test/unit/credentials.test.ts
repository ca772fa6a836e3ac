/** Missing AWS credentials are an environment problem (exit 3), not a failed stack per account. */
import { describe, expect, it } from "vitest";
import { checkPlans } from "../../src/run/terraform/operations.js";
import { credentialsError } from "../../src/run/terraform/runner.js";

const failed = (stack: string, reason: string) =>
  ({ stack, status: "failed", reason, logFile: `${stack}.log` }) as const;

describe("credentials", () => {
  it("plans that all failed for lack of credentials are AWS_NO_CREDENTIALS (exit 3)", () => {
    const plans = [
      failed("org", "plan failed: Error: No valid credential sources found"),
      failed(
        "billing",
        "plan failed: Error: failed to refresh cached credentials, no EC2 IMDS role found",
      ),
    ];
    expect(() => checkPlans(plans)).toThrow(
      expect.objectContaining({ code: "AWS_NO_CREDENTIALS", kind: "environment" }),
    );
  });

  it("any other failure stays a failed stack (exit 1), and an expired token is credentials too", () => {
    expect(() => checkPlans([failed("org", "plan failed: Error: Unsupported argument")])).toThrow(
      expect.objectContaining({ code: "STACK_FAILED" }),
    );
    expect(
      credentialsError(["ExpiredToken: The security token included in the request is expired"])
        ?.code,
    ).toBe("AWS_NO_CREDENTIALS");
    expect(credentialsError([])).toBeUndefined();
  });
});
