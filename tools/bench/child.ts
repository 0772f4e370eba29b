/** The bench's helper processes (load generator, bursts, retrieval): one JSON argument in, JSON out. */
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs tools/bench/<script> in its own Node process and returns the JSON it prints last. */
export function runChild<T>(script: string, input: object): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, script), JSON.stringify(input)], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(output.trim().split("\n").pop()!)) : reject(new Error(`${script} exited ${code}`)),
    );
  });
}
