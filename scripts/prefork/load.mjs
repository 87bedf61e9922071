#!/usr/bin/env node
// The production check of docs/production.md: SELLERS users ask for a quotation at the same
// moment through Odoo's own routes (/copilot/chat, then /copilot/turn until the turn ends, as a
// script does), confirm it, and we measure each turn, each confirm, the orders created, and
// Odoo's own login page probed all along. The sellers are logged in before the burst (a seller
// asks from an open session; 8 password checks at once are Odoo's login work, not the copilot's).
// LOGIN_DURING=1 logs them in within the first burst instead (as this script did before session 7).
// ROUNDS bursts one after the other give the login probe more samples. Bounded in time; only
// loopback addresses.
//   ODOO_URL=http://127.0.0.1:8090 DB=copilot_demo SELLERS=8 ROUNDS=3 node scripts/prefork/load.mjs
import { createJsonRpc } from "./odoo-rpc.mjs";
const url = process.env.ODOO_URL ?? "http://127.0.0.1:8090";
const db = process.env.DB ?? "copilot_demo";
const sellers = Number(process.env.SELLERS ?? 8);
const message = process.env.MESSAGE ?? "Crée un devis pour Deco Addict avec 3 Office Chair";
const rounds = Number(process.env.ROUNDS ?? 1);
const deadlineMs = Number(process.env.DEADLINE_MS ?? 120_000) * rounds;
const started = Date.now();

const jsonrpc = createJsonRpc(url);

async function xmlrpcAdmin(model, method, args, kwargs = {}) {
  // through JSON-RPC's /jsonrpc (object.execute_kw), as admin
  const response = await fetch(`${url}/jsonrpc`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", method: "call", id: 1, params: { service: "object", method: "execute_kw", args: [db, 2, "admin", model, method, args, kwargs] } }),
  });
  const body = await response.json();
  if (body.error) throw new Error(body.error.data?.message ?? body.error.message);
  return body.result;
}

async function ensureSellers() {
  const groups = await xmlrpcAdmin("ir.model.data", "search_read", [[["module", "in", ["sales_team", "base"]], ["name", "in", ["group_sale_salesman", "group_user"]]]], { fields: ["res_id"] });
  const groupIds = groups.map((g) => g.res_id);
  const logins = [];
  for (let n = 1; n <= sellers; n += 1) {
    const login = `seller${n}`;
    const found = await xmlrpcAdmin("res.users", "search", [[["login", "=", login]]]);
    if (!found.length) {
      const field = (await xmlrpcAdmin("res.users", "fields_get", [["group_ids", "groups_id"]], { attributes: ["type"] })).group_ids ? "group_ids" : "groups_id";
      await xmlrpcAdmin("res.users", "create", [{ name: `Seller ${n}`, login, password: login, [field]: [[6, 0, groupIds]] }]);
    }
    logins.push(login);
  }
  return logins;
}

const pct = (values, p) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function probeLogin(stop, samples) {
  while (!stop.done && Date.now() - started < deadlineMs) {
    const t0 = performance.now();
    try {
      await fetch(`${url}/web/login?db=${db}`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.arrayBuffer());
      samples.push(performance.now() - t0);
    } catch {
      samples.push(30_000);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function seller(session, round) {
  if (!session.cookie) session.cookie = (await jsonrpc("/web/session/authenticate", { db, login: session.login, password: session.login })).cookie;
  const { login, cookie } = session;
  const t0 = performance.now();
  const start = await jsonrpc("/copilot/chat", { message, client_message_id: `load_${login}_${started}_${round}` }, cookie);
  const answeredIn = performance.now() - t0;
  let after = 0;
  // an offline turn comes back with its result; a model's is followed with /copilot/turn
  let view = start.result.status !== "running" && start.result.result ? { status: start.result.status, result: start.result.result, events: [] } : undefined;
  while (!view || view.status === "running") {
    view = (await jsonrpc("/copilot/turn", { turn_id: start.result.turn_id, after }, cookie)).result;
    after = view.events.at(-1)?.seq ?? after;
    if (view.status !== "running") break;
    if (Date.now() - started > deadlineMs) throw new Error(`${login}: turn still running`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const turnMs = performance.now() - t0;
  const action = view.result?.actions?.[0];
  if (!action) return { login, status: view.status, answeredIn, turnMs, error: view.result?.reply ?? JSON.stringify(view.events.at(-1)) };
  const c0 = performance.now();
  const confirmed = (await jsonrpc("/copilot/action/confirm", { action_id: action.id }, cookie)).result.action;
  const confirmMs = performance.now() - c0;
  const again = (await jsonrpc("/copilot/action/confirm", { action_id: action.id }, cookie)).result.action;
  return { login, status: view.status, answeredIn, turnMs, confirmMs, record: confirmed.record, sameOnRepeat: again.record?.id === confirmed.record?.id };
}

const logins = await ensureSellers();
const ordersBefore = await xmlrpcAdmin("sale.order", "search_count", [[]]);
const stop = { done: false };
const loginSamples = [];
const baseline = [];
await probeLogin({ done: false, get done() { return baseline.length >= 5; } }, baseline);
let probe;
const sessions = [];
for (const login of logins) sessions.push({ login, cookie: process.env.LOGIN_DURING ? undefined : (await jsonrpc("/web/session/authenticate", { db, login, password: login })).cookie });
const results = [];
probe = probeLogin(stop, loginSamples);
for (let round = 0; round < rounds; round += 1) {
  results.push(...(await Promise.all(sessions.map((session) => seller(session, round).catch((error) => ({ login: session.login, error: String(error.message ?? error) }))))));
  await new Promise((resolve) => setTimeout(resolve, 500));
}
stop.done = true;
await probe;
const ordersAfter = await xmlrpcAdmin("sale.order", "search_count", [[]]);
const records = results.map((r) => r.record?.id).filter(Boolean);
console.log(JSON.stringify(results, null, 0).replace(/\},\{/g, "},\n{"));
console.log(`sellers ${sellers} × ${rounds} rounds: proposed ${results.filter((r) => r.status === "done" && !r.error).length}, created ${records.length} (distinct ${new Set(records).size}), sale.order +${ordersAfter - ordersBefore}, repeat confirm same record ${results.filter((r) => r.sameOnRepeat).length}`);
const turns = results.map((r) => r.turnMs).filter(Boolean);
const answers = results.map((r) => r.answeredIn).filter(Boolean);
const confirms = results.map((r) => r.confirmMs).filter(Boolean);
console.log(`/copilot/chat answered: max ${Math.max(...answers).toFixed(0)} ms; turn to final result: p50 ${pct(turns, 50).toFixed(0)} ms, max ${Math.max(...turns).toFixed(0)} ms; confirm: p50 ${pct(confirms, 50).toFixed(0)} ms, max ${Math.max(...confirms).toFixed(0)} ms`);
console.log(`/web/login before: p50 ${pct(baseline, 50).toFixed(0)} ms; during the load (${loginSamples.length} probes): p50 ${pct(loginSamples, 50).toFixed(0)} ms, p95 ${pct(loginSamples, 95).toFixed(0)} ms, max ${Math.max(...loginSamples).toFixed(0)} ms`);
