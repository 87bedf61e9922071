import { Router } from "express";
import type { TurnService } from "../agent/turn-service.js";
import { AppError } from "../errors.js";
import { actionBodySchema, actionParamsSchema, reviseBodySchema } from "./schemas.js";
import { parse } from "./validate.js";

/**
 * A card's buttons. With `bridge` (what the addon sends), the ORM calls run in the Odoo request
 * that waits for the answer: an answer `{call, claim?}` asks it to run one and post again with
 * its reply (odoo/bridge-client.ts). Without, the agent calls Odoo itself with `delegation`.
 */
export function actionsRoutes(turns: TurnService): Router {
  const router = Router();
  router.post("/v1/actions/:id/confirm", async (req, res) => {
    const body = parse(actionBodySchema, req.body);
    res.locals.user = body.user;
    const { id } = parse(actionParamsSchema, req.params);
    if (body.bridge) {
      res.json(await turns.confirmBridged({ user: body.user, actionId: id, policy: body.tools, bridge: body.bridge }));
      return;
    }
    res.json({ action: await turns.confirm({ user: body.user, delegation: needDelegation(body.delegation), actionId: id, policy: body.tools }) });
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
    const request = { user: body.user, delegation: body.delegation ?? "", actionId: id, quantities: body.quantities };
    if (body.bridge) {
      const outcome = await turns.viaBridge(body.user, body.bridge, (odoo) => turns.revise(request, odoo));
      res.json("call" in outcome ? outcome : { action: outcome.value });
      return;
    }
    needDelegation(body.delegation);
    res.json({ action: await turns.revise(request) });
  });
  return router;
}

export function needDelegation(delegation: string | undefined): string {
  if (!delegation) throw new AppError("bad_request:body", { detail: "delegation or bridge is needed" });
  return delegation;
}
