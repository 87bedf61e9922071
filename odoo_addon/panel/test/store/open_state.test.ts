import { describe, expect, it, vi } from "vitest";

import { CopilotStore } from "../../src/store/copilot_store";
import { sessionOpenState } from "../../src/store/open_state";

import { fakeApi } from "../fakes";
import { session } from "./helpers";

describe("the open state across reloads", () => {
  function memoryStorage(): Storage {
    const data = new Map<string, string>();
    return {
      get length() {
        return data.size;
      },
      clear: () => data.clear(),
      getItem: (key) => data.get(key) ?? null,
      key: (index) => [...data.keys()][index] ?? null,
      removeItem: (key) => void data.delete(key),
      setItem: (key, value) => void data.set(key, value),
    };
  }

  it("reopens the panel after a reload when it was open, without taking the focus", async () => {
    const storage = memoryStorage();
    const first = new CopilotStore(fakeApi(), sessionOpenState(() => storage, "copilot.panel.open"));
    first.restore();
    expect(first.isOpen).toBe(false);
    first.open();
    expect(first.autofocus).toBe(true);

    const reloaded = new CopilotStore(fakeApi(), sessionOpenState(() => storage, "copilot.panel.open"));
    reloaded.restore();
    expect(reloaded.isOpen).toBe(true);
    expect(reloaded.autofocus).toBe(false);
    expect(reloaded.loadState).toBe("loading");

    reloaded.close();
    const again = new CopilotStore(fakeApi(), sessionOpenState(() => storage, "copilot.panel.open"));
    again.restore();
    expect(again.isOpen).toBe(false);
  });

  it("shows the same conversation after a reload, the one opened from the list included", async () => {
    const storage = memoryStorage();
    const sessions = [session("old", "2026-01-01T00:00:00Z"), session("recent", "2026-02-01T00:00:00Z")];
    const api = () => fakeApi({ sessions: vi.fn(async () => ({ sessions })) });
    const first = new CopilotStore(api(), sessionOpenState(() => storage, "copilot.panel.open"));
    await first.loadSessions();
    await first.openSession("old");

    const reloaded = new CopilotStore(api(), sessionOpenState(() => storage, "copilot.panel.open"));
    await reloaded.loadLastSession();
    expect(reloaded.sessionId).toBe("old");

    // A new conversation forgets it: the most recent one shows after the next reload.
    reloaded.newConversation();
    const again = new CopilotStore(api(), sessionOpenState(() => storage, "copilot.panel.open"));
    await again.loadLastSession();
    expect(again.sessionId).toBe("recent");

    // A remembered conversation that is gone (deleted elsewhere): the most recent one.
    storage.setItem("copilot.panel.open.session", "deleted");
    const gone = new CopilotStore(api(), sessionOpenState(() => storage, "copilot.panel.open"));
    await gone.loadLastSession();
    expect(gone.sessionId).toBe("recent");
  });

  it("works without storage (disabled by the browser)", () => {
    const store = new CopilotStore(
      fakeApi(),
      sessionOpenState(() => {
        throw new Error("SecurityError");
      }, "k"),
    );
    store.restore();
    store.open();
    store.close();
    expect(store.isOpen).toBe(false);
  });
});
