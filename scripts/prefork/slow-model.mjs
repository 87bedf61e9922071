#!/usr/bin/env node
// A slow OpenAI-compatible model for the production checks (docs/production.md): every answer
// takes DELAY_MS (3 s by default). Asked with the user's message last, it calls create_quotation
// for the customer and product the message names (as "... pour <customer> avec <n> <product>"),
// or get_stock for "... stock of <product>?";
// given a tool result, it answers one sentence. Stream and non-stream answers.
// CUT=length|eof cuts every streamed tool call right after the first digit of its quantity ("12"
// sent as "1"), ending with finish_reason "length" or closing the stream before [DONE].
// THINK=1 writes a reasoning model's <think>…</think> block before every answer (Qwen3, DeepSeek-R1).
// SHAPE= what a local server sends instead of OpenAI's wire format (issue "The model path"):
//   ollama: tool-call arguments as a JSON object; textcall: the call written as the answer's text
//   (Hermes/Qwen <tool_call>…</tool_call>); norole: deltas without role; json: one JSON body
//   although stream: true was asked.
//   PORT=8099 DELAY_MS=3000 [CUT=length] [THINK=1] [SHAPE=ollama] node scripts/prefork/slow-model.mjs
import { createServer } from "node:http";

const port = Number(process.env.PORT ?? 8099);
const delay = Number(process.env.DELAY_MS ?? 3000);
const wordMs = Number(process.env.WORD_MS ?? 150);
const cut = process.env.CUT;
const shape = process.env.SHAPE ?? "";
const think = process.env.THINK ? "<think>\nSECRET-REASONING: the user wants something; I will answer.\n</think>\n\n" : "";
let id = 0;

function decide(request) {
  const last = request.messages.at(-1);
  if (last?.role === "tool") return { content: "Voici le devis proposé : confirmez-le pour le créer." };
  const text = typeof last?.content === "string" ? last.content : JSON.stringify(last?.content ?? "");
  const stock = /stock of (.+?)\??$/i.exec(text.trim());
  if (stock) return { toolCalls: [{ name: "get_stock", args: { product: stock[1] } }] };
  const match = /pour (.+?) avec (\d+) (.+?)$/i.exec(text.trim());
  if (!match) {
    // anything else: a long answer, streamed a word at a time (WORD_MS apart)
    return { content: "Voici un résumé de la semaine : " + Array.from({ length: 40 }, (_, i) => `point ${i + 1} traité,`).join(" ") + " et c'est tout." };
  }
  return { toolCalls: [{ name: "create_quotation", args: { customer: match[1], lines: [{ product: match[3], quantity: Number(match[2]) }] } }] };
}

createServer((req, res) => {
  let raw = "";
  req.on("data", (chunk) => (raw += chunk));
  req.on("end", () => {
    if (!req.url?.endsWith("/chat/completions")) return res.writeHead(404).end();
    const request = JSON.parse(raw);
    let decided = decide(request);
    if (shape === "textcall" && decided.toolCalls) {
      decided = { content: decided.toolCalls.map((call) => `<tool_call>\n${JSON.stringify({ name: call.name, arguments: call.args })}\n</tool_call>`).join("\n") };
    }
    const reply = think ? { ...decided, content: think + (decided.content ?? "") } : decided;
    setTimeout(() => {
      const n = ++id;
      const toolCalls = (reply.toolCalls ?? []).map((call, index) => ({ index, id: `call_${n}_${index}`, type: "function", function: { name: call.name, arguments: shape === "ollama" ? call.args : JSON.stringify(call.args) } }));
      const role = shape === "norole" ? {} : { role: "assistant" };
      const usage = { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 };
      if (!request.stream || shape === "json") {
        res.writeHead(200, { "Content-Type": "application/json" });
        return res.end(JSON.stringify({ id: `r${n}`, object: "chat.completion", created: 0, model: request.model, choices: [{ index: 0, finish_reason: toolCalls.length ? "tool_calls" : "stop", message: { ...role, content: reply.content ?? null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) } }], usage }));
      }
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      const chunk = (delta, finish = null) => res.write(`data: ${JSON.stringify({ id: `r${n}`, object: "chat.completion.chunk", created: 0, model: request.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
      const end = () => {
        chunk({}, toolCalls.length ? "tool_calls" : "stop");
        if (request.stream_options?.include_usage) res.write(`data: ${JSON.stringify({ id: `r${n}`, object: "chat.completion.chunk", created: 0, model: request.model, choices: [], usage })}\n\n`);
        res.end("data: [DONE]\n\n");
      };
      if (toolCalls.length && cut) {
        const args = toolCalls[0].function.arguments;
        const at = /"quantity":\d/.exec(args);
        const partial = { ...toolCalls[0], function: { ...toolCalls[0].function, arguments: at ? args.slice(0, at.index + at[0].length) : args.slice(0, args.length >> 1) } };
        chunk({ role: "assistant", content: "", tool_calls: [partial] });
        if (cut === "eof") return res.end();
        chunk({}, "length");
        return res.end("data: [DONE]\n\n");
      }
      if (toolCalls.length) {
        chunk({ ...role, content: reply.content ?? "", tool_calls: toolCalls });
        return end();
      }
      const words = (reply.content ?? "").split(/(?<= )/);
      chunk({ ...role, content: "" });
      let index = 0;
      const next = () => {
        if (res.destroyed) return;
        if (index >= words.length) return end();
        chunk({ ...role, content: words[index++] });
        setTimeout(next, wordMs);
      };
      next();
    }, delay);
  });
}).listen(port, "127.0.0.1", () => console.log(`slow model on http://127.0.0.1:${port}/v1 (${delay} ms an answer)`));
