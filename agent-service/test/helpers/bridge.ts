import { randomBytes } from "node:crypto";
import type { OdooUser } from "../../src/agent/turn-service.js";
import type { TestApp } from "./build-test-app.js";

/**
 * What the addon does for a confirm (copilot_bridge.py `_agent_bridged`): posts it with the
 * replies so far; each `{call}` answered runs in "its" request — here, in the Odoo double as the
 * user — and goes back with the next post. Answers the last answer, and the calls it ran.
 */
export async function bridged(app: TestApp, user: OdooUser, path: string, body: Record<string, unknown> = {}, claim = `claim_${randomBytes(9).toString("base64url")}`) {
  const replies: unknown[] = [];
  let memo: unknown;
  for (let step = 0; step < 41; step += 1) {
    // the addon names the claim after its HTTP request, from the first step, and echoes the memo
    const answer = await app.call("POST", path, { user, ...body, bridge: { replies, claim, ...(memo ? { memo } : {}) } });
    if (answer.status >= 300 || !answer.body?.call) return { ...answer, calls: replies.length };
    memo = answer.body.memo ?? memo;
    replies.push(app.double.bridgeCall(user.uid, answer.body.call));
  }
  throw new Error("too many bridged calls");
}
