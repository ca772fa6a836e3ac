import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    // Two cores: two workers. Terraform-backed tests set their own, longer timeouts.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 180_000,
  },
});
