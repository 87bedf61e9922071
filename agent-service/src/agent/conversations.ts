/** A user's conversations and memory: list, rename, read, delete, export (Redis, never Odoo but for a project's PDF). */
import { AppError } from "../errors.js";
import { conversationPdf, projectPdf } from "../export/export-service.js";
import { langOf } from "../i18n.js";
import type { ConversationStore, Owner, StoredAction } from "../memory/conversation-store.js";
import { OdooError, type OdooClient } from "../odoo/odoo-client.js";
import { normalize } from "../odoo/resolve.js";
import type { SessionActions, UserMemory } from "../tools/types.js";
import type { ToolContexts } from "./tool-context.js";
import { newId, ownerOf, redisCall, toPublic } from "./turn-common.js";
import type { OdooUser, PublicAction, PublicMessage } from "./turn-types.js";

/** Messages read back per turn; the prompt keeps the newest within its budget and digests the rest. */
export const HISTORY_LIMIT = 100;
const MESSAGES_PAGE = 200;
const SESSIONS_PAGE = 50;

export function titleFrom(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

export function createConversations(deps: { store: ConversationStore; contexts: ToolContexts }) {
  const { store } = deps;

  /** The session's actions as a tool sees them (undo asks for the last one done). */
  function sessionActions(owner: Owner, sessionId: string): SessionActions {
    const summary = (action: StoredAction | undefined) =>
      action && action.session_id === sessionId ? { id: action.id, tool: action.tool, status: action.status, summary: action.summary, record: action.record } : undefined;
    return {
      get: async (id) => summary(await redisCall(() => store.getAction(owner, id))),
      lastDone: async () => {
        const messages = await redisCall(() => store.getMessages(owner, sessionId, HISTORY_LIMIT));
        const ids = messages.flatMap((message) => message.action_ids ?? []).reverse();
        const actions = await redisCall(() => store.getActions(owner, ids));
        return summary(actions.find((action) => action.status === "done" && action.tool !== "undo"));
      },
    };
  }

  /** What the user asked the copilot to remember, as the remember/forget tools use it. */
  function memoryOf(owner: Owner): UserMemory {
    return {
      list: () => redisCall(() => store.listMemories(owner)),
      add: async (text) => {
        const memory = { id: newId("mem"), text, created_at: new Date().toISOString() };
        await redisCall(() => store.addMemory(owner, memory));
        return memory;
      },
      remove: (id) => redisCall(() => store.deleteMemory(owner, id)),
    };
  }

  /** Pinned first, then by last activity; `query` keeps those whose title holds it. */
  async function listSessions(user: OdooUser, query?: string) {
    const sessions = await redisCall(() => store.listSessions(ownerOf(user), query ? 1_000 : SESSIONS_PAGE));
    const wanted = query ? normalize(query) : "";
    const kept = wanted ? sessions.filter((session) => normalize(session.title).includes(wanted)).slice(0, SESSIONS_PAGE) : sessions;
    return [...kept.filter((session) => session.pinned), ...kept.filter((session) => !session.pinned)];
  }

  async function updateSession(user: OdooUser, sessionId: string, changes: { title?: string | undefined; pinned?: boolean | undefined }) {
    const session = await redisCall(() =>
      store.updateSession(ownerOf(user), sessionId, {
        ...(changes.title !== undefined ? { title: titleFrom(changes.title) } : {}),
        ...(changes.pinned !== undefined ? { pinned: changes.pinned } : {}),
      }),
    );
    if (!session) throw new AppError("not_found:session");
    return session;
  }

  async function listMessages(user: OdooUser, sessionId: string): Promise<PublicMessage[]> {
    const owner = ownerOf(user);
    const session = await redisCall(() => store.getSession(owner, sessionId));
    if (!session) throw new AppError("not_found:session");
    const messages = await redisCall(() => store.getMessages(owner, sessionId, MESSAGES_PAGE));
    const actions = await redisCall(() => store.getActions(owner, messages.flatMap((m) => m.action_ids ?? [])));
    const byId = new Map(actions.map((action) => [action.id, toPublic(action)]));
    return messages.map(({ action_ids, client_message_id: _clientId, ...message }) => ({
      ...message,
      ...(action_ids?.length ? { actions: action_ids.map((id) => byId.get(id)).filter((a): a is PublicAction => Boolean(a)) } : {}),
    }));
  }

  /** The user's memories, to list and delete from the panel. */
  async function listMemories(user: OdooUser) {
    return redisCall(() => store.listMemories(ownerOf(user)));
  }

  async function deleteMemory(user: OdooUser, memoryId: string) {
    if (!(await redisCall(() => store.deleteMemory(ownerOf(user), memoryId)))) throw new AppError("not_found:memory");
  }

  async function deleteSession(user: OdooUser, sessionId: string) {
    if (!(await redisCall(() => store.deleteSession(ownerOf(user), sessionId)))) throw new AppError("not_found:session");
  }

  /** Everything the copilot keeps about the user, as JSON: conversations with their messages, and memories. */
  async function exportHistory(user: OdooUser) {
    const owner = ownerOf(user);
    const sessions = await redisCall(() => store.listSessions(owner, 10_000));
    const conversations = [];
    for (const session of sessions) conversations.push({ ...session, messages: await listMessages(user, session.id) });
    return { exported_at: new Date().toISOString(), db: user.db, uid: user.uid, conversations, memories: await listMemories(user) };
  }

  /** A PDF of a conversation, or of a project's summary (read in Odoo as the user). */
  async function exportPdf(
    request: { user: OdooUser; delegation: string; sessionId?: string | undefined; projectId?: number | undefined },
    odoo?: OdooClient,
  ): Promise<Buffer> {
    const { user } = request;
    const lang = langOf(user.lang);
    const userName = user.name ?? String(user.uid);
    if (request.projectId) {
      const ctx = deps.contexts.forExport(user, request.delegation, request.sessionId, odoo);
      try {
        return await projectPdf(ctx, request.projectId, userName);
      } catch (error) {
        if (error instanceof OdooError) throw new AppError(error.kind === "unavailable" ? "unavailable:odoo" : "bad_request:odoo", { detail: error.message });
        throw error;
      }
    }
    const owner = ownerOf(user);
    const session = await redisCall(() => store.getSession(owner, request.sessionId ?? ""));
    if (!session) throw new AppError("not_found:session");
    return conversationPdf(lang, { title: session.title, user: userName, messages: await listMessages(user, session.id) });
  }

  async function deleteHistory(user: OdooUser) {
    await redisCall(() => store.deleteAll(ownerOf(user)));
  }

  return { sessionActions, memoryOf, listSessions, updateSession, listMessages, listMemories, deleteMemory, deleteSession, exportHistory, exportPdf, deleteHistory };
}

export type Conversations = ReturnType<typeof createConversations>;
