/**
 * Drives the built CLI in a real pseudo-terminal with tmux: type keys, wait for text on screen.
 * When tmux is missing the tests say so in their names and are skipped (.ci/run installs it).
 */
import { spawnSync } from "node:child_process";

export const tmuxMissing =
  spawnSync("tmux", ["-V"]).status === 0 ? undefined : "tmux is not installed";

export function withTmux(title: string): string {
  return tmuxMissing ? `${title} — SKIPPED: ${tmuxMissing}` : title;
}

export class Terminal {
  private readonly session = `aws-baseline-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(command: string) {
    // The trailing sleep keeps the pane (and the exit code line) readable after the CLI ends.
    spawnSync("tmux", [
      "new-session",
      "-d",
      "-s",
      this.session,
      "-x",
      "220",
      "-y",
      "80",
      `${command}; echo "EXIT=$?"; sleep 120`,
    ]);
  }

  screen(): string {
    return spawnSync("tmux", ["capture-pane", "-p", "-J", "-S", "-300", "-t", this.session], {
      encoding: "utf8",
    }).stdout;
  }

  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof text === "string" ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${String(text)}; screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  keys(...keys: string[]): void {
    spawnSync("tmux", ["send-keys", "-t", this.session, ...keys]);
  }

  /** Types into the question showing `prompt` once it is on screen, then presses Enter. */
  async answer(prompt: string, text?: string): Promise<void> {
    await this.waitFor(new RegExp(`\\? ${escape(prompt)}`));
    if (text !== undefined) this.keys("-l", text);
    this.keys("Enter");
    await this.waitFor(new RegExp(`✔ ${escape(prompt)}|› .*(must|is|use|needs|listed|reserved)`));
  }

  close(): void {
    spawnSync("tmux", ["kill-session", "-t", this.session]);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
