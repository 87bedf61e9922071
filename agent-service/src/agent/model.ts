import type { BaseMessage } from "@langchain/core/messages";
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { AIMessageChunk } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import { ChatOpenAI } from "@langchain/openai";
import { createProviderFetch } from "./provider-wire.js";

export type ModelConfig = {
  baseUrl: string | undefined;
  apiKey: string;
  model: string;
  timeoutMs: number;
  /** undefined: not sent (the server's default). Default 0. */
  temperature?: number | undefined;
  streamIdleMs?: number;
  maxRetryAfterSeconds?: number;
};

/**
 * What the model client writes on each answer's `response_metadata`, so the agent can tell a whole
 * answer from a cut one: `finish_reason` as the server sent it, and `copilot_cut` when a stream
 * ended without any finish reason (closed before `[DONE]`).
 */
export const CUT_MARK = "copilot_cut";

/**
 * ChatOpenAI that keeps the server's finish reason on the message. LangChain leaves it in the
 * generation's info, out of reach of the agent's middleware, so a stream cut inside a tool call's
 * arguments would look like a whole call (`"quantity": 12` cut to `"quantity": 1`).
 */
class FinishAwareChatOpenAI extends ChatOpenAI {
  override async *_streamResponseChunks(messages: BaseMessage[], options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    let finished = false;
    for await (const chunk of super._streamResponseChunks(messages, options, runManager)) {
      const finish = chunk.generationInfo?.finish_reason as string | undefined;
      if (finish) {
        finished = true;
        chunk.message.response_metadata = { ...chunk.message.response_metadata, finish_reason: finish };
      }
      yield chunk;
    }
    if (!finished && !options.signal?.aborted) {
      yield new ChatGenerationChunk({ text: "", message: new AIMessageChunk({ content: "", response_metadata: { [CUT_MARK]: true } }) });
    }
  }

  override async _generate(messages: BaseMessage[], options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun): Promise<ChatResult> {
    const result = await super._generate(messages, options, runManager);
    for (const generation of result.generations) {
      const finish = generation.generationInfo?.finish_reason as string | undefined;
      if (finish) generation.message.response_metadata = { ...generation.message.response_metadata, finish_reason: finish };
    }
    return result;
  }
}

/**
 * Any OpenAI-compatible endpoint: OpenAI, Azure OpenAI (its /openai/v1 base URL), Ollama, vLLM,
 * LM Studio. Never `streaming: true` here: it makes every call count tokens with tiktoken, which
 * downloads its tables and hangs without internet (see shared/node-stack.md).
 */
export function createChatModel(config: ModelConfig): ChatOpenAI {
  // what real servers send, made into what the client expects (./provider-wire.ts)
  const wireFetch = createProviderFetch({
    temperature: "temperature" in config ? config.temperature : 0,
    idleTimeoutMs: config.streamIdleMs ?? config.timeoutMs,
    maxRetryAfterSeconds: config.maxRetryAfterSeconds ?? 10,
  });
  return new FinishAwareChatOpenAI({
    model: config.model,
    apiKey: config.apiKey,
    timeout: config.timeoutMs,
    maxRetries: 1,
    configuration: { ...(config.baseUrl ? { baseURL: config.baseUrl } : {}), fetch: wireFetch },
  });
}
