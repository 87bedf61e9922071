#!/usr/bin/env node
// Item 5 of docs/production.md: a turn, from the script's /copilot/chat to its final result
// (offline planner), against the Odoo work it needs done directly with the session's call_kw.
// The ORM calls of the turn are noted on their way: this script stands between Odoo and the
// agent (it sets the database's copilot.agent_url to itself for the run, as admin, then removes
// it) and reads the calls the agent asks Odoo to run (the bridge's `call` answers, or
// /copilot/rpc for a turn run asynchronously); they are then replayed through
// /web/dataset/call_kw with the user's session, each round right after a turn.
//   ODOO_URL=http://127.0.0.1:8090 DB=copilot_demo AGENT_URL=http://127.0.0.1:8080 ROUNDS=20 node scripts/prefork/turn-cost.mjs
import { createJsonRpc } from "./odoo-rpc.mjs";
import { createServer } from "node:http";

const url = process.env.ODOO_URL ?? "http://127.0.0.1:8090";
const db = process.env.DB ?? "copilot_demo";
const rounds = Number(process.env.ROUNDS ?? 20);
const proxyPort = Number(process.env.PROXY_PORT ?? 8091);
const agentUrl = process.env.AGENT_URL ?? "http://127.0.0.1:8080";
const cases = [
  ["stock question", "What is the stock of Large Cabinet?"],
  ["3-line quote proposal", "Crée un devis pour Deco Addict avec 3 Office Chair, 2 Office Lamp et 1 Large Cabinet"],
];

let recording = null;
// Odoo → (this) → agent: the bridge's `call` answers are the turn's ORM calls
const proxy = createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", async () => {
    const body = Buffer.concat(chunks);
    const headers = { ...req.headers };
    delete headers.host;
    const answer = await fetch(agentUrl + req.url, { method: req.method, headers, body: req.method === "POST" ? body : undefined });
    const data = Buffer.from(await answer.arrayBuffer());
    if (recording && req.url === "/v1/turns/start") {
      const call = JSON.parse(data.toString()).call;
      if (call) recording.push({ model: call.model, method: call.method, args: call.args, kwargs: call.kwargs });
    }
    res.writeHead(answer.status, { "Content-Type": answer.headers.get("content-type") ?? "application/json" });
    res.end(data);
  });
}).listen(proxyPort, "127.0.0.1");

async function setAgentUrl(value) {
  const response = await fetch(`${url}/jsonrpc`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", method: "call", id: 1, params: { service: "object", method: "execute_kw", args: [db, 2, "admin", "ir.config_parameter", "set_param", ["copilot.agent_url", value]] } }),
  });
  const body = await response.json();
  if (body.error) throw new Error(body.error.data?.message ?? body.error.message);
}

const jsonrpc = createJsonRpc(url);

async function turn(cookie, message) {
  const t0 = performance.now();
  const started = (await jsonrpc("/copilot/chat", { message }, cookie)).result;
  // an offline turn answers with its result (its Odoo calls ran in that request)
  if (started.status !== "running") return performance.now() - t0;
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
await setAgentUrl(`http://127.0.0.1:${proxyPort}`);
for (const [name, message] of cases) {
  await setAgentUrl(`http://127.0.0.1:${proxyPort}`);
  await turn(cookie, message); // warm
  recording = [];
  await turn(cookie, message);
  const calls = recording.filter((call) => call.model !== "copilot.capability");
  // the measured turns go to the agent directly (not through this recorder)
  await setAgentUrl(false);
  recording = null;
  const turns = [];
  const direct = [];
  for (let round = 0; round < rounds; round += 1) {
    turns.push(await turn(cookie, message));
    const t0 = performance.now();
    for (const call of calls) await jsonrpc(`/web/dataset/call_kw/${call.model}/${call.method}`, call, cookie);
    direct.push(performance.now() - t0);
  }
  console.log(`${name}: turn via /copilot/chat → result p50 ${p50(turns).toFixed(1)} ms; the same ${calls.length} Odoo calls via call_kw p50 ${p50(direct).toFixed(1)} ms; ratio ${(p50(turns) / p50(direct)).toFixed(2)}`);
}
await setAgentUrl(false);
proxy.close();
