import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, DEMO, STOCK_ONLY, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";

/** The walking skeleton's story over real HTTP, a real Redis and the Odoo double, in offline mode. */
describe("the quote story (offline planner)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    // every call a tool made in these turns, it declares (the double refuses the others)
    expect(app.double.undeclared).toEqual([]);
    await app.close();
  });

  const turn = (user = ADMIN, sessionId = newSessionId(), message = "Crée moi un devis pour le client Deco Addict avec 3 Office Chair et 2 Office Lamp") =>
    app.call("POST", "/v1/turns", { ...app.as(user, sessionId), session_id: sessionId, message });

  it("reads a follow-up against the conversation's previous request, and 'ajoute-en' adds to the proposal", async () => {
    const sessionId = newSessionId();
    await turn(ADMIN, sessionId, "Quel est le stock de Large Cabinet ?");
    const next = await turn(ADMIN, sessionId, "et pour Pedal Bin ?");
    expect(next.status).toBe(200);
    expect(next.body.reply).toContain("Pedal Bin");
    expect(next.body.reply).toContain("22");
    const quote = newSessionId();
    await turn(ADMIN, quote, "devis Deco Addict 3 Office Chair");
    const more = await turn(ADMIN, quote, "ajoute-en 2");
    expect(more.body.actions[0].preview.lines.map((line: any) => [line.product.name, line.quantity])).toEqual([["[FURN_7777] Office Chair", 5]]);
  });

  it("proposes the quotation with Odoo's prices and creates nothing before Confirm", async () => {
    const before = app.double.records("sale.order").length;
    const { status, body } = await turn();
    expect(status).toBe(200);
    expect(body.mode).toBe("offline");
    expect(body.reply).toContain("Deco Addict");
    expect(body.reply).toMatch(/Mode hors ligne/);
    expect(body.actions).toHaveLength(1);
    const [action] = body.actions;
    expect(action).toMatchObject({ tool: "create_quotation", status: "proposed" });
    expect(action.plan).toBeUndefined();
    expect(action.preview).toMatchObject({
      kind: "quotation",
      customer: { id: 10, name: "Deco Addict" },
      amount_untaxed: 290,
      amount_tax: 43.5,
      amount_total: 333.5,
      currency: { symbol: "$", position: "before" },
    });
    expect(action.preview.lines.map((l: any) => [l.product.name, l.quantity, l.price_unit, l.subtotal])).toEqual([
      ["[FURN_7777] Office Chair", 3, 70, 210],
      ["[FURN_8888] Office Lamp", 2, 40, 80],
    ]);
    expect(app.double.records("sale.order").length).toBe(before);
  });

  it("edits the quantities of a proposed quotation: Odoo computes it again, Confirm creates that one", async () => {
    const sessionId = newSessionId();
    const { body } = await turn(ADMIN, sessionId);
    const [action] = body.actions;
    const as = app.as(ADMIN, sessionId);
    const before = app.double.records("sale.order").length;
    const revised = await app.call("POST", `/v1/actions/${action.id}/revise`, { ...as, quantities: [5, 0] });
    expect(revised.status).toBe(200);
    expect(revised.body.action).toMatchObject({ id: action.id, status: "proposed", args: { lines: [{ product: "Office Chair", quantity: 5 }] } });
    expect(revised.body.action.preview.lines.map((l: any) => [l.product.name, l.quantity, l.subtotal])).toEqual([["[FURN_7777] Office Chair", 5, 350]]);
    expect(revised.body.action.preview.amount_total).toBe(402.5);
    expect(app.double.records("sale.order").length).toBe(before);
    // bad quantities change nothing
    for (const quantities of [[0], [1, 2, 3], [-1]]) {
      const bad = await app.call("POST", `/v1/actions/${action.id}/revise`, { ...as, quantities });
      expect(bad.status).toBe(400);
    }
    const confirmed = await app.call("POST", `/v1/actions/${action.id}/confirm`, as);
    expect(confirmed.body.action.status).toBe("done");
    const order = app.double.records("sale.order").at(-1)!;
    expect(app.double.records("sale.order.line").filter((line) => line.order_id === order.id).map((line) => line.product_uom_qty)).toEqual([5]);
    // once confirmed, it cannot be edited any more
    const late = await app.call("POST", `/v1/actions/${action.id}/revise`, { ...as, quantities: [1] });
    expect(late.status).toBe(409);
  });

  it("creates the draft once on Confirm, as the user, and logs the write", async () => {
    const sessionId = newSessionId();
    const { body } = await turn(ADMIN, sessionId);
    const actionId = body.actions[0].id;
    const before = app.double.records("sale.order").length;

    const confirm = () => app.call("POST", `/v1/actions/${actionId}/confirm`, app.as(ADMIN, sessionId));
    const [first, second] = await Promise.all([confirm(), confirm()]);
    const third = await confirm();

    expect(first.status).toBe(200);
    expect(first.body.action).toMatchObject({ status: "done", record: { model: "sale.order" } });
    expect(second.body.action.record).toEqual(first.body.action.record);
    expect(third.body.action.record).toEqual(first.body.action.record);
    expect(app.double.records("sale.order").length).toBe(before + 1);
    const order = app.double.records("sale.order").at(-1)!;
    expect(order).toMatchObject({ partner_id: 10, user_id: 2, state: "draft", name: first.body.action.record.name });
    expect(app.double.actionLog.filter((entry) => entry.action_id === actionId)).toEqual([
      expect.objectContaining({ uid: 2, model: "sale.order", method: "create", tool: "create_quotation", ids: [order.id] }),
    ]);
    expect(first.body.action.result.message).toContain(first.body.action.record.name);
  });

  it("keeps the conversation, with the action's final state, for the next page load", async () => {
    const sessionId = newSessionId();
    const { body } = await turn(ADMIN, sessionId);
    await app.call("POST", `/v1/actions/${body.actions[0].id}/confirm`, app.as(ADMIN, sessionId));
    await turn(ADMIN, sessionId, "Quel est le stock de Large Cabinet ?");

    const sessions = await app.call("GET", `/v1/sessions?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=fr_FR`);
    expect(sessions.status).toBe(200);
    expect(sessions.body.sessions[0]).toMatchObject({ id: sessionId, title: "Devis pour Deco Addict" });

    const history = await app.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=fr_FR`);
    expect(history.status).toBe(200);
    const messages = history.body.messages;
    expect(messages.map((m: any) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(messages[1].actions[0]).toMatchObject({ status: "done", record: { model: "sale.order" } });
    expect(messages[3].content).toMatch(/500 Units en stock, 270 Units prévus/);
  });

  it("reads 'this customer' and 'ce devis' as the records on the user's screen, and asks when there are none", async () => {
    const withScreen = (message: string, screen?: { model: string; ids: number[] }) => {
      const sessionId = newSessionId();
      return app.call("POST", "/v1/turns", { ...app.as(ADMIN, sessionId), session_id: sessionId, message, ...(screen ? { context: { screen } } : {}) });
    };
    // a quotation's form: its customer, and the quotation itself
    const quote = await withScreen("Crée un devis pour ce client avec 2 Office Lamp", { model: "sale.order", ids: [1] });
    expect(quote.body.actions[0]).toMatchObject({ tool: "create_quotation", preview: { customer: { id: 10, name: "Deco Addict" } } });
    const confirm = await withScreen("confirme ce devis", { model: "sale.order", ids: [1] });
    expect(confirm.body.actions[0]).toMatchObject({ tool: "confirm_quotation", status: "proposed" });
    expect(JSON.stringify(confirm.body.actions[0].preview)).toContain("S00001");
    const partner = await withScreen("show me this customer", { model: "res.partner", ids: [11] });
    expect(partner.body.reply).toContain("Gemini Furniture");
    // nothing of that kind on screen, or no screen: a question, no action
    const none = await withScreen("what is the stock of this product?", { model: "res.partner", ids: [11] });
    expect(none.body.actions).toEqual([]);
    expect(none.body.reply).toContain("Quel produit voulez-vous dire ?");
    const blind = await withScreen("confirme ce devis");
    expect(blind.body.actions).toEqual([]);
    // a screen of a model no request names, or ids from elsewhere, change nothing
    const bad = await app.call("POST", "/v1/turns", { ...app.as(ADMIN, newSessionId()), session_id: newSessionId(), message: "hi", context: { screen: { model: "not a model", ids: [1] } } });
    expect(bad.status).toBe(400);
  });

  it("answers the stock question with on hand and forecast quantities", async () => {
    const { body } = await turn(DEMO, newSessionId(), "What is the stock of Large Cabinet?");
    expect(body.reply).toContain("[E-COM07] Large Cabinet");
    expect(body.reply).toMatch(/500 Units on hand, 270 Units forecast/);
    expect(body.actions).toEqual([]);
    expect(body.steps).toEqual([{ tool: "get_stock", args: { product: "Large Cabinet" }, status: "done" }]);
  });

  it("asks back, and proposes nothing, when a name is unknown or ambiguous", async () => {
    const unknown = await turn(DEMO, newSessionId(), "Create a quote for Nonexistent Corp with 2 Office Chair");
    expect(unknown.body.reply).toMatch(/found no customer named \*\*Nonexistent Corp\*\*/);
    expect(unknown.body.actions).toEqual([]);

    const ambiguous = await turn(ADMIN, newSessionId(), "Crée un devis pour Deco Addict avec 2 Customizable Desk");
    expect(ambiguous.body.reply).toMatch(/Plusieurs produits correspondent à \*\*Customizable Desk\*\*/);
    expect(ambiguous.body.reply).toContain("Customizable Desk (Custom, Black)");
    expect(ambiguous.body.actions).toEqual([]);
  });

  it("a user without sales rights gets a clear refusal and nothing is created", async () => {
    const before = app.double.records("sale.order").length;
    const callsBefore = app.double.calls.length;
    const { status, body } = await turn(STOCK_ONLY, newSessionId(), "Create a quote for Deco Addict with 3 Office Chair");
    expect(status).toBe(200);
    expect(body.reply).toMatch(/^You cannot do this here: your Odoo rights \(or the apps installed\) do not allow it/);
    expect(app.double.calls.slice(callsBefore).filter((c) => c.model === "sale.order")).toEqual([]);
    expect(body.actions).toEqual([]);
    expect(app.double.records("sale.order").length).toBe(before);
  });

  it("a rejected action is never run, and cannot be confirmed afterwards", async () => {
    const sessionId = newSessionId();
    const { body } = await turn(ADMIN, sessionId);
    const id = body.actions[0].id;
    const before = app.double.records("sale.order").length;
    const rejected = await app.call("POST", `/v1/actions/${id}/reject`, app.as(ADMIN, sessionId));
    expect(rejected.body.action.status).toBe("rejected");
    const confirm = await app.call("POST", `/v1/actions/${id}/confirm`, app.as(ADMIN, sessionId));
    expect(confirm.status).toBe(409);
    expect(confirm.body.error).toEqual({ code: "conflict:action", message: "Cette action est déjà annulée ; elle n'a pas été relancée." });
    expect(app.double.records("sale.order").length).toBe(before);
  });

  it("keeps users apart: another user can neither read a session nor confirm its action", async () => {
    const sessionId = newSessionId();
    const { body } = await turn(ADMIN, sessionId);
    const messages = await app.call("GET", `/v1/sessions/${sessionId}/messages?db=${DEMO.db}&uid=${DEMO.uid}&lang=en_US`);
    expect(messages.status).toBe(404);
    expect(messages.body.error.code).toBe("not_found:session");
    const sessions = await app.call("GET", `/v1/sessions?db=${DEMO.db}&uid=${DEMO.uid}`);
    expect(sessions.body.sessions.map((s: any) => s.id)).not.toContain(sessionId);
    const confirm = await app.call("POST", `/v1/actions/${body.actions[0].id}/confirm`, app.as(DEMO, sessionId));
    expect(confirm.status).toBe(404);
    expect(confirm.body.error.code).toBe("not_found:action");
  });

  it("refuses to delete data and says what it can do", async () => {
    const { body } = await turn(DEMO, newSessionId(), "Delete all customers");
    expect(body.reply).toMatch(/can't delete or archive data/);
    expect(body.actions).toEqual([]);
    expect(body.steps).toEqual([]);
  });
});

describe("undo (offline planner)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it("undoes the last change of the conversation after a confirmation, and refuses once it changed in Odoo", async () => {
    const sessionId = newSessionId();
    const say = (message: string) => app.call("POST", "/v1/turns", { ...app.as(ADMIN, sessionId), session_id: sessionId, message });
    const proposed = await say("Create a quote for Deco Addict with 1 Office Chair");
    const created = await app.call("POST", `/v1/actions/${proposed.body.actions[0].id}/confirm`, app.as(ADMIN, sessionId));
    const orderId = created.body.action.record.id;

    const undo = await say("/undo");
    expect(undo.body.actions).toEqual([expect.objectContaining({ tool: "undo", status: "proposed", summary: expect.stringMatching(/^Annuler : Créer un devis pour Deco Addict/) })]);
    expect(app.double.records("sale.order").some((o) => o.id === orderId)).toBe(true);
    const done = await app.call("POST", `/v1/actions/${undo.body.actions[0].id}/confirm`, app.as(ADMIN, sessionId));
    expect(done.body.action.status).toBe("done");
    expect(app.double.records("sale.order").some((o) => o.id === orderId)).toBe(false);

    const second = await say("Create a quote for Deco Addict with 2 Office Chair");
    const order2 = await app.call("POST", `/v1/actions/${second.body.actions[0].id}/confirm`, app.as(ADMIN, sessionId));
    app.double.records("sale.order").find((o) => o.id === order2.body.action.record.id)!.state = "sale";
    const refused = await say("annule la dernière action");
    const result = await app.call("POST", `/v1/actions/${refused.body.actions[0].id}/confirm`, app.as(ADMIN, sessionId));
    expect(result.body.action).toMatchObject({ status: "failed", error: expect.stringMatching(/was confirmed since: it cannot be undone here/) });
  });
});

describe("the conversations column", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    await app.close();
  });
  const query = `db=${ADMIN.db}&uid=${ADMIN.uid}&lang=fr_FR`;

  it("titles a conversation after its first exchange, renames, pins and searches", async () => {
    const first = newSessionId();
    await app.call("POST", "/v1/turns", { ...app.as(ADMIN, first), session_id: first, message: "Crée moi un devis pour le client Deco Addict avec 3 Office Chair" });
    await app.call("POST", "/v1/turns", { ...app.as(ADMIN, first), session_id: first, message: "Quel est le stock de Large Cabinet ?" });
    const second = newSessionId();
    await app.call("POST", "/v1/turns", { ...app.as(ADMIN, second), session_id: second, message: "Bonjour" });
    let { body } = await app.call("GET", `/v1/sessions?${query}`);
    expect(body.sessions.map((s: { id: string; title: string }) => [s.id, s.title])).toEqual([
      [second, "Bonjour"],
      [first, "Devis pour Deco Addict"],
    ]);
    await app.call("POST", `/v1/sessions/${first}/update`, { user: ADMIN, pinned: true });
    const renamed = await app.call("POST", `/v1/sessions/${second}/update`, { user: ADMIN, title: "Salutations" });
    expect(renamed.body.session).toMatchObject({ id: second, title: "Salutations" });
    ({ body } = await app.call("GET", `/v1/sessions?${query}`));
    expect(body.sessions.map((s: { id: string; pinned?: boolean }) => [s.id, Boolean(s.pinned)])).toEqual([
      [first, true],
      [second, false],
    ]);
    ({ body } = await app.call("GET", `/v1/sessions?${query}&q=salut`));
    expect(body.sessions.map((s: { id: string }) => s.id)).toEqual([second]);
    expect((await app.call("POST", `/v1/sessions/${second}/update`, { user: { ...ADMIN, uid: 6 }, title: "x" })).status).toBe(404);
  });
});
