/** A customer managed KMS key with yearly rotation (CIS 3.6), a 30-day deletion window and an alias. */
import { Construct, KmsAlias, KmsKey, type AwsProvider } from "./cdk.js";
import { renderPolicy, type PolicyDocument } from "./policy-document.js";

export interface EncryptionKeyProps {
  readonly provider: AwsProvider;
  readonly description: string;
  /** e.g. alias/acme-cloudtrail */
  readonly alias: string;
  readonly policy: PolicyDocument;
  readonly tags?: Record<string, string>;
  /** Keys that protect audit evidence must never be scheduled for deletion by Terraform. */
  readonly preventDestroy?: boolean;
}

export class EncryptionKey extends Construct {
  readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    this.key = new KmsKey(this, "key", {
      provider: props.provider,
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: renderPolicy(props.policy),
      tags: props.tags,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    });
    new KmsAlias(this, "alias", {
      provider: props.provider,
      name: props.alias,
      targetKeyId: this.key.keyId,
    });
  }

  get arn(): string {
    return this.key.arn;
  }
}
