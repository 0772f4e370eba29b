import path from "node:path";
import { runCalibration } from "./calibration.ts";
const root = path.resolve(import.meta.dirname, "../..");
const rows = await runCalibration({ root, work: path.join(root, ".local/probe"), port: 8802, duration: 3, runs: 1, compatibilityDate: "2026-11-01", configPath: path.join(root, "wrangler.toml") });
console.log(rows);
