// Preloaded by the benchmark (node --import, inherited by synth's child processes): each process
// appends its peak RSS when it exits, so the benchmark can add up every process of one run.
import { appendFileSync } from "node:fs";

const target = process.env.AWS_BASELINE_RSS_FILE;
if (target) {
  process.on("exit", () => appendFileSync(target, `${process.resourceUsage().maxRSS}\n`));
}
