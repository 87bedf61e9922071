import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("configuration", () => {
  it("lists every wrong key at once", () => {
    expect(() => loadConfig({ PORT: "eighty", REDIS_URL: "not a url" })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: "eighty", REDIS_URL: "not a url" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/REDIS_URL/);
      expect(message).toMatch(/COPILOT_SHARED_SECRET/);
    }
  });

  it("runs offline when no model is configured, and with the model when one is", () => {
    const base = { COPILOT_SHARED_SECRET: "0123456789abcdef0123" };
    expect(loadConfig(base).llm).toBeUndefined();
    const withModel = loadConfig({ ...base, LLM_BASE_URL: "http://127.0.0.1:11434/v1", LLM_MODEL: "qwen2.5" });
    expect(withModel.llm).toMatchObject({ baseUrl: "http://127.0.0.1:11434/v1", model: "qwen2.5", apiKey: "not-needed" });
    expect(Object.isFrozen(withModel)).toBe(true);
  });

  it("needs credentials for the xmlrpc transport", () => {
    expect(() => loadConfig({ COPILOT_SHARED_SECRET: "0123456789abcdef0123", ODOO_TRANSPORT: "xmlrpc" })).toThrow(/ODOO_DB, ODOO_LOGIN and ODOO_PASSWORD/);
  });
});
