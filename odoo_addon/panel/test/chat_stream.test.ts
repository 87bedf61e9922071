import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { shouldFallBack, toTurnEvent } from "../src/api/chat_stream";
import { createCopilotApi } from "../src/api/copilot_api";
import type { TurnEvent } from "../src/api/types";
import { createRpc, RpcError } from "../src/odoo/rpc";

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
  });
}

interface Seen {
  url: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
}

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Odoo as the panel sees it: `/slow` streams a turn and waits for `release()` before its end,
 * `/csrf` refuses the token, `/old` is an addon without the stream route (HTML 404), `/login`
 * redirects to the login page; `/copilot/chat` is the JSON fallback.
 */
function startOdoo(seen: Seen[]) {
  let release: () => void = () => {};
  const server: Server = createServer(async (req, res: ServerResponse) => {
    const raw = await readBody(req);
    const body = JSON.parse(raw || "{}") as Record<string, unknown>;
    seen.push({ url: req.url ?? "", headers: req.headers, body });
    const stream = (status = 200) => res.writeHead(status, { "Content-Type": "text/event-stream; charset=utf-8" });
    switch (req.url) {
      case "/slow/copilot/chat/stream":
        stream();
        res.write(sse("start", { session_id: "s1", turn_id: "t1" }) + ": ping\n\n");
        res.write('event: text\ndata: {"text":"Bon');
        res.write('jour"}\n\n');
        await new Promise<void>((resolve) => (release = resolve));
        res.end(sse("done", { session_id: "s1", reply: "Bonjour", actions: [], message_id: "m1", steps: [], stopped: false, choices: [] }));
        return;
      case "/csrf/copilot/chat/stream":
        stream(400);
        res.end(sse("error", { code: "bad_request:csrf", message: "Your Odoo session has changed. Please reload the page." }));
        return;
      case "/login/copilot/chat/stream":
        res.writeHead(303, { Location: "/web/login" }).end();
        return;
      case "/web/login":
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end("<html>login</html>");
        return;
      case "/login/copilot/chat":
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: 100, message: "Odoo Session Expired", data: { name: "odoo.http.SessionExpiredException", message: "Session expired" } } }));
        return;
      case "/old/copilot/chat":
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ jsonrpc: "2.0", result: { session_id: "s9", reply: "from JSON", actions: [], message_id: "m9" } }));
        return;
      default:
        res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" }).end("<!DOCTYPE html><title>404</title>");
    }
  });
  return { server, release: () => release() };
}

describe("/copilot/chat/stream over a real HTTP server", () => {
  const seen: Seen[] = [];
  const odoo = startOdoo(seen);
  let origin: string;
  const api = (prefix: string) => {
    const baseUrl = origin + prefix;
    return createCopilotApi(createRpc({ baseUrl }), { baseUrl, csrfToken: () => "tok3n" });
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => odoo.server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(odoo.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => odoo.server.close(() => resolve())));

  it("posts the message with the CSRF header and passes each event on as soon as it arrives", async () => {
    const events: TurnEvent[] = [];
    let textBeforeEnd = false;
    const done = api("/slow").chatStream({ session_id: "s1", message: "Bonjour", client_message_id: "cm_1" }, (event) => {
      events.push(event);
      if (event.type === "text") {
        textBeforeEnd = true;
        odoo.release(); // the server ends the turn only once the text has been seen here
      }
    });
    await done;
    expect(textBeforeEnd).toBe(true);
    expect(events.map((event) => event.type)).toEqual(["start", "text", "done"]);
    expect(events[1]).toEqual({ type: "text", text: "Bonjour" });
    const request = seen.at(-1)!;
    expect(request.headers["x-csrf-token"]).toBe("tok3n");
    expect(request.headers.accept).toBe("text/event-stream");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.body).toEqual({ session_id: "s1", message: "Bonjour", client_message_id: "cm_1" });
  });

  it("reads an error event even with an HTTP error status (refused CSRF token)", async () => {
    const events: TurnEvent[] = [];
    await api("/csrf").chatStream({ message: "x", client_message_id: "cm_2" }, (event) => events.push(event));
    expect(events).toEqual([{ type: "error", code: "bad_request:csrf", message: "Your Odoo session has changed. Please reload the page." }]);
  });

  it("falls back to /copilot/chat when the route does not exist, as one done event", async () => {
    const events: TurnEvent[] = [];
    await api("/old").chatStream({ message: "Bonjour", client_message_id: "cm_3" }, (event) => events.push(event));
    expect(events).toEqual([
      { type: "done", result: { session_id: "s9", reply: "from JSON", actions: [], message_id: "m9", steps: [], stopped: false, choices: [] } },
    ]);
    expect(seen.at(-1)).toMatchObject({ url: "/old/copilot/chat", body: { params: { message: "Bonjour" } } });
  });

  it("falls back after a redirection to the login page, where the JSON route says the session expired", async () => {
    const error = (await api("/login")
      .chatStream({ message: "Bonjour", client_message_id: "cm_4" }, () => {})
      .catch((e: unknown) => e)) as RpcError;
    expect(error).toBeInstanceOf(RpcError);
    expect(error.isSessionExpired).toBe(true);
  });

  it("rejects with a network error when Odoo cannot be reached, and with the AbortError on abort", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = createCopilotApi(createRpc(), { baseUrl: `http://127.0.0.1:${port}`, csrfToken: () => "" });
    await expect(offline.chatStream({ message: "x", client_message_id: "cm_5" }, () => {})).rejects.toMatchObject({ kind: "network" });

    const controller = new AbortController();
    const running = api("/slow").chatStream({ message: "x", client_message_id: "cm_6" }, (event) => {
      if (event.type === "text") {
        controller.abort();
      }
    }, controller.signal);
    await expect(running).rejects.toMatchObject({ name: "AbortError" });
    odoo.release();
  });
});

describe("the fallback decision", () => {
  const answer = (type: string | null) => ({ headers: new Headers(type ? { "Content-Type": type } : {}) });

  it("streams only what is an event stream", () => {
    expect(shouldFallBack(answer("text/event-stream; charset=utf-8"))).toBe(false);
    expect(shouldFallBack(answer("Text/Event-Stream"))).toBe(false);
    expect(shouldFallBack(answer("text/html; charset=utf-8"))).toBe(true);
    expect(shouldFallBack(answer("application/json"))).toBe(true);
    expect(shouldFallBack(answer(null))).toBe(true);
  });
});

describe("decoding the events", () => {
  it("keeps the known events with their data, and drops the rest", () => {
    expect(toTurnEvent({ event: "tool", data: '{"tool":"get_stock","status":"started"}' })).toEqual({ type: "tool", tool: "get_stock", status: "started" });
    expect(toTurnEvent({ event: "action", data: '{"action":{"id":"act_1","tool":"create_task"}}' })).toMatchObject({ type: "action", action: { id: "act_1" } });
    expect(toTurnEvent({ event: "error", data: '{"code":"unavailable:agent","message":"Injoignable"}' })).toEqual({ type: "error", code: "unavailable:agent", message: "Injoignable" });
    expect(toTurnEvent({ event: "text", data: "not json" })).toBeUndefined();
    expect(toTurnEvent({ event: "text", data: '{"nope":1}' })).toBeUndefined();
    expect(toTurnEvent({ event: "usage", data: "{}" })).toBeUndefined();
  });
});
