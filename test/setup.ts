// Registers cdktf's matchers (toHaveResourceWithProperties, ...) on vitest's expect.
import { expect } from "vitest";
import { Testing } from "../src/build/cdk.js";

(globalThis as { expect?: unknown }).expect = expect;
Testing.setupJest();
