/**
 * Where the panel remembers that it is open, and which conversation it shows, so a reload of
 * the page (the user's, or Odoo's own, e.g. when it switches company to show a record) brings
 * both back.
 */
export interface OpenStateStorage {
  load(): boolean;
  save(open: boolean): void;
  /** The conversation shown before the reload, or null (then the most recent one). */
  loadSession?(): string | null;
  saveSession?(sessionId: string | null): void;
}

/** The open state in the tab's sessionStorage (per tab, gone with the tab); the conversation under `key` + ".session". */
export function sessionOpenState(getStorage: () => Storage | undefined, key: string): OpenStateStorage {
  const sessionKey = `${key}.session`;
  return {
    loadSession: () => {
      try {
        return getStorage()?.getItem(sessionKey) || null;
      } catch {
        return null;
      }
    },
    saveSession: (sessionId) => {
      try {
        const storage = getStorage();
        if (sessionId) {
          storage?.setItem(sessionKey, sessionId);
        } else {
          storage?.removeItem(sessionKey);
        }
      } catch {
        // the most recent conversation shows after a reload
      }
    },
    load: () => {
      try {
        return getStorage()?.getItem(key) === "1";
      } catch {
        return false; // storage disabled by the browser
      }
    },
    save: (open) => {
      try {
        const storage = getStorage();
        if (open) {
          storage?.setItem(key, "1");
        } else {
          storage?.removeItem(key);
        }
      } catch {
        // storage full or disabled: the panel just does not reopen by itself
      }
    },
  };
}
