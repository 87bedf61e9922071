/**
 * One tool call of a turn, as the model or the planner asks for it: the administrator's policy
 * (off, confirm, auto), the user's rights (the tools Odoo says they may use), our own argument
 * check, the tool itself, then its answer as a card, a choice, or a proposed action.
 */
import { AppError } from "../errors.js";
import { say, t, type Lang } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { Card, ConversationStore, Owner, StoredAction } from "../memory/conversation-store.js";
import { NeedOdooCall } from "../odoo/bridge-client.js";
import { findTool } from "../tools/index.js";
import type { ToolContext } from "../tools/types.js";
import type { ActionLifecycle } from "./action-lifecycle.js";
import type { Invocation } from "./runner.js";
import { newId, odooErrorText, redisCall, stableId, toPublic, zodSummary, type PlanSeal } from "./turn-common.js";
import type { Choice, Step, ToolPolicy, TurnEvent } from "./turn-types.js";

/** Cards (read tools whose declaration says so): at most a few a turn, each of a bounded size. */
const MAX_CARDS = 4;
const MAX_CARD_CHARS = 16_000;

export type TurnTools = {
  owner: Owner;
  sessionId: string;
  turnId: string;
  message: string;
  lang: Lang;
  ctx: ToolContext;
  policy: ToolPolicy;
  /** The tools this user may use now (their rights, less those the administrator turned off). */
  available: Set<string>;
  signal: AbortSignal;
  /** Run through the bridge: an action keeps its id at every step. */
  bridged: boolean;
  emit: (event: TurnEvent) => void;
};

export function createToolInvoker(deps: { store: ConversationStore; actions: ActionLifecycle; logger: Logger; metrics?: Metrics | undefined; seal: PlanSeal }) {
  /** The `invoke` of one turn, and what it gathers: proposed actions, steps, choices, cards. */
  return function invokerFor(turn: TurnTools) {
    const { owner, sessionId, turnId, message, lang, ctx, policy, available, signal, bridged, emit } = turn;
    const actions: StoredAction[] = [];
    const steps: Step[] = [];
    const choices: Choice[] = [];
    const cards: Card[] = [];
    /** What the panel shows for a step, in the user's language (the tool's declaration): what it
     * does while it runs, what it did once it answered or proposed. */
    const label = (tool: string, status: Step["status"] | "started") => {
      const presentation = findTool(tool)?.presentation;
      if (!presentation) return undefined;
      return say(lang, status === "done" || status === "proposed" ? presentation.done : presentation.running);
    };
    const step = (entry: Step) => {
      steps.push(entry);
      emit({ type: "tool", tool: entry.tool, status: entry.status, ...withLabel(label(entry.tool, entry.status)) });
    };

    const invoke = async (name: string, rawArgs: unknown): Promise<Invocation> => {
      if (signal.aborted) return { ok: false, error: "The user stopped this turn." };
      const tool = findTool(name);
      if (!tool) return { ok: false, error: `Unknown tool ${name}` };
      if (!available.has(name)) {
        step({ tool: name, args: rawArgs, status: "failed" });
        const unmapped = policy[name] !== "off" ? tool.roles?.find((role) => !ctx.models![role]) : undefined;
        if (unmapped) return { ok: false, error: t(lang, "error.role_unmapped", { kind: t(lang, `kind.${unmapped}`) }) };
        return { ok: false, error: t(lang, "error.tool_unavailable", { tool: say(lang, tool.description) }) };
      }
      const parsed = tool.schema.safeParse(rawArgs ?? {});
      if (!parsed.success) {
        step({ tool: name, args: rawArgs, status: "failed" });
        return { ok: false, error: t(lang, "error.bad_request", { detail: zodSummary(parsed.error) }) };
      }
      emit({ type: "tool", tool: name, status: "started", ...withLabel(label(name, "started")) });
      const toolStarted = performance.now();
      const timeTool = (status: string) => deps.metrics?.toolSeconds.observe({ tool: name, status }, (performance.now() - toolStarted) / 1000);
      try {
        const outcome = await tool.run(parsed.data, { ...ctx, meta: { ...ctx.meta, tool: name } });
        timeTool(outcome.kind);
        if (outcome.kind !== "proposal") {
          if (outcome.kind === "clarify") choices.push(...choicesFor(message, outcome.choices ?? []));
          if (outcome.kind === "answer" && tool.risk === "read" && tool.presentation.card && cards.length < MAX_CARDS) {
            const card = { tool: name, data: outcome.data };
            if (JSON.stringify(card).length <= MAX_CARD_CHARS) {
              cards.push(card);
              emit({ type: "card", card });
            }
          }
          step({ tool: name, args: parsed.data, status: outcome.kind === "answer" ? "done" : "clarify" });
          return { ok: true, outcome };
        }
        const now = new Date().toISOString();
        const action: StoredAction = deps.seal.seal({
          // bridged: the same id at every step (a step that runs it again overwrites it)
          id: bridged ? stableId("act", `${turnId}:${actions.length}`) : newId("act"),
          session_id: sessionId,
          tool: name,
          args: parsed.data,
          status: "proposed",
          summary: outcome.summary,
          preview: outcome.preview,
          plan: outcome.plan,
          created_at: now,
          updated_at: now,
        });
        await redisCall(() => deps.store.saveAction(owner, action));
        actions.push(action);
        if (policy[name] === "auto" && tool.risk === "draft") {
          // The administrator let this draft-level write run without a confirmation.
          const done = await deps.actions.executeAction(owner, action, { ...ctx, meta: { ...ctx.meta, tool: name, actionId: action.id } });
          actions[actions.length - 1] = done;
          step({ tool: name, args: parsed.data, status: done.status === "done" ? "done" : "failed" });
          emit({ type: "action", action: toPublic(done) });
          return done.status === "done"
            ? { ok: true, outcome: { kind: "answer", text: String((done.result as { message?: string }).message ?? outcome.text), data: done.result }, actionId: done.id }
            : { ok: false, error: done.error ?? t(lang, "error.internal") };
        }
        step({ tool: name, args: parsed.data, status: "proposed" });
        emit({ type: "action", action: toPublic(action) });
        return { ok: true, outcome, actionId: action.id };
      } catch (error) {
        timeTool("failed");
        if (error instanceof AppError || error instanceof NeedOdooCall) throw error;
        step({ tool: name, args: parsed.data, status: "failed" });
        deps.logger.warn({ err: error, tool: name, turnId }, "tool failed");
        return { ok: false, error: odooErrorText(lang, error) };
      }
    };

    return { invoke, actions, steps, choices, cards };
  };
}

export type ToolInvoker = ReturnType<typeof createToolInvoker>;

function withLabel(label: string | undefined): { label?: string } {
  return label ? { label } : {};
}

/**
 * A choice card's options: the user's own message with the ambiguous name replaced by the option's
 * exact label (its `[CODE]` resolves it), so picking one is just sending that message.
 */
export function choicesFor(message: string, found: { query: string; model: string; options: { id: number; label: string }[] }[]): Choice[] {
  return found.map(({ query, model, options }) => {
    const at = message.toLowerCase().indexOf(query.toLowerCase());
    return {
      query,
      model,
      options: options.map((option) => ({
        ...option,
        message: at >= 0 ? `${message.slice(0, at)}${pickText(option.label)}${message.slice(at + query.length)}` : option.label,
      })),
    };
  });
}

/** How a picked record is named in a message: its `[CODE]` when it has one, else its name, quoted if it holds separators. */
function pickText(label: string): string {
  const code = /^\[([^\]]+)\]/.exec(label)?.[1];
  if (code) return `[${code}]`;
  return /[,;:&]|\s(?:et|and|avec|with)\s/i.test(label) ? `"${label}"` : label;
}
