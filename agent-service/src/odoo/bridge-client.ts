import { createHash } from "node:crypto";
import { OdooError, kindOfOdooException, mergeContext, withHelpers, type CallMeta, type OdooClient, type UserContext } from "./odoo-client.js";

/**
 * The "bridge" transport: the ORM calls of a confirm (or an edit, or a PDF export) run inside the
 * Odoo request that is waiting for it, never as new requests to Odoo.
 *
 * The addon posts the confirm; the tool runs here until it needs Odoo; its call goes back to the
 * addon as the answer (`{call}`); the addon runs it as the user, in its own transaction, and posts
 * the confirm again with the replies so far. The tool runs again from the start, each call already
 * answered taking its reply, until it needs the next one or finishes. No Odoo worker waits on the
 * agent while the agent needs Odoo, whatever the number of workers, and every write of a confirm
 * commits — or rolls back — together. Tools are deterministic given their replies; each reply
 * names the call it answers (`key`), so a different path is refused, never mixed up.
 */

export type BridgeCall = {
  key: string;
  model: string;
  method: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  meta: { tool?: string | undefined; session_id?: string | undefined; turn_id?: string | undefined; action_id?: string | undefined };
};
export type BridgeReply = { key: string; result?: unknown; error?: { name?: string | undefined; message: string } };

/** Thrown by the bridge client when the tool needs a call Odoo has not answered yet. */
export class NeedOdooCall extends Error {
  constructor(readonly call: BridgeCall) {
    super(`needs ${call.model}.${call.method}`);
    this.name = "NeedOdooCall";
  }
}

/** The replies do not answer the calls the tool makes (a tampered or confused sequence). */
export class BridgeMismatch extends Error {
  constructor(readonly index: number) {
    super(`bridge reply ${index} does not answer the call made`);
    this.name = "BridgeMismatch";
  }
}

export function callKey(model: string, method: string, args: unknown[], kwargs: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify([model, method, args, kwargs])).digest("base64url").slice(0, 22);
}

export function createBridgeClient(replies: BridgeReply[], context: UserContext): OdooClient & { used(): number; pending(): BridgeCall | undefined } {
  let index = 0;
  // The first call without a reply, kept: a tool that swallows the error (`.catch(() => [])`)
  // must not go on as if Odoo had answered — every later call fails the same way, and the
  // step's answer is that call whatever the tool returned.
  let pending: BridgeCall | undefined;
  const client = withHelpers(async (model, method, args, kwargs = {}, meta: CallMeta = {}) => {
    if (pending) throw new NeedOdooCall(pending);
    const merged = mergeContext(kwargs, context);
    const key = callKey(model, method, args, merged);
    const reply = replies[index];
    if (!reply) {
      pending = {
        key,
        model,
        method,
        args,
        kwargs: merged,
        meta: { tool: meta.tool, session_id: meta.sessionId, turn_id: meta.turnId, action_id: meta.actionId },
      };
      throw new NeedOdooCall(pending);
    }
    if (reply.key !== key) throw new BridgeMismatch(index);
    index += 1;
    if (reply.error) throw new OdooError(kindOfOdooException(reply.error.name), reply.error.message, reply.error.name);
    return reply.result as never;
  });
  return { ...client, used: () => index, pending: () => pending };
}

/** Runs `work` with a bridge client: its value, or the next call Odoo must answer. */
export async function bridged<T>(
  replies: BridgeReply[],
  context: UserContext,
  work: (odoo: OdooClient) => Promise<T>,
): Promise<{ value: T } | { call: BridgeCall }> {
  const client = createBridgeClient(replies, context);
  try {
    const value = await work(client);
    const pending = client.pending();
    return pending ? { call: pending } : { value };
  } catch (error) {
    if (error instanceof NeedOdooCall) return { call: error.call };
    const pending = client.pending();
    if (pending) return { call: pending };
    throw error;
  }
}
