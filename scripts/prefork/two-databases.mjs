#!/usr/bin/env node
// Item 4 of docs/production.md: one Odoo server, several databases with the addon, no
// --db-filter. The same question asked in each database through /copilot/chat is answered
// from that database: a product that exists only in the second is found there, not in the first.
//   ODOO_URL=http://127.0.0.1:8090 DBS=copilot_demo,copilot_b PRODUCT="Zebra Exclusive Sofa" node scripts/prefork/two-databases.mjs
import { createJsonRpc } from "./odoo-rpc.mjs";
const url = process.env.ODOO_URL ?? "http://127.0.0.1:8090";
const dbs = (process.env.DBS ?? "copilot_demo,copilot_b").split(",");
const product = process.env.PRODUCT ?? "Zebra Exclusive Sofa";

const jsonrpc = createJsonRpc(url, { timeoutMs: 30_000 });

for (const db of dbs) {
  const { cookie } = await jsonrpc("/web/session/authenticate", { db, login: "demo", password: "demo" });
  const started = (await jsonrpc("/copilot/chat", { message: `What is the stock of ${product}?` }, cookie)).result;
  let view;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    view = (await jsonrpc("/copilot/turn", { turn_id: started.turn_id }, cookie)).result;
    if (view.status !== "running") break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const steps = (view.result?.steps ?? []).map((step) => `${step.tool}:${step.status}`).join(", ");
  console.log(`${db}: ${view.status}; steps ${steps}; reply: ${(view.result?.reply ?? "").replace(/\s+/g, " ").slice(0, 140)}`);
}
