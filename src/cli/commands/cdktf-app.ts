/**
 * The app command cdktf.json points at, so users of the cdktf/cdktn CLI can run `cdktf synth`,
 * `cdktf diff` and `cdktf deploy` on the same stacks. The CLI passes the output folder in
 * CDKTF_OUTDIR, which App reads by itself.
 */
import { buildBaseline } from "../../app.js";
import { App } from "../../cdk.js";
import { loadConfig } from "../../config/load.js";

export async function cdktfAppCommand(opts: { config: string }): Promise<void> {
  const config = await loadConfig(opts.config);
  const app = new App({ stackTraces: false });
  buildBaseline(app, config);
  app.synth();
}
