/** The one place a tool's context is made: for a turn, for a card's action, for a PDF export. */
import { createFormatter } from "../format.js";
import { langOf } from "../i18n.js";
import type { ConversationStore, StoredAction } from "../memory/conversation-store.js";
import { withCache } from "../odoo/cached-client.js";
import type { CallMeta, OdooClient } from "../odoo/odoo-client.js";
import { withDefaults } from "../odoo/model-map.js";
import { selectionLabels } from "../odoo/selection-labels.js";
import type { Embedder } from "../retrieval/embeddings.js";
import type { SessionActions, ToolContext, UserMemory } from "../tools/types.js";
import { todayIn } from "./turn-common.js";
import type { OdooClientFactory, OdooUser, TurnRequest } from "./turn-types.js";

export function createToolContexts(deps: {
  store: ConversationStore;
  odooFor: OdooClientFactory;
  /** How long ERP lists (projects, stages, warehouses) are cached per user; 0: not cached. */
  cacheSeconds?: number;
  embed?: Embedder;
}) {
  const cacheSeconds = deps.cacheSeconds ?? 0;

  /** Odoo as this user: the transport the service is configured with, behind the ERP list cache. */
  function odooAs(user: OdooUser, delegation: string): OdooClient {
    const odoo = deps.odooFor(user, delegation);
    return cacheSeconds ? withCache(odoo, { store: deps.store, db: user.db, uid: user.uid, ttlSeconds: cacheSeconds }) : odoo;
  }

  /** `odoo`: given for the bridge (the calls go back to the waiting Odoo request, never a cache). */
  function base(user: OdooUser, delegation: string, meta: CallMeta, odoo?: OdooClient): ToolContext {
    const lang = langOf(user.lang);
    const client = odoo ?? odooAs(user, delegation);
    return {
      odoo: client,
      // the bridge's calls must be the same at each of its steps: no cache there
      labels: selectionLabels(client, { db: user.db, lang: user.lang }, meta, !odoo),
      lang,
      fmt: createFormatter(lang, user.formats),
      meta,
      uid: user.uid,
      today: todayIn(user.tz),
    };
  }

  return {
    odooAs,
    /** A turn's tools: with the user's memory, the session's actions, the mapped models, retrieval. */
    forTurn(request: TurnRequest, meta: CallMeta, extra: { memory: UserMemory; actions: SessionActions; odoo?: OdooClient | undefined }): ToolContext {
      return {
        ...base(request.user, request.delegation, meta, extra.odoo),
        memory: extra.memory,
        actions: extra.actions,
        models: withDefaults(request.models),
        ...(deps.embed ? { embed: deps.embed } : {}),
      };
    },
    /** A card's action (confirm, edit), after the turn's token expired. */
    forAction(user: OdooUser, delegation: string, action: StoredAction, odoo?: OdooClient): ToolContext {
      return base(user, delegation, { tool: action.tool, sessionId: action.session_id, actionId: action.id }, odoo);
    },
    /** A project's PDF. */
    forExport(user: OdooUser, delegation: string, sessionId: string | undefined, odoo?: OdooClient): ToolContext {
      return base(user, delegation, { tool: "export_pdf", ...(sessionId ? { sessionId } : {}) }, odoo);
    },
  };
}

export type ToolContexts = ReturnType<typeof createToolContexts>;
