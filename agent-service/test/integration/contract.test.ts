import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { Action, Message, Session, TurnEvent, TurnResult } from "../../src/contract/contract.js";
import { PANEL_CONTRACT_PATH, renderPanelContract } from "../../src/contract/render-types.js";
import { ADMIN, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";

/** What the agent really sends is what the contract says, and the panel's types are made from it. */
describe("the contract, one source", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const valid = <S extends z.ZodType>(schema: S, value: unknown) => {
    const parsed = schema.safeParse(value);
    expect(parsed.success, parsed.success ? "" : `${z.prettifyError(parsed.error)}\n${JSON.stringify(parsed.error.issues).slice(0, 1500)}\n${JSON.stringify(value).slice(0, 800)}`).toBe(true);
  };

  it("turns, their events, actions (proposed, done, undone), sessions and messages fit it", async () => {
    const sessionId = newSessionId();
    const as = app.as(ADMIN, sessionId);
    const turn = (message: string, context?: unknown) => app.call("POST", "/v1/turns", { ...as, session_id: sessionId, message, ...(context ? { context } : {}) });
    const quote = await turn("Crée un devis pour Deco Addict avec 3 Office Chair et 2 Office Lamp");
    valid(TurnResult, quote.body);
    const confirmed = await app.call("POST", `/v1/actions/${quote.body.actions[0].id}/confirm`, as);
    valid(Action, confirmed.body.action);
    // the undo's preview names no record when it does not know it: the contract says it may not
    const undo = await turn("annule ma dernière modification");
    valid(TurnResult, undo.body);
    for (const message of ["Quel est le stock de Large Cabinet ?", "Résume le projet Office Design", "montre-moi ce client", "devis pour Wood, 2 chaises"]) {
      valid(TurnResult, (await turn(message, { screen: { model: "res.partner", ids: [10] } })).body);
    }
    // a turn's events as the panel reads them (the bus, or /copilot/turn): numbered, each one of the contract's
    const started = await app.call("POST", "/v1/turns/start", { ...as, session_id: sessionId, message: "Quel est le stock de Office Chair ?" });
    let view: { status: string; events: Record<string, unknown>[] };
    for (;;) {
      view = (await app.call("GET", `/v1/turns/${started.body.turn_id}?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=fr_FR&after=0`)).body;
      if (view.status !== "running") break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(view.events.map((event) => event.type)).toEqual(expect.arrayContaining(["start", "tool", "text", "card", "done"]));
    for (const event of view.events) valid(TurnEvent, event);
    const sessions = await app.call("GET", `/v1/sessions?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=fr_FR`);
    for (const session of sessions.body.sessions) valid(Session, session);
    const messages = await app.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=fr_FR`);
    expect(messages.body.messages.length).toBeGreaterThan(4);
    for (const message of messages.body.messages) valid(Message, message);
  });

  it("the panel's types are generated from it, and fresh (npm run generate -w agent-service)", async () => {
    const committed = readFileSync(new URL(`../../../${PANEL_CONTRACT_PATH}`, import.meta.url), "utf8");
    expect(committed).toBe(await renderPanelContract());
  });
});
