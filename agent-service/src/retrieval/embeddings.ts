/** Turns texts into vectors (an OpenAI-compatible `/embeddings` endpoint), for semantic ranking. */
export type Embedder = (texts: string[]) => Promise<number[][]>;

export type EmbeddingsConfig = { baseUrl: string; apiKey: string; model: string; timeoutMs: number };

const BATCH = 96;

/** Plain HTTP on purpose: no tokenizer download, no SDK batching rules; inputs are cut to 2,000 chars. */
export function createEmbedder(config: EmbeddingsConfig, doFetch: typeof fetch = fetch): Embedder {
  const url = `${config.baseUrl.replace(/\/+$/, "")}/embeddings`;
  return async (texts) => {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += BATCH) {
      const input = texts.slice(start, start + BATCH).map((text) => text.slice(0, 2_000));
      const response = await doFetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${config.apiKey}` },
        body: JSON.stringify({ model: config.model, input }),
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      if (!response.ok) throw new Error(`embeddings endpoint answered HTTP ${response.status}`);
      const answer = (await response.json()) as { data: { index: number; embedding: number[] }[] };
      const batch = [...answer.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
      vectors.push(...batch);
    }
    return vectors;
  };
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** The passages closest in meaning to the query, best first. */
export async function rankByEmbeddings<T extends { text: string }>(embed: Embedder, query: string, passages: T[], limit: number): Promise<(T & { score: number })[]> {
  if (!passages.length) return [];
  const [queryVector, ...vectors] = await embed([query, ...passages.map((passage) => passage.text)]);
  return passages
    .map((passage, index) => ({ ...passage, score: cosine(queryVector!, vectors[index]!) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}
