/**
 * The cdktf app entry point that cdktf.json names, so users of the cdktf or cdktn CLI can run
 * `cdktf synth | diff | deploy` on the same stacks `aws-baseline synth` writes. The answers file
 * comes from AWS_BASELINE_CONFIG (default `aws-baseline.json`); the cdktf CLI passes the output
 * folder in CDKTF_OUTDIR, which App reads by itself. Nothing imports this file.
 */
import { loadConfig } from "../src/answers/load.js";
import { buildBaseline } from "../src/build/app.js";
import { App } from "../src/build/cdk.js";

const config = await loadConfig(process.env.AWS_BASELINE_CONFIG ?? "aws-baseline.json");
const app = new App({ stackTraces: false });
buildBaseline(app, config);
app.synth();
