import { Router } from "express";
import type { TurnService } from "../agent/turn-service.js";
import { AppError } from "../errors.js";
import type { TurnJobs } from "../turns/turn-jobs.js";
import { searchQuerySchema, sessionParamsSchema, sessionUpdateSchema, userQuerySchema } from "./schemas.js";
import { parse } from "./validate.js";

export function sessionsRoutes(turns: TurnService, jobs: TurnJobs): Router {
  const router = Router();
  router.get("/v1/sessions", async (req, res) => {
    const user = parse(userQuerySchema, req.query);
    res.locals.user = user;
    const { q } = parse(searchQuerySchema, req.query);
    res.json({ sessions: await turns.listSessions(user, q) });
  });
  router.post("/v1/sessions/:id/update", async (req, res) => {
    const body = parse(sessionUpdateSchema, req.body);
    res.locals.user = body.user;
    const { id } = parse(sessionParamsSchema, req.params);
    res.json({ session: await turns.updateSession(body.user, id, { title: body.title, pinned: body.pinned }) });
  });
  router.get("/v1/sessions/:id/messages", async (req, res) => {
    const user = parse(userQuerySchema, req.query);
    res.locals.user = user;
    const { id } = parse(sessionParamsSchema, req.params);
    // an answer still being written: the panel follows it from where it is (a reload, a second tab)
    const running = await jobs.running(user, id);
    // a conversation whose first answer has just started is stored by that turn a moment later:
    // a reload in that moment finds the answer running, not "no such conversation"
    const messages = await turns.listMessages(user, id).catch((error: unknown) => {
      if (running && error instanceof AppError && error.code === "not_found:session") return [];
      throw error;
    });
    res.json({ session_id: id, messages, ...(running ? { running_turn: running } : {}) });
  });
  return router;
}
