#!/usr/bin/env node
// Sums a V8 .cpuprofile's self time by package (or file of ours), to see where a turn's time goes.
//   node bench/profile-summary.mjs PROFILE.cpuprofile
import { readFileSync } from "node:fs";

const profile = JSON.parse(readFileSync(process.argv[2], "utf8"));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const intervals = profile.timeDeltas;
profile.samples.forEach((id, index) => {
  const node = byId.get(id);
  const url = node.callFrame.url || `(${node.callFrame.functionName || "native"})`;
  const where = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.includes("/dist/main.js") ? "agent-service (ours)" : url.startsWith("node:") ? "node core" : url);
  self.set(where, (self.get(where) ?? 0) + (intervals[index] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
for (const [where, micros] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`${((100 * micros) / total).toFixed(1).padStart(5)} %  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${where}`);
}
