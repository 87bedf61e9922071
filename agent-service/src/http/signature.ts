import { createHmac, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { AppError } from "../errors.js";

export const SIGNATURE_MAX_SKEW_SECONDS = 300;
export const NONCE_TTL_SECONDS = 600;

/** The string both sides sign; see docs/contract.md (B). */
export function signingString(parts: { timestamp: string; nonce: string; method: string; path: string; body: string }): string {
  return [parts.timestamp, parts.nonce, parts.method.toUpperCase(), parts.path, parts.body].join("\n");
}

export function sign(secret: string, parts: Parameters<typeof signingString>[0]): string {
  return `sha256=${createHmac("sha256", secret).update(signingString(parts)).digest("hex")}`;
}

/**
 * Accepts a request only when the Odoo addon signed it with the shared secret, recently, and for
 * the first time (the nonce is claimed in Redis).
 */
export function requireSignature(options: {
  secret: string;
  claimNonce: (nonce: string, ttlSeconds: number) => Promise<boolean>;
  now?: () => number;
}) {
  const now = options.now ?? (() => Date.now() / 1000);
  return async (req: Request, _res: Response, next: NextFunction) => {
    const timestamp = req.get("x-copilot-timestamp") ?? "";
    const nonce = req.get("x-copilot-nonce") ?? "";
    const signature = req.get("x-copilot-signature") ?? "";
    if (!/^\d{1,12}$/.test(timestamp) || !/^[\w-]{16,128}$/.test(nonce) || !signature) {
      throw new AppError("auth:signature");
    }
    if (Math.abs(now() - Number(timestamp)) > SIGNATURE_MAX_SKEW_SECONDS) throw new AppError("auth:signature");
    const expected = sign(options.secret, {
      timestamp,
      nonce,
      method: req.method,
      path: req.originalUrl,
      body: (req as Request & { rawBody?: Buffer }).rawBody?.toString("utf8") ?? "",
    });
    const given = Buffer.from(signature);
    const wanted = Buffer.from(expected);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) throw new AppError("auth:signature");
    let fresh: boolean;
    try {
      fresh = await options.claimNonce(nonce, NONCE_TTL_SECONDS);
    } catch (cause) {
      throw new AppError("unavailable:redis", {}, { cause });
    }
    if (!fresh) throw new AppError("auth:signature");
    next();
  };
}
