/**
 * A private, versioned, encrypted S3 bucket: Block Public Access (all four), ACLs disabled
 * (bucket owner enforced), default encryption, and a bucket policy that always starts with a
 * TLS-only deny. Destroy is prevented: buckets here hold audit evidence.
 */
import {
  Construct,
  S3Bucket,
  S3BucketOwnershipControls,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  S3BucketServerSideEncryptionConfigurationA,
  S3BucketVersioningA,
  type AwsProvider,
  type ITerraformDependable,
} from "./cdk.js";
import { renderPolicy, type PolicyDocument } from "./policy-document.js";

export interface SecureBucketProps {
  readonly provider: AwsProvider;
  readonly bucketName: string;
  /** KMS key ARN for SSE-KMS with a bucket key. @default - SSE-S3 (AES256) */
  readonly kmsKeyArn?: string;
  /** The complete bucket policy; it must include the TLS-only deny. */
  readonly policy: PolicyDocument;
}

export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  /** Configuration that must exist before anything writes to the bucket. */
  readonly ready: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    const { provider } = props;
    this.bucket = new S3Bucket(this, "bucket", {
      provider,
      bucket: props.bucketName,
      // `object_lock_enabled` is left unset on purpose: it forces a new bucket when it changes.
      // Object Lock is switched on in place by an aws_s3_bucket_object_lock_configuration.
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
    });
    const bucket = this.bucket.id;
    const versioning = new S3BucketVersioningA(this, "versioning", {
      provider,
      bucket,
      versioningConfiguration: { status: "Enabled" },
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, "public-access-block", {
      provider,
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", {
      provider,
      bucket,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    const encryption = new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      provider,
      bucket,
      rule: [
        props.kmsKeyArn
          ? {
              applyServerSideEncryptionByDefault: {
                sseAlgorithm: "aws:kms",
                kmsMasterKeyId: props.kmsKeyArn,
              },
              bucketKeyEnabled: true,
            }
          : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
      ],
    });
    const policy = new S3BucketPolicy(this, "policy", {
      provider,
      bucket,
      policy: renderPolicy(props.policy),
      dependsOn: [publicAccess],
    });
    this.ready = [versioning, encryption, policy];
  }
}
