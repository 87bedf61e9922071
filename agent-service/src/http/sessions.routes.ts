import { Router } from "express";
import type { TurnService } from "../agent/turn-service.js";
import { sessionParamsSchema, userQuerySchema } from "./schemas.js";
import { parse } from "./validate.js";

export function sessionsRoutes(turns: TurnService): Router {
  const router = Router();
  router.get("/v1/sessions", async (req, res) => {
    const user = parse(userQuerySchema, req.query);
    res.locals.user = user;
    res.json({ sessions: await turns.listSessions(user) });
  });
  router.get("/v1/sessions/:id/messages", async (req, res) => {
    const user = parse(userQuerySchema, req.query);
    res.locals.user = user;
    const { id } = parse(sessionParamsSchema, req.params);
    res.json({ session_id: id, messages: await turns.listMessages(user, id) });
  });
  return router;
}
