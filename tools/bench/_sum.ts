import { readFileSync } from "node:fs";
import { summariseProfile, type CpuProfile } from "./profile.ts";
for (const name of ["me", "diagnose"]) {
  const p = JSON.parse(readFileSync(`.local/bench/profile-${name}.cpuprofile`, "utf8")) as CpuProfile;
  const total = p.timeDeltas.reduce((a, b) => a + b, 0);
  const byLabel = new Map<string, number>();
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + p.timeDeltas[i]));
  for (const n of p.nodes) if (!n.callFrame.url) byLabel.set(n.callFrame.functionName, (byLabel.get(n.callFrame.functionName) ?? 0) + (self.get(n.id) ?? 0));
  console.log(name, "samples", p.samples.length, "total ms", Math.round(total / 1000), "duration", Math.round((p.endTime - p.startTime) / 1000));
  console.log([...byLabel].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k || "''"}=${Math.round(v / 1000)}`).join(" "));
  const s = await summariseProfile(p, ".local/bench/dist/index.js.map", 30);
  console.log(s.byPackage.map((r) => `${r.name} ${r.selfMs} ${r.share}%`).join("\n"));
  console.log("--app"); console.log(s.byAppFunction.map((r) => `${r.name} ${r.selfMs} ${r.share}%`).join("\n")); console.log(s.byFunction.map((r) => `${r.name} ${r.selfMs} ${r.share}%`).join("\n"));
}
