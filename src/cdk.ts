/**
 * The seam: every cdktf, constructs and provider import goes through this module.
 *
 * Why: CDKTF was archived upstream (2025-12); CDK Terrain (`cdktn`, `@cdktn/provider-aws`) is a
 * drop-in fork. Moving means editing this file only. Provider classes are deep-imported: the
 * package barrel loads ~2,200 modules (~2 s, ~500 MB per process); deep imports load only what
 * we use.
 */
export { App, LocalBackend, S3Backend, TerraformStack, Testing } from "cdktf";
export { Construct } from "constructs";
export { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
export type { AwsProviderConfig } from "@cdktf/provider-aws/lib/provider/index.js";
