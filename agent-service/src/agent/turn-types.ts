/** The shapes a turn and its actions take, shared by the turn runner, the actions and the routes. */
import type { OdooFormats } from "../format.js";
import type { Card, StoredAction, StoredMessage } from "../memory/conversation-store.js";
import type { BridgeCall, BridgeReply } from "../odoo/bridge-client.js";
import type { OdooClient } from "../odoo/odoo-client.js";
import type { ModelRole } from "../odoo/model-map.js";
import type { Runner, TurnContext } from "./runner.js";

export type OdooUser = {
  db: string;
  uid: number;
  name?: string | undefined;
  lang: string;
  tz?: string | undefined;
  company_id?: number | undefined;
  company_ids?: number[] | undefined;
  /** Names the user's database on the agent's calls to Odoo (a session of no user, made by the addon). */
  db_session?: string | undefined;
  /** How the user's Odoo language writes numbers and dates. */
  formats?: OdooFormats | undefined;
};

/** Gives the Odoo client that acts as this user (the gateway with their delegation, or XML-RPC). */
export type OdooClientFactory = (user: OdooUser, delegation: string) => OdooClient;

export type PublicAction = Omit<StoredAction, "plan" | "plan_mac" | "session_id" | "claim" | "claimed_at">;

/** A confirm run through the bridge: Odoo's replies so far, and the claim its first step took. */
export type BridgeState = {
  replies: BridgeReply[];
  claim?: string | undefined;
  /**
   * What a step decided that later steps must decide the same way (which tools the user may
   * use: from the cache, or asked of Odoo), echoed by the addon; signed like the rest.
   */
  memo?: Record<string, unknown> | undefined;
};
/** The next ORM call the waiting Odoo request must run, and the claim to send back with its reply. */
export type BridgeStep = { call: BridgeCall; claim?: string; memo?: Record<string, unknown> };

/** A turn run through the bridge (offline planner): its Odoo, and whether this is its first step. */
export type BridgedRun = {
  odoo: OdooClient;
  firstStep: boolean;
  pending(): BridgeCall | undefined;
  /** What the first step decided, sent back by the addon with each step (see BridgeState.memo). */
  memo: Record<string, unknown>;
};

/** What the administrator set for a tool: confirm first (default for writes), run at once, or never offer it. */
export type ToolMode = "confirm" | "auto" | "off";
export type ToolPolicy = Record<string, ToolMode>;

export type TurnRequest = {
  user: OdooUser;
  /** Given by the caller when it must be known before the turn starts (an asynchronous turn). */
  turnId?: string | undefined;
  delegation: string;
  sessionId: string;
  message: string;
  clientMessageId?: string | undefined;
  policy?: ToolPolicy | undefined;
  /** Which model plays Kit, Ticket, Document, Installation (Settings); left out: Odoo's own. */
  models?: Partial<Record<ModelRole, string | null | undefined>> | undefined;
  /** What the panel shows beside the message (the project chip). */
  context?: TurnContext | undefined;
};
export type PublicMessage = Omit<StoredMessage, "action_ids" | "client_message_id"> & { actions?: PublicAction[] };
export type Step = { tool: string; args: unknown; status: "done" | "proposed" | "clarify" | "failed" };

export type TurnResult = {
  session_id: string;
  message_id: string;
  reply: string;
  actions: PublicAction[];
  steps: Step[];
  mode: Runner["mode"];
  /** The user stopped the turn: `reply` is what was said before. */
  stopped: boolean;
  /** Several records matched a name: each option carries the message that picks it (a choice card). */
  choices: Choice[];
  cards: Card[];
};

export type Choice = { query: string; model: string; options: { id: number; label: string; message: string }[] };

/** What a streamed turn sends as it goes (server-sent events of `POST /v1/turns/stream`). */
export type TurnEvent =
  | { type: "start"; session_id: string; turn_id: string }
  | { type: "text"; text: string }
  /** `label`: what the panel says while it runs, in the user's language (the tool's declaration). */
  | { type: "tool"; tool: string; status: "started" | Step["status"]; label?: string }
  | { type: "action"; action: PublicAction }
  | { type: "card"; card: Card }
  | { type: "done"; result: TurnResult };
