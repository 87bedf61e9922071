import { describe, expect, it } from "vitest";

import { createSseParser, readSse, type SseEvent } from "../src/api/sse";

function parseInChunks(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  chunks.forEach((chunk) => parser.push(chunk));
  parser.end();
  return events;
}

/** Every way to cut `text` in two, and in single characters. */
function splits(text: string): string[][] {
  const ways = [[text], [...text]];
  for (let at = 1; at < text.length; at++) {
    ways.push([text.slice(0, at), text.slice(at)]);
  }
  return ways;
}

const STREAM = [
  'event: start\ndata: {"session_id":"s1","turn_id":"t1"}\n\n',
  ": ping\n\n",
  'event: text\ndata: {"text":"Bonjour, "}\n\n',
  'event: text\r\ndata: {"text":"ça va ?"}\r\n\r\n',
  'event: done\rdata: {"reply":"Bonjour, ça va ?"}\r\r',
].join("");

const EXPECTED: SseEvent[] = [
  { event: "start", data: '{"session_id":"s1","turn_id":"t1"}' },
  { event: "text", data: '{"text":"Bonjour, "}' },
  { event: "text", data: '{"text":"ça va ?"}' },
  { event: "done", data: '{"reply":"Bonjour, ça va ?"}' },
];

describe("the server-sent events parser", () => {
  it("gives the same events wherever the chunks are split (\\n, \\r\\n and \\r line ends)", () => {
    for (const chunks of splits(STREAM)) {
      expect(parseInChunks(chunks), JSON.stringify(chunks)).toEqual(EXPECTED);
    }
  });

  it("ignores keep-alive comments, even between the lines of an event", () => {
    expect(parseInChunks([": ping\n\n", ": ping\n", "event: text\n: ping\ndata: {}\n\n", ":\n\n"])).toEqual([
      { event: "text", data: "{}" },
    ]);
  });

  it("joins multi-line data with newlines and strips one space after the colon", () => {
    expect(parseInChunks(["event: text\ndata: line 1\ndata:line 2\ndata:  indented\ndata\n\n"])).toEqual([
      { event: "text", data: "line 1\nline 2\n indented\n" },
    ]);
  });

  it("names an event without `event:` message, skips events without data and unknown fields", () => {
    expect(parseInChunks(["data: x\n\n", "event: empty\n\n", "id: 4\nretry: 10\nevent: a\ndata: y\n\n"])).toEqual([
      { event: "message", data: "x" },
      { event: "a", data: "y" },
    ]);
  });

  it("drops an event the stream did not finish, and a leading byte order mark", () => {
    expect(parseInChunks(["\uFEFFevent: a\ndata: 1\n\n", "event: b\ndata: 2\n"])).toEqual([{ event: "a", data: "1" }]);
  });

  it("reads a byte stream, UTF-8 characters split between chunks included", async () => {
    const bytes = new TextEncoder().encode(STREAM);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // One byte at a time: "ç" (2 bytes) arrives in two reads.
        for (const byte of bytes) {
          controller.enqueue(Uint8Array.of(byte));
        }
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    await readSse(body, (event) => events.push(event));
    expect(events).toEqual(EXPECTED);
  });
});
