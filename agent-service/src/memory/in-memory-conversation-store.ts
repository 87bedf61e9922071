import { MAX_ANCHOR_STEP } from "./redis-conversation-store.js";
import type { AuditAnchor, ConversationStore, McpClientInfo, Memory, Owner, Session, StoredAction, StoredMessage } from "./conversation-store.js";

/** A ConversationStore in this process's memory: for the eval runner and one-shot scripts, never the service. */
export function createInMemoryConversationStore(): ConversationStore {
  const sessions = new Map<string, Session>();
  const messages = new Map<string, StoredMessage[]>();
  const actions = new Map<string, StoredAction>();
  const nonces = new Set<string>();
  const locks = new Map<string, { token: string; until: number }>();
  const turns = new Map<string, unknown>();
  const mcpClients = new Map<string, McpClientInfo>();
  const key = (owner: Owner, id: string) => `${owner.db}:${owner.uid}:${id}`;

  return {
    async ensureSession(owner, sessionId, title) {
      const now = new Date().toISOString();
      const existing = sessions.get(key(owner, sessionId));
      if (existing) return existing;
      const session = { id: sessionId, title, created_at: now, updated_at: now };
      sessions.set(key(owner, sessionId), session);
      return session;
    },
    async getSession(owner, sessionId) {
      return sessions.get(key(owner, sessionId));
    },
    async updateSession(owner, sessionId, changes) {
      const session = sessions.get(key(owner, sessionId));
      if (!session) return undefined;
      if (changes.title !== undefined) session.title = changes.title;
      if (changes.pinned !== undefined) session.pinned = changes.pinned;
      return session;
    },
    async listSessions(owner, limit) {
      const prefix = `${owner.db}:${owner.uid}:`;
      return [...sessions.entries()]
        .filter(([k]) => k.startsWith(prefix))
        .map(([, session]) => session)
        .sort((a, b) => b.updated_at.localeCompare(a.updated_at))
        .slice(0, limit);
    },
    async appendMessages(owner, sessionId, added) {
      const list = messages.get(key(owner, sessionId)) ?? [];
      list.push(...added);
      messages.set(key(owner, sessionId), list);
      const session = sessions.get(key(owner, sessionId));
      if (session) session.updated_at = new Date().toISOString();
    },
    async getMessages(owner, sessionId, limit) {
      return (messages.get(key(owner, sessionId)) ?? []).slice(-limit);
    },
    async saveAction(owner, action) {
      actions.set(key(owner, action.id), structuredClone(action));
    },
    async getAction(owner, actionId) {
      const action = actions.get(key(owner, actionId));
      return action && structuredClone(action);
    },
    async getActions(owner, actionIds) {
      return actionIds.map((id) => actions.get(key(owner, id))).filter((a): a is StoredAction => Boolean(a)).map((a) => structuredClone(a));
    },
    async transitionAction(owner, actionId, from, patch) {
      const action = actions.get(key(owner, actionId));
      if (!action || action.status !== from) return { changed: false, action: action && structuredClone(action) };
      const next = { ...action, ...patch, updated_at: new Date().toISOString() };
      actions.set(key(owner, actionId), next);
      return { changed: true, action: structuredClone(next) };
    },
    async lockSession(owner, sessionId, ttlMs) {
      const held = locks.get(key(owner, sessionId));
      if (held && held.until > Date.now()) return undefined;
      const token = Math.random().toString(36).slice(2);
      locks.set(key(owner, sessionId), { token, until: Date.now() + ttlMs });
      return token;
    },
    async unlockSession(owner, sessionId, token) {
      if (locks.get(key(owner, sessionId))?.token === token) locks.delete(key(owner, sessionId));
    },
    async getTurnResult(owner, clientMessageId) {
      return turns.get(key(owner, clientMessageId));
    },
    async saveTurnResult(owner, clientMessageId, result) {
      turns.set(key(owner, clientMessageId), result);
    },
    async addUsage(owner, companyId, usage) {
      const bucket = `usage:${owner.db}:${companyId}`;
      turns.set(bucket, ((turns.get(bucket) as number | undefined) ?? 0) + usage.input + usage.output);
    },
    async companyUsage(db, companyId) {
      return (turns.get(`usage:${db}:${companyId}`) as number | undefined) ?? 0;
    },
    async listMemories(owner) {
      return ((turns.get(`memories:${owner.db}:${owner.uid}`) as Memory[] | undefined) ?? []).slice();
    },
    async addMemory(owner, memory) {
      const list = (turns.get(`memories:${owner.db}:${owner.uid}`) as Memory[] | undefined) ?? [];
      turns.set(`memories:${owner.db}:${owner.uid}`, [...list, memory]);
    },
    async deleteMemory(owner, memoryId) {
      const list = (turns.get(`memories:${owner.db}:${owner.uid}`) as Memory[] | undefined) ?? [];
      turns.set(`memories:${owner.db}:${owner.uid}`, list.filter((memory) => memory.id !== memoryId));
      return list.some((memory) => memory.id === memoryId);
    },
    async deleteSession(owner, sessionId) {
      messages.delete(key(owner, sessionId));
      return sessions.delete(key(owner, sessionId));
    },
    async deleteAll(owner) {
      const prefix = `${owner.db}:${owner.uid}:`;
      for (const map of [sessions, messages, actions] as Map<string, unknown>[]) for (const k of [...map.keys()]) if (k.startsWith(prefix)) map.delete(k);
      turns.delete(`memories:${owner.db}:${owner.uid}`);
    },
    async getCached() {
      return undefined;
    },
    async setCached() {},
    async cacheGeneration() {
      return 0;
    },
    async bumpCacheGeneration() {},
    async advanceAnchor(db, anchor) {
      const held = turns.get(`anchor:${db}`) as AuditAnchor | undefined;
      if (held && (held.id >= anchor.id || anchor.id - held.id > MAX_ANCHOR_STEP)) return held;
      turns.set(`anchor:${db}`, anchor);
      return anchor;
    },
    async getAnchor(db) {
      return turns.get(`anchor:${db}`) as AuditAnchor | undefined;
    },
    async countTurn(owner) {
      const bucket = `rate:${owner.db}:${owner.uid}:${Math.floor(Date.now() / 60_000)}`;
      const count = ((turns.get(bucket) as number | undefined) ?? 0) + 1;
      turns.set(bucket, count);
      return count;
    },
    async countRequest(scope) {
      const bucket = `rate:${scope}:${Math.floor(Date.now() / 60_000)}`;
      const count = ((turns.get(bucket) as number | undefined) ?? 0) + 1;
      turns.set(bucket, count);
      return count;
    },
    async saveMcpClient(keyHash, client) {
      mcpClients.set(keyHash, client);
    },
    async getMcpClient(keyHash) {
      return mcpClients.get(keyHash);
    },
    async claimNonce(nonce) {
      if (nonces.has(nonce)) return false;
      nonces.add(nonce);
      return true;
    },
    async ping() {},
  };
}
