/**
 * Reasoning models served through OpenAI-compatible servers (Qwen3, DeepSeek-R1 via Ollama,
 * llama.cpp, vLLM without a reasoning parser) write their thinking in the answer's text, between
 * `<think>` and `</think>`. That text is for nobody: it is not streamed to the user, not stored,
 * and so never sent back in the next turn's history.
 */
const OPEN = "<think>";
const CLOSE = "</think>";

/** Removes whole `<think>…</think>` blocks, and an unclosed one to the end of the text. */
export function stripThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?(<\/think>|$)/g, "").replace(/^\s+/, "");
}

/**
 * The same, for a stream: `push` takes the next piece of text and returns what may be shown now.
 * A tag may arrive split across pieces ("<thi" + "nk>"), so a piece ending with the start of a tag is
 * held back until the next one tells.
 */
export function createThinkingFilter(): { push(piece: string): string } {
  let inside = false;
  let pending = "";
  let atStart = true;
  return {
    push(piece) {
      let text = pending + piece;
      pending = "";
      let out = "";
      while (text) {
        const tag = inside ? CLOSE : OPEN;
        const at = text.indexOf(tag);
        if (at >= 0) {
          if (!inside) out += text.slice(0, at);
          text = text.slice(at + tag.length);
          inside = !inside;
          continue;
        }
        const keep = partialTagAtEnd(text, tag);
        if (!inside) out += text.slice(0, text.length - keep);
        pending = text.slice(text.length - keep);
        text = "";
      }
      // The answer is trimmed: no blank lines before its first word (those after a thinking block).
      if (atStart) out = out.replace(/^\s+/, "");
      if (out) atStart = false;
      return out;
    },
  };
}

/** How many characters at the end of `text` could begin `tag`. */
function partialTagAtEnd(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length -= 1) {
    if (tag.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}
