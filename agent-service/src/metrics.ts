import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Prometheus metrics of the service: turns, model and tool latencies, tokens, errors. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "copilot_" });
  const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
  return {
    registry,
    turnSeconds: new Histogram({ name: "copilot_turn_seconds", help: "Duration of a turn", labelNames: ["mode", "outcome"], buckets, registers: [registry] }),
    modelSeconds: new Histogram({ name: "copilot_model_call_seconds", help: "Duration of one model call", buckets, registers: [registry] }),
    toolSeconds: new Histogram({ name: "copilot_tool_seconds", help: "Duration of one tool run (its Odoo calls)", labelNames: ["tool", "status"], buckets, registers: [registry] }),
    tokens: new Counter({ name: "copilot_model_tokens_total", help: "Model tokens, in (prompt) and out (completion)", labelNames: ["direction"], registers: [registry] }),
    mcpCalls: new Counter({ name: "copilot_mcp_calls_total", help: "MCP requests, by client (its key's name) and outcome", labelNames: ["client", "method", "outcome"], registers: [registry] }),
    errors: new Counter({ name: "copilot_errors_total", help: "Requests answered with an error, by code", labelNames: ["code"], registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
