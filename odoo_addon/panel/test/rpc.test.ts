import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createCopilotApi } from "../src/api/copilot_api";
import { createRpc, RpcError } from "../src/odoo/rpc";
import { describeError } from "../src/store/describe_error";

interface Seen {
  method: string;
  url: string;
  contentType: string;
  body: { jsonrpc: string; method: string; id: number; params: Record<string, unknown> };
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

/** A stand-in for Odoo's JSON-RPC dispatcher, answering the way odoo/http.py does. */
function startOdooDouble(seen: Seen[]): Promise<Server> {
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const body = JSON.parse(raw || "{}") as Seen["body"];
    seen.push({ method: req.method ?? "", url: req.url ?? "", contentType: req.headers["content-type"] ?? "", body });
    const reply = (payload: unknown, status = 200) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    switch (req.url) {
      case "/copilot/sessions":
        return reply({ jsonrpc: "2.0", id: body.id, result: { sessions: [] } });
      case "/copilot/chat":
        return reply({
          jsonrpc: "2.0",
          id: body.id,
          result: { session_id: "abc", turn_id: `turn_${String(body.params.message).length}`, status: "running" },
        });
      case "/copilot/action/confirm":
        return reply({
          jsonrpc: "2.0",
          id: body.id,
          error: {
            code: 200,
            message: "Odoo Server Error",
            data: {
              name: "odoo.exceptions.UserError",
              message: "Le service Copilot est injoignable. Réessayez plus tard.",
              arguments: ["Le service Copilot est injoignable. Réessayez plus tard."],
              debug: "Traceback (most recent call last): …",
            },
          },
        });
      case "/expired":
        return reply({
          jsonrpc: "2.0",
          id: body.id,
          error: { code: 100, message: "Odoo Session Expired", data: { name: "odoo.http.SessionExpiredException", message: "Session expired" } },
        });
      case "/bad-gateway":
        res.writeHead(502, { "Content-Type": "text/html" });
        return res.end("<html>Bad Gateway</html>");
      case "/bare-error":
        return reply({ jsonrpc: "2.0", id: body.id, error: { code: 200, message: "Odoo Server Error" } });
      default:
        res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
        return res.end("<!DOCTYPE html><title>404: Not Found</title>");
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("rpc over a real HTTP server", () => {
  const seen: Seen[] = [];
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = await startOdooDouble(seen);
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("posts a JSON-RPC envelope and returns the result", async () => {
    const api = createCopilotApi(createRpc({ baseUrl }));
    await expect(api.startTurn({ message: "Bonjour" })).resolves.toEqual({ session_id: "abc", turn_id: "turn_7", status: "running" });
    const request = seen.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.url).toBe("/copilot/chat");
    expect(request.contentType).toBe("application/json");
    expect(request.body).toMatchObject({ jsonrpc: "2.0", method: "call", params: { message: "Bonjour" } });
    expect(request.body.params).not.toHaveProperty("session_id");
    expect(typeof request.body.id).toBe("number");
  });

  it("sends the session id once there is one, and the other routes' params", async () => {
    const api = createCopilotApi(createRpc({ baseUrl }));
    await api.startTurn({ session_id: "abc", message: "Encore" });
    expect(seen.at(-1)!.body.params).toEqual({ session_id: "abc", message: "Encore" });
    await expect(api.sessions()).resolves.toEqual({ sessions: [] });
    expect(seen.at(-1)!.body.params).toEqual({});
  });

  it("turns a JSON-RPC error into an RpcError carrying data.message", async () => {
    const api = createCopilotApi(createRpc({ baseUrl }));
    const error = await api.confirmAction("act_1").catch((e: unknown) => e);
    expect(seen.at(-1)!.body.params).toEqual({ action_id: "act_1" });
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({
      kind: "server",
      message: "Le service Copilot est injoignable. Réessayez plus tard.",
      code: 200,
      data: { name: "odoo.exceptions.UserError" },
    });
    expect(describeError(error)).toBe("Le service Copilot est injoignable. Réessayez plus tard.");
  });

  it("falls back to error.message when there is no data.message", async () => {
    const error = await createRpc({ baseUrl })("/bare-error").catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "server", message: "Odoo Server Error" });
  });

  it("recognises an expired session", async () => {
    const error = (await createRpc({ baseUrl })("/expired").catch((e: unknown) => e)) as RpcError;
    expect(error.isSessionExpired).toBe(true);
    expect(describeError(error)).toMatch(/session has expired/);
  });

  it("reports a non JSON-RPC answer with its HTTP status", async () => {
    const error = (await createRpc({ baseUrl })("/bad-gateway").catch((e: unknown) => e)) as RpcError;
    expect(error).toMatchObject({ kind: "http", status: 502 });
    expect(error.isMissingRoute).toBe(false);
    expect(describeError(error)).toBe("The Copilot route answered with an unexpected error (HTTP 502).");
  });

  it("says that the addon is too old when the route does not exist (Odoo's HTML 404)", async () => {
    const error = (await createRpc({ baseUrl })("/copilot/unknown").catch((e: unknown) => e)) as RpcError;
    expect(error).toMatchObject({ kind: "http", status: 404 });
    expect(error.isMissingRoute).toBe(true);
    expect(describeError(error)).toBe(
      "This needs a newer version of the Copilot module on this Odoo server. Ask your administrator to upgrade it.",
    );
  });

  it("reports a server that does not answer as a network error", async () => {
    const closed = await startOdooDouble([]);
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = (await createRpc({ baseUrl: `http://127.0.0.1:${port}` })("/copilot/sessions").catch(
      (e: unknown) => e,
    )) as RpcError;
    expect(error).toMatchObject({ kind: "network" });
    expect(describeError(error)).toBe("Odoo cannot be reached. Check your connection and try again.");
  });
});
