import { AIMessage, AIMessageChunk, HumanMessage, SystemMessage, ToolMessage, createAgent, createMiddleware, modelCallLimitMiddleware, tool } from "langchain";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { toJsonSchema } from "@langchain/core/utils/json_schema";
import { AppError } from "../errors.js";
import { catalog, findTool, parametersOf } from "../tools/index.js";
import { z } from "zod";
import { say, t, type Lang } from "../i18n.js";
import { MORE_TOOLS, moreToolsDescription, relevantTools, type ToolSelection } from "./tool-selection.js";
import { CUT_MARK } from "./model.js";
import { BUSY_HEADER, retryAfterSeconds } from "./provider-wire.js";
import { coerceToSchema, mayBeTextToolCall, parseArguments, toolCallsInText } from "./tool-call-repair.js";
import { createThinkingFilter, stripThinking } from "./think.js";
import { buildPromptHistory } from "./history.js";
import { describeScreen, readScreen } from "./screen.js";
import { systemPrompt } from "./prompts.js";
import type { Invocation, Runner, ToolInvoker } from "./runner.js";

const INVOKER_KEY = "copilotInvoke";
const TOOLS_KEY = "copilotTools";
const LANG_KEY = "copilotLang";
/** A per-run record the middleware writes what it noticed in (a cut answer). */
const NOTES_KEY = "copilotNotes";
type RunNotes = { cut: boolean };

/** What the turn put in the run's configuration (its invoker, tools, language, notes). */
function configured<T>(runtime: unknown, key: string): T | undefined {
  return (runtime as { configurable?: Record<string, unknown> } | undefined)?.configurable?.[key] as T | undefined;
}

/** What the turn chose to offer first (LLM_TOOLS=relevant); `more_tools` clears it. */
type Offer = { narrowed: Set<string> | undefined };
const OFFER_KEY = "copilotOffer";

/** A tool's name, whether a LangChain tool or an OpenAI function definition. */
function nameOf(offered: unknown): string {
  const { name, function: fn } = offered as { name?: string; function?: { name?: string } };
  return String(name ?? fn?.name ?? "");
}

/**
 * Offers the model only the tools this user can use (capability discovery), per turn; with their
 * descriptions in the user's language; and, when the turn narrowed them, the relevant ones and
 * `more_tools`.
 */
function offerAvailableTools(localized: Record<Lang, Map<string, unknown>>) {
  return createMiddleware({
    name: "OfferAvailableTools",
    wrapModelCall: (request, handler) => {
      const allowed = configured<ReadonlySet<string>>(request.runtime, TOOLS_KEY);
      const lang = configured<Lang>(request.runtime, LANG_KEY) ?? "en";
      const narrowed = configured<Offer>(request.runtime, OFFER_KEY)?.narrowed;
      const offered = request.tools
        .filter((t) => {
          const name = nameOf(t);
          if (name === MORE_TOOLS) return narrowed !== undefined;
          return (!allowed || allowed.has(name)) && (!narrowed || narrowed.has(name));
        })
        .map((t) => (lang === "en" ? t : (localized[lang].get(nameOf(t)) ?? t)));
      return handler({ ...request, tools: offered as typeof request.tools });
    },
  });
}

type ModelAnswer = {
  tool_calls?: unknown[];
  additional_kwargs?: { tool_calls?: { function?: { arguments?: unknown } }[] };
  response_metadata?: Record<string, unknown>;
  usage_metadata?: AIMessage["usage_metadata"];
};

/**
 * Whether the model's answer is cut inside its tool calls: the server said it stopped on `length`,
 * or the stream ended with no finish reason at all, or a call's arguments do not parse whole. A
 * cut call must never run: LangChain's partial-JSON parser turns `"quantity": 12` cut after the 1
 * into a valid-looking call for 1.
 */
export function isCutToolAnswer(answer: ModelAnswer): boolean {
  if (!answer.tool_calls?.length) return false;
  const meta = answer.response_metadata ?? {};
  if (meta.finish_reason === "length" || meta[CUT_MARK] === true) return true;
  return (answer.additional_kwargs?.tool_calls ?? []).some(({ function: fn }) => {
    const raw = fn?.arguments;
    if (raw === undefined || raw === "" || typeof raw === "object") return false;
    try {
      const parsed: unknown = JSON.parse(String(raw));
      return parsed === null || typeof parsed !== "object" || Array.isArray(parsed);
    } catch {
      return true;
    }
  });
}

/** Drops an answer cut inside its tool calls: nothing runs, the user is told, its tokens still count. */
const refuseCutToolCalls = createMiddleware({
  name: "RefuseCutToolCalls",
  wrapModelCall: async (request, handler) => {
    const answer = await handler(request);
    if (!isCutToolAnswer(answer as ModelAnswer)) return answer;
    const notes = configured<RunNotes>(request.runtime, NOTES_KEY);
    if (notes) notes.cut = true;
    const lang = configured<Lang>(request.runtime, LANG_KEY) ?? "en";
    const usage = (answer as ModelAnswer).usage_metadata;
    return new AIMessage({ content: t(lang, "llm.cut"), ...(usage ? { usage_metadata: usage } : {}) });
  },
});

type RawToolCall = { id?: string; type?: string; function?: { name?: string; arguments?: unknown } };

/** The names of the tools offered to the model in this call. */
function offeredNames(tools: readonly unknown[]): Set<string> {
  return new Set(tools.map(nameOf));
}

let textCallCount = 0;

/**
 * The model's tool calls, repaired where a small model wrote them loosely (./tool-call-repair.ts):
 * arguments read leniently, and a message that is nothing but calls written as text made into
 * those calls. Arguments that cannot be read whole are left as they came: the answer is cut.
 */
export function repairAnswer(answer: AIMessage, offered: ReadonlySet<string>): AIMessage {
  const raw = ((answer.additional_kwargs?.tool_calls ?? []) as RawToolCall[]).filter((call) => call.function);
  let calls: { id: string; name: string; args: Record<string, unknown> }[] | undefined;
  if (raw.length) {
    const parsed = raw.map((call) => ({ call, args: parseArguments(call.function!.arguments) }));
    if (parsed.some(({ args }) => !args)) return answer;
    const loose = parsed.some(({ call }) => {
      const text = call.function!.arguments;
      if (typeof text !== "string" || text === "") return true;
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    });
    if (!loose && !answer.invalid_tool_calls?.length) return answer;
    calls = parsed.map(({ call, args }, index) => ({ id: call.id || `call_${index}_${Date.now().toString(36)}`, name: String(call.function!.name ?? "").trim(), args: args! }));
  } else if (!answer.tool_calls?.length) {
    const written = toolCallsInText(textOf(answer.content), offered);
    if (!written) return answer;
    calls = written.map((call) => ({ ...call, id: `call_text_${(textCallCount += 1)}` }));
  } else {
    return answer;
  }
  return new AIMessage({
    id: answer.id,
    content: raw.length ? answer.content : "",
    tool_calls: calls.map((call) => ({ ...call, type: "tool_call" as const })),
    invalid_tool_calls: [],
    additional_kwargs: {
      ...answer.additional_kwargs,
      tool_calls: calls.map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: JSON.stringify(call.args) } })),
    },
    response_metadata: answer.response_metadata,
    ...(answer.usage_metadata ? { usage_metadata: answer.usage_metadata } : {}),
  });
}

const repairToolCalls = createMiddleware({
  name: "RepairToolCalls",
  wrapModelCall: async (request, handler) => repairAnswer((await handler(request)) as AIMessage, offeredNames(request.tools)),
});

/**
 * Every tool call goes through the turn's own invoker, not LangChain's argument check: numbers sent
 * as text are read, then our schemas judge, and the model reads one short, translated error it can
 * act on — never a stack trace, never the names of tools it was not offered.
 */
const runToolCalls = createMiddleware({
  name: "RunToolCalls",
  wrapToolCall: async (request, handler) => {
    const invoke = configured<ToolInvoker>(request.runtime, INVOKER_KEY);
    if (!invoke) return handler(request);
    const { name, id, args } = request.toolCall;
    const lang = configured<Lang>(request.runtime, LANG_KEY) ?? "en";
    const offer = configured<Offer>(request.runtime, OFFER_KEY);
    if (name === MORE_TOOLS && offer?.narrowed) {
      // every tool the user may use, from now on in this turn
      const allowed = configured<ReadonlySet<string>>(request.runtime, TOOLS_KEY);
      const others = catalog.filter((definition) => (!allowed || allowed.has(definition.name)) && !offer.narrowed!.has(definition.name));
      offer.narrowed = undefined;
      return new ToolMessage({ content: JSON.stringify({ tools: others.map((definition) => ({ name: definition.name, description: say(lang, definition.description) })) }), tool_call_id: id ?? "", name });
    }
    const known = findTool(name) !== undefined;
    const invocation: Invocation = known ? await invoke(name, coerceToSchema(args ?? {}, parametersOf(name))) : { ok: false, error: t(lang, "error.tool_unknown", { tool: name.slice(0, 64) }) };
    return new ToolMessage({ content: forModel(invocation), tool_call_id: id ?? "", name, ...(invocation.ok ? {} : { status: "error" as const }) });
  },
});

/** About four characters a token: the estimate used when the server reports no usage. */
const CHARS_PER_TOKEN = 4;
const toolSizes = new Map<string, number>();
function toolSize(offered: unknown): number {
  const { description = "", schema, function: fn } = offered as { description?: string; schema?: unknown; function?: { description?: string; parameters?: unknown } };
  const name = nameOf(offered);
  const key = `${name}:${fn ? "fn" : "tool"}`;
  let size = toolSizes.get(key);
  if (size === undefined) {
    let parameters = "";
    try {
      parameters = JSON.stringify(fn ? fn.parameters : parametersOf(name) ?? toJsonSchema(schema as Parameters<typeof toJsonSchema>[0]));
    } catch {
      parameters = "";
    }
    size = name.length + String(fn ? (fn.description ?? "") : description).length + parameters.length;
    toolSizes.set(key, size);
  }
  return size;
}

/**
 * Counts a model call the server reported no usage for (many local servers, streams without
 * `include_usage`): tokens estimated from what was sent and received, so the monthly budget and
 * the metrics still apply.
 */
const estimateMissingUsage = createMiddleware({
  name: "EstimateMissingUsage",
  wrapModelCall: async (request, handler) => {
    const answer = (await handler(request)) as AIMessage;
    if (answer.usage_metadata?.input_tokens || answer.usage_metadata?.output_tokens) return answer;
    const sent =
      String(request.systemPrompt ?? "").length +
      request.messages.reduce((sum, message) => sum + JSON.stringify(message.content ?? "").length + JSON.stringify((message as AIMessage).tool_calls ?? []).length, 0) +
      request.tools.reduce((sum, offered) => sum + toolSize(offered), 0);
    const received = textOf(answer.content).length + JSON.stringify(answer.tool_calls ?? []).length;
    const input = Math.ceil(sent / CHARS_PER_TOKEN);
    const output = Math.ceil(received / CHARS_PER_TOKEN);
    answer.usage_metadata = { input_tokens: input, output_tokens: output, total_tokens: input + output };
    return answer;
  },
});

/** Times each model call (Prometheus). */
function timeModelCalls(onModelCall: (seconds: number) => void) {
  return createMiddleware({
    name: "TimeModelCalls",
    wrapModelCall: async (request, handler) => {
      const started = performance.now();
      try {
        return await handler(request);
      } finally {
        onModelCall((performance.now() - started) / 1000);
      }
    },
  });
}
const MODEL_NODE = "model_request";
/** A turn's longest run with a model: under the five minutes its delegation token lives. */
export const DEFAULT_TURN_DEADLINE_MS = 240_000;
/**
 * Graph steps one model call may take (the model, its tools, the middleware around them), so the
 * model-call cap, which ends the turn cleanly, always comes before LangGraph's recursion limit.
 */
const RECURSION_LIMIT_PER_MODEL_CALL = 8;

/**
 * The language-model runner: LangChain's agent loop over the catalog. The agent is built once; each
 * turn passes its own tool invoker (the user's Odoo client, the turn's actions) through the config.
 * It always streams (`streamMode: messages`), so text reaches the user as the model writes it.
 */
export function createLlmRunner(
  model: BaseChatModel,
  options: { maxModelCalls?: number; onModelCall?: (seconds: number) => void; turnDeadlineMs?: number; toolSelection?: ToolSelection } = {},
): Runner {
  const turnDeadlineMs = options.turnDeadlineMs ?? DEFAULT_TURN_DEADLINE_MS;
  const tools = [
    ...catalog.map((definition) =>
      tool(
        async (args, runtime) => {
          const invoke = configured<ToolInvoker>(runtime, INVOKER_KEY);
          if (!invoke) throw new Error("No tool invoker in the run's configuration");
          return forModel(await invoke(definition.name, args));
        },
        { name: definition.name, description: definition.description.en, schema: definition.schema },
      ),
    ),
    // offered only when the turn narrowed the list (LLM_TOOLS=relevant); answered by RunToolCalls
    tool(async () => "{}", { name: MORE_TOOLS, description: moreToolsDescription("en"), schema: z.object({}) }),
  ];
  // the same tools described in French, as function definitions (the registered ones stay English)
  const localized: Record<Lang, Map<string, unknown>> = {
    en: new Map(),
    fr: new Map([
      ...catalog.map((definition) => [definition.name, { type: "function", function: { name: definition.name, description: say("fr", definition.description), parameters: parametersOf(definition.name) } }] as const),
      [MORE_TOOLS, { type: "function", function: { name: MORE_TOOLS, description: moreToolsDescription("fr"), parameters: { type: "object", properties: {} } } }] as const,
    ]),
  };
  const maxModelCalls = options.maxModelCalls ?? 6;
  const toolSelection = options.toolSelection ?? "all";
  const agent = createAgent({
    model,
    tools,
    middleware: [
      offerAvailableTools(localized),
      refuseCutToolCalls,
      repairToolCalls,
      runToolCalls,
      estimateMissingUsage,
      ...(options.onModelCall ? [timeModelCalls(options.onModelCall)] : []),
      modelCallLimitMiddleware({ runLimit: maxModelCalls, exitBehavior: "end" }),
    ],
  });

  return {
    mode: "llm",
    usesHistory: true,
    async run({ message, context, history, lang, today, userName, memories, invoke, tools: available, signal, onText, odoo, meta }) {
      const { digest, recent } = buildPromptHistory(history);
      // the records on the user's screen, read as the user: "this customer" is one of them
      const screen = context?.screen && odoo ? describeScreen(await readScreen(odoo, context.screen, meta)) : undefined;
      const messages = [
        new SystemMessage(systemPrompt({ lang, userName, today, memories, project: context?.project?.name, screen }) + (digest ? `\n\n${digest}` : "")),
        ...recent.map((m) => (m.role === "user" ? new HumanMessage(m.content) : new AIMessage(stripThinking(m.content)))),
        new HumanMessage(message),
      ];
      let streamed = "";
      let finalText = "";
      let modelCalls = 0;
      const notes: RunNotes = { cut: false };
      const stepLimitReply = () => t(lang, "llm.step_limit", { steps: String(modelCalls) });
      // A reasoning model's <think> block is shown to no one (./think.ts); one filter per model step.
      let thinking = createThinkingFilter();
      // A step whose text may be a tool call written as text is held back until the step ends.
      let held: string | undefined;
      const usage = { input: 0, output: 0 };
      // The whole turn is bounded: it ends before the delegation it acts with expires.
      const deadline = AbortSignal.timeout(turnDeadlineMs);
      const bounded = AbortSignal.any([signal, deadline]);
      const deadlineReply = () => {
        const sofar = (finalText || streamed).trim();
        const note = t(lang, "llm.deadline", { seconds: String(Math.round(turnDeadlineMs / 1000)) });
        return sofar ? `${sofar}\n\n${note}` : note;
      };
      // a small model first sees the tools the request can need, the rest one call away
      const offer: Offer = { narrowed: toolSelection === "relevant" ? await relevantTools(message, lang, available) : undefined };
      try {
        const stream = await agent.stream(
          { messages },
          { configurable: { [INVOKER_KEY]: invoke, [TOOLS_KEY]: available, [LANG_KEY]: lang, [NOTES_KEY]: notes, [OFFER_KEY]: offer }, recursionLimit: RECURSION_LIMIT_PER_MODEL_CALL * (maxModelCalls + 1), streamMode: ["messages", "updates"], signal: bounded },
        );
        for await (const [mode, chunk] of stream as AsyncIterable<[string, unknown]>) {
          if (mode === "messages") {
            const [part, meta] = chunk as [unknown, { langgraph_node?: string }];
            if (meta.langgraph_node === MODEL_NODE && part instanceof AIMessageChunk) {
              const text = thinking.push(textOf(part.content));
              if (!text) continue;
              if (held !== undefined || (!streamed && mayBeTextToolCall(text))) {
                held = (held ?? "") + text;
                if (mayBeTextToolCall(held)) continue;
                // not a call after all: what was held is shown now
                const shown = held;
                held = undefined;
                streamed += shown;
                onText(shown);
                continue;
              }
              streamed += text;
              onText(text);
            }
          } else {
            // The model's finished message of this step: the reply, unless it only calls tools.
            const update = (chunk as Record<string, { messages?: { content: unknown; tool_calls?: unknown[]; usage_metadata?: { input_tokens?: number; output_tokens?: number } }[] }>)[MODEL_NODE];
            const last = update?.messages?.at(-1);
            if (last) modelCalls += 1;
            usage.input += last?.usage_metadata?.input_tokens ?? 0;
            usage.output += last?.usage_metadata?.output_tokens ?? 0;
            if (last && !last.tool_calls?.length) {
              finalText = stripThinking(textOf(last.content));
              // held text that was no call: the user sees it (the step's finished text)
              if (held !== undefined && finalText) onText(finalText.slice(streamed.length));
            }
            held = undefined;
            streamed = "";
            thinking = createThinkingFilter();
          }
        }
      } catch (cause) {
        if (deadline.aborted && !signal.aborted) return { reply: deadlineReply(), usage, modelFailure: "llm_deadline" };
        if (signal.aborted) return { reply: (finalText || streamed).trim(), usage };
        // what the turn spent before failing is counted all the same (the budget applies)
        const failed = (error: AppError) => Object.assign(error, { usage: { ...usage } });
        if (cause instanceof AppError) throw failed(cause);
        // A loop LangGraph stopped: an answer, not an outage (the model was reached every time).
        if ((cause as Error | undefined)?.name === "GraphRecursionError") return { reply: stepLimitReply(), usage, modelFailure: "llm_step_limit" };
        const { status, reason, retryAfter } = modelServerError(cause);
        // The model server refused the request itself (key, model name, endpoint, context size):
        // trying again will not help; an administrator must change the settings.
        if (status !== undefined && MISCONFIGURED_STATUSES.has(status)) throw failed(new AppError("misconfigured:llm", { status: String(status), reason }, { cause }));
        // Busy, and asking to wait longer than the user should wait in silence (./provider-wire.ts).
        if ((status === 429 || status === 503) && retryAfter !== undefined) throw failed(new AppError("busy:llm", { seconds: String(Math.ceil(retryAfter)), reason }, { cause }));
        throw failed(new AppError("unavailable:llm", { reason }, { cause }));
      }
      if (deadline.aborted && !signal.aborted) return { reply: deadlineReply(), usage, modelFailure: "llm_deadline" };
      const reply = finalText.trim();
      if (notes.cut) return { reply: reply || t(lang, "llm.cut"), usage, modelFailure: "llm_cut" };
      if (!reply && modelCalls >= maxModelCalls) return { reply: stepLimitReply(), usage, modelFailure: "llm_step_limit" };
      return { reply: reply || t(lang, "help.not_understood"), usage };
    },
  };
}

/** Answers of a model server that say its settings are wrong, not that it is busy or down. */
const MISCONFIGURED_STATUSES = new Set([400, 401, 403, 404]);

/**
 * What the model server answered, found through LangChain's wrapping errors: its HTTP status, and
 * its own words (never the user's text), short and with long tokens (a key it would echo) redacted,
 * for the log.
 */
export function modelServerError(error: unknown): { status?: number; reason: string; retryAfter?: number } {
  let status: number | undefined;
  let retryAfter: number | undefined;
  let message = "";
  for (let current = error, depth = 0; depth < 6 && current && typeof current === "object"; depth += 1) {
    const { status: answered, message: said, cause, headers } = current as { status?: unknown; message?: unknown; cause?: unknown; headers?: unknown };
    if (status === undefined && typeof answered === "number") status = answered;
    if (retryAfter === undefined && headers && typeof (headers as Headers).get === "function") {
      const busy = Number((headers as Headers).get(BUSY_HEADER));
      retryAfter = busy > 0 ? busy : retryAfterSeconds(headers as Headers);
    }
    if (said !== undefined) message = String(said);
    current = cause;
  }
  const reason = message.replace(/\s+/g, " ").replace(/[A-Za-z0-9_\-]{24,}/g, "[redacted]").slice(0, 200);
  return { ...(status === undefined ? {} : { status }), reason, ...(retryAfter === undefined ? {} : { retryAfter }) };
}

/** What the model reads back from a tool: quoted ERP data, or the question to ask, or the proposal. */
function forModel(invocation: Invocation): string {
  if (!invocation.ok) return JSON.stringify({ error: invocation.error });
  const { outcome } = invocation;
  switch (outcome.kind) {
    case "answer":
      return JSON.stringify({ data: fitToBudget(outcome.data, TOOL_RESULT_CHAR_BUDGET) });
    case "clarify":
      return JSON.stringify({ needs_user_answer: outcome.text, choices: outcome.choices ?? [] });
    case "proposal":
      return JSON.stringify({
        proposed_action: invocation.actionId,
        summary: outcome.summary,
        preview: outcome.preview,
        note: "Shown to the user as a card with Confirm and Cancel. Nothing is written until they confirm. Do not say it is done.",
      });
  }
}

/** Most a tool may hand the model: larger reads are cut, with a hint that more is available. */
export const TOOL_RESULT_CHAR_BUDGET = 6_000;

/** Shortens the longest lists of `data` until it fits, marking it `truncated`; never cuts a list to nothing. */
export function fitToBudget(data: unknown, budget: number): unknown {
  let current = data;
  for (let round = 0; round < 20 && JSON.stringify(current).length > budget; round += 1) {
    const next = halveLongestList(current);
    if (next === current) return { truncated: true, more_available: true, text: JSON.stringify(current).slice(0, budget) };
    current = next;
  }
  return current === data ? data : { ...(current as object), truncated: true, more_available: true };
}

function halveLongestList(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const lists = entries.filter(([, v]) => Array.isArray(v) && v.length > 1) as [string, unknown[]][];
  if (!lists.length) return value;
  const [key, list] = lists.reduce((a, b) => (JSON.stringify(b[1]).length > JSON.stringify(a[1]).length ? b : a));
  return { ...(value as object), [key]: list.slice(0, Math.ceil(list.length / 2)) };
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((part) => (typeof part === "string" ? part : (part as { text?: string }).text ?? "")).join("");
  }
  return "";
}
