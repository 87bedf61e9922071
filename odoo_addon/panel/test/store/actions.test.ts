import { describe, expect, it, vi } from "vitest";

import type { Action } from "../../src/api/types";
import { RpcError } from "../../src/odoo/rpc";
import { applyAction } from "../../src/store/actions";
import type { ChatMessage } from "../../src/store/chat_message";
import { CopilotStore } from "../../src/store/copilot_store";

import { T, deferred, fakeApi, makeAction as action } from "../fakes";
import { missingRoute, NEWER, networkError } from "./helpers";

describe("applyAction", () => {
  it("replaces the action with the same id in whichever message holds it", () => {
    const messages: ChatMessage[] = [
      { id: "u1", role: "user", content: "devis", created_at: T },
      { id: "a1", role: "assistant", content: "Voici", created_at: T, actions: [action(), action({ id: "act_2" })] },
    ];
    const done = action({ status: "done", record: { model: "sale.order", id: 42, name: "S00042" } });
    expect(applyAction(messages, done)).toBe(true);
    expect(messages[1]!.actions![0]).toBe(done);
    expect(messages[1]!.actions![1]!.status).toBe("proposed");
    expect(applyAction(messages, action({ id: "act_unknown" }))).toBe(false);
  });
});

describe("CopilotStore confirming, cancelling and revising an action", () => {
  it("confirms an action once and puts the confirmed action in its card", async () => {
    const pending = deferred<{ action: Action }>();
    const confirmAction = vi.fn().mockReturnValue(pending.promise);
    const store = new CopilotStore(fakeApi({ confirmAction }));
    store.messages = [{ id: "m2", role: "assistant", content: "Voici", created_at: T, actions: [action()] }];

    const first = store.confirmAction("act_1");
    const second = store.confirmAction("act_1"); // a double click
    expect(store.actionRequests).toEqual({ act_1: "confirm" });
    expect(confirmAction).toHaveBeenCalledTimes(1);

    const done = action({ status: "done", record: { model: "sale.order", id: 42, name: "S00042" } });
    pending.resolve({ action: done });
    await Promise.all([first, second]);
    expect(store.actionRequests).toEqual({});
    expect(store.messages[0]!.actions![0]).toEqual(done);
  });

  it("shows a failed confirm on the card and lets the user try again", async () => {
    const confirmAction = vi.fn().mockRejectedValueOnce(new RpcError("server", "Action introuvable."));
    const store = new CopilotStore(fakeApi({ confirmAction }));
    store.messages = [{ id: "m2", role: "assistant", content: "", created_at: T, actions: [action()] }];
    await store.confirmAction("act_1");
    expect(store.actionErrors).toEqual({ act_1: "Action introuvable." });
    expect(store.actionRequests).toEqual({});
    expect(store.messages[0]!.actions![0]!.status).toBe("proposed");
  });

  it("revises a quotation's quantities once, and puts the action priced again in its card", async () => {
    const pending = deferred<{ action: Action }>();
    const reviseAction = vi.fn().mockReturnValue(pending.promise);
    const store = new CopilotStore(fakeApi({ reviseAction }));
    store.messages = [{ id: "m2", role: "assistant", content: "", created_at: T, actions: [action()] }];
    const first = store.reviseAction("act_1", [5, 0]);
    expect(store.actionRequests).toEqual({ act_1: "revise" });
    await expect(store.reviseAction("act_1", [5, 0])).resolves.toEqual({ revised: false, error: "" }); // a double click
    const revised = action({ summary: "1 line" });
    pending.resolve({ action: revised });
    await expect(first).resolves.toEqual({ revised: true, error: "" });
    expect(reviseAction).toHaveBeenCalledTimes(1);
    expect(reviseAction).toHaveBeenCalledWith("act_1", [5, 0]);
    expect(store.actionRequests).toEqual({});
    expect(store.messages[0]!.actions![0]).toEqual(revised);
  });

  it("gives back a refused revision for the card to show, the action unchanged", async () => {
    const reviseAction = vi.fn().mockRejectedValueOnce(new RpcError("server", "Cette action n'est plus à confirmer."));
    const store = new CopilotStore(fakeApi({ reviseAction }));
    store.messages = [{ id: "m2", role: "assistant", content: "", created_at: T, actions: [action()] }];
    await expect(store.reviseAction("act_1", [1])).resolves.toEqual({ revised: false, error: "Cette action n'est plus à confirmer." });
    expect(store.actionErrors).toEqual({});
    expect(store.actionRequests).toEqual({});
  });

  it("cancels an action", async () => {
    const store = new CopilotStore(fakeApi());
    store.messages = [{ id: "m2", role: "assistant", content: "", created_at: T, actions: [action()] }];
    await store.rejectAction("act_1");
    expect(store.messages[0]!.actions![0]!.status).toBe("rejected");
  });
});

describe("Undo on a done card", () => {
  it("shows what the addon answered: undone, or why not", async () => {
    const undoAction = vi
      .fn()
      .mockResolvedValueOnce({ undone: true, message: "Quotation S00042 deleted." })
      .mockResolvedValueOnce({ undone: false, message: "S00043 was confirmed since." })
      .mockResolvedValueOnce({ undone: false, message: "" });
    const store = new CopilotStore(fakeApi({ undoAction }));
    const running = store.undoAction("act_1");
    expect(store.undoStates.act_1).toEqual({ state: "running", message: "" });
    await running;
    expect(store.undoStates.act_1).toEqual({ state: "undone", message: "Quotation S00042 deleted." });
    await store.undoAction("act_2");
    expect(store.undoStates.act_2).toEqual({ state: "refused", message: "S00043 was confirmed since." });
    await store.undoAction("act_3");
    expect(store.undoStates.act_3).toEqual({ state: "refused", message: "This change cannot be undone." });
  });

  it("shows the addon's refusal (a UserError saying why) as a refusal, not a failure", async () => {
    const refusal = new RpcError("server", "S00042 was confirmed since: it cannot be undone.", {
      code: 200,
      data: { name: "odoo.exceptions.UserError", message: "S00042 was confirmed since: it cannot be undone." },
    });
    const store = new CopilotStore(fakeApi({ undoAction: vi.fn().mockRejectedValueOnce(refusal).mockRejectedValueOnce(networkError()) }));
    await store.undoAction("act_1");
    expect(store.undoStates.act_1).toEqual({ state: "refused", message: "S00042 was confirmed since: it cannot be undone." });
    await store.undoAction("act_1"); // tried again: the network fails this time
    expect(store.undoStates.act_1).toEqual({ state: "error", message: "Odoo cannot be reached. Check your connection and try again." });
  });

  it("shows a failure in place, the missing route of an older addon included", async () => {
    const store = new CopilotStore(fakeApi({ undoAction: vi.fn().mockRejectedValue(missingRoute()) }));
    await store.undoAction("act_1");
    expect(store.undoStates.act_1).toEqual({ state: "error", message: NEWER });
  });
});
