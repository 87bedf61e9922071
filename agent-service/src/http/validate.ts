import type { z } from "zod";
import { AppError } from "../errors.js";

/** Parses a request part with its schema; a bad one is a 400 that says which fields are wrong. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const detail = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join(".") || "body"}: ${issue.message}`)
    .join("; ");
  throw new AppError("bad_request:body", { detail });
}
