import { z } from "zod";
import { modelMapSchema } from "../odoo/model-map.js";

export const odooUserSchema = z.object({
  db: z.string().min(1).max(128),
  uid: z.coerce.number().int().positive(),
  name: z.string().max(256).optional(),
  lang: z.string().max(16).default("en_US"),
  tz: z.string().max(64).optional(),
  company_id: z.number().int().positive().optional(),
  company_ids: z.array(z.number().int().positive()).max(100).optional(),
  /** A session of the user's database and of no user: what names the database on the agent's calls to Odoo. */
  db_session: z.string().regex(/^[\w-]{1,128}$/).optional(),
  formats: z
    .object({
      date: z.string().max(32).optional(),
      time: z.string().max(32).optional(),
      decimal_point: z.string().max(4).optional(),
      thousands_sep: z.string().max(4).optional(),
      grouping: z.string().max(32).optional(),
    })
    .optional(),
});

/** The administrator's policy for this user, per tool (from the addon's Settings); absent tools keep the defaults. */
export const toolPolicySchema = z.record(z.string().max(64), z.enum(["confirm", "auto", "off"]));

const sessionId = z.string().regex(/^[\w-]{8,64}$/, "must be 8 to 64 letters, digits, _ or -");
const actionId = z.string().regex(/^act_[\w-]{8,64}$/, "is not an action id");

export const MAX_MESSAGE_CHARS = 8000;

export const turnBodySchema = z.object({
  user: odooUserSchema,
  delegation: z.string().min(1).max(4096),
  session_id: sessionId,
  /** Named by the addon, which bound the delegation token to it; else the agent names it. */
  turn_id: z.string().regex(/^turn_[\w-]{8,64}$/, "is not a turn id").optional(),
  message: z.string().trim().min(1).max(MAX_MESSAGE_CHARS),
  client_message_id: z.string().max(128).optional(),
  tools: toolPolicySchema.optional(),
  /** Which model plays Kit, Ticket, Document, Installation (the addon's Settings); absent: Odoo's own. */
  models: modelMapSchema.optional(),
  /** An offline turn may run in the waiting request (the bridge, see below). */
  bridge: z.lazy(() => bridgeSchema).optional(),
  /** What the panel shows beside the message: the project chip (data, never parsed from the text). */
  context: z
    .object({
      project: z.object({ id: z.number().int().positive(), name: z.string().trim().min(1).max(200) }).optional(),
      /** The screen the user looks at in Odoo: its model and the records open or selected ("this customer"). */
      screen: z
        .object({
          model: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, "is not a model name").max(128),
          ids: z.array(z.number().int().positive()).max(100),
        })
        .optional(),
    })
    .optional(),
});

/**
 * The bridge (docs/production.md): the Odoo request waiting for this answer runs the agent's ORM
 * calls itself and sends their replies back, in order. Absent: the agent calls Odoo itself.
 */
export const bridgeSchema = z.object({
  replies: z
    .array(
      z.object({
        key: z.string().max(64),
        result: z.unknown().optional(),
        error: z.object({ name: z.string().max(200).optional(), message: z.string().max(4000) }).optional(),
      }),
    )
    .max(60),
  claim: z.string().max(64).optional(),
  /** What the first step decided, echoed as the agent sent it. */
  memo: z.record(z.string().max(32), z.unknown()).optional(),
});

export const actionBodySchema = z.object({
  user: odooUserSchema,
  delegation: z.string().min(1).max(4096).optional(),
  tools: toolPolicySchema.optional(),
  bridge: bridgeSchema.optional(),
});

/** "Edit quantities" on a proposed quotation: one quantity per line of its preview, 0 drops the line. */
export const reviseBodySchema = z.object({
  user: odooUserSchema,
  delegation: z.string().min(1).max(4096).optional(),
  quantities: z.array(z.number().min(0).max(1_000_000)).min(1).max(100),
  bridge: bridgeSchema.optional(),
});

export const stopBodySchema = z.object({ user: odooUserSchema });

export const turnParamsSchema = z.object({ id: z.string().regex(/^turn_[\w-]{8,64}$/, "is not a turn id") });
export const turnQuerySchema = odooUserSchema.pick({ db: true, uid: true, lang: true }).extend({
  after: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const actionParamsSchema = z.object({ id: actionId });
export const sessionParamsSchema = z.object({ id: sessionId });
export const memoryParamsSchema = z.object({ id: z.string().regex(/^mem_[\w-]{8,64}$/, "is not a memory id") });
export const userQuerySchema = odooUserSchema.pick({ db: true, uid: true, lang: true });
export const exportPdfBodySchema = z
  .object({
    user: odooUserSchema,
    delegation: z.string().min(1).max(4096).optional(),
    session_id: sessionId.optional(),
    project_id: z.number().int().positive().optional(),
    bridge: bridgeSchema.optional(),
  })
  .refine((body) => body.session_id || body.project_id, { message: "session_id or project_id is needed" });

export const webhookBodySchema = z.object({
  db: z.string().min(1).max(128),
  models: z.array(z.string().regex(/^[a-z0-9_.]{1,64}$/)).min(1).max(20),
});
/** The addon reports the newest entry of its action log's hash chain (kept here, outside its database). */
export const anchorBodySchema = z.object({
  db: z.string().min(1).max(128),
  id: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, "is not a SHA-256 hex digest"),
});
export const anchorQuerySchema = z.object({ db: z.string().min(1).max(128) });
export const searchQuerySchema = z.object({ q: z.string().trim().max(200).optional() });
export const sessionUpdateSchema = z.object({
  user: odooUserSchema,
  title: z.string().trim().min(1).max(200).optional(),
  pinned: z.boolean().optional(),
});
