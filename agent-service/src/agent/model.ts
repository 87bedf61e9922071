import { ChatOpenAI } from "@langchain/openai";

export type ModelConfig = { baseUrl: string | undefined; apiKey: string; model: string; timeoutMs: number };

/**
 * Any OpenAI-compatible endpoint: OpenAI, Azure OpenAI (its /openai/v1 base URL), Ollama, vLLM,
 * LM Studio. Never `streaming: true` here: it makes every call count tokens with tiktoken, which
 * downloads its tables and hangs without internet (see shared/node-stack.md).
 */
export function createChatModel(config: ModelConfig): ChatOpenAI {
  return new ChatOpenAI({
    model: config.model,
    apiKey: config.apiKey,
    temperature: 0,
    timeout: config.timeoutMs,
    maxRetries: 1,
    configuration: config.baseUrl ? { baseURL: config.baseUrl } : {},
  });
}
