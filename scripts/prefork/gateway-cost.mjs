#!/usr/bin/env node
// Item 5 of docs/production.md: the cost of one ORM read through the copilot's gateway
// (/copilot/rpc, delegation token) against Odoo's own /web/dataset/call_kw (session cookie),
// the same read, measured in one run on one server. Loopback only, bounded.
//   ODOO_URL=http://127.0.0.1:8069 DB=copilot_demo COPILOT_SHARED_SECRET=... node scripts/prefork/gateway-cost.mjs
import { createHmac, randomBytes } from "node:crypto";

const url = process.env.ODOO_URL ?? "http://127.0.0.1:8069";
const db = process.env.DB ?? "copilot_demo";
const secret = process.env.COPILOT_SHARED_SECRET;
const rounds = Number(process.env.ROUNDS ?? 200);
if (!secret) throw new Error("COPILOT_SHARED_SECRET is needed (the one Odoo uses)");

const b64 = (buffer) => Buffer.from(buffer).toString("base64url");
function delegation(uid) {
  const now = Math.floor(Date.now() / 1000);
  const body = b64(JSON.stringify({ db, exp: now + 300, iat: now, jti: randomBytes(12).toString("base64url"), sid: null, uid, v: 1 }));
  const key = createHmac("sha256", secret).update("copilot-delegation-v1").digest();
  return `${body}.${b64(createHmac("sha256", key).update(body).digest())}`;
}

async function post(path, params, headers = {}) {
  const t0 = performance.now();
  const response = await fetch(url + path, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ jsonrpc: "2.0", method: "call", id: 1, params }) });
  const body = await response.json();
  const ms = performance.now() - t0;
  if (body.error) throw new Error(`${path}: ${body.error.data?.message ?? body.error.message}`);
  return { ms, result: body.result, cookie: response.headers.get("set-cookie")?.split(";")[0] };
}

const login = await post("/web/session/authenticate", { db, login: "demo", password: "demo" });
// what the addon gives the agent: a session bound to the database and to no user, made by
// copilot.agent._db_session_id (DB_SESSION: its id, e.g. from `odoo-bin shell`)
const dbSession = process.env.DB_SESSION ? `session_id=${process.env.DB_SESSION}` : undefined;
const uid = login.result.uid;
const read = { model: "product.product", method: "search_read", args: [[["default_code", "=", "E-COM07"]]], kwargs: { fields: ["name", "qty_available", "virtual_available"], limit: 3 } };
const viaCallKw = () => post(`/web/dataset/call_kw/${read.model}/${read.method}`, { ...read, kwargs: { ...read.kwargs, context: { lang: "en_US" } } }, { Cookie: login.cookie, "X-Odoo-Database": db });
const viaGateway = () => post("/copilot/rpc", { token: delegation(uid), ...read, kwargs: { ...read.kwargs, context: { lang: "en_US" } }, meta: { tool: "get_stock" } }, { "X-Odoo-Database": db, ...(dbSession ? { Cookie: dbSession } : {}) });

const p50 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const samples = { callKw: [], gateway: [] };
for (let round = 0; round < 10; round += 1) {
  await viaCallKw();
  await viaGateway();
}
for (let round = 0; round < rounds; round += 1) {
  // interleaved, so both meet the same machine
  samples.callKw.push((await viaCallKw()).ms);
  samples.gateway.push((await viaGateway()).ms);
}
const a = p50(samples.callKw);
const b = p50(samples.gateway);
console.log(`same read, ${rounds} rounds interleaved: call_kw p50 ${a.toFixed(1)} ms, /copilot/rpc p50 ${b.toFixed(1)} ms, ratio ${(b / a).toFixed(2)}`);
