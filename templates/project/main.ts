// The baseline as a CDK for Terraform app, for `npx cdktf synth|diff|deploy` (see cdktf.json).
// aws-baseline writes this file once and never overwrites it: add your own stacks below.
// `npx aws-baseline synth` builds the baseline alone, from aws-baseline.json.
import { App } from "cdktf";
import { buildBaseline, loadConfig } from "aws-baseline";

const config = await loadConfig("aws-baseline.json");
const app = new App();
buildBaseline(app, config);

// Your own stacks, e.g.:
// new WorkloadStack(app, "workload-prod");

app.synth();
