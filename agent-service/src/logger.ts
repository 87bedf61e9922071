import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "copilot-agent" },
    // Secrets and message text never reach the logs, whatever a caller passes.
    redact: {
      paths: ["delegation", "*.delegation", "password", "*.password", "apiKey", "*.apiKey", "message", "*.message_text"],
      censor: "[redacted]",
    },
  });
}
