import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A scripted OpenAI-compatible chat server: the real `@langchain/openai` client talks to it over
 * HTTP, so the agent loop, tool-call parsing and retries run for real; only the model's words are
 * written in advance. Answers `stream: false` and `stream: true` (tool-call arguments split across
 * chunks, usage last when `stream_options.include_usage`).
 */
/** How a real server departs from OpenAI's wire format (Ollama, vLLM, llama.cpp, LM Studio, DeepSeek). */
export type Quirks = {
  /** Tool-call arguments sent as a JSON object, not text (Ollama). */
  argsObject?: boolean;
  /** Deltas and messages without `role`. */
  noRole?: boolean;
  /** Answers one JSON body although `stream: true` was asked. */
  ignoreStream?: boolean;
  /** A streamed answer that is only the event-stream headers and an immediate close. */
  emptyStream?: boolean;
  /** A reasoning model's thinking, in `reasoning_content` (DeepSeek), before the answer. */
  reasoning?: string;
  /** Sends its headers and first delta, then nothing ever again. */
  stall?: boolean;
};

export type ScriptedReply =
  | ({ content: string; noUsage?: boolean } & Quirks)
  | ({
      toolCalls: { name: string; args: unknown }[];
      content?: string;
      /**
       * A streamed answer cut inside the first call's arguments, right after the text `after`:
       * `length` ends with `finish_reason: "length"` and `[DONE]`; `eof` closes the stream with no
       * finish reason and no `[DONE]`. Without it the answer is whole.
       */
      cut?: { after: string; how: "length" | "eof" };
      /** Closes a whole stream right after its finish reason, with no `[DONE]` (some local servers). */
      noDone?: boolean;
      /** Reports no token usage, as many local servers do. */
      noUsage?: boolean;
    } & Quirks)
  | { status: number; error?: string; retryAfter?: number };

export type ChatRequest = {
  model: string;
  stream?: boolean;
  messages: { role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string; reasoning_content?: string }[];
  temperature?: number;
  tools?: { type: string; function: { name: string; description: string; parameters: unknown } }[];
};

export type ScriptedLlm = {
  baseUrl: string;
  requests: ChatRequest[];
  /** Queue replies; each request takes the next one. A function decides from the request. */
  push(...replies: (ScriptedReply | ((request: ChatRequest) => ScriptedReply))[]): void;
  /** Forgets the requests seen and the replies not used yet. */
  reset(): void;
  close(): Promise<void>;
};

/**
 * The embeddings the scripted server answers: one dimension per concept, so words that share a
 * meaning (shipment, delivery, livraison) are close while sharing no letters.
 */
const CONCEPTS = [
  ["delivery", "deliver", "shipment", "shipping", "truck", "livraison", "arrive", "arrival", "supplier"],
  ["desk", "desks", "table", "furniture", "chair", "bureau"],
  ["plan", "floor", "wall", "panel", "acoustic", "room"],
  ["customer", "client", "asked", "request"],
];

function conceptVector(text: string): number[] {
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  return CONCEPTS.map((concept) => words.filter((word) => concept.includes(word)).length + 0.01);
}

export async function startScriptedLlm(): Promise<ScriptedLlm> {
  const queue: (ScriptedReply | ((request: ChatRequest) => ScriptedReply))[] = [];
  const requests: ChatRequest[] = [];
  let callId = 0;
  let responseId = 0;

  const server: Server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      if (req.method === "POST" && req.url?.endsWith("/embeddings")) {
        const { input } = JSON.parse(raw) as { input: string[] };
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ object: "list", data: input.map((text, index) => ({ object: "embedding", index, embedding: conceptVector(text) })), model: "scripted" }));
        return;
      }
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404).end();
        return;
      }
      const request = JSON.parse(raw) as ChatRequest;
      requests.push(request);
      const next = queue.shift();
      const reply = typeof next === "function" ? next(request) : (next ?? { content: "(script exhausted)" });
      if ("status" in reply) {
        res.writeHead(reply.status, { "Content-Type": "application/json", ...(reply.retryAfter !== undefined ? { "Retry-After": String(reply.retryAfter) } : {}) });
        res.end(JSON.stringify({ error: { message: reply.error ?? "scripted failure", type: "server_error" } }));
        return;
      }
      const toolCalls =
        "toolCalls" in reply
          ? reply.toolCalls.map((call) => ({
              id: `call_${++callId}`,
              type: "function" as const,
              function: { name: call.name, arguments: (typeof call.args === "string" ? call.args : JSON.stringify(call.args)) as unknown as string },
            }))
          : undefined;
      const quirks: Quirks = reply;
      const role = quirks.noRole ? {} : { role: "assistant" };
      // Ollama: arguments as an object (the text above, read back)
      const wireCalls = quirks.argsObject && toolCalls ? toolCalls.map((call) => ({ ...call, function: { ...call.function, arguments: JSON.parse(call.function.arguments) as unknown } })) : toolCalls;
      const content = reply.content ?? (toolCalls ? "" : "");
      const usage = { prompt_tokens: JSON.stringify(request.messages).length >> 2, completion_tokens: 12, total_tokens: 0 };
      usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
      const base = { id: `chatcmpl-${++responseId}`, object: "chat.completion", created: 1_700_000_000, model: request.model };

      if (!request.stream || quirks.ignoreStream) {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(
          JSON.stringify({
            ...base,
            choices: [{ index: 0, message: { ...role, content: toolCalls ? null : content, ...(wireCalls ? { tool_calls: wireCalls } : {}), ...(quirks.reasoning ? { reasoning_content: quirks.reasoning } : {}) }, finish_reason: toolCalls ? "tool_calls" : "stop" }],
            ...("noUsage" in reply && reply.noUsage ? {} : { usage }),
          }),
        );
        return;
      }
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
      if (quirks.emptyStream) {
        res.end();
        return;
      }
      const send = (delta: unknown, finish: string | null = null) =>
        res.write(`data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
      send({ ...role, content: "" });
      if (quirks.stall) return;
      if (quirks.reasoning) for (const word of quirks.reasoning.match(/\S+\s*/g) ?? []) send({ ...role, content: null, reasoning_content: word });
      if (toolCalls && "cut" in reply && reply.cut) {
        const call = toolCalls[0]!;
        const args = call.function.arguments;
        const end = args.indexOf(reply.cut.after) + reply.cut.after.length;
        send({ tool_calls: [{ index: 0, id: call.id, type: "function", function: { name: call.function.name, arguments: args.slice(0, end) } }] });
        if (reply.cut.how === "eof") {
          res.end();
          return;
        }
        send({}, "length");
        res.end("data: [DONE]\n\n");
        return;
      }
      if (toolCalls) {
        // Text written before the calls (a reasoning model's <think> block, a "Let me check…").
        for (const word of content.match(/\S+\s*/g) ?? []) send({ content: word });
        toolCalls.forEach((call, index) => {
          const args = call.function.arguments;
          if (quirks.argsObject) {
            // Ollama: the whole call in one delta, its arguments an object
            send({ ...role, tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: JSON.parse(args) as unknown } }] });
            return;
          }
          const middle = Math.floor(args.length / 2);
          send({ ...role, tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: args.slice(0, middle) } }] });
          send({ ...role, tool_calls: [{ index, function: { arguments: args.slice(middle) } }] });
        });
        send({}, "tool_calls");
      } else {
        for (const word of content.match(/\S+\s*/g) ?? []) send({ ...role, content: word });
        send({}, "stop");
      }
      if ((request as { stream_options?: { include_usage?: boolean } }).stream_options?.include_usage && !("noUsage" in reply && reply.noUsage)) {
        res.write(`data: ${JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [], usage })}\n\n`);
      }
      res.end("noDone" in reply && reply.noDone ? "" : "data: [DONE]\n\n");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    push: (...replies) => queue.push(...replies),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
