import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog } from "../../src/tools/index.js";
import { ADMIN, buildTestApp, newSessionId, type TestApp } from "../helpers/build-test-app.js";

/** The administrator's tool policies and the user's formats, as the addon sends them with each turn. */
describe("tool policies and formats", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  const turn = (message: string, extra: Record<string, unknown> = {}, user = ADMIN) => {
    const sessionId = newSessionId();
    return app.call("POST", "/v1/turns", { ...app.as(user, sessionId), session_id: sessionId, message, ...extra });
  };

  it("never offers a tool the administrator turned off", async () => {
    const { body } = await turn("Crée un devis pour Deco Addict avec 1 Office Chair", { tools: { create_quotation: "off" } });
    expect(body.actions).toEqual([]);
    expect(body.reply).toMatch(/^Vous ne pouvez pas faire cela ici/);
  });

  it("runs a draft tool set to auto at once, and keeps confirmation for state changes", async () => {
    const tasks = app.double.records("project.task").length;
    const { body } = await turn("/create_task Office Design: Order new acoustic panels", { tools: { create_task: "auto", confirm_quotation: "auto" } });
    expect(body.actions).toEqual([expect.objectContaining({ tool: "create_task", status: "done", record: expect.objectContaining({ model: "project.task" }) })]);
    expect(app.double.records("project.task").length).toBe(tasks + 1);
    expect(body.reply).toMatch(/^Tâche \[Order new acoustic panels\]/);
    const confirm = await turn("Confirm quotation S00001", { tools: { confirm_quotation: "auto" } });
    expect(confirm.body.actions).toEqual([expect.objectContaining({ tool: "confirm_quotation", status: "proposed" })]);
  });

  it("refuses to confirm an action whose tool was turned off since", async () => {
    const sessionId = newSessionId();
    const { body } = await app.call("POST", "/v1/turns", { ...app.as(ADMIN, sessionId), session_id: sessionId, message: "Create a quote for Deco Addict with 1 Office Chair" });
    const confirm = await app.call("POST", `/v1/actions/${body.actions[0].id}/confirm`, { ...app.as(ADMIN, sessionId), tools: { create_quotation: "off" } });
    expect(confirm.status).toBe(403);
    expect(confirm.body.error.code).toBe("forbidden:tool");
  });

  it("writes numbers and dates in the user's Odoo formats", async () => {
    const user = { ...ADMIN, lang: "en_US", formats: { date: "%d.%m.%Y", decimal_point: ",", thousands_sep: ".", grouping: "[3,0]" } };
    const { body } = await turn("List the quotations of Deco Addict", {}, user);
    expect(body.reply).toContain("20.11.2026");
    expect(body.reply).toContain("$\u00a01.739,49");
  });

  it("lists the catalog for the addon's Settings, in the asked language", async () => {
    const { status, body } = await app.call("GET", `/v1/tools?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=fr_FR`);
    expect(status).toBe(200);
    expect(body.tools).toHaveLength(catalog.length);
    expect(body.tools.find((t: { name: string }) => t.name === "create_quotation")).toMatchObject({ risk: "draft", description: expect.stringMatching(/^Préparer un devis/) });
  });

  it("offers tickets and installations only where Settings map a model, and uses the mapped kit", async () => {
    const none = await turn("Show the open tickets of Deco Addict");
    expect(none.body.reply).toMatch(/^Cette base n'a pas de modèle de ticket\. Un administrateur peut choisir/);
    const tickets = await turn("Show the open tickets of Deco Addict", { models: { ticket: "helpdesk.ticket" } });
    expect(tickets.body.steps).toEqual([expect.objectContaining({ tool: "list_tickets", status: "done", args: expect.objectContaining({ customer: "Deco Addict" }) })]);
    expect(tickets.body.reply).toContain("Chair wobbles");
    const kit = await turn("What's in the Starter Office Kit?", { models: { kit: "x_kit" } });
    expect(kit.body.reply).toContain("[FURN_7777] Office Chair");
    // a model the database lacks is not offered, however it is mapped
    const missing = await turn("Liste les installations", { models: { installation: "x_not_installed" } });
    expect(missing.body.reply).toMatch(/^Vous ne pouvez pas faire cela ici/);
    const bad = await turn("Liste les installations", { models: { installation: "Robert'); DROP TABLE" } });
    expect(bad.status).toBe(400);
  });

  it("answers read tools with cards the panel draws, kept with the message for a reload", async () => {
    const sessionId = newSessionId();
    const { body } = await app.call("POST", "/v1/turns", { ...app.as(ADMIN, sessionId), session_id: sessionId, message: "Show task Room planning" });
    expect(body.cards).toEqual([{ tool: "get_task", data: expect.objectContaining({ id: 21, subtasks: [expect.objectContaining({ id: 26, done: true }), expect.objectContaining({ id: 27, done: false })] }) }]);
    const history = await app.call("GET", `/v1/sessions/${sessionId}/messages?db=${ADMIN.db}&uid=${ADMIN.uid}&lang=fr_FR`);
    expect(history.body.messages.at(-1).cards).toEqual(body.cards);
    // writes are action cards, not read cards
    const quote = await turn("Create a quote for Deco Addict with 1 Office Chair");
    expect(quote.body.cards).toEqual([]);
  });
});
