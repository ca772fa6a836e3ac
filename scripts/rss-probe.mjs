// Preloaded by the benchmark (node --import): reports this process's peak RSS when it exits.
import { writeFileSync } from "node:fs";

const target = process.env.AWS_BASELINE_RSS_FILE;
if (target) {
  process.on("exit", () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
}
