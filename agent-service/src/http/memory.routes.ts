import { Router } from "express";
import type { TurnService } from "../agent/turn-service.js";
import { exportPdfBodySchema, memoryParamsSchema, sessionParamsSchema, stopBodySchema, userQuerySchema, webhookBodySchema } from "./schemas.js";
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
  return router;
}
