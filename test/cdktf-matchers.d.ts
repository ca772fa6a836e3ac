// Typings for the cdktf matchers registered in test/setup.ts.
import "vitest";

interface CdktfMatchers<R = unknown> {
  toHaveResource(c: { tfResourceType: string }): R;
  toHaveResourceWithProperties(c: { tfResourceType: string }, p: Record<string, unknown>): R;
  toHaveDataSource(c: { tfResourceType: string }): R;
  toHaveDataSourceWithProperties(c: { tfResourceType: string }, p: Record<string, unknown>): R;
  toHaveProvider(c: { tfResourceType: string }): R;
  toHaveProviderWithProperties(c: { tfResourceType: string }, p: Record<string, unknown>): R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends CdktfMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends CdktfMatchers {}
}
