import type { RecordRef } from "../tools/types.js";

/** Whose data this is: every key is scoped by the Odoo database and user id. */
export type Owner = { db: string; uid: number };

export type Session = { id: string; title: string; created_at: string; updated_at: string; pinned?: boolean };

export type ActionStatus = "proposed" | "running" | "done" | "failed" | "rejected";

export type StoredAction = {
  id: string;
  session_id: string;
  tool: string;
  args: unknown;
  status: ActionStatus;
  summary: string;
  preview?: unknown;
  /** The resolved ids that confirm writes; never shown to the model or the panel. */
  plan: unknown;
  result?: unknown;
  record?: RecordRef;
  error?: string;
  /** HMAC of the plan (the service's key): a plan changed in Redis is never run. */
  plan_mac?: string;
  /** The confirm writing it through the bridge (docs/production.md): only its own steps go on. */
  claim?: string;
  claimed_at?: number;
  created_at: string;
  updated_at: string;
};

export type StoredMessage = {
  id: string;
  role: "user" | "assistant";
  content: string;
  created_at: string;
  action_ids?: string[];
  client_message_id?: string;
  /** The user stopped this answer before it was finished. */
  stopped?: boolean;
  /** A choice card: several records matched a name (kept so it comes back after a reload). */
  choices?: { query: string; model: string; options: { id: number; label: string; message: string }[] }[];
  /** What read tools answered, for the panel's cards (customer, stock, project, checklist…). */
  cards?: Card[];
};

/** A read tool's answer as data: the panel draws a card from it (`data` is the tool's own shape). */
export type Card = { tool: string; data: unknown };

/** An MCP client as it introduced itself: whether it can ask its user (elicitation). */
export type McpClientInfo = { elicitation: boolean; name?: string | undefined };

/** Something the user asked the copilot to remember across conversations ("my default warehouse is …"). */
export type Memory = { id: string; text: string; created_at: string };

export interface ConversationStore {
  /** Returns the session, creating it with this title when it does not exist yet. */
  ensureSession(owner: Owner, sessionId: string, title: string): Promise<Session>;
  getSession(owner: Owner, sessionId: string): Promise<Session | undefined>;
  /** Renames or pins a session; answers it as it is now, or undefined when it does not exist. */
  updateSession(owner: Owner, sessionId: string, changes: { title?: string; pinned?: boolean }): Promise<Session | undefined>;
  /** Most recent first. */
  listSessions(owner: Owner, limit: number): Promise<Session[]>;
  /** Appends without rewriting the history, and moves the session to the top of the user's list. */
  appendMessages(owner: Owner, sessionId: string, messages: StoredMessage[]): Promise<void>;
  /** The last `limit` messages, oldest first. */
  getMessages(owner: Owner, sessionId: string, limit: number): Promise<StoredMessage[]>;
  saveAction(owner: Owner, action: StoredAction): Promise<void>;
  getAction(owner: Owner, actionId: string): Promise<StoredAction | undefined>;
  getActions(owner: Owner, actionIds: string[]): Promise<StoredAction[]>;
  /**
   * Atomically moves an action from one status to another; answers whether it did, and the action as
   * it is now. The way a confirm runs exactly once.
   */
  transitionAction(
    owner: Owner,
    actionId: string,
    from: ActionStatus,
    patch: Partial<StoredAction> & { status: ActionStatus },
  ): Promise<{ changed: boolean; action: StoredAction | undefined }>;
  /** Takes the session's turn lock for `ttlMs`; answers the token that releases it, or undefined when held. */
  lockSession(owner: Owner, sessionId: string, ttlMs: number): Promise<string | undefined>;
  unlockSession(owner: Owner, sessionId: string, token: string): Promise<void>;
  /** The result of a turn already answered for this client message id (a retried request). */
  getTurnResult(owner: Owner, clientMessageId: string): Promise<unknown | undefined>;
  saveTurnResult(owner: Owner, clientMessageId: string, result: unknown): Promise<void>;
  /** Adds a turn's model tokens to the month's totals of the user and of their company. */
  addUsage(owner: Owner, companyId: number, usage: { input: number; output: number }): Promise<void>;
  /** This month's model tokens (in + out) of a company of a database. */
  companyUsage(db: string, companyId: number): Promise<number>;
  /** The user's long-term memories, oldest first. */
  listMemories(owner: Owner): Promise<Memory[]>;
  addMemory(owner: Owner, memory: Memory): Promise<void>;
  /** Answers whether it existed. */
  deleteMemory(owner: Owner, memoryId: string): Promise<boolean>;
  /** Deletes one conversation (its messages and session), or every conversation and memory of the user. */
  deleteSession(owner: Owner, sessionId: string): Promise<boolean>;
  deleteAll(owner: Owner): Promise<void>;
  /** A cached ERP read, or undefined (see odoo/cached-client.ts). */
  getCached(key: string): Promise<string | undefined>;
  setCached(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** The cache generation of a database's model: bumped when Odoo reports a change, which retires every entry at once. */
  cacheGeneration(db: string, model: string): Promise<number>;
  bumpCacheGeneration(db: string, model: string): Promise<void>;
  /**
   * The newest entry of a database's copilot action log the addon reported (its hash chain's
   * anchor, kept outside Odoo's database). Moves forward only: answers the anchor now held.
   */
  advanceAnchor(db: string, anchor: AuditAnchor): Promise<AuditAnchor>;
  getAnchor(db: string): Promise<AuditAnchor | undefined>;
  /** Counts one more turn of this user in the current minute; answers the count so far. */
  countTurn(owner: Owner): Promise<number>;
  /** Counts one more request of `scope` (an MCP key) in the current minute; answers the count. */
  countRequest(scope: string): Promise<number>;
  /** What an MCP client declared when it connected (its capabilities), by its key's hash. */
  saveMcpClient(keyHash: string, client: McpClientInfo): Promise<void>;
  getMcpClient(keyHash: string): Promise<McpClientInfo | undefined>;
  /** True the first time a nonce is seen within the TTL: a signed request is accepted once. */
  claimNonce(nonce: string, ttlSeconds: number): Promise<boolean>;
  ping(): Promise<void>;
}

export type AuditAnchor = { id: number; hash: string; at: string };
