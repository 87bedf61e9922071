import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { ActionStatus, AuditAnchor, ConversationStore, McpClientInfo, Memory, Owner, Session, StoredAction, StoredMessage } from "./conversation-store.js";

export type RedisStoreOptions = {
  /** Key prefix, so several deployments (or test runs) can share one Redis. */
  prefix?: string;
  /** Pending and finished actions are kept this long. */
  actionTtlSeconds?: number;
  /** A conversation is deleted this long after its last message (0: kept). */
  retentionSeconds?: number;
  /** Conversations kept per user: past it, a new one makes room by deleting the oldest unpinned. */
  maxSessions?: number;
};

/*
 * Keys (prefix `copilot:` by default; db is URI-encoded):
 *   {p}{db}:{uid}:sessions            ZSET  session id → last activity (ms)
 *   {p}{db}:{uid}:s:{sid}             HASH  id, title, created_at, updated_at
 *   {p}{db}:{uid}:s:{sid}:messages    LIST  one JSON message per item, appended with RPUSH
 *   {p}{db}:{uid}:a:{aid}             HASH  status, data (the action's JSON), with a TTL
 *   {p}{db}:{uid}:s:{sid}:lock        STRING with TTL: the turn running in this session
 *   {p}{db}:{uid}:turn:{client id}    STRING JSON turn result, 1 day: a retried request answers it
 *   {p}{db}:{uid}:rate:{minute}       STRING counter, 2 minutes: turns of the user this minute
 *   {p}{db}:{uid}:memories           HASH  memory id → JSON {id, text, created_at}
 *   {p}{db}:usage:{YYYY-MM}           HASH  c:{company}:in|out, u:{uid}:in|out model tokens, 400 days
 *   {p}cache:{key}                    STRING with TTL (60-120 s): a cached ERP read
 *   {p}{db}:cachegen:{model}          STRING counter: bumped by Odoo's change webhook
 *   {p}nonce:{nonce}                  STRING with TTL: signed requests seen
 */

// Compare-and-set on the action's status, so two confirms cannot both start a write. The action's
// JSON is kept beside its status, so the script never has to decode it.
/** Stores the anchor unless the one held is as new or newer (an older report arriving late); returns the one held. */
// A step forward is bounded (ARGV[3] entries): a forged report of a huge id cannot wedge the
// anchor for good (every later real report would look older).
const ADVANCE_ANCHOR = `
local held = redis.call("GET", KEYS[1])
if held then
  local id = tonumber(cjson.decode(held).id)
  if id >= tonumber(ARGV[1]) or tonumber(ARGV[1]) - id > tonumber(ARGV[3]) then return held end
end
redis.call("SET", KEYS[1], ARGV[2])
return ARGV[2]
`;
/** The most entries one report may move the anchor forward by (far more than one commit logs). */
export const MAX_ANCHOR_STEP = 10_000;

const TRANSITION = `
if redis.call('HGET', KEYS[1], 'status') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'data', ARGV[3])
return 1
`;

// Releases a lock only for the holder that took it.
const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

const TURN_RESULT_TTL_SECONDS = 24 * 3600;

export function createRedisConversationStore(redis: Redis, options: RedisStoreOptions = {}): ConversationStore {
  const prefix = options.prefix ?? "copilot:";
  const actionTtl = options.actionTtlSeconds ?? 30 * 24 * 3600;
  const retention = options.retentionSeconds ?? 0;
  const memoriesKey = (owner: Owner) => `${userKey(owner)}:memories`;
  const userKey = (owner: Owner) => `${prefix}${encodeURIComponent(owner.db)}:${owner.uid}`;
  const sessionsKey = (owner: Owner) => `${userKey(owner)}:sessions`;
  const sessionKey = (owner: Owner, sid: string) => `${userKey(owner)}:s:${sid}`;
  const messagesKey = (owner: Owner, sid: string) => `${sessionKey(owner, sid)}:messages`;
  const actionKey = (owner: Owner, aid: string) => `${userKey(owner)}:a:${aid}`;

  const maxSessions = options.maxSessions ?? 1000;

  /** Past the bound, the oldest unpinned conversations go (security review, finding 7). */
  async function makeRoom(owner: Owner, keep: string): Promise<void> {
    const count = await redis.zcard(sessionsKey(owner));
    if (count <= maxSessions) return;
    const oldest = await redis.zrange(sessionsKey(owner), 0, count - maxSessions + 20);
    let excess = count - maxSessions;
    for (const id of oldest) {
      if (excess <= 0) break;
      if (id === keep || (await redis.hget(sessionKey(owner, id), "pinned")) === "1") continue;
      await redis.multi().zrem(sessionsKey(owner), id).del(sessionKey(owner, id), messagesKey(owner, id)).exec();
      excess -= 1;
    }
  }

  const toSession = (hash: Record<string, string>): Session | undefined =>
    hash.id
      ? { id: hash.id, title: hash.title ?? "", created_at: hash.created_at ?? "", updated_at: hash.updated_at ?? "", ...(hash.pinned === "1" ? { pinned: true } : {}) }
      : undefined;

  const toAction = (hash: Record<string, string>): StoredAction | undefined =>
    hash.data ? { ...(JSON.parse(hash.data) as StoredAction), status: hash.status as ActionStatus } : undefined;

  return {
    async ensureSession(owner, sessionId, title) {
      const key = sessionKey(owner, sessionId);
      const now = new Date().toISOString();
      // HSETNX keeps an existing session as it is; only a new one gets its id, title and dates.
      await redis
        .multi()
        .hsetnx(key, "id", sessionId)
        .hsetnx(key, "title", title)
        .hsetnx(key, "created_at", now)
        .hsetnx(key, "updated_at", now)
        .zadd(sessionsKey(owner), "NX", Date.now(), sessionId)
        .exec();
      await makeRoom(owner, sessionId);
      return toSession(await redis.hgetall(key))!;
    },
    async getSession(owner, sessionId) {
      return toSession(await redis.hgetall(sessionKey(owner, sessionId)));
    },
    async updateSession(owner, sessionId, changes) {
      const key = sessionKey(owner, sessionId);
      if (!(await redis.exists(key))) return undefined;
      const fields: string[] = [];
      if (changes.title !== undefined) fields.push("title", changes.title);
      if (changes.pinned !== undefined) fields.push("pinned", changes.pinned ? "1" : "0");
      if (fields.length) await redis.hset(key, ...fields);
      return toSession(await redis.hgetall(key));
    },
    async listSessions(owner, limit) {
      const ids = await redis.zrevrange(sessionsKey(owner), 0, limit - 1);
      if (!ids.length) return [];
      const pipeline = redis.pipeline();
      for (const id of ids) pipeline.hgetall(sessionKey(owner, id));
      const results = (await pipeline.exec()) ?? [];
      return results.map(([, hash]) => toSession(hash as Record<string, string>)).filter((s): s is Session => Boolean(s));
    },
    async appendMessages(owner, sessionId, messages) {
      if (!messages.length) return;
      const now = new Date();
      const transaction = redis
        .multi()
        .rpush(messagesKey(owner, sessionId), ...messages.map((message) => JSON.stringify(message)))
        .hset(sessionKey(owner, sessionId), "updated_at", now.toISOString())
        .zadd(sessionsKey(owner), now.getTime(), sessionId);
      if (retention) {
        // Each message pushes the conversation's expiry back; the index forgets expired ones.
        transaction
          .expire(messagesKey(owner, sessionId), retention)
          .expire(sessionKey(owner, sessionId), retention)
          .zremrangebyscore(sessionsKey(owner), 0, now.getTime() - retention * 1000);
      }
      await transaction.exec();
    },
    async getMessages(owner, sessionId, limit) {
      const raw = await redis.lrange(messagesKey(owner, sessionId), -limit, -1);
      return raw.map((item) => JSON.parse(item) as StoredMessage);
    },
    async saveAction(owner, action) {
      const key = actionKey(owner, action.id);
      await redis.multi().hset(key, "status", action.status, "data", JSON.stringify(action)).expire(key, actionTtl).exec();
    },
    async getAction(owner, actionId) {
      return toAction(await redis.hgetall(actionKey(owner, actionId)));
    },
    async getActions(owner, actionIds) {
      if (!actionIds.length) return [];
      const pipeline = redis.pipeline();
      for (const id of actionIds) pipeline.hgetall(actionKey(owner, id));
      const results = (await pipeline.exec()) ?? [];
      return results.map(([, hash]) => toAction(hash as Record<string, string>)).filter((a): a is StoredAction => Boolean(a));
    },
    async transitionAction(owner, actionId, from: ActionStatus, patch) {
      const key = actionKey(owner, actionId);
      const current = toAction(await redis.hgetall(key));
      if (!current || current.status !== from) return { changed: false, action: current };
      const next: StoredAction = { ...current, ...patch, updated_at: new Date().toISOString() };
      const changed = (await redis.eval(TRANSITION, 1, key, from, next.status, JSON.stringify(next))) === 1;
      return changed ? { changed, action: next } : { changed, action: toAction(await redis.hgetall(key)) };
    },
    async lockSession(owner, sessionId, ttlMs) {
      const token = randomBytes(12).toString("base64url");
      const taken = await redis.set(`${sessionKey(owner, sessionId)}:lock`, token, "PX", ttlMs, "NX");
      return taken === "OK" ? token : undefined;
    },
    async unlockSession(owner, sessionId, token) {
      await redis.eval(UNLOCK, 1, `${sessionKey(owner, sessionId)}:lock`, token);
    },
    async getTurnResult(owner, clientMessageId) {
      const raw = await redis.get(`${userKey(owner)}:turn:${clientMessageId}`);
      return raw ? (JSON.parse(raw) as unknown) : undefined;
    },
    async saveTurnResult(owner, clientMessageId, result) {
      await redis.set(`${userKey(owner)}:turn:${clientMessageId}`, JSON.stringify(result), "EX", TURN_RESULT_TTL_SECONDS);
    },
    async addUsage(owner, companyId, usage) {
      const key = `${prefix}${encodeURIComponent(owner.db)}:usage:${new Date().toISOString().slice(0, 7)}`;
      await redis
        .multi()
        .hincrby(key, `c:${companyId}:in`, usage.input)
        .hincrby(key, `c:${companyId}:out`, usage.output)
        .hincrby(key, `u:${owner.uid}:in`, usage.input)
        .hincrby(key, `u:${owner.uid}:out`, usage.output)
        .expire(key, 400 * 24 * 3600)
        .exec();
    },
    async companyUsage(db, companyId) {
      const key = `${prefix}${encodeURIComponent(db)}:usage:${new Date().toISOString().slice(0, 7)}`;
      const [input, output] = await redis.hmget(key, `c:${companyId}:in`, `c:${companyId}:out`);
      return Number(input ?? 0) + Number(output ?? 0);
    },
    async listMemories(owner) {
      const all = await redis.hvals(memoriesKey(owner));
      return all.map((raw) => JSON.parse(raw) as Memory).sort((a, b) => a.created_at.localeCompare(b.created_at));
    },
    async addMemory(owner, memory) {
      await redis.hset(memoriesKey(owner), memory.id, JSON.stringify(memory));
    },
    async deleteMemory(owner, memoryId) {
      return (await redis.hdel(memoriesKey(owner), memoryId)) === 1;
    },
    async deleteSession(owner, sessionId) {
      const [[, removed]] = (await redis
        .multi()
        .zrem(sessionsKey(owner), sessionId)
        .del(sessionKey(owner, sessionId), messagesKey(owner, sessionId))
        .exec()) as [[null, number], unknown];
      return removed === 1;
    },
    async deleteAll(owner) {
      const ids = await redis.zrange(sessionsKey(owner), 0, -1);
      const keys = [sessionsKey(owner), memoriesKey(owner), ...ids.flatMap((id) => [sessionKey(owner, id), messagesKey(owner, id)])];
      // Actions are keyed by id; find them by pattern, in batches, without blocking Redis.
      let cursor = "0";
      do {
        const [next, found] = await redis.scan(cursor, "MATCH", `${userKey(owner)}:a:*`, "COUNT", 500);
        keys.push(...found);
        cursor = next;
      } while (cursor !== "0");
      for (let index = 0; index < keys.length; index += 500) await redis.del(...keys.slice(index, index + 500));
    },
    async getCached(key) {
      return (await redis.get(`${prefix}cache:${key}`)) ?? undefined;
    },
    async setCached(key, value, ttlSeconds) {
      await redis.set(`${prefix}cache:${key}`, value, "EX", ttlSeconds);
    },
    async cacheGeneration(db, model) {
      return Number((await redis.get(`${prefix}${encodeURIComponent(db)}:cachegen:${model}`)) ?? 0);
    },
    async bumpCacheGeneration(db, model) {
      await redis.incr(`${prefix}${encodeURIComponent(db)}:cachegen:${model}`);
    },
    async advanceAnchor(db, anchor) {
      const held = (await redis.eval(ADVANCE_ANCHOR, 1, `${prefix}${encodeURIComponent(db)}:audit:anchor`, anchor.id, JSON.stringify(anchor), MAX_ANCHOR_STEP)) as string;
      return JSON.parse(held) as AuditAnchor;
    },
    async getAnchor(db) {
      const held = await redis.get(`${prefix}${encodeURIComponent(db)}:audit:anchor`);
      return held ? (JSON.parse(held) as AuditAnchor) : undefined;
    },
    async countTurn(owner) {
      const key = `${userKey(owner)}:rate:${Math.floor(Date.now() / 60_000)}`;
      const [[, count]] = (await redis.multi().incr(key).expire(key, 120).exec()) as [[null, number], unknown];
      return count;
    },
    async countRequest(scope) {
      const key = `${prefix}rate:${scope}:${Math.floor(Date.now() / 60_000)}`;
      const [[, count]] = (await redis.multi().incr(key).expire(key, 120).exec()) as [[null, number], unknown];
      return count;
    },
    async saveMcpClient(keyHash, client) {
      await redis.set(`${prefix}mcp:client:${keyHash}`, JSON.stringify(client), "EX", 30 * 86_400);
    },
    async getMcpClient(keyHash) {
      const raw = await redis.get(`${prefix}mcp:client:${keyHash}`);
      return raw ? (JSON.parse(raw) as McpClientInfo) : undefined;
    },
    async claimNonce(nonce, ttlSeconds) {
      return (await redis.set(`${prefix}nonce:${nonce}`, "1", "EX", ttlSeconds, "NX")) === "OK";
    },
    async ping() {
      await redis.ping();
    },
  };
}
