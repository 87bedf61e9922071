import { z } from "zod";
import { contractJsonSchema } from "../contract/contract.js";
import { catalog, parametersOf } from "../tools/index.js";
import { actionBodySchema, anchorBodySchema, stopBodySchema, turnBodySchema, userQuerySchema } from "./schemas.js";

/**
 * The agent's HTTP API as OpenAPI 3.1, generated: requests from the same zod schemas that validate
 * them, answers from the contract (src/contract/contract.ts), each tool's arguments from its
 * declaration (`Tool_<name>`).
 */
export function openApiDocument(): Record<string, unknown> {
  const defs = (contractJsonSchema().$defs ?? {}) as Record<string, unknown>;
  const schemas: Record<string, unknown> = JSON.parse(JSON.stringify(defs).replaceAll('"#/$defs/', '"#/components/schemas/'));
  for (const tool of catalog) schemas[`Tool_${tool.name}`] = { ...parametersOf(tool.name), description: tool.description.en };
  const json = (schema: string, description: string) => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } } });
  const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: z.toJSONSchema(schema, { io: "input" }) } } });
  const signed = [{ copilotSignature: [] }];
  const error = { description: "An error: `{error: {code, message}}`, the message translated for the user" };
  const query = Object.keys(userQuerySchema.shape).map((name) => ({ name, in: "query", required: name !== "lang", schema: { type: name === "uid" ? "integer" : "string" } }));
  const id = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
  return {
    openapi: "3.1.0",
    info: { title: "Odoo Copilot agent service", version: "1", description: "Called by the Odoo addon only; see docs/contract.md." },
    components: {
      schemas,
      securitySchemes: {
        copilotSignature: {
          type: "apiKey",
          in: "header",
          name: "X-Copilot-Signature",
          description: "sha256=HMAC(secret, timestamp\\nnonce\\nMETHOD\\npath\\nbody), with X-Copilot-Timestamp and X-Copilot-Nonce",
        },
      },
    },
    paths: {
      "/v1/turns": { post: { summary: "One user message → the reply and proposed actions", security: signed, requestBody: body(turnBodySchema), responses: { 200: json("TurnResult", "The turn"), 400: error, 401: error, 429: error, 503: error } } },
      "/v1/turns/start": { post: { summary: "Start a turn: answers at once with its id (its events are read with GET /v1/turns/{id})", security: signed, requestBody: body(turnBodySchema), responses: { 202: { description: "{session_id, turn_id, status}" }, 200: { description: "{session_id, turn_id, status, result} when already done" }, 400: error, 429: error } } },
      "/v1/turns/{id}": { get: { summary: "A turn's status and its events after `after` (each a TurnEvent with its seq)", security: signed, parameters: [id("id"), ...query, { name: "after", in: "query", required: false, schema: { type: "integer" } }], responses: { 200: { description: "{status, events: TurnEvent[], result?: TurnResult}" }, 404: error } } },
      "/v1/turns/stream": { post: { summary: "The same turn as server-sent events", security: signed, requestBody: body(turnBodySchema), responses: { 200: { description: "text/event-stream: start, text, tool, action, done | error" } } } },
      "/v1/actions/{id}/confirm": { post: { summary: "Run exactly what the card showed, once", security: signed, parameters: [id("id")], requestBody: body(actionBodySchema), responses: { 200: { description: "{action}" }, 403: error, 404: error, 409: error } } },
      "/v1/actions/{id}/reject": { post: { summary: "Cancel a proposed action", security: signed, parameters: [id("id")], requestBody: body(actionBodySchema), responses: { 200: { description: "{action}" }, 404: error, 409: error } } },
      "/v1/sessions": { get: { summary: "The user's conversations, most recent first", security: signed, parameters: query, responses: { 200: { description: "{sessions}" } } } },
      "/v1/sessions/{id}/messages": { get: { summary: "A conversation's messages with their actions", security: signed, parameters: [id("id"), ...query], responses: { 200: { description: "{session_id, messages}" }, 404: error } } },
      "/v1/sessions/{id}/stop": { post: { summary: "Stop the turn running in this conversation", security: signed, parameters: [id("id")], requestBody: body(stopBodySchema), responses: { 200: { description: "{stopped}" } } } },
      "/v1/audit/anchor": {
        post: { summary: "Odoo reports the newest entry of its action log's hash chain (moves forward only)", security: signed, requestBody: body(anchorBodySchema), responses: { 200: { description: "{anchor: {id, hash, at}} (the one held)" }, 400: error, 401: error } },
        get: { summary: "The anchor held for a database, for Odoo's Verify", security: signed, parameters: [{ name: "db", in: "query", required: true, schema: { type: "string" } }], responses: { 200: { description: "{anchor: {id, hash, at} | null}" } } },
      },
      "/v1/tools": { get: { summary: "The tool catalog, for the addon's Settings", security: signed, parameters: query, responses: { 200: { description: "{tools}" } } } },
      "/healthz": { get: { summary: "The process answers", responses: { 200: { description: "{ok: true}" } } } },
      "/readyz": { get: { summary: "Redis answers", responses: { 200: { description: "{ok: true}" }, 503: { description: "{ok: false}" } } } },
      "/metrics": { get: { summary: "Prometheus metrics", responses: { 200: { description: "text/plain" } } } },
    },
  };
}
