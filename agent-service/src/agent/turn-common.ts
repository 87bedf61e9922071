/** Small helpers every part of a turn uses: ids, owners, what is shown of an action, Redis and Odoo errors. */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors.js";
import { t, type Lang } from "../i18n.js";
import type { Owner, StoredAction } from "../memory/conversation-store.js";
import { OdooError, allowedCompanies, type UserContext } from "../odoo/odoo-client.js";
import type { OdooUser, PublicAction } from "./turn-types.js";

export function ownerOf(user: OdooUser): Owner {
  return { db: user.db, uid: user.uid };
}

/** An action as the panel and the model see it: never its plan, its session or its claim. */
export function toPublic({ plan: _plan, plan_mac: _mac, session_id: _sessionId, claim: _claim, claimed_at: _claimedAt, ...action }: StoredAction): PublicAction {
  return action;
}

/** The context every bridged call carries, as the gateway transport sends it. */
export function userContext(user: OdooUser): UserContext {
  return { lang: user.lang, tz: user.tz, allowed_company_ids: allowedCompanies(user.company_id, user.company_ids) };
}

export function newId(kind: "act" | "msg" | "turn" | "ses" | "mem"): string {
  return `${kind}_${randomBytes(18).toString("base64url")}`;
}

/** The same id for the same seed (a bridged turn's action, at each of its steps). */
export function stableId(kind: "act", seed: string): string {
  return `${kind}_${createHash("sha256").update(seed).digest("base64url").slice(0, 24)}`;
}

/** A Redis failure becomes one clear error, whatever the operation was. */
export async function redisCall<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw new AppError("unavailable:redis", {}, { cause });
  }
}

export function odooErrorText(lang: Lang, error: unknown): string {
  if (error instanceof OdooError) {
    if (error.kind === "access" || error.kind === "auth") return t(lang, "error.access", { detail: error.message });
    if (error.kind === "unavailable") return t(lang, "error.unavailable_odoo");
    return t(lang, "error.odoo", { detail: error.message });
  }
  return t(lang, "error.internal");
}

/** Today's date where the user is (Odoo's `tz`), falling back to UTC. */
export function todayIn(tz: string | undefined, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone: tz || "UTC", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

export function zodSummary(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((issue) => `${issue.path.map(String).join(".") || "arguments"}: ${issue.message}`).join("; ");
}

/**
 * Seals a pending action's plan (what Confirm will write): someone who can write to Redis but
 * has not the service's key cannot change it (security review, finding 6).
 */
export function createPlanSeal(key: string | undefined) {
  const mac = (action: Pick<StoredAction, "id" | "tool" | "plan">) =>
    createHmac("sha256", `copilot-plan-v1:${key ?? ""}`).update(JSON.stringify([action.id, action.tool, action.plan ?? null])).digest("base64url");
  return {
    seal<T extends StoredAction>(action: T): T {
      return key ? { ...action, plan_mac: mac(action) } : action;
    },
    /** True when the plan is the one sealed (or when no key is configured). */
    intact(action: StoredAction): boolean {
      if (!key) return true;
      if (!action.plan_mac) return false;
      const given = Buffer.from(action.plan_mac);
      const wanted = Buffer.from(mac(action));
      return given.length === wanted.length && timingSafeEqual(given, wanted);
    },
  };
}

export type PlanSeal = ReturnType<typeof createPlanSeal>;
