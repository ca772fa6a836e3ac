/** Plan JSON parsing: every action Terraform/OpenTofu emit, masking, and protected deletes. */
import { describe, expect, it } from "vitest";
import {
  checkProtected,
  controlsFor,
  type StackPlanOutcome,
} from "../../src/run/terraform/operations.js";
import { classify, parsePlan, SENSITIVE } from "../../src/run/terraform/plan-json.js";
import { BaselineError } from "../../src/errors.js";

const change = (address: string, actions: string[], extra: Record<string, unknown> = {}) => ({
  address,
  mode: "managed",
  type: address.split(".")[0],
  name: address.split(".")[1],
  change: { actions, before: null, after: null, ...extra },
});

const PLAN = {
  format_version: "1.2",
  terraform_version: "1.11.4",
  resource_changes: [
    change("aws_s3_bucket.new", ["create"], {
      after: { bucket: "b" },
      after_unknown: { arn: true },
    }),
    change("aws_iam_account_password_policy.p", ["update"], {
      before: { minimum_password_length: 8, max_password_age: 0 },
      after: { minimum_password_length: 14, max_password_age: 0 },
    }),
    change("aws_kms_key.trail", ["delete", "create"], { before: { id: "k" }, after: {} }),
    change("aws_cloudtrail.old", ["create", "delete"]),
    change("aws_sns_topic.gone", ["delete"]),
    change("aws_iam_user.left", ["forget"]),
    change("aws_vpc.same", ["no-op"]),
    change("data.aws_caller_identity.me", ["read"]),
    change("aws_future.thing", ["teleport"]),
    change("aws_organizations_account.dev", ["no-op"], { importing: { id: "444444444444" } }),
  ],
  resource_drift: [
    change("aws_s3_account_public_access_block.this", ["update"], {
      before: { block_public_acls: true },
      after: { block_public_acls: false },
    }),
  ],
};

describe("plan JSON", () => {
  it("classifies create, update, replace (both orders), delete, forget, no-op, read and unknown actions", () => {
    expect(classify(["create"])).toBe("create");
    expect(classify(["update"])).toBe("update");
    expect(classify(["delete", "create"])).toBe("replace");
    expect(classify(["create", "delete"])).toBe("replace");
    expect(classify(["create", "forget"])).toBe("replace");
    expect(classify(["delete"])).toBe("delete");
    expect(classify(["forget"])).toBe("forget");
    expect(classify(["no-op"])).toBe("no-op");
    expect(classify(["read"])).toBe("read");
    expect(classify(["teleport"])).toBe("unknown");
    expect(classify([])).toBe("unknown");
  });

  it("counts what a plan does and keeps unknown actions and imports visible", () => {
    const parsed = parsePlan(JSON.stringify(PLAN));
    expect(parsed.counts).toEqual({
      add: 1,
      change: 1,
      replace: 2,
      destroy: 1,
      forget: 1,
      import: 1,
    });
    const byAddress = Object.fromEntries(parsed.changes.map((c) => [c.address, c]));
    expect(byAddress["aws_vpc.same"]).toBeUndefined();
    expect(byAddress["data.aws_caller_identity.me"]).toBeUndefined();
    expect(byAddress["aws_future.thing"]?.action).toBe("unknown");
    expect(byAddress["aws_organizations_account.dev"]?.importing).toBe(true);
    expect(byAddress["aws_kms_key.trail"]?.destroys).toBe(true);
    expect(byAddress["aws_iam_user.left"]?.destroys).toBe(false);
    expect(byAddress["aws_iam_account_password_policy.p"]?.attributes).toEqual([
      { path: "minimum_password_length", before: 8, after: 14 },
    ]);
    expect(byAddress["aws_s3_bucket.new"]?.attributes).toContainEqual({
      path: "arn",
      before: undefined,
      after: "(known after apply)",
    });
    expect(parsed.drift.map((d) => d.address)).toEqual(["aws_s3_account_public_access_block.this"]);
  });

  it("masks sensitive values, including copies of them in unmarked attributes", () => {
    const parsed = parsePlan({
      format_version: "1.2",
      resource_changes: [
        change("aws_iam_user_login_profile.alice", ["update"], {
          before: { password: "old-secret", pgp_key: "k", derived: "x-old-secret-y" },
          after: { password: "new-secret", pgp_key: "k2", derived: "x" },
          before_sensitive: { password: true },
          after_sensitive: { password: true },
        }),
      ],
    });
    const text = JSON.stringify(parsed);
    expect(text).not.toContain("old-secret");
    expect(text).not.toContain("new-secret");
    expect(parsed.changes[0]?.attributes).toContainEqual({
      path: "password",
      before: SENSITIVE,
      after: SENSITIVE,
    });
  });

  it("rejects text that is not a plan", () => {
    expect(() => parsePlan("{}")).toThrow(/not a Terraform plan/);
  });
});

describe("protected resources", () => {
  const planned = (stack: string, plan: unknown): StackPlanOutcome => {
    const parsed = parsePlan(plan);
    return {
      stack,
      status: "planned",
      hasChanges: true,
      counts: parsed.counts,
      changes: parsed.changes,
      planFile: "p",
      logFile: "l",
    };
  };

  it("deploy refuses a plan that deletes or replaces a protected resource without --allow-destroy", () => {
    const plans = [planned("log-archive", PLAN)];
    const error = (() => {
      try {
        checkProtected(plans, false);
      } catch (e) {
        return e;
      }
    })() as BaselineError;
    expect(error).toBeInstanceOf(BaselineError);
    expect(error.code).toBe("PROTECTED_DESTROY");
    expect(error.hint).toContain("aws_kms_key.trail");
    expect(error.hint).toContain("aws_cloudtrail.old");
    expect(error.hint).not.toContain("aws_sns_topic.gone"); // not protected
    expect(checkProtected(plans, true).map((p) => p.address)).toEqual([
      "aws_kms_key.trail",
      "aws_cloudtrail.old",
    ]);
  });

  it("turning Object Lock off is refused, saying that S3 keeps it on and only the retention goes", () => {
    const off = {
      format_version: "1.2",
      resource_changes: [
        change("aws_s3_bucket_object_lock_configuration.trail-bucket-object-lock", ["delete"]),
      ],
    };
    const error = (() => {
      try {
        checkProtected([planned("log-archive", off)], false);
      } catch (e) {
        return e;
      }
    })() as BaselineError;
    expect(error.code).toBe("PROTECTED_DESTROY");
    expect(error.hint).toContain(
      "aws_s3_bucket_object_lock_configuration.trail-bucket-object-lock",
    );
    expect(error.hint).toContain("Object Lock retention");
    expect(error.hint).toContain("set cloudtrail.objectLock.enabled back to true");
  });

  it("a plan without protected deletes passes", () => {
    const safe = {
      format_version: "1.2",
      resource_changes: [change("aws_sns_topic.t", ["delete"])],
    };
    expect(checkProtected([planned("org-trail", safe)], false)).toEqual([]);
  });
});

describe("drift names the control a change breaks", () => {
  it("maps a changed resource to its registry control by stack, type and name", () => {
    expect(
      controlsFor("baseline-dev", {
        type: "aws_iam_account_password_policy",
        address: "aws_iam_account_password_policy.identity_password-policy_1",
      }),
    ).toEqual(["IAM.1"]);
    expect(
      controlsFor("org", {
        type: "aws_organizations_policy",
        address: "aws_organizations_policy.guardrails_acme-guardrails-1_6F36DB25",
      }),
    ).toContain("SCP.4");
    expect(controlsFor("org", { type: "terraform_data", address: "terraform_data.x" })).toEqual([]);
  });

  it("an SCP attachment detached out of band names the controls of the guardrails it packs", () => {
    expect(
      controlsFor("org", {
        type: "aws_organizations_policy_attachment",
        address: "aws_organizations_policy_attachment.guardrails_acme-guardrails-1-root_7B47B0CC",
      }),
    ).toEqual(["SCP.1", "SCP.6", "SCP.2", "SCP.3", "SCP.4", "SCP.5", "SCP.7"]);
  });

  it("the stack kind comes from the stack name; data sources and unknown stacks name nothing", () => {
    const flowLogKey = { type: "aws_kms_key", address: "aws_kms_key.flow-logs_key_1A2B3C4D" };
    expect(controlsFor("network-prod", flowLogKey)).toEqual(["NET.4"]);
    expect(controlsFor("baseline-prod", flowLogKey)).toEqual([]);
    expect(controlsFor("state-bucket", flowLogKey)).toEqual([]);
    expect(
      controlsFor("org-trail", { type: "aws_kms_key", address: "data.aws_kms_key.trail-key" }),
    ).toEqual([]);
  });
});
