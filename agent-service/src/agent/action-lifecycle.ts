/**
 * What happens to an action after it was proposed: confirm (once, directly or through the
 * bridge), reject, edit its quantities. The tool's own `execute`/`revise` do the Odoo part.
 */
import { randomBytes } from "node:crypto";
import { AppError } from "../errors.js";
import { langOf, say, t } from "../i18n.js";
import type { Logger } from "../logger.js";
import type { ConversationStore, Owner, StoredAction } from "../memory/conversation-store.js";
import { BridgeMismatch, NeedOdooCall, bridged } from "../odoo/bridge-client.js";
import type { OdooClient } from "../odoo/odoo-client.js";
import { findTool } from "../tools/index.js";
import type { ToolContext } from "../tools/types.js";
import type { ToolContexts } from "./tool-context.js";
import { odooErrorText, ownerOf, redisCall, toPublic, userContext, type PlanSeal } from "./turn-common.js";
import type { BridgeState, BridgeStep, OdooUser, PublicAction, ToolPolicy } from "./turn-types.js";

/** A bridged confirm whose Odoo request went away (killed, timed out) frees the action after this. */
const STALE_CLAIM_MS = 150_000;

export function createActionLifecycle(deps: { store: ConversationStore; contexts: ToolContexts; logger: Logger; seal: PlanSeal }) {
  const { store, contexts, logger, seal } = deps;

  /** A plan changed in Redis since it was proposed is never run. */
  function checkIntact(action: StoredAction): void {
    if (!seal.intact(action)) {
      logger.warn({ actionId: action.id, tool: action.tool }, "action plan does not match its seal: refused");
      throw new AppError("conflict:tampered");
    }
  }

  /** Runs exactly what the card showed, once; a second confirm answers the first result. */
  async function confirm(request: { user: OdooUser; delegation: string; actionId: string; policy?: ToolPolicy | undefined }): Promise<PublicAction> {
    const owner = ownerOf(request.user);
    const lang = langOf(request.user.lang);
    const action = await loadAction(owner, request.actionId);
    if (request.policy?.[action.tool] === "off") {
      throw new AppError("forbidden:tool", { tool: say(lang, findTool(action.tool)?.description ?? { en: action.tool, fr: action.tool }) });
    }
    if (action.status === "done" || action.status === "failed") return toPublic(action);
    if (action.status === "rejected") throw new AppError("conflict:action", { status: t(lang, "status.rejected") });
    if (action.status === "running") return toPublic(await waitWhileRunning(owner, action.id));

    const ctx = contexts.forAction(request.user, request.delegation, action);
    const result = await executeAction(owner, action, ctx);
    if (result.status === "proposed") return confirm(request);
    if (result.status === "running") return toPublic(await waitWhileRunning(owner, action.id));
    return toPublic(result);
  }

  /**
   * Confirm through the bridge (odoo/bridge-client.ts): the tool's calls run in the Odoo request
   * that waits for the answer. The first step claims the action; the next steps carry the claim.
   */
  async function confirmBridged(request: { user: OdooUser; actionId: string; policy?: ToolPolicy | undefined; bridge: BridgeState }): Promise<{ action: PublicAction } | BridgeStep> {
    const owner = ownerOf(request.user);
    const lang = langOf(request.user.lang);
    let action = await loadAction(owner, request.actionId);
    if (request.policy?.[action.tool] === "off") {
      throw new AppError("forbidden:tool", { tool: say(lang, findTool(action.tool)?.description ?? { en: action.tool, fr: action.tool }) });
    }
    let claim = request.bridge.claim;
    const sameRequest = Boolean(claim) && action.claim === claim;
    if ((action.status === "done" || action.status === "failed") && sameRequest && !request.bridge.replies.length) {
      // The very request that wrote it starts again: Odoo retries a request whose commit failed
      // (a serialization failure), after rolling everything back. Write it again, in this attempt.
      const retried = await redisCall(() => store.transitionAction(owner, action.id, action.status, { status: "running", result: undefined, record: undefined, error: undefined }));
      if (!retried.changed) return confirmBridged(request);
      action = retried.action!;
    }
    if (action.status === "done" || action.status === "failed") return { action: toPublic(action) };
    if (action.status === "rejected") throw new AppError("conflict:action", { status: t(lang, "status.rejected") });
    if (action.status === "running" && !sameRequest) {
      // Another request is writing it. Its Odoo transaction commits only after its last step,
      // so a claim left running that long was never committed: the action is proposed again.
      if (!action.claimed_at || Date.now() - action.claimed_at < STALE_CLAIM_MS) return { action: toPublic(action) };
      await redisCall(() => store.transitionAction(owner, action.id, "running", { status: "proposed" }));
      return confirmBridged({ ...request, bridge: { replies: [], ...(claim ? { claim } : {}) } });
    }
    if (action.status === "proposed") {
      if (request.bridge.replies.length) throw new AppError("bad_request:bridge");
      // the addon names the claim after its HTTP request, the same for Odoo's retries of it
      claim ??= randomBytes(12).toString("base64url");
      const taken = await redisCall(() => store.transitionAction(owner, action.id, "proposed", { status: "running", claim, claimed_at: Date.now() }));
      if (!taken.changed) return confirmBridged(request);
      action = taken.action!;
    }
    const tool = findTool(action.tool);
    const ctx = contexts.forAction(request.user, "", action);
    if (!seal.intact(action)) {
      // put back as it was: nothing ran, and nothing will run from this plan
      await redisCall(() => store.transitionAction(owner, action.id, "running", { status: "proposed" }));
      checkIntact(action);
    }
    try {
      if (!tool?.execute) throw new Error(`Tool ${action.tool} has nothing to execute`);
      const outcome = await bridged(request.bridge.replies, userContext(request.user), (odoo) => tool.execute!(action.plan, { ...ctx, odoo }));
      if ("call" in outcome) return { call: outcome.call, ...(claim ? { claim } : {}) };
      const done = await redisCall(() =>
        store.transitionAction(owner, action.id, "running", {
          status: "done",
          result: { ...(outcome.value.result as object), message: outcome.value.text },
          ...(outcome.value.record ? { record: outcome.value.record } : {}),
        }),
      );
      return { action: toPublic(done.action!) };
    } catch (error) {
      if (error instanceof AppError && error.code === "unavailable:redis") throw error;
      if (error instanceof BridgeMismatch) {
        // Odoo rolls its transaction back: the action can be confirmed again
        await redisCall(() => store.transitionAction(owner, action.id, "running", { status: "proposed" }));
        throw new AppError("bad_request:bridge");
      }
      logger.warn({ err: error, actionId: action.id, tool: action.tool }, "action failed");
      const failed = await redisCall(() =>
        store.transitionAction(owner, action.id, "running", { status: "failed", error: odooErrorText(ctx.lang, error) }),
      );
      return { action: toPublic(failed.action!) };
    }
  }


  /** Runs `work` with Odoo reached through the bridge: its value, or the next call for Odoo. */
  function viaBridge<T>(user: OdooUser, bridge: BridgeState, work: (odoo: OdooClient) => Promise<T>) {
    return bridged(bridge.replies, userContext(user), work).catch((error: unknown) => {
      if (error instanceof BridgeMismatch) throw new AppError("bad_request:bridge");
      throw error;
    });
  }

  /** Moves a proposed action to running (once), writes its plan in Odoo, and records done or failed. */
  async function executeAction(owner: Owner, action: StoredAction, ctx: ToolContext): Promise<StoredAction> {
    checkIntact(action);
    const claim = await redisCall(() => store.transitionAction(owner, action.id, "proposed", { status: "running" }));
    if (!claim.changed) return claim.action ?? action;
    const tool = findTool(action.tool);
    try {
      if (!tool?.execute) throw new Error(`Tool ${action.tool} has nothing to execute`);
      const execution = await tool.execute(action.plan, ctx);
      const done = await redisCall(() =>
        store.transitionAction(owner, action.id, "running", {
          status: "done",
          result: { ...(execution.result as object), message: execution.text },
          ...(execution.record ? { record: execution.record } : {}),
        }),
      );
      return done.action!;
    } catch (error) {
      if (error instanceof AppError && error.code === "unavailable:redis") throw error;
      // an auto-run write of a bridged turn waits for Odoo's reply: the next step runs it again
      if (error instanceof NeedOdooCall) throw error;
      logger.warn({ err: error, actionId: action.id, tool: action.tool }, "action failed");
      const failed = await redisCall(() =>
        store.transitionAction(owner, action.id, "running", { status: "failed", error: odooErrorText(ctx.lang, error) }),
      );
      return failed.action!;
    }
  }

  async function reject(request: { user: OdooUser; actionId: string }): Promise<PublicAction> {
    const owner = ownerOf(request.user);
    const lang = langOf(request.user.lang);
    const action = await loadAction(owner, request.actionId);
    if (action.status === "rejected") return toPublic(action);
    if (action.status !== "proposed") throw new AppError("conflict:action", { status: t(lang, `status.${action.status === "running" ? "proposed" : action.status}`) });
    const result = await redisCall(() => store.transitionAction(owner, action.id, "proposed", { status: "rejected" }));
    if (!result.changed) return reject(request);
    return toPublic(result.action!);
  }

  /**
   * "Edit quantities": the proposal computed again by Odoo with other quantities, still waiting
   * for Confirm. Only while it is proposed, and only for a tool that can revise (a quotation).
   */
  async function revise(request: { user: OdooUser; delegation: string; actionId: string; quantities: number[] }, odoo?: OdooClient): Promise<PublicAction> {
    const owner = ownerOf(request.user);
    const lang = langOf(request.user.lang);
    const action = await loadAction(owner, request.actionId);
    const tool = findTool(action.tool);
    if (!tool?.revise) throw new AppError("conflict:not_revisable");
    if (action.status !== "proposed") throw new AppError("conflict:action", { status: t(lang, `status.${action.status === "running" ? "proposed" : action.status}`) });
    const lines = ((action.plan as { lines?: unknown[] } | undefined)?.lines ?? []).length;
    if (request.quantities.length !== lines || !request.quantities.some((quantity) => quantity > 0)) throw new AppError("bad_request:revise");
    checkIntact(action);
    const ctx = contexts.forAction(request.user, request.delegation, action, odoo);
    const outcome = await tool.revise(action.plan, request.quantities, ctx);
    const args = action.args as { lines?: Record<string, unknown>[] } | undefined;
    const revisedArgs = args?.lines
      ? { ...args, lines: args.lines.map((line, index) => ({ ...line, quantity: request.quantities[index] })).filter((line) => Number(line.quantity) > 0) }
      : action.args;
    const result = await redisCall(() =>
      store.transitionAction(owner, action.id, "proposed", {
        status: "proposed",
        args: revisedArgs,
        summary: outcome.summary,
        preview: outcome.preview,
        plan: outcome.plan,
        plan_mac: seal.seal({ ...action, plan: outcome.plan }).plan_mac,
        updated_at: new Date().toISOString(),
      }),
    );
    // confirmed or cancelled meanwhile (another tab): say what it is now
    if (!result.changed) throw new AppError("conflict:action", { status: t(lang, `status.${result.action?.status === "running" ? "proposed" : (result.action?.status ?? "proposed")}`) });
    return toPublic(result.action!);
  }

  async function loadAction(owner: Owner, actionId: string): Promise<StoredAction> {
    const action = await redisCall(() => store.getAction(owner, actionId));
    if (!action) throw new AppError("not_found:action");
    return action;
  }

  /** Another request is writing this action: answer its result rather than write a second record. */
  async function waitWhileRunning(owner: Owner, actionId: string): Promise<StoredAction> {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const action = await loadAction(owner, actionId);
      if (action.status !== "running") return action;
    }
    throw new AppError("conflict:action_busy");
  }

  /** An action as it stands now, as the user may see it; `sessionId`: only one of that conversation. */
  async function get(user: OdooUser, actionId: string, sessionId?: string): Promise<PublicAction> {
    const action = await loadAction(ownerOf(user), actionId);
    if (sessionId !== undefined && action.session_id !== sessionId) throw new AppError("not_found:action");
    return toPublic(action);
  }

  return { confirm, confirmBridged, viaBridge, executeAction, reject, revise, get };
}

export type ActionLifecycle = ReturnType<typeof createActionLifecycle>;
