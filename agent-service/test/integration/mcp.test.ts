import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ADMIN, DEMO, STOCK_ONLY, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";

/** The SDK's own client against the agent's /mcp (real Redis, real HTTP, the Odoo double). */
describe("the catalog over MCP", () => {
  let app: TestApp;
  const clients: Client[] = [];
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    await app.close();
  });
  afterEach(async () => {
    app.double.setMcpEnabled(true);
    app.double.setToolPolicy({});
    await Promise.all(clients.splice(0).map((client) => client.close().catch(() => undefined)));
  });

  async function connect(key: string, elicit?: (message: string) => { action: "accept" | "decline" | "cancel"; content?: Record<string, unknown> }) {
    const client = new Client({ name: "vitest-client", version: "1.0.0" }, { capabilities: elicit ? { elicitation: {} } : {} });
    if (elicit) client.setRequestHandler(ElicitRequestSchema, async (request) => elicit(String((request.params as { message?: string }).message ?? "")));
    await client.connect(new StreamableHTTPClientTransport(new URL(`${app.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
    clients.push(client);
    return client;
  }
  const text = (result: unknown) => ((result as CallToolResult).content as { type: string; text?: string }[]).map((part) => part.text ?? "").join("\n");
  const orders = () => app.double.records("sale.order").length;
  const QUOTE = { customer: "Deco Addict", lines: [{ product: "Large Cabinet", quantity: 2 }] };

  it("lists the tools the key's user may use, with their risk as annotations, and the slash commands as prompts", async () => {
    const demo = await connect(app.double.addMcpKey({ uid: DEMO.uid, name: "Claude Desktop", scope: "write" }));
    const { tools } = await demo.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(["get_stock", "create_quotation", "list_quotations", "get_proposal"]));
    expect(tools.find((tool) => tool.name === "get_stock")!.annotations).toMatchObject({ readOnlyHint: true });
    expect(tools.find((tool) => tool.name === "create_quotation")!.annotations).toMatchObject({ readOnlyHint: false });
    expect(tools.find((tool) => tool.name === "create_quotation")!.description).toMatch(/only proposes the change/);
    expect(JSON.stringify(tools.map((tool) => tool.inputSchema))).not.toMatch(/"\$schema"/);
    const { prompts } = await demo.listPrompts();
    expect(prompts.map((prompt) => prompt.name)).toContain("quote");
    const prompt = await demo.getPrompt({ name: "stock", arguments: { product: "Large Cabinet" } });
    expect(prompt.messages[0]!.content).toMatchObject({ type: "text", text: "What is the stock of Large Cabinet?" });

    // a user without Sales rights sees no quotation tool; a read key no write tool; a tool turned off, nothing
    const stock = await connect(app.double.addMcpKey({ uid: STOCK_ONLY.uid, name: "Stock bot", scope: "write" }));
    expect((await stock.listTools()).tools.map((tool) => tool.name)).not.toContain("create_quotation");
    const reader = await connect(app.double.addMcpKey({ uid: DEMO.uid, name: "Reader", scope: "read" }));
    const readable = (await reader.listTools()).tools;
    expect(readable.map((tool) => tool.name)).toContain("get_stock");
    expect(readable.filter((tool) => tool.annotations?.readOnlyHint === false)).toEqual([]);
    app.double.setToolPolicy({ list_quotations: "off" });
    const off = await connect(app.double.addMcpKey({ uid: DEMO.uid, name: "Policy", scope: "write" }));
    expect((await off.listTools()).tools.map((tool) => tool.name)).not.toContain("list_quotations");
  });

  it("runs a read as the key's user", async () => {
    const client = await connect(app.double.addMcpKey({ uid: DEMO.uid, name: "Inspector", scope: "read" }));
    const result = await client.callTool({ name: "get_stock", arguments: { product: "Large Cabinet" } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ on_hand: 500 });
    // invalid arguments are refused before Odoo is called, in a sentence
    const calls = app.double.calls.length;
    const bad = await client.callTool({ name: "get_stock", arguments: {} });
    expect(bad.isError).toBe(true);
    expect(text(bad)).toMatch(/product/);
    expect(app.double.calls.length).toBe(calls);
  });

  it("a write without elicitation is a proposal: nothing is created until the user confirms it in Odoo's panel", async () => {
    const key = app.double.addMcpKey({ uid: DEMO.uid, name: "Cursor", scope: "write" });
    const client = await connect(key);
    const before = orders();
    const result = await client.callTool({ name: "create_quotation", arguments: QUOTE });
    expect(result.structuredContent).toMatchObject({ status: "pending", tool: "create_quotation" });
    expect(text(result)).toMatch(/^Proposed, not done:/);
    expect(orders()).toBe(before);
    const proposalId = (result.structuredContent as { proposal_id: string }).proposal_id;

    // the panel shows it in the conversation of that client, with Confirm
    const sessions = await app.call("GET", `/v1/sessions?db=${DEMO.db}&uid=${DEMO.uid}`);
    const session = sessions.body.sessions.find((s: { title: string }) => s.title === "MCP · Cursor");
    expect(session).toBeTruthy();
    const messages = await app.call("GET", `/v1/sessions/${session.id}/messages?db=${DEMO.db}&uid=${DEMO.uid}`);
    expect(messages.body.messages.at(-1).actions[0]).toMatchObject({ id: proposalId, status: "proposed" });
    expect((await client.callTool({ name: "get_proposal", arguments: { proposal_id: proposalId } })).structuredContent).toMatchObject({ status: "pending" });

    // the client cannot confirm it: there is no such tool
    const confirmTry = await client.callTool({ name: "confirm_action", arguments: { action_id: proposalId } });
    expect(confirmTry.isError).toBe(true);
    expect(orders()).toBe(before);

    // (the panel's Confirm runs through the bridge in the Odoo request; here, with a token of that conversation)
    const confirmed = await app.call("POST", `/v1/actions/${proposalId}/confirm`, { ...app.as(DEMO, session.id) });
    expect(confirmed.body.action.status).toBe("done");
    expect(orders()).toBe(before + 1);
    expect((await client.callTool({ name: "get_proposal", arguments: { proposal_id: proposalId } })).structuredContent).toMatchObject({ status: "done" });
  });

  it("a write with elicitation: accepted → created once, in the action log with the client's name; declined → nothing", async () => {
    const prompts: string[] = [];
    const accepting = await connect(app.double.addMcpKey({ uid: DEMO.uid, name: "Claude Desktop", scope: "write" }), (message) => {
      prompts.push(message);
      return { action: "accept", content: { confirm: true } };
    });
    const before = orders();
    const done = await accepting.callTool({ name: "create_quotation", arguments: QUOTE });
    expect(done.structuredContent).toMatchObject({ status: "done" });
    expect(prompts[0]).toMatch(/^Claude Desktop asks to: /);
    expect(orders()).toBe(before + 1);
    const written = app.double.actionLog.filter((entry) => entry.model === "sale.order" && entry.method === "create").at(-1)!;
    expect(written).toMatchObject({ uid: DEMO.uid, client: "Claude Desktop", tool: "create_quotation" });

    const declining = await connect(app.double.addMcpKey({ uid: DEMO.uid, name: "Declining", scope: "write" }), () => ({ action: "decline" }));
    const declined = await declining.callTool({ name: "create_quotation", arguments: QUOTE });
    expect(declined.structuredContent).toMatchObject({ status: "rejected" });
    const unchecked = await connect(app.double.addMcpKey({ uid: DEMO.uid, name: "Unchecked", scope: "write" }), () => ({ action: "accept", content: { confirm: false } }));
    expect((await unchecked.callTool({ name: "create_quotation", arguments: QUOTE })).structuredContent).toMatchObject({ status: "rejected" });
    expect(orders()).toBe(before + 1);
  });

  it("a read key cannot write; a revoked or expired key, or MCP turned off, is refused", async () => {
    const reader = await connect(app.double.addMcpKey({ uid: DEMO.uid, name: "Reader", scope: "read" }));
    const before = orders();
    const refused = await reader.callTool({ name: "create_quotation", arguments: QUOTE });
    expect(refused.isError).toBe(true);
    expect(orders()).toBe(before);

    const key = app.double.addMcpKey({ uid: DEMO.uid, name: "Soon revoked", scope: "write" });
    await connect(key);
    app.double.revokeMcpKey(key);
    // the agent may still hold the key's token: Odoo's gateway refuses it at the next call
    const stale = clients.at(-1)!;
    const afterRevoke = await stale.callTool({ name: "get_stock", arguments: { product: "Large Cabinet" } });
    expect(afterRevoke.isError).toBe(true);
    await expect(connect(key)).rejects.toThrow(/401|not valid|invalid/i);
    await expect(connect(app.double.addMcpKey({ uid: DEMO.uid, name: "Old", scope: "write", expired: true }))).rejects.toThrow(/401|not valid|invalid/i);
    await expect(connect("ocmcp_not_a_key")).rejects.toThrow(/401|not an Odoo Copilot MCP key|invalid/i);
    const noAuth = await fetch(`${app.url}/mcp`, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }) });
    expect(noAuth.status).toBe(401);
    expect(noAuth.headers.get("www-authenticate")).toMatch(/^Bearer/);
    app.double.setMcpEnabled(false);
    await expect(connect(app.double.addMcpKey({ uid: DEMO.uid, name: "Off", scope: "write" }))).rejects.toThrow(/401|turned off/i);
  });

  it("a key of one user never reaches another user's proposals", async () => {
    const sid = newSessionId();
    const adminTurn = await app.call("POST", "/v1/turns", { ...app.as(ADMIN, sid), session_id: sid, message: "Crée un devis pour Deco Addict avec 1 Large Cabinet" });
    const adminAction = adminTurn.body.actions[0].id as string;
    const demo = await connect(app.double.addMcpKey({ uid: DEMO.uid, name: "Demo's agent", scope: "write" }));
    const peek = await demo.callTool({ name: "get_proposal", arguments: { proposal_id: adminAction } });
    expect(peek.isError).toBe(true);
    expect(JSON.stringify(peek)).not.toMatch(/Deco Addict/);
  });
});

describe("MCP bounds", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp({ mcp: { perMinute: 4, inFlight: 2 } });
  });
  afterAll(async () => {
    await app.close();
  });

  it("refuses a key's requests beyond its rate, with a clear message", async () => {
    const key = app.double.addMcpKey({ uid: DEMO.uid, name: "Chatty", scope: "read" });
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      const response = await fetch(`${app.url}/mcp`, {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
        body: JSON.stringify({ jsonrpc: "2.0", id: index, method: "tools/list" }),
      });
      statuses.push(response.status);
      if (response.status === 429) expect((await response.json()).error.message).toMatch(/Too many requests from this key/);
      else await response.text();
    }
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses.slice(4)).toEqual([429, 429]);
  });
});

describe("MCP across replicas", () => {
  let a: TestApp;
  let b: TestApp;
  let proxy: Server;
  let url: string;
  const served: string[] = [];
  beforeAll(async () => {
    a = await buildTestApp({ prefix: "test:mcp-replicas:" });
    b = await buildTestApp({ prefix: "test:mcp-replicas:", double: a.double });
    // a load balancer with no affinity: each request to the next replica
    let next = 0;
    proxy = createServer((req, res) => {
      const target = [a, b][next++ % 2]!;
      served.push(target === a ? "a" : "b");
      const forward = httpRequest(new URL(req.url ?? "/", target.url), { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/mcp`;
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await b.close();
    await a.close();
  });

  it("a client's answer to an elicitation, sent to another replica, reaches the call that waits for it", async () => {
    const key = a.double.addMcpKey({ uid: DEMO.uid, name: "Balanced", scope: "write" });
    const client = new Client({ name: "balanced", version: "1" }, { capabilities: { elicitation: {} } });
    client.setRequestHandler(ElicitRequestSchema, async () => ({ action: "accept", content: { confirm: true } }));
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${key}` } } }));
    const before = a.double.records("sale.order").length;
    served.length = 0;
    const result = await client.callTool({ name: "create_quotation", arguments: { customer: "Deco Addict", lines: [{ product: "Large Cabinet", quantity: 1 }] } });
    expect(result.structuredContent).toMatchObject({ status: "done" });
    expect(a.double.records("sale.order")).toHaveLength(before + 1);
    // the call and the answer went to different replicas
    expect(new Set(served)).toEqual(new Set(["a", "b"]));
    await client.close();
  });
});
