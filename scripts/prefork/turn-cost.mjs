#!/usr/bin/env node
// Item 5 of docs/production.md: a turn, from the script's /copilot/chat to its final result
// (offline planner), against the Odoo work it needs done directly with the session's call_kw.
// This script is the agent's way to Odoo: it listens on PROXY_PORT and forwards to ODOO_URL,
// noting each /copilot/rpc call of the turn; those same calls are then replayed through
// /web/dataset/call_kw with the user's session. Start the agent with ODOO_URL=http://127.0.0.1:PROXY_PORT.
//   ODOO_URL=http://127.0.0.1:8090 DB=copilot_demo PROXY_PORT=8091 ROUNDS=20 node scripts/prefork/turn-cost.mjs
import { createServer } from "node:http";

const url = process.env.ODOO_URL ?? "http://127.0.0.1:8090";
const db = process.env.DB ?? "copilot_demo";
const rounds = Number(process.env.ROUNDS ?? 20);
const proxyPort = Number(process.env.PROXY_PORT ?? 8091);
const cases = [
  ["stock question", "What is the stock of Large Cabinet?"],
  ["3-line quote proposal", "Crée un devis pour Deco Addict avec 3 Office Chair, 2 Office Lamp et 1 Large Cabinet"],
];

let recording = null;
const proxy = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", async () => {
    const body = Buffer.concat(chunks);
    if (recording && req.url === "/copilot/rpc") recording.push(JSON.parse(body.toString()).params);
    const headers = { ...req.headers };
    delete headers.host;
    const answer = await fetch(url + req.url, { method: req.method, headers, body: req.method === "POST" ? body : undefined });
    res.writeHead(answer.status, { "Content-Type": answer.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
}).listen(proxyPort, "127.0.0.1");

async function jsonrpc(path, params, cookie) {
  const response = await fetch(url + path, { method: "POST", headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) }, body: JSON.stringify({ jsonrpc: "2.0", method: "call", id: 1, params }) });
  const body = await response.json();
  if (body.error) throw new Error(`${path}: ${body.error.data?.message ?? body.error.message}`);
  return { result: body.result, cookie: response.headers.get("set-cookie")?.split(";")[0] };
}

async function turn(cookie, message) {
  const t0 = performance.now();
  const started = (await jsonrpc("/copilot/chat", { message }, cookie)).result;
  let after = 0;
  for (;;) {
    const view = (await jsonrpc("/copilot/turn", { turn_id: started.turn_id, after }, cookie)).result;
    after = view.events.at(-1)?.seq ?? after;
    if (view.status !== "running") return performance.now() - t0;
    // a script polls; a short interval so the measure is the turn, not the wait
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const p50 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const { cookie } = await jsonrpc("/web/session/authenticate", { db, login: "demo", password: "demo" });
for (const [name, message] of cases) {
  await turn(cookie, message); // warm: capabilities, caches
  recording = [];
  await turn(cookie, message);
  const calls = recording.filter((call) => call.model !== "copilot.capability");
  recording = null;
  const turns = [];
  const direct = [];
  for (let round = 0; round < rounds; round += 1) {
    turns.push(await turn(cookie, message));
    const t0 = performance.now();
    for (const call of calls) {
      const { token: _token, meta: _meta, ...rest } = call;
      await jsonrpc(`/web/dataset/call_kw/${rest.model}/${rest.method}`, rest, cookie);
    }
    direct.push(performance.now() - t0);
  }
  console.log(`${name}: turn via /copilot/chat → result p50 ${p50(turns).toFixed(1)} ms; the same ${calls.length} Odoo calls via call_kw p50 ${p50(direct).toFixed(1)} ms; ratio ${(p50(turns) / p50(direct)).toFixed(2)}`);
}
proxy.close();
