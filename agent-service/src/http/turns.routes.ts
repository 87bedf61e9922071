import { Router } from "express";
import type { TurnService } from "../agent/turn-service.js";
import { turnBodySchema } from "./schemas.js";
import { parse } from "./validate.js";

export function turnsRoutes(turns: TurnService): Router {
  const router = Router();
  router.post("/v1/turns", async (req, res) => {
    const body = parse(turnBodySchema, req.body);
    res.locals.user = body.user;
    const result = await turns.runTurn({
      user: body.user,
      delegation: body.delegation,
      sessionId: body.session_id,
      message: body.message,
      clientMessageId: body.client_message_id,
    });
    res.json(result);
  });
  return router;
}
