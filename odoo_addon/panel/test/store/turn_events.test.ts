import { describe, expect, it } from "vitest";

import { RpcError } from "../../src/odoo/rpc";

import { makeAction as action } from "../fakes";
import { result, streamedStore } from "./helpers";

describe("CopilotStore receiving a streamed answer", () => {
  it("shows the text as it arrives, the tool steps while they run, the cards at once, then the final state", async () => {
    const { stream, store } = streamedStore();
    const sent = store.send("Quel est le stock de Office Chair ?");
    const [user, reply] = store.messages;
    expect(stream.calls[0]!.params).toMatchObject({ message: "Quel est le stock de Office Chair ?" });
    expect(stream.calls[0]!.params.client_message_id).toMatch(/^cm_[0-9a-f]{32}$/);
    expect(stream.calls[0]!.params).not.toHaveProperty("session_id");
    expect(store.canStop).toBe(true);

    stream.emit({ type: "start", session_id: "s1", turn_id: "turn_1" });
    expect(store.sessionId).toBe("s1");
    expect(user!.pending).toBe(false);

    stream.emit({ type: "text", text: "Je regarde" }, { type: "text", text: " le stock." });
    expect(reply!.content).toBe("Je regarde le stock.");
    expect(reply!.streaming).toBe(true);

    stream.emit({ type: "tool", tool: "get_stock", status: "started", label: "Lecture du stock…" });
    expect(reply!.steps).toEqual([{ tool: "get_stock", status: "running", label: "Lecture du stock…" }]);
    stream.emit({ type: "tool", tool: "get_stock", status: "done", label: "Stock vérifié" });
    expect(reply!.steps).toEqual([{ tool: "get_stock", status: "done", label: "Stock vérifié" }]);

    stream.emit({ type: "text", text: "Il reste " }, { type: "text", text: "12 unités." });
    expect(reply!.content).toBe("Je regarde le stock.\n\nIl reste 12 unités.");

    const proposed = action();
    stream.emit({ type: "tool", tool: "create_quotation", status: "started" }, { type: "action", action: proposed });
    expect(reply!.actions).toEqual([proposed]);
    stream.emit({ type: "tool", tool: "create_quotation", status: "proposed" });
    expect(reply!.steps!.map((step) => step.status)).toEqual(["done", "proposed"]);

    stream.emit({ type: "done", result: result({ reply: "Il reste 12 unités.", actions: [proposed], message_id: "m9" }) });
    // Events after the end are ignored.
    stream.emit({ type: "text", text: " (late)" });
    stream.end();
    await expect(sent).resolves.toBe(true);

    expect(store.messages).toHaveLength(2);
    expect(store.messages[1]).toMatchObject({ id: "m9", content: "Il reste 12 unités.", actions: [proposed], streaming: false, stopped: false });
    expect(store.messages[1]!.steps).toBeUndefined();
    expect(store.sending).toBe(false);
    expect(store.canStop).toBe(false);

    // The next message continues the session.
    const next = store.send("Merci");
    expect(stream.calls[1]!.params).toMatchObject({ session_id: "s1", message: "Merci" });
    expect(stream.calls[1]!.params.client_message_id).not.toBe(stream.calls[0]!.params.client_message_id);
    stream.emit({ type: "done", result: result({ reply: "De rien." }) });
    stream.end();
    await next;
  });

  it("keeps the choices of the final state, and picking one sends its message", async () => {
    const { stream, store } = streamedStore();
    const sent = store.send("Crée un devis pour Deco Addict avec 2 Customizable Desk");
    const choices = [
      {
        query: "Customizable Desk",
        model: "product.product",
        options: [
          { id: 12, label: "[FURN_0096] Customizable Desk (Steel, White)", message: "Crée un devis pour Deco Addict avec 2 [FURN_0096]" },
          { id: 13, label: "[FURN_0097] Customizable Desk (Aluminium, Black)", message: "Crée un devis pour Deco Addict avec 2 [FURN_0097]" },
        ],
      },
    ];
    stream.emit({ type: "done", result: result({ reply: "Plusieurs produits correspondent…", choices }) });
    stream.end();
    await sent;
    expect(store.messages[1]!.choices).toEqual(choices);

    const picked = store.pickChoice(choices[0]!.options[1]!);
    expect(store.messages[2]).toMatchObject({ role: "user", content: "Crée un devis pour Deco Addict avec 2 [FURN_0097]" });
    expect(stream.calls[1]!.params.message).toBe("Crée un devis pour Deco Addict avec 2 [FURN_0097]");
    stream.emit({ type: "done", result: result({ reply: "Voici le devis." }) });
    stream.end();
    await picked;
  });

  it("shows an error event on the message with Retry, and the retry is the same message for the server", async () => {
    const { stream, store } = streamedStore();
    const sent = store.send("Bonjour");
    stream.emit({ type: "start", session_id: "s1", turn_id: "t" }, { type: "text", text: "Bonj" });
    stream.emit({ type: "error", code: "unavailable:llm", message: "Le modèle ne répond pas." });
    stream.end();
    await sent;
    expect(store.messages).toHaveLength(1);
    expect(store.messages[0]).toMatchObject({ role: "user", error: "Le modèle ne répond pas.", pending: false });
    expect(store.sending).toBe(false);

    const retried = store.retry(store.messages[0]!.id);
    expect(stream.calls[1]!.params).toMatchObject({ session_id: "s1", message: "Bonjour" });
    expect(stream.calls[1]!.params.client_message_id).toBe(stream.calls[0]!.params.client_message_id);
    expect(store.messages[0]!.error).toBeUndefined();
    stream.emit({ type: "done", result: result({ reply: "Bonjour !" }) });
    stream.end();
    await retried;
    expect(store.messages.map((message) => message.content)).toEqual(["Bonjour", "Bonjour !"]);
  });

  it("reports a stream cut before its end, and a network failure, in place", async () => {
    const { stream, store } = streamedStore();
    const first = store.send("un");
    stream.emit({ type: "text", text: "partial" });
    stream.end();
    await first;
    expect(store.messages[0]!.error).toBe("The connection was lost before the answer was complete.");

    const second = store.send("deux");
    stream.fail(new RpcError("network", "no answer"));
    await second;
    expect(store.messages.at(-1)).toMatchObject({ content: "deux", error: "Odoo cannot be reached. Check your connection and try again." });
  });

  it("keeps the cards already proposed when the answer fails afterwards", async () => {
    const { stream, store } = streamedStore();
    const sent = store.send("devis");
    stream.emit({ type: "action", action: action() }, { type: "error", code: "internal", message: "Erreur interne." });
    stream.end();
    await sent;
    expect(store.messages).toHaveLength(2);
    expect(store.messages[0]!.error).toBe("Erreur interne.");
    expect(store.messages[1]!.actions).toHaveLength(1);
  });

  it("drops the events of an answer whose conversation was left", async () => {
    const { stream, store } = streamedStore();
    const sent = store.send("lent");
    store.newConversation();
    expect(store.sending).toBe(false);
    expect(store.canStop).toBe(false);
    stream.emit({ type: "start", session_id: "s_old", turn_id: "t" }, { type: "text", text: "tard" });
    stream.emit({ type: "done", result: result({ session_id: "s_old", reply: "tard" }) });
    stream.end();
    await sent;
    expect(store.messages).toEqual([]);
    expect(store.sessionId).toBeNull();
  });
});
