import type { Redis } from "ioredis";
import type { Owner } from "./conversation-store.js";

/**
 * What a turn said as it ran, kept in Redis so that any agent process can answer for it: the
 * events (numbered from 1, in order), its status and, once it ended, its result. The panel reads
 * them after a reload, from a second tab, or when the websocket missed some; the addon pushes them
 * to Odoo's bus as they are written. Bounded (events per turn) and expiring (an hour after the end).
 *
 * Keys (same prefix as the conversation store; db is URI-encoded):
 *   {p}{db}:{uid}:t:{tid}            HASH  session_id, message, status, result (JSON), error, created_at, company
 *   {p}{db}:{uid}:t:{tid}:ev         LIST  one JSON event per item; its seq is its position + 1
 *   {p}{db}:{uid}:t:{tid}:alive      STRING with a 15 s TTL, refreshed by the process running it
 *   {p}{db}:{uid}:s:{sid}:turn       STRING the session's newest turn (resumed after a reload)
 *   {p}{db}:{uid}:s:{sid}:turns      SET   the session's turns (deleted with the session)
 *   {p}{db}:{uid}:cm:{client id}     STRING the turn started for this client message (a retried start)
 *   {p}{db}:{uid}:inflight           ZSET  running turn ids → expiry (ms): the per-user bound
 *   {p}{db}:c:{company}:inflight     ZSET  the same, per company
 */

export type TurnStatus = "running" | "done" | "failed" | "stopped";
export const FINAL_STATUSES: ReadonlySet<TurnStatus> = new Set(["done", "failed", "stopped"]);

/** One event as stored and sent: `seq` from 1 per turn, `type` as the stream events are named. */
export type LoggedEvent = { seq: number; type: string; [key: string]: unknown };

export type TurnRecord = {
  turn_id: string;
  session_id: string;
  /** The user's message: shown again by a panel that follows the turn after a reload. */
  message: string;
  status: TurnStatus;
  result?: unknown;
  error?: { code: string; message: string };
  created_at: string;
  /** False when the running turn's process stopped refreshing it (killed mid-turn). */
  alive: boolean;
};

export type TurnLog = ReturnType<typeof createRedisTurnLog>;

/** A turn's keys live this long after it ended; a running turn's are pushed back while it runs. */
export const TURN_TTL_SECONDS = 3600;
export const ALIVE_TTL_MS = 15_000;
/** Events kept per turn; text is coalesced before it is logged, so a turn rarely gets near. */
export const MAX_EVENTS = 4000;

// Admits a turn when the user and the company have fewer running turns than their bounds.
// Entries whose expiry passed (a process killed mid-turn) no longer count.
const ADMIT = `
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if tonumber(ARGV[4]) > 0 and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 1 end
if tonumber(ARGV[5]) > 0 and redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) then return 2 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
redis.call('PEXPIRE', KEYS[1], 600000)
redis.call('PEXPIRE', KEYS[2], 600000)
return 0
`;

// Appends an event unless the turn ended or is full; answers its seq (0: not appended).
const APPEND = `
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'running' and ARGV[3] ~= '1' then return 0 end
local n = redis.call('LLEN', KEYS[2])
if n >= tonumber(ARGV[2]) and ARGV[3] ~= '1' then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[1])
return n + 1
`;

// Ends a running turn once: its final event, status and result.
const FINISH = `
if redis.call('HGET', KEYS[1], 'status') ~= 'running' then return 0 end
local seq = redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'result', ARGV[3], 'error', ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[5])
redis.call('EXPIRE', KEYS[2], ARGV[5])
redis.call('DEL', KEYS[3])
return seq
`;

export function createRedisTurnLog(redis: Redis, options: { prefix?: string; ttlSeconds?: number; aliveMs?: number } = {}) {
  const prefix = options.prefix ?? "copilot:";
  const ttl = options.ttlSeconds ?? TURN_TTL_SECONDS;
  const aliveMs = options.aliveMs ?? ALIVE_TTL_MS;
  const userKey = (owner: Owner) => `${prefix}${encodeURIComponent(owner.db)}:${owner.uid}`;
  const turnKey = (owner: Owner, tid: string) => `${userKey(owner)}:t:${tid}`;
  const eventsKey = (owner: Owner, tid: string) => `${turnKey(owner, tid)}:ev`;
  const aliveKey = (owner: Owner, tid: string) => `${turnKey(owner, tid)}:alive`;
  const sessionTurnKey = (owner: Owner, sid: string) => `${userKey(owner)}:s:${sid}:turn`;
  const sessionTurnsKey = (owner: Owner, sid: string) => `${userKey(owner)}:s:${sid}:turns`;
  const clientKey = (owner: Owner, clientId: string) => `${userKey(owner)}:cm:${clientId}`;
  const userInflightKey = (owner: Owner) => `${userKey(owner)}:inflight`;
  const companyInflightKey = (owner: Owner, company: number) => `${prefix}${encodeURIComponent(owner.db)}:c:${company}:inflight`;

  return {
    /**
     * Takes a place among the user's and the company's running turns; answers which bound is
     * reached, or undefined when admitted. The place is freed by `finish` or after `holdMs`.
     */
    async admit(owner: Owner, company: number, turnId: string, bounds: { user: number; company: number }, holdMs: number): Promise<"user" | "company" | undefined> {
      const now = Date.now();
      const answer = (await redis.eval(ADMIT, 2, userInflightKey(owner), companyInflightKey(owner, company), now, turnId, now + holdMs, bounds.user, bounds.company)) as number;
      return answer === 1 ? "user" : answer === 2 ? "company" : undefined;
    },
    async release(owner: Owner, company: number, turnId: string): Promise<void> {
      await redis.multi().zrem(userInflightKey(owner), turnId).zrem(companyInflightKey(owner, company), turnId).exec();
    },
    /** The turn already started for this client message id, if any (a retried `/copilot/chat`). */
    async turnForClientMessage(owner: Owner, clientId: string): Promise<string | undefined> {
      return (await redis.get(clientKey(owner, clientId))) ?? undefined;
    },
    /** Records a new running turn; false when this client message id already has one. */
    async create(owner: Owner, turn: { turnId: string; sessionId: string; message: string; clientMessageId?: string | undefined; company: number }): Promise<boolean> {
      if (turn.clientMessageId) {
        const claimed = await redis.set(clientKey(owner, turn.clientMessageId), turn.turnId, "EX", 24 * 3600, "NX");
        if (!claimed) return false;
      }
      const key = turnKey(owner, turn.turnId);
      await redis
        .multi()
        .hset(key, "session_id", turn.sessionId, "status", "running", "created_at", new Date().toISOString(), "company", String(turn.company), "message", turn.message)
        .expire(key, ttl)
        .set(aliveKey(owner, turn.turnId), "1", "PX", aliveMs)
        .set(sessionTurnKey(owner, turn.sessionId), turn.turnId, "EX", ttl)
        .sadd(sessionTurnsKey(owner, turn.sessionId), turn.turnId)
        .expire(sessionTurnsKey(owner, turn.sessionId), ttl)
        .exec();
      return true;
    },
    /** The running process says it still runs the turn; its keys live on. */
    async heartbeat(owner: Owner, turnId: string): Promise<void> {
      await redis
        .multi()
        .set(aliveKey(owner, turnId), "1", "PX", aliveMs)
        .expire(turnKey(owner, turnId), ttl)
        .expire(eventsKey(owner, turnId), ttl)
        .exec();
    },
    /** Appends events in order; answers them with their seq (those refused are left out). */
    async append(owner: Owner, turnId: string, events: { type: string; [key: string]: unknown }[]): Promise<LoggedEvent[]> {
      const logged: LoggedEvent[] = [];
      for (const event of events) {
        const seq = (await redis.eval(APPEND, 2, turnKey(owner, turnId), eventsKey(owner, turnId), JSON.stringify(event), MAX_EVENTS, "0")) as number;
        if (seq) logged.push({ ...event, seq });
      }
      if (logged.length) await redis.expire(eventsKey(owner, turnId), ttl);
      return logged;
    },
    /** Ends the turn with its final event (`done` or `error`); undefined when it had already ended. */
    async finish(
      owner: Owner,
      turnId: string,
      status: Exclude<TurnStatus, "running">,
      event: { type: string; [key: string]: unknown },
      result: unknown,
      error?: { code: string; message: string },
    ): Promise<LoggedEvent | undefined> {
      const seq = (await redis.eval(
        FINISH,
        3,
        turnKey(owner, turnId),
        eventsKey(owner, turnId),
        aliveKey(owner, turnId),
        JSON.stringify(event),
        status,
        result === undefined ? "" : JSON.stringify(result),
        error ? JSON.stringify(error) : "",
        ttl,
      )) as number;
      return seq ? { ...event, seq } : undefined;
    },
    async get(owner: Owner, turnId: string): Promise<TurnRecord | undefined> {
      const [[, hash], [, alive]] = (await redis.multi().hgetall(turnKey(owner, turnId)).exists(aliveKey(owner, turnId)).exec()) as [
        [null, Record<string, string>],
        [null, number],
      ];
      if (!hash.status) return undefined;
      return {
        turn_id: turnId,
        session_id: hash.session_id ?? "",
        message: hash.message ?? "",
        status: hash.status as TurnStatus,
        ...(hash.result ? { result: JSON.parse(hash.result) } : {}),
        ...(hash.error ? { error: JSON.parse(hash.error) as { code: string; message: string } } : {}),
        created_at: hash.created_at ?? "",
        alive: alive === 1,
      };
    },
    /** Events with seq > after, oldest first. */
    async events(owner: Owner, turnId: string, after: number, limit = 1000): Promise<LoggedEvent[]> {
      const items = await redis.lrange(eventsKey(owner, turnId), after, after + limit - 1);
      // an event's seq is its place in the list: stored without it, given back with it
      return items.map((item, index) => ({ ...(JSON.parse(item) as { type: string }), seq: after + index + 1 }));
    },
    /** The session's newest turn id (running or recently ended). */
    async sessionTurn(owner: Owner, sessionId: string): Promise<string | undefined> {
      return (await redis.get(sessionTurnKey(owner, sessionId))) ?? undefined;
    },
    async sessionTurns(owner: Owner, sessionId: string): Promise<string[]> {
      return redis.smembers(sessionTurnsKey(owner, sessionId));
    },
    /** Forgets the session's turns (the conversation was deleted). */
    async deleteSession(owner: Owner, sessionId: string): Promise<void> {
      const ids = await redis.smembers(sessionTurnsKey(owner, sessionId));
      const keys = [sessionTurnKey(owner, sessionId), sessionTurnsKey(owner, sessionId), ...ids.flatMap((id) => [turnKey(owner, id), eventsKey(owner, id)])];
      await redis.del(...keys);
    },
    /** Forgets every turn of the user (delete-all). */
    async deleteAll(owner: Owner): Promise<void> {
      for (const pattern of [`${userKey(owner)}:t:*`, `${userKey(owner)}:s:*:turn*`, `${userKey(owner)}:cm:*`]) {
        let cursor = "0";
        do {
          const [next, found] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
          if (found.length) await redis.del(...found);
          cursor = next;
        } while (cursor !== "0");
      }
    },
  };
}
