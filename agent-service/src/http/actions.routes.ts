import { Router } from "express";
import type { TurnService } from "../agent/turn-service.js";
import { actionBodySchema, actionParamsSchema, reviseBodySchema } from "./schemas.js";
import { parse } from "./validate.js";

export function actionsRoutes(turns: TurnService): Router {
  const router = Router();
  router.post("/v1/actions/:id/confirm", async (req, res) => {
    const body = parse(actionBodySchema, req.body);
    res.locals.user = body.user;
    const { id } = parse(actionParamsSchema, req.params);
    res.json({ action: await turns.confirm({ user: body.user, delegation: body.delegation, actionId: id, policy: body.tools }) });
  });
  router.post("/v1/actions/:id/reject", async (req, res) => {
    const body = parse(actionBodySchema, req.body);
    res.locals.user = body.user;
    const { id } = parse(actionParamsSchema, req.params);
    res.json({ action: await turns.reject({ user: body.user, actionId: id }) });
  });
  router.post("/v1/actions/:id/revise", async (req, res) => {
    const body = parse(reviseBodySchema, req.body);
    res.locals.user = body.user;
    const { id } = parse(actionParamsSchema, req.params);
    res.json({ action: await turns.revise({ user: body.user, delegation: body.delegation, actionId: id, quantities: body.quantities }) });
  });
  return router;
}
