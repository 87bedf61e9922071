import { Router } from "express";
import type { TurnService } from "../agent/turn-service.js";
import { anchorBodySchema, anchorQuerySchema, exportPdfBodySchema, memoryParamsSchema, sessionParamsSchema, stopBodySchema, userQuerySchema, webhookBodySchema } from "./schemas.js";
import { parse } from "./validate.js";

/** What the copilot keeps about a user: memories to list and delete, history to export or delete. */
export function memoryRoutes(turns: TurnService): Router {
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
    res.json({ deleted: true });
  });
  router.get("/v1/export", async (req, res) => {
    const user = parse(userQuerySchema, req.query);
    res.locals.user = user;
    res.json(await turns.exportHistory(user));
  });
  /** A PDF of a conversation (session_id) or of a project's summary (project_id), for download. */
  router.post("/v1/export/pdf", async (req, res) => {
    const body = parse(exportPdfBodySchema, req.body);
    res.locals.user = body.user;
    const pdf = await turns.exportPdf({ user: body.user, delegation: body.delegation, sessionId: body.session_id, projectId: body.project_id });
    res.set("Content-Type", "application/pdf").set("Content-Disposition", `attachment; filename="${body.project_id ? "project" : "conversation"}.pdf"`).send(pdf);
  });
  router.post("/v1/history/delete", async (req, res) => {
    const { user } = parse(stopBodySchema, req.body);
    res.locals.user = user;
    await turns.deleteHistory(user);
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
