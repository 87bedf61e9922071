import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createLlmRunner } from "../agent/create-agent.js";
import { createChatModel } from "../agent/model.js";
import { createPlannerRunner } from "../agent/planner/planner-runner.js";
import { createTurnService, type OdooClientFactory } from "../agent/turn-service.js";
import { createLogger } from "../logger.js";
import { createInMemoryConversationStore } from "../memory/in-memory-conversation-store.js";
import { mintDelegation } from "../odoo/delegation.js";
import { createGatewayClient } from "../odoo/gateway-client.js";
import { createJson2Client } from "../odoo/json2-client.js";
import { createXmlRpcClient } from "../odoo/xmlrpc-client.js";
import { entities, type EntityKind } from "../odoo/entities.js";
import type { OdooClient } from "../odoo/odoo-client.js";
import { resolveMany } from "../odoo/resolve.js";
import { findTool } from "../tools/index.js";
import { judge, type Aliases, type EvalCase } from "./judge.js";

/** Each argument of the first step that names a record (its tool's declaration says which, and of
 * what kind), with the name of the record it resolves to (as the case's user). */
async function aliasesFor(odoo: OdooClient, tool: string, args: unknown): Promise<Aliases> {
  const kinds: Readonly<Record<string, EntityKind>> = findTool(tool)?.records ?? {};
  const wanted: [string, string][] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === "string" && kinds[key]) wanted.push([key, value]);
    else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === "object") for (const [name, inner] of Object.entries(value)) walk(inner, name);
  };
  walk(args, "");
  const names = new Map<string, string[]>();
  for (const [key, raw] of wanted) {
    const [resolution] = await resolveMany(odoo, entities[kinds[key]!], [raw]).catch(() => [undefined]);
    if (resolution?.status === "found") names.set(`${key}\u0000${raw}`, [resolution.match.name, String(resolution.match.record.name ?? "")]);
  }
  return (key, raw) => names.get(`${key}\u0000${raw}`) ?? [];
}

/**
 * npm run eval -- --cases FILE --transport xmlrpc|gateway --odoo-url URL --db DB --login LOGIN
 *   --password PASSWORD [--uid N --secret S (gateway)] [--llm offline|openai] [--lang-from-case]
 * Runs each case in a fresh session against a real Odoo, never confirms a write, prints one line
 * per case and, last, `accuracy: PASSED/TOTAL (PCT%)`.
 */
const USAGE = "usage: npm run eval -- --cases FILE [--transport xmlrpc|gateway|json2 (--api-key K)] --odoo-url URL --db DB --login LOGIN --password PASSWORD [--uid N --secret S] [--llm offline|openai]";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cases: { type: "string" },
      transport: { type: "string", default: "xmlrpc" },
      "odoo-url": { type: "string", default: process.env.ODOO_URL ?? "http://127.0.0.1:8069" },
      db: { type: "string", default: process.env.ODOO_DB },
      login: { type: "string", default: process.env.ODOO_LOGIN ?? "admin" },
      password: { type: "string", default: process.env.ODOO_PASSWORD ?? "admin" },
      uid: { type: "string", default: process.env.ODOO_UID ?? "2" },
      secret: { type: "string", default: process.env.COPILOT_SHARED_SECRET },
      "api-key": { type: "string", default: process.env.ODOO_API_KEY },
      llm: { type: "string", default: "offline" },
      verbose: { type: "boolean", default: false },
    },
  });
  if (!values.cases || !values.db || !["xmlrpc", "gateway", "json2"].includes(values.transport!) || !["offline", "openai"].includes(values.llm!)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  // npm runs workspace scripts in the workspace folder: read paths from where npm was called.
  const cases = readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), values.cases), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalCase);

  // A case's `lang` is the language the copilot must answer in; Odoo keeps the login's own language
  // (the case's may not be installed in the database).
  const odooFor: OdooClientFactory =
    values.transport === "gateway"
      ? (_user, delegation) => createGatewayClient({ url: values["odoo-url"]!, token: delegation, context: {}, timeoutMs: 30_000 })
      : values.transport === "json2"
      ? () => createJson2Client({ url: values["odoo-url"]!, db: values.db!, apiKey: values["api-key"] ?? "", timeoutMs: 30_000 })
      : () => createXmlRpcClient({ url: values["odoo-url"]!, db: values.db!, login: values.login!, password: values.password!, timeoutMs: 30_000 });
  if (values.transport === "gateway" && !values.secret) {
    process.stderr.write("--transport gateway needs --secret (the shared secret set in Odoo) and --uid\n");
    return 2;
  }
  const runner =
    values.llm === "openai"
      ? createLlmRunner(
          createChatModel({ baseUrl: process.env.LLM_BASE_URL || undefined, apiKey: process.env.LLM_API_KEY || "not-needed", model: process.env.LLM_MODEL ?? "gpt-4.1-mini", timeoutMs: 60_000 }),
        )
      : createPlannerRunner();
  const logger = createLogger(values.verbose ? "info" : "silent");
  const uid = Number(values.uid);

  let passed = 0;
  for (const testCase of cases) {
    // A fresh service per case: a new session, nothing remembered from the previous case.
    const turns = createTurnService({ store: createInMemoryConversationStore(), runner, odooFor, logger });
    const user = { db: values.db, uid, name: values.login, lang: testCase.lang === "fr" ? "fr_FR" : "en_US", tz: "Europe/Brussels" };
    const delegation = values.transport === "gateway" ? mintDelegation(values.secret!, { db: values.db, uid }) : "";
    const started = performance.now();
    let line: string;
    try {
      const turn = await turns.runTurn({ user, delegation, sessionId: randomBytes(12).toString("hex"), message: testCase.utterance });
      const problems = judge(testCase, turn, turn.steps[0] ? await aliasesFor(odooFor(user, delegation), turn.steps[0].tool, turn.steps[0].args) : undefined);
      const ms = Math.round(performance.now() - started);
      const first = turn.steps[0];
      const did = first ? `${first.tool} ${JSON.stringify(first.args)}` : "(no tool)";
      if (!problems.length) passed += 1;
      line = `${problems.length ? "FAIL" : "PASS"} ${testCase.id} ${ms}ms ${did}${problems.length ? ` — ${problems.join("; ")}` : ""}`;
      if (values.verbose) line += `\n     reply: ${turn.reply.replace(/\n/g, " ⏎ ").slice(0, 300)}`;
    } catch (error) {
      line = `FAIL ${testCase.id} error: ${(error as Error).message}`;
    }
    process.stdout.write(`${line}\n`);
  }
  const pct = cases.length ? ((100 * passed) / cases.length).toFixed(1) : "0.0";
  process.stdout.write(`accuracy: ${passed}/${cases.length} (${pct}%)\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
