/**
 * A small reader of server-sent events (the `text/event-stream` format of the HTML standard),
 * fed with chunks that may split a line, or a `\r\n`, anywhere. Only what the copilot's stream
 * uses is kept: `event` and `data` fields; `id` and `retry` are ignored (no reconnection), and
 * lines starting with `:` are comments (the keep-alives sent every 10 s).
 */

export interface SseEvent {
  /** The `event:` field, "message" when there is none. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
}

export interface SseParser {
  /** Feeds decoded text; complete events are passed to `onEvent` at once. */
  push(chunk: string): void;
  /** The stream ended: an event not closed by a blank line is dropped, as browsers do. */
  end(): void;
}

export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let buffer = "";
  let started = false;
  let eventName = "";
  let data: string[] = [];

  function dispatch(): void {
    if (data.length) {
      onEvent({ event: eventName || "message", data: data.join("\n") });
    }
    eventName = "";
    data = [];
  }

  function line(text: string): void {
    if (text === "") {
      dispatch();
      return;
    }
    if (text.startsWith(":")) {
      return; // a comment: keep-alive
    }
    const colon = text.indexOf(":");
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) {
      value = value.slice(1);
    }
    if (field === "event") {
      eventName = value;
    } else if (field === "data") {
      data.push(value);
    }
  }

  /** Takes every complete line out of the buffer; a final `\r` waits: a `\n` may follow it. */
  function drain(final: boolean): void {
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const ch = buffer[i];
      if (ch !== "\n" && ch !== "\r") {
        continue;
      }
      if (ch === "\r" && i === buffer.length - 1 && !final) {
        break;
      }
      line(buffer.slice(start, i));
      if (ch === "\r" && buffer[i + 1] === "\n") {
        i++;
      }
      start = i + 1;
    }
    buffer = buffer.slice(start);
  }

  return {
    push(chunk: string): void {
      if (!started && chunk) {
        started = true;
        chunk = chunk.replace(/^\uFEFF/, "");
      }
      buffer += chunk;
      drain(false);
    },
    end(): void {
      drain(true);
      buffer = "";
      eventName = "";
      data = [];
    },
  };
}

/** Reads a response body to its end, passing each event on as soon as it is complete. */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: (event: SseEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = createSseParser(onEvent);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
    parser.end();
  } finally {
    reader.releaseLock();
  }
}
