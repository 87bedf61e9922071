import type { Redis } from "ioredis";
import type { Logger } from "../logger.js";
import type { Owner } from "../memory/conversation-store.js";

/** A Stop pressed in a session, as every agent process hears it. */
export type StopMessage = Owner & { sessionId: string };

/**
 * Stop reaches the process that runs the turn, whichever replica received it: the request is
 * published on a Redis channel every process listens to, and each one aborts the turns of that
 * session it runs. (A process-local map alone misses the turn half the time behind a load balancer.)
 */
export function createStopBus<Message = StopMessage>(options: { publisher: Redis; subscriber: Redis; channel?: string; logger: Logger }) {
  const channel = options.channel ?? "copilot:stop";
  const listeners = new Set<(message: Message) => void>();
  let subscribed: Promise<unknown> | undefined;

  options.subscriber.on("message", (from: string, raw: string) => {
    if (from !== channel) return;
    let message: Message;
    try {
      message = JSON.parse(raw) as Message;
    } catch {
      return;
    }
    for (const listener of listeners) listener(message);
  });

  return {
    /** Starts listening (once); resolves when the subscription is in place. */
    listen(listener: (message: Message) => void): Promise<unknown> {
      listeners.add(listener);
      subscribed ??= options.subscriber.subscribe(channel).catch((error: unknown) => {
        subscribed = undefined;
        options.logger.warn({ err: error }, "stop channel not subscribed");
      });
      return subscribed;
    },
    /** Tells every process (this one included) to stop the turns of this session. */
    async publish(message: Message): Promise<void> {
      await options.publisher.publish(channel, JSON.stringify(message));
    },
    async close(): Promise<void> {
      listeners.clear();
      await options.subscriber.unsubscribe(channel).catch(() => {});
    },
  };
}

export type StopBus = ReturnType<typeof createStopBus<StopMessage>>;
