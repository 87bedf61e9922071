import type { OdooUser } from "../../src/agent/turn-service.js";
import type { TestApp } from "./build-test-app.js";

/**
 * What the addon does for a confirm (copilot_bridge.py `_agent_bridged`): posts it with the
 * replies so far; each `{call}` answered runs in "its" request — here, in the Odoo double as the
 * user — and goes back with the next post. Answers the last answer, and the calls it ran.
 */
export async function bridged(app: TestApp, user: OdooUser, path: string, body: Record<string, unknown> = {}) {
  const replies: unknown[] = [];
  let claim: string | undefined;
  for (let step = 0; step < 41; step += 1) {
    const answer = await app.call("POST", path, { user, ...body, bridge: { replies, ...(claim ? { claim } : {}) } });
    if (answer.status !== 200 || !answer.body?.call) return { ...answer, calls: replies.length };
    claim = answer.body.claim ?? claim;
    replies.push(app.double.bridgeCall(user.uid, answer.body.call));
  }
  throw new Error("too many bridged calls");
}
