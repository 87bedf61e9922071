#!/usr/bin/env node
// Findings 1, 2 and 7 of the security review (#16), replayed against a real Odoo with the addon:
//   1. one seller sends 6 chats at once: only TURNS_IN_FLIGHT_PER_USER (2) run, the others are
//      refused with a clear message, and another user's page stays fast;
//   2. order references match exactly or not at all;
//   7. a 30 MB message is refused by Odoo before it is signed or forwarded.
//   ODOO_URL=http://127.0.0.1:8090 DB=copilot_demo node scripts/prefork/review-repro.mjs
const url = process.env.ODOO_URL ?? "http://127.0.0.1:8090";
const db = process.env.DB ?? "copilot_demo";

async function jsonrpc(path, params, cookie) {
  const response = await fetch(url + path, { method: "POST", headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) }, body: JSON.stringify({ jsonrpc: "2.0", method: "call", id: 1, params }), signal: AbortSignal.timeout(60_000) });
  const body = await response.json().catch(() => ({ error: { message: `HTTP ${response.status}` } }));
  return { status: response.status, result: body.result, error: body.error, cookie: response.headers.get("set-cookie")?.split(";")[0] };
}
const login = async (user) => (await jsonrpc("/web/session/authenticate", { db, login: user, password: user })).cookie;
const demo = await login("demo");

// 1
const t0 = performance.now();
const probe = fetch(`${url}/web/login?db=${db}`).then(async (r) => { await r.arrayBuffer(); return performance.now() - t0; });
const chats = await Promise.all(Array.from({ length: 6 }, (_, i) => jsonrpc("/copilot/chat", { message: `Fais-moi un résumé de la semaine ${i}`, client_message_id: `repro_${Date.now()}_${i}` }, demo)));
const started = chats.filter((c) => c.result);
const refused = chats.filter((c) => c.error);
console.log(`finding 1: 6 chats at once from one seller → ${started.length} started (${started.map((c) => c.result.status).join(", ")}), ${refused.length} refused: ${[...new Set(refused.map((c) => `${c.error.data?.code}: "${c.error.data?.message}"`))].join(" | ")}; chats answered in ${(performance.now() - t0).toFixed(0)} ms; /web/login meanwhile ${(await probe).toFixed(0)} ms`);

// 2
for (const message of ["Confirm quotation S00999", "Show quotation S0002", "Send quotation S0001"]) {
  const answer = await jsonrpc("/copilot/chat", { message }, demo);
  let result = answer.result?.result;
  for (let i = 0; !result && answer.result && i < 60; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const view = (await jsonrpc("/copilot/turn", { turn_id: answer.result.turn_id }, demo)).result;
    if (view.status !== "running") result = view.result;
  }
  console.log(`finding 2: "${message}" → actions ${JSON.stringify((result?.actions ?? []).map((a) => a.summary))}; ${(result?.reply ?? answer.error?.data?.message ?? "").replace(/\s+/g, " ").slice(0, 110)}`);
}

// 7
const big = "x".repeat(30 * 1024 * 1024);
const t1 = performance.now();
const huge = await jsonrpc("/copilot/chat", { message: big }, demo);
console.log(`finding 7: a 30 MB message → HTTP ${huge.status}, ${huge.error?.data?.code ?? huge.error?.message}: "${huge.error?.data?.message ?? ""}" in ${(performance.now() - t1).toFixed(0)} ms`);
