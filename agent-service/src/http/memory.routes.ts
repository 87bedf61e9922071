import { Router } from "express";
import type { TurnService } from "../agent/turn-service.js";
import type { TurnJobs } from "../turns/turn-jobs.js";
import { needDelegation } from "./actions.routes.js";
import { anchorBodySchema, anchorQuerySchema, exportPdfBodySchema, memoryParamsSchema, sessionParamsSchema, stopBodySchema, userQuerySchema, webhookBodySchema } from "./schemas.js";
import { parse } from "./validate.js";

/** What the copilot keeps about a user: memories to list and delete, history to export or delete. */
export function memoryRoutes(turns: TurnService, jobs: TurnJobs): Router {
  const router = Router();
  router.get("/v1/memories", async (req, res) => {
    const user = parse(userQuerySchema, req.query);
    res.locals.user = user;
    res.json({ memories: await turns.listMemories(user) });
  });
  router.post("/v1/memories/:id/delete", async (req, res) => {
    const { user } = parse(stopBodySchema, req.body);
    res.locals.user = user;
    const { id } = parse(memoryParamsSchema, req.params);
    await turns.deleteMemory(user, id);
    res.json({ deleted: true });
  });
  router.post("/v1/sessions/:id/delete", async (req, res) => {
    const { user } = parse(stopBodySchema, req.body);
    res.locals.user = user;
    const { id } = parse(sessionParamsSchema, req.params);
    await turns.deleteSession(user, id);
    await jobs.deleteSession(user, id);
    res.json({ deleted: true });
  });
  router.get("/v1/export", async (req, res) => {
    const user = parse(userQuerySchema, req.query);
    res.locals.user = user;
    const exported = await turns.exportHistory(user);
    // the events of recent turns are kept a while beside the messages: they are the user's too
    const conversations = [];
    for (const conversation of exported.conversations) conversations.push({ ...conversation, turns: await jobs.exportSession(user, conversation.id) });
    res.json({ ...exported, conversations });
  });
  /** A PDF of a conversation (session_id) or of a project's summary (project_id), for download. */
  router.post("/v1/export/pdf", async (req, res) => {
    const body = parse(exportPdfBodySchema, req.body);
    res.locals.user = body.user;
    const request = { user: body.user, delegation: body.delegation ?? "", sessionId: body.session_id, projectId: body.project_id };
    let pdf: Buffer;
    if (body.bridge) {
      const outcome = await turns.viaBridge(body.user, body.bridge, (odoo) => turns.exportPdf(request, odoo));
      if ("call" in outcome) {
        res.json(outcome);
        return;
      }
      pdf = outcome.value;
    } else {
      if (body.project_id) needDelegation(body.delegation);
      pdf = await turns.exportPdf(request);
    }
    res.set("Content-Type", "application/pdf").set("Content-Disposition", `attachment; filename="${body.project_id ? "project" : "conversation"}.pdf"`).send(pdf);
  });
  router.post("/v1/history/delete", async (req, res) => {
    const { user } = parse(stopBodySchema, req.body);
    res.locals.user = user;
    await turns.deleteHistory(user);
    await jobs.deleteAll(user);
    res.json({ deleted: true });
  });
  /** Odoo's signed webhook: records of these models changed (create/write/unlink), cached lists are stale. */
  router.post("/v1/webhooks/odoo", async (req, res) => {
    const { db, models } = parse(webhookBodySchema, req.body);
    for (const model of models) await turns.invalidate(db, model);
    res.json({ ok: true });
  });
  /**
   * The action log's anchor: Odoo reports its chain's newest entry after each commit; its
   * "Verify" asks for it back. Someone who can rewrite Odoo's database (and recompute the
   * chain, or drop its newest entries) cannot rewrite this copy.
   */
  router.post("/v1/audit/anchor", async (req, res) => {
    const { db, id, hash } = parse(anchorBodySchema, req.body);
    res.json({ anchor: await turns.advanceAnchor(db, { id, hash, at: new Date().toISOString() }) });
  });
  router.get("/v1/audit/anchor", async (req, res) => {
    const { db } = parse(anchorQuerySchema, req.query);
    res.json({ anchor: (await turns.getAnchor(db)) ?? null });
  });
  return router;
}
