/**
 * A second `wrangler dev` of the same Worker on the browser tests' database, with no AI key: the
 * console in offline mode. It shares the first stack's local Neon (accounts, sessions, the
 * knowledge index) and JWT secret, so a browser signed in on one is signed in on both.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";

export interface OfflineWorker {
  url: string;
  stop(): Promise<void>;
}

export async function startOfflineWorker(options: {
  root: string;
  port: number;
  dir: string;
  vars: Record<string, string>;
}): Promise<OfflineWorker> {
  const { OPENAI_API_KEY: _key, OPENAI_BASE_URL: _base, ...vars } = options.vars;
  const varsFile = path.join(options.dir, "offline.vars");
  await writeFile(
    varsFile,
    `${Object.entries(vars)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join("\n")}\n`,
    { mode: 0o600 },
  );
  const wrangler: ChildProcess = spawn(
    process.execPath,
    [
      path.join(options.root, "node_modules/wrangler/bin/wrangler.js"),
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(options.port),
      "--env-file",
      varsFile,
      "--persist-to",
      path.join(options.dir, "offline-state"),
      "--show-interactive-dev-session=false",
      "--log-level",
      "warn",
    ],
    { cwd: options.root, stdio: ["ignore", "ignore", "inherit"], env: process.env },
  );
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (wrangler.exitCode !== null) return;
    const exited = new Promise((resolve) => wrangler.once("exit", resolve));
    wrangler.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  };
  for (let attempt = 0; attempt < 240 && wrangler.exitCode === null; attempt++) {
    const up = await fetch(`${url}/health`).then(
      (res) => res.status < 500 || res.status === 503,
      () => false,
    );
    if (up) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error("the offline wrangler dev did not start");
}
