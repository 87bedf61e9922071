/**
 * What OpenAI-compatible servers really send, made into what the OpenAI client and LangChain
 * expect, at the one place every model call passes: the HTTP exchange (the client's `fetch`).
 *
 * Going out: `temperature` as configured, and never to models that refuse it (o-series, gpt-5);
 * tool schemas a strict server accepts; a reasoning model's `reasoning_content` given back on its
 * own tool-call messages (DeepSeek's thinking mode requires it within a turn).
 * Coming back: a server that ignores `stream: true` and answers one JSON body, a stream that yields
 * nothing (asked again without streaming), deltas without `role`, tool-call arguments sent as a JSON
 * object (Ollama), a stream that stalls after its headers (bounded), and a `Retry-After` longer than
 * the user should wait in silence (not retried: the turn says the model is busy, and for how long).
 */

/** What the client is told to send and how long it may wait. */
export type WireOptions = {
  /** `undefined`: not sent (the server's default). */
  temperature?: number | undefined;
  /** The longest silence inside a stream, once its headers came. */
  idleTimeoutMs: number;
  /** The longest `Retry-After` waited (the client waits it, then retries once). */
  maxRetryAfterSeconds: number;
  fetch?: typeof fetch;
};

/** Models that refuse any `temperature` but the default: OpenAI's o-series and gpt-5 family. */
export function refusesTemperature(model: string): boolean {
  return /(?:^|[/:])(?:o\d(?:-|$)|o\d-mini|gpt-5)/i.test(model);
}

/** Thrown into the stream when the server went silent after its headers. */
export class StreamStalledError extends Error {
  constructor(ms: number) {
    super(`The model's stream stalled (nothing for ${ms} ms)`);
    this.name = "StreamStalledError";
  }
}

// ---------------------------------------------------------------------------------------------
// Going out
// ---------------------------------------------------------------------------------------------

/** Schema keys some servers reject and no model uses to choose a value. */
const DROPPED_SCHEMA_KEYS = new Set(["$schema", "additionalProperties", "format", "pattern", "$id", "$comment"]);

/**
 * A tool's parameters as strict servers accept them: no `$schema`, `additionalProperties`,
 * `format` or `pattern`; `exclusiveMinimum`/`exclusiveMaximum` as plain bounds; a field with a
 * default is not required (zod lists it).
 */
export function cleanSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(cleanSchema);
  if (!schema || typeof schema !== "object") return schema;
  const source = schema as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (DROPPED_SCHEMA_KEYS.has(key)) continue;
    if (key === "exclusiveMinimum" || key === "exclusiveMaximum") {
      if (typeof value !== "number") continue;
      const integer = source.type === "integer";
      const bound = key === "exclusiveMinimum" ? "minimum" : "maximum";
      if (source[bound] === undefined) out[bound] = integer ? value + (key === "exclusiveMinimum" ? 1 : -1) : value;
      continue;
    }
    if (key === "properties" && value && typeof value === "object") {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, cleanSchema(sub)]));
      continue;
    }
    out[key] = typeof value === "object" ? cleanSchema(value) : value;
  }
  if (Array.isArray(out.required) && out.properties && typeof out.properties === "object") {
    const properties = out.properties as Record<string, { default?: unknown }>;
    const required = (out.required as string[]).filter((name) => properties[name]?.default === undefined);
    if (required.length) out.required = required;
    else delete out.required;
  }
  return out;
}

/** A reasoning model's thinking on the tool calls it made, by call id, to give it back (bounded). */
const reasoningByCall = new Map<string, string>();
const MAX_REMEMBERED_REASONING = 2_000;
/** What one answer's messages say of its reasoning, remembered on its tool calls at the end. */
function reasoningNotes() {
  const notes = { text: "", callIds: [] as string[] };
  return {
    notes,
    remember: () => {
      if (notes.text && notes.callIds.length) rememberReasoning(notes.callIds, notes.text);
    },
  };
}

/** A whole completion normalized in place, its reasoning remembered. */
function normalizeCompletion(completion: RawCompletion): RawCompletion {
  const reasoning = reasoningNotes();
  for (const choice of completion.choices ?? []) normalizeMessage(choice.message, reasoning.notes);
  reasoning.remember();
  return completion;
}

function rememberReasoning(callIds: string[], reasoning: string): void {
  for (const id of callIds) {
    reasoningByCall.delete(id);
    reasoningByCall.set(id, reasoning);
  }
  while (reasoningByCall.size > MAX_REMEMBERED_REASONING) reasoningByCall.delete(reasoningByCall.keys().next().value!);
}

type ChatBody = {
  model?: string;
  stream?: boolean;
  stream_options?: unknown;
  temperature?: number;
  tools?: { type?: string; function?: { parameters?: unknown } }[];
  messages?: { role?: string; tool_calls?: { id?: string }[]; reasoning_content?: string }[];
};

/** The request body as it is sent. */
export function prepareRequest(body: ChatBody, options: Pick<WireOptions, "temperature">): ChatBody {
  const out: ChatBody = { ...body };
  if (options.temperature === undefined || refusesTemperature(String(body.model ?? ""))) delete out.temperature;
  else out.temperature = options.temperature;
  if (Array.isArray(body.tools)) {
    out.tools = body.tools.map((offered) => (offered.function ? { ...offered, function: { ...offered.function, parameters: cleanSchema(offered.function.parameters) } } : offered));
  }
  if (Array.isArray(body.messages)) {
    out.messages = body.messages.map((message) => {
      if (message.role !== "assistant" || !message.tool_calls?.length || message.reasoning_content !== undefined) return message;
      const reasoning = message.tool_calls.map((call) => (call.id ? reasoningByCall.get(call.id) : undefined)).find((text) => text !== undefined);
      return reasoning === undefined ? message : { ...message, reasoning_content: reasoning };
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Coming back
// ---------------------------------------------------------------------------------------------

type RawToolCall = { id?: string; index?: number; type?: string; function?: { name?: string; arguments?: unknown } };
type RawChoice = { index?: number; finish_reason?: string | null; delta?: RawMessage; message?: RawMessage };
type RawMessage = { role?: string; content?: unknown; tool_calls?: RawToolCall[]; reasoning_content?: unknown; reasoning?: unknown };
type RawCompletion = { id?: string; object?: string; created?: number; model?: string; choices?: RawChoice[]; usage?: unknown };

/** Arguments as the JSON text the protocol says they are (Ollama sends an object). */
function normalizeToolCalls(calls: RawToolCall[] | undefined): void {
  for (const call of calls ?? []) {
    const fn = call.function;
    if (fn && fn.arguments !== undefined && typeof fn.arguments !== "string") fn.arguments = JSON.stringify(fn.arguments);
  }
}

/** One choice's message or delta: a role, JSON-text arguments, and its reasoning noted. */
function normalizeMessage(message: RawMessage | undefined, reasoning: { text: string; callIds: string[] }): void {
  if (!message || typeof message !== "object") return;
  if (!message.role) message.role = "assistant";
  normalizeToolCalls(message.tool_calls);
  const thought = typeof message.reasoning_content === "string" ? message.reasoning_content : typeof message.reasoning === "string" ? message.reasoning : "";
  reasoning.text += thought;
  for (const call of message.tool_calls ?? []) if (call.id) reasoning.callIds.push(call.id);
}

/** A whole (non-streamed) completion made into the chunks of a stream, `[DONE]` included. */
export function completionToSse(completion: RawCompletion): string {
  const base = { id: completion.id ?? "chatcmpl-copilot", object: "chat.completion.chunk", created: completion.created ?? Math.floor(Date.now() / 1000), model: completion.model ?? "" };
  const choices = (completion.choices ?? []).map((choice, position) => {
    const message = choice.message ?? {};
    const delta: RawMessage = { role: message.role ?? "assistant", content: message.content ?? "" };
    if (message.tool_calls?.length) delta.tool_calls = message.tool_calls.map((call, index) => ({ index, id: call.id, type: call.type ?? "function", function: call.function }));
    if (message.reasoning_content !== undefined) delta.reasoning_content = message.reasoning_content;
    return { index: choice.index ?? position, delta, finish_reason: choice.finish_reason ?? "stop" };
  });
  const chunks: unknown[] = [{ ...base, choices }];
  if (completion.usage) chunks.push({ ...base, choices: [], usage: completion.usage });
  return chunks.map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`).join("") + "data: [DONE]\n\n";
}

/** The body as the stream it should have been, normalized chunk by chunk. */
function normalizeSse(
  upstream: ReadableStream<Uint8Array>,
  options: { idleTimeoutMs: number; onEmpty: () => Promise<string>; abortUpstream: () => void },
): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = "";
  let events = 0;
  const reasoning = reasoningNotes();
  const line = (text: string): string => {
    const match = /^data:\s?(.*)$/.exec(text);
    if (!match) return text;
    const payload = match[1]!.trim();
    if (payload === "[DONE]") return text;
    try {
      const chunk = JSON.parse(payload) as RawCompletion;
      events += 1;
      for (const choice of chunk.choices ?? []) normalizeMessage(choice.delta, reasoning.notes);
      return `data: ${JSON.stringify(chunk)}`;
    } catch {
      return text;
    }
  };
  const read = (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StreamStalledError(options.idleTimeoutMs)), options.idleTimeoutMs);
    });
    return Promise.race([reader.read(), stalled]).finally(() => clearTimeout(timer));
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await read();
        if (done) {
          const rest = buffer ? line(buffer) : "";
          buffer = "";
          reasoning.remember();
          // a stream that brought nothing: the same question once more, without streaming
          const tail = events === 0 ? await options.onEmpty() : "";
          if (rest) controller.enqueue(encoder.encode(rest));
          if (tail) controller.enqueue(encoder.encode(tail));
          controller.close();
          return;
        }
        buffer += decoder.decode(value, { stream: true });
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        if (lines.length) controller.enqueue(encoder.encode(lines.map((text) => line(text.replace(/\r$/, ""))).join("\n") + "\n"));
      } catch (error) {
        options.abortUpstream();
        reader.cancel().catch(() => undefined);
        controller.error(error);
      }
    },
    cancel(reason) {
      options.abortUpstream();
      return reader.cancel(reason);
    },
  });
}

/** Where a Retry-After the client was not allowed to wait is kept, for the turn to say. */
export const BUSY_HEADER = "x-copilot-retry-after";

/** Seconds a `Retry-After` (or `retry-after-ms`) header asks for, if any. */
export function retryAfterSeconds(headers: Pick<Headers, "get">): number | undefined {
  const ms = Number(headers.get("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return ms / 1000;
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/**
 * The `fetch` the model client uses: the exchange above around the real one. Anything that is
 * not a chat completion passes unchanged.
 */
export function createProviderFetch(options: WireOptions): typeof fetch {
  const base = options.fetch ?? fetch;
  return async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!/\/chat\/completions(?:\?|$)/.test(url) || typeof init?.body !== "string") return base(input, init);
    let body: ChatBody;
    try {
      body = JSON.parse(init.body) as ChatBody;
    } catch {
      return base(input, init);
    }
    const sent = prepareRequest(body, options);
    const upstreamAbort = new AbortController();
    const signal = init.signal ? AbortSignal.any([init.signal, upstreamAbort.signal]) : upstreamAbort.signal;
    const response = await base(input, { ...init, body: JSON.stringify(sent), signal });

    if (response.status === 429 || response.status === 503) {
      const wait = retryAfterSeconds(response.headers);
      if (wait === undefined || wait <= options.maxRetryAfterSeconds) return response;
      // Longer than the user should wait in silence: retried by no one (the OpenAI client and
      // LangChain's caller both honour Retry-After); the turn says the model is busy, and how long.
      const headers = new Headers(response.headers);
      headers.delete("retry-after");
      headers.delete("retry-after-ms");
      headers.set("x-should-retry", "false");
      headers.set(BUSY_HEADER, String(Math.ceil(wait)));
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    }
    if (!response.ok) return response;

    const isJson = (response.headers.get("content-type") ?? "").includes("application/json");
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    headers.delete("content-encoding");
    if (!sent.stream) {
      if (!isJson) return response;
      return new Response(JSON.stringify(normalizeCompletion((await response.json()) as RawCompletion)), { status: response.status, headers });
    }
    headers.set("content-type", "text/event-stream");
    if (isJson) {
      // asked to stream, answered in one body: the same answer as a stream
      return new Response(completionToSse(normalizeCompletion((await response.json()) as RawCompletion)), { status: response.status, headers });
    }
    if (!response.body) return response;
    const onEmpty = async (): Promise<string> => {
      const { stream: _stream, stream_options: _options, ...once } = sent;
      const again = await base(input, { ...init, body: JSON.stringify({ ...once, stream: false }), signal });
      if (!again.ok || !(again.headers.get("content-type") ?? "").includes("application/json")) return "";
      return completionToSse(normalizeCompletion((await again.json()) as RawCompletion));
    };
    return new Response(normalizeSse(response.body, { idleTimeoutMs: options.idleTimeoutMs, onEmpty, abortUpstream: () => upstreamAbort.abort() }), { status: response.status, headers });
  };
}
