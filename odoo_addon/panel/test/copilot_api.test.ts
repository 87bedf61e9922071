import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCopilotApi } from "../src/api/copilot_api";
import { createRpc, RpcError } from "../src/odoo/rpc";
import { describeError } from "../src/store/describe_error";

interface Seen {
  method: string;
  url: string;
  cookie: string;
  params: Record<string, unknown> | undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

const NEWER = "This needs a newer version of the Copilot module on this Odoo server. Ask your administrator to upgrade it.";

/**
 * An addon with the routes of issue 4 (`/new` prefix) and one without them (no prefix: Odoo's
 * HTML 404, like an older copilot module), answering the way odoo/http.py does.
 */
function startAddonDouble(seen: Seen[]): Promise<Server> {
  const memories = [
    { id: "mem_1", text: "Prefers deliveries on Monday", created_at: "2026-11-20T10:00:00Z" },
    { id: "mem_2", text: "Works for the Brussels office", created_at: "2026-11-21T10:00:00Z" },
  ];
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const body = raw ? (JSON.parse(raw) as { id: number; params: Record<string, unknown> }) : undefined;
    seen.push({ method: req.method ?? "", url: req.url ?? "", cookie: req.headers.cookie ?? "", params: body?.params });
    const result = (value: unknown) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ jsonrpc: "2.0", id: body?.id ?? null, result: value }));
    };
    const userError = (message: string) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ jsonrpc: "2.0", id: body?.id ?? null, error: { code: 200, message: "Odoo Server Error", data: { name: "odoo.exceptions.UserError", message } } }));
    };
    const params = body?.params ?? {};
    const [path, query = ""] = (req.url ?? "").split("?");
    switch (path) {
      case "/new/copilot/action/undo":
        return params.action_id === "act_old"
          ? result({ undone: false, message: "S00042 was confirmed since: it cannot be undone." })
          : result({ undone: true, message: "Quotation S00042 deleted." });
      case "/new/copilot/action/revise":
        return result({ action: { id: params.action_id, status: "proposed", quantities: params.quantities } });
      case "/new/copilot/sessions":
        return result({
          sessions: [
            { id: "s1", title: "Devis Deco Addict", created_at: "", updated_at: "", pinned: true },
            { id: "s2", title: "Stock", created_at: "", updated_at: "" },
          ].filter((session) => !params.query || session.title.includes(String(params.query))),
        });
      case "/new/copilot/sessions/update":
        return result({ session: { id: params.session_id, title: params.title ?? "Stock", created_at: "", updated_at: "", pinned: params.pinned ?? false } });
      case "/new/copilot/sessions/delete":
        return params.session_id === "s_other" ? userError("This conversation does not exist.") : result({ deleted: true });
      case "/new/copilot/memories":
        return result({ memories });
      case "/new/copilot/memories/delete":
        return result({ deleted: true });
      case "/new/copilot/history/export":
        return result({ exported_at: "2026-11-23T10:00:00Z", conversations: [{ id: "s1", messages: [] }], memories });
      case "/new/copilot/history/delete":
        return result({ deleted: true });
      case "/new/copilot/export/pdf":
        if (query === "session_id=s%2F1") {
          res.writeHead(200, { "Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="conversation.pdf"' });
          return res.end("%PDF-1.4\n%%EOF\n");
        }
        res.writeHead(404, { "Content-Type": "application/json" });
        return res.end(JSON.stringify({ error: { code: "not_found:session", message: "Cette conversation n'existe pas." } }));
      default:
        res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
        return res.end("<!DOCTYPE html><title>404: Not Found</title>");
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("the full page's routes over a real HTTP server", () => {
  const seen: Seen[] = [];
  let server: Server;
  let newer: ReturnType<typeof createCopilotApi>;
  let older: ReturnType<typeof createCopilotApi>;

  beforeAll(async () => {
    server = await startAddonDouble(seen);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    newer = createCopilotApi(createRpc({ baseUrl: `${origin}/new` }), { baseUrl: `${origin}/new` });
    older = createCopilotApi(createRpc({ baseUrl: origin }), { baseUrl: origin });
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("undoes an action, or says why not", async () => {
    await expect(newer.undoAction("act_1")).resolves.toEqual({ undone: true, message: "Quotation S00042 deleted." });
    expect(seen.at(-1)).toMatchObject({ method: "POST", url: "/new/copilot/action/undo", params: { action_id: "act_1" } });
    await expect(newer.undoAction("act_old")).resolves.toEqual({ undone: false, message: "S00042 was confirmed since: it cannot be undone." });
  });

  it("sends a quotation's new quantities", async () => {
    await expect(newer.reviseAction("act_1", [5, 0])).resolves.toEqual({ action: { id: "act_1", status: "proposed", quantities: [5, 0] } });
    expect(seen.at(-1)).toMatchObject({ method: "POST", url: "/new/copilot/action/revise", params: { action_id: "act_1", quantities: [5, 0] } });
  });

  it("lists, filters, renames, pins and deletes conversations", async () => {
    await expect(newer.sessions()).resolves.toMatchObject({ sessions: [{ id: "s1", pinned: true }, { id: "s2" }] });
    expect(seen.at(-1)!.params).toEqual({});
    await expect(newer.sessions("  Devis ")).resolves.toMatchObject({ sessions: [{ id: "s1" }] });
    expect(seen.at(-1)!.params).toEqual({ query: "Devis" });

    await expect(newer.updateSession("s2", { title: "Stock des chaises" })).resolves.toMatchObject({ session: { id: "s2", title: "Stock des chaises" } });
    expect(seen.at(-1)).toMatchObject({ url: "/new/copilot/sessions/update", params: { session_id: "s2", title: "Stock des chaises" } });
    await newer.updateSession("s2", { pinned: true });
    expect(seen.at(-1)!.params).toEqual({ session_id: "s2", pinned: true });

    await expect(newer.deleteSession("s2")).resolves.toEqual({ deleted: true });
    expect(seen.at(-1)).toMatchObject({ url: "/new/copilot/sessions/delete", params: { session_id: "s2" } });
    const refused = await newer.deleteSession("s_other").catch((error: unknown) => error);
    expect(describeError(refused)).toBe("This conversation does not exist.");
  });

  it("lists and deletes memories", async () => {
    const { memories } = await newer.memories();
    expect(memories.map((memory) => memory.text)).toEqual(["Prefers deliveries on Monday", "Works for the Brussels office"]);
    expect(seen.at(-1)).toMatchObject({ url: "/new/copilot/memories", params: {} });
    await newer.deleteMemory("mem_1");
    expect(seen.at(-1)).toMatchObject({ url: "/new/copilot/memories/delete", params: { memory_id: "mem_1" } });
  });

  it("exports and deletes the history", async () => {
    await expect(newer.exportHistory()).resolves.toMatchObject({ conversations: [{ id: "s1" }], memories: [{ id: "mem_1" }, { id: "mem_2" }] });
    await expect(newer.deleteHistory()).resolves.toEqual({ deleted: true });
    expect(seen.at(-1)).toMatchObject({ url: "/new/copilot/history/delete", params: {} });
  });

  it("downloads a conversation's PDF with a GET, and explains a refusal", async () => {
    const pdf = await newer.exportPdf("s/1");
    expect(seen.at(-1)).toMatchObject({ method: "GET", url: "/new/copilot/export/pdf?session_id=s%2F1" });
    expect(pdf.type).toBe("application/pdf");
    expect(await pdf.text()).toMatch(/^%PDF-1\.4/);
    const error = await newer.exportPdf("s_gone").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect(describeError(error)).toBe("Cette conversation n'existe pas.");
  });

  it("says the addon is too old when a route is missing, for every new route", async () => {
    const calls: [string, () => Promise<unknown>][] = [
      ["undo", () => older.undoAction("act_1")],
      ["revise", () => older.reviseAction("act_1", [1])],
      ["update", () => older.updateSession("s1", { title: "x" })],
      ["delete", () => older.deleteSession("s1")],
      ["memories", () => older.memories()],
      ["memory", () => older.deleteMemory("mem_1")],
      ["export", () => older.exportHistory()],
      ["forget", () => older.deleteHistory()],
      ["pdf", () => older.exportPdf("s1")],
    ];
    for (const [name, call] of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(RpcError);
      expect((error as RpcError).isMissingRoute, name).toBe(true);
      expect(describeError(error), name).toBe(NEWER);
    }
  });

  it("reads a JSON-RPC NotFound as a missing route too", () => {
    const error = new RpcError("server", "404: Not Found", { code: 404, data: { name: "werkzeug.exceptions.NotFound", message: "404: Not Found" } });
    expect(error.isMissingRoute).toBe(true);
    expect(describeError(error)).toBe(NEWER);
    expect(new RpcError("server", "Denied", { code: 200, data: { name: "odoo.exceptions.AccessError" } }).isMissingRoute).toBe(false);
  });
});
