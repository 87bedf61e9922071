/**
 * npm run bench — one table of what is ours in a turn, measured in one run on this machine.
 *
 * The agent service runs as its own process (built `dist/main.js`), against a real redis-server
 * and two zero-latency HTTP doubles in this process: the Odoo double and a scripted
 * OpenAI-compatible model. Requests are signed as the Odoo addon signs them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { Redis } from "ioredis";
import { sign } from "../src/http/signature.js";
import { mintDelegation } from "../src/odoo/delegation.js";
import { startOdooDouble, type OdooDouble } from "../test/helpers/odoo-double.js";
import { freePort, startRedisServer } from "../test/helpers/redis-server.js";
import { startScriptedLlm, type ScriptedLlm } from "../test/helpers/scripted-llm.js";
import { createLlmRunner } from "../src/agent/create-agent.js";
import { createChatModel } from "../src/agent/model.js";
import { catalog } from "../src/tools/index.js";

const SECRET = "bench-secret-0123456789abcdef";
const root = new URL("../..", import.meta.url).pathname;

type Agent = { url: string; process: ChildProcess; stop(): Promise<void> };

async function startAgent(env: Record<string, string>): Promise<Agent> {
  const port = await freePort();
  // BENCH_PROFILE_DIR: the agent writes a V8 CPU profile there on exit (see bench/profile-summary.mjs).
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, join(root, "agent-service/dist/main.js")], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", COPILOT_SHARED_SECRET: SECRET, LOG_LEVEL: "warn", RATE_LIMIT_TURNS_PER_MINUTE: "0", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, process: child, stop: () => new Promise<void>((resolve) => { child.once("exit", () => resolve()); child.kill("SIGTERM"); }) };
}

function signedTurn(url: string, db: string, uid: number, sessionId: string, message: string) {
  const body = JSON.stringify({
    user: { db, uid, name: "Bench", lang: "en_US", tz: "UTC", company_id: 1, company_ids: [1] },
    delegation: mintDelegation(SECRET, { db, uid, sid: sessionId }),
    session_id: sessionId,
    message,
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString("base64url");
  return fetch(`${url}/v1/turns`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Copilot-Timestamp": timestamp,
      "X-Copilot-Nonce": nonce,
      "X-Copilot-Signature": sign(SECRET, { timestamp, nonce, method: "POST", path: "/v1/turns", body }),
    },
    body,
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * `concurrency` sessions sending `total` turns. Closed loop (`rate` undefined): each session sends
 * its next turn as soon as the previous one is answered, which measures the most turns per second.
 * Open loop: the sessions together offer `rate` turns per second, evenly spread, which measures
 * latency under that load (as users typing, not a queue).
 */
async function load(agent: Agent, db: string, concurrency: number, total: number, message: string, rate?: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const interval = rate ? (1000 * concurrency) / rate : 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      const sessionId = `bench${worker}${randomBytes(6).toString("hex")}`;
      if (interval) await sleep((interval * worker) / concurrency);
      for (let tick = performance.now(); next < total; tick += interval) {
        next += 1;
        const t0 = performance.now();
        const response = await signedTurn(agent.url, db, 2, sessionId, message);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`turn answered ${response.status}`);
        latencies.push(performance.now() - t0);
        if (interval) await sleep(tick + interval - performance.now());
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: total / seconds };
}

async function main() {
  const rows: string[][] = [];
  const row = (...cells: (string | number)[]) => rows.push(cells.map(String));
  const redis = await startRedisServer();
  const double: OdooDouble = await startOdooDouble({ secret: SECRET });
  const llm: ScriptedLlm = await startScriptedLlm();
  const stats = new Redis(redis.url);

  try {
    // 1. Turn overhead, offline planner and language-model loop (zero-latency doubles).
    const offline = await startAgent({ REDIS_URL: redis.url, ODOO_URL: double.url });
    await load(offline, double.db, 10, 200, "What is the stock of Large Cabinet?"); // warm-up
    const stock = "What is the stock of Large Cabinet?";
    const one = await load(offline, double.db, 1, 500, stock);
    row("turn overhead, offline planner, 1 session", `p50 ${one.p50.toFixed(1)} ms`, `p99 ${one.p99.toFixed(1)} ms`, `${Math.round(one.perSecond)} turns/s`);
    const fifty = await load(offline, double.db, 50, 2000, stock, 200);
    row("turn overhead, offline planner, 50 sessions at 200 turns/s", `p50 ${fifty.p50.toFixed(1)} ms`, `p99 ${fifty.p99.toFixed(1)} ms`, `${Math.round(fifty.perSecond)} turns/s`);
    const most = await load(offline, double.db, 50, 3000, stock);
    row("most turns per second, offline planner, 50 sessions back to back", `p50 ${most.p50.toFixed(1)} ms`, `p99 ${most.p99.toFixed(1)} ms`, `${Math.round(most.perSecond)} turns/s`);
    // Redis commands and bytes per turn.
    const before = await redisCounters(stats);
    const N = 200;
    await load(offline, double.db, 1, N, "What is the stock of Large Cabinet?");
    const after = await redisCounters(stats);
    row("Redis per turn (stock question)", `${((after.commands - before.commands) / N).toFixed(1)} commands`, `${Math.round((after.bytes - before.bytes) / N)} bytes in+out`, "");

    // 2. Odoo round trips per intent, next to one call per name lookup.
    for (const [label, message, naive] of [
      ["quote, 3 products", "Create a quote for Deco Addict with 3 Office Chair, 2 Office Lamp and 1 Large Cabinet", 1 + 3 + 1],
      ["stock question", "What is the stock of Large Cabinet?", 1],
      ["project summary", "Summarize project Office Design", 1 + 2],
    ] as const) {
      const sessionId = `trips${randomBytes(6).toString("hex")}`;
      await signedTurn(offline.url, double.db, 2, sessionId, "/help").then((r) => r.arrayBuffer()); // capabilities cached
      const calls = double.calls.length;
      await signedTurn(offline.url, double.db, 2, sessionId, message).then((r) => r.arrayBuffer());
      row(`Odoo round trips: ${label}`, `${double.calls.length - calls} calls`, `naive ${naive}`, "");
    }
    await offline.stop();

    const withModel = await startAgent({ REDIS_URL: redis.url, ODOO_URL: double.url, LLM_BASE_URL: llm.baseUrl, LLM_MODEL: "scripted", LLM_API_KEY: "x" });
    const answer = () => ({ toolCalls: [{ name: "get_stock", args: { product: "Large Cabinet" } }] });
    const words = () => ({ content: "Large Cabinet: 500 on hand, 270 forecast." });
    const script = (n: number) => {
      for (let i = 0; i < n; i += 1) llm.push(answer, words);
    };
    script(100);
    await load(withModel, double.db, 10, 100, "stock of Large Cabinet"); // warm-up
    for (const [label, concurrency, total, rate] of [
      ["1 session", 1, 300, undefined],
      ["50 sessions at 40 turns/s", 50, 600, 40],
      ["50 sessions back to back", 50, 1000, undefined],
    ] as const) {
      llm.reset();
      script(total);
      const r = await load(withModel, double.db, concurrency, total, "stock of Large Cabinet", rate);
      row(`turn overhead, LangChain agent loop (2 model calls), ${label}`, `p50 ${r.p50.toFixed(1)} ms`, `p99 ${r.p99.toFixed(1)} ms`, `${Math.round(r.perSecond)} turns/s`);
    }

    // 3. Prompt size over a scripted conversation, next to the naive full history.
    llm.reset();
    const sessionId = `prompt${randomBytes(6).toString("hex")}`;
    const sizes: string[] = [];
    const history: { role: "user" | "assistant"; content: string }[] = [];
    for (let turn = 1; turn <= 100; turn += 1) {
      const message = `Turn ${turn}: what is the stock of Large Cabinet, and can you remind me what we said about the Office Design project and its deadlines?`;
      const reply = `Answer ${turn}: Large Cabinet has 500 units on hand and 270 forecast; Office Design is at risk with three open tasks and a deadline on 12/04/2026.`;
      llm.push({ content: reply });
      await signedTurn(withModel.url, double.db, 2, sessionId, message).then((r) => r.arrayBuffer());
      const sent = llm.requests.at(-1)!.messages.reduce((sum, m) => sum + String(m.content ?? "").length, 0);
      const naive = history.reduce((sum, m) => sum + m.content.length, 0) + message.length + String(llm.requests.at(-1)!.messages[0]!.content).length;
      history.push({ role: "user", content: message }, { role: "assistant", content: reply });
      if ([1, 10, 50, 100].includes(turn)) sizes.push(`t${turn}: ${Math.round(sent / 4)} vs naive ${Math.round(naive / 4)}`);
    }
    row("prompt tokens (≈ chars/4), ours vs naive full history", sizes.join(" · "), "", "");
    await withModel.stop();

    // 5. The first turn's prompt as the model server receives it (every tool, or the relevant ones).
    for (const lang of ["en", "fr"] as const) {
      for (const toolSelection of ["all", "relevant"] as const) {
        llm.reset();
        llm.push({ content: "ok" });
        const runner = createLlmRunner(createChatModel({ baseUrl: llm.baseUrl, apiKey: "bench", model: "scripted", timeoutMs: 5_000 }), { toolSelection });
        await runner.run({
          message: lang === "fr" ? "Est-ce qu'il nous reste des Large Cabinet ?" : "Do we have any Large Cabinet left?",
          history: [], lang, today: "2026-12-07", userName: "Mitchell Admin", memories: [],
          tools: new Set(catalog.map((tool) => tool.name)), signal: new AbortController().signal, onText: () => {},
          invoke: async () => ({ ok: false, error: "bench" }),
        });
        const sent = llm.requests[0]!;
        const total = JSON.stringify({ messages: sent.messages, tools: sent.tools }).length;
        const tools = JSON.stringify(sent.tools ?? []).length;
        row(`first-turn prompt, ${lang}, ${toolSelection} tools (${sent.tools?.length ?? 0})`, `${total} chars`, `≈${Math.round(total / 4)} tokens`, `tools ${Math.round((100 * tools) / total)}%`);
      }
    }

    // 4. The panel's weight: what every backend page loads (the launcher), what the first open loads.
    for (const [label, dir] of [
      ["panel, on every backend page (launcher js + style)", "launcher"],
      ["panel, loaded on first open (js + styles)", "panel"],
    ] as const) {
      const files = listFiles(join(root, "odoo_addon/copilot/static/src", dir));
      const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
      const gzip = files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
      row(label, `${bytes} bytes`, `${gzip} gzip`, `${files.length} files`);
    }
  } finally {
    stats.disconnect();
    await llm.close();
    await double.close();
    await redis.stop();
  }

  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), 4));
  process.stdout.write(`| measure | | | |\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|\n`);
  for (const r of rows) process.stdout.write(`| ${r.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |\n`);
}

async function redisCounters(redis: Redis): Promise<{ commands: number; bytes: number }> {
  const info = await redis.info("stats");
  const read = (name: string) => Number(new RegExp(`${name}:(\\d+)`).exec(info)?.[1] ?? 0);
  // The INFO call itself counts as one command; negligible over a few hundred turns.
  return { commands: read("total_commands_processed"), bytes: read("total_net_input_bytes") + read("total_net_output_bytes") };
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
