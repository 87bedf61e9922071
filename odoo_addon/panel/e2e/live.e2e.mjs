#!/usr/bin/env node
// The asynchronous turn in a real browser (docs/production.md), against an Odoo whose agent has
// a model that writes slowly (scripts/prefork/slow-model.mjs): the answer shows as it is written
// (Odoo's bus, served in production by the gevent process), survives a reload of the page (it
// goes on where it was), shows in a second tab opened meanwhile, and Stop keeps the partial text.
//
//   ODOO_URL=http://127.0.0.1:8090 ODOO_DB=copilot_demo ODOO_LOGIN=demo ODOO_PASSWORD=demo \
//   SCREENSHOT_DIR=/tmp/shots node odoo_addon/panel/e2e/live.e2e.mjs
import { join, resolve } from "node:path";
import { mkdir } from "node:fs/promises";
import { chromium } from "playwright-core";

const env = process.env;
const ODOO_URL = (env.ODOO_URL ?? "http://127.0.0.1:8090").replace(/\/$/, "");
const ODOO_DB = env.ODOO_DB ?? "";
const SCREENSHOT_DIR = resolve(env.SCREENSHOT_DIR ?? "e2e-screenshots");
const LONG_REQUEST = env.LONG_REQUEST ?? "Fais-moi un résumé détaillé de la semaine";
const LAST_WORDS = env.LAST_WORDS ?? "c'est tout";
const TIMEOUT = Number(env.E2E_TIMEOUT_MS ?? 90_000);
const SEL = {
  systray: ".o_copilot_systray_button",
  panel: ".o_copilot_panel",
  input: ".o_copilot_panel .o_copilot_input",
  settled: ".o_copilot_panel .o_copilot_empty, .o_copilot_panel .o_copilot_message, .o_copilot_panel .o_copilot_load_error",
  streaming: ".o_copilot_panel .o_copilot_message_streaming",
  assistant: ".o_copilot_panel .o_copilot_message_assistant",
  stop: ".o_copilot_panel .o_copilot_stop",
  stopped: ".o_copilot_panel .o_copilot_stopped",
  newConversation: ".o_copilot_panel .o_copilot_new_conversation",
};
const errors = [];
const ok = (name, detail = "") => console.log(`✓ ${name}${detail ? ` — ${detail}` : ""}`);

async function login(page) {
  await page.goto(`${ODOO_URL}/web/login${ODOO_DB ? `?db=${encodeURIComponent(ODOO_DB)}` : ""}`);
  await page.fill('input[name="login"]', env.ODOO_LOGIN ?? "demo");
  await page.fill('input[name="password"]', env.ODOO_PASSWORD ?? "demo");
  await Promise.all([page.waitForURL(/\/(web|odoo)(?!\/login)/), page.click('button[type="submit"]')]);
  await page.waitForSelector(SEL.systray, { timeout: TIMEOUT });
}

async function openPanel(page) {
  if (!(await page.locator(SEL.panel).count())) await page.click(SEL.systray);
  await page.waitForSelector(SEL.settled, { timeout: TIMEOUT });
}

const lastText = (page) => page.locator(SEL.assistant).last().innerText().catch(() => "");

/** The running answer's text grows while the page watches (what the user sees as streaming). */
async function growing(page, what) {
  await page.waitForSelector(SEL.streaming, { timeout: TIMEOUT });
  await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? "").trim().length > 20, SEL.streaming, { timeout: TIMEOUT });
  const first = (await page.locator(SEL.streaming).innerText()).length;
  await page.waitForFunction(([sel, length]) => (document.querySelector(sel)?.textContent ?? "").length > length + 10, [SEL.streaming, first], { timeout: TIMEOUT });
  const second = (await page.locator(SEL.streaming).innerText()).length;
  ok(what, `${first} → ${second} characters while it was written`);
}

async function finished(page) {
  await page.waitForFunction((sel) => !document.querySelector(sel), SEL.streaming, { timeout: TIMEOUT });
  return lastText(page);
}

const browser = await chromium.launch({ executablePath: env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
await mkdir(SCREENSHOT_DIR, { recursive: true });
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
const page = await context.newPage();
const watch = (p, tab) => {
  p.on("pageerror", (error) => errors.push(`${tab}: ${error.message}`));
  p.on("console", (message) => message.type() === "error" && /copilot/i.test(message.text()) && errors.push(`${tab}: ${message.text()}`));
};
watch(page, "tab 1");
try {
  await login(page);
  await openPanel(page);
  await page.click(SEL.newConversation).catch(() => {});
  await page.fill(SEL.input, LONG_REQUEST);
  await page.press(SEL.input, "Enter");
  await growing(page, "the answer shows as it is written");
  await page.screenshot({ path: join(SCREENSHOT_DIR, "live-streaming.png") });

  // a reload while it is written: the panel comes back and the answer goes on where it was
  await page.reload();
  await page.waitForSelector(SEL.panel, { timeout: TIMEOUT });
  await growing(page, "after a reload, the same answer goes on");
  await page.screenshot({ path: join(SCREENSHOT_DIR, "live-after-reload.png") });
  // a second tab opened meanwhile shows it too
  const second = await context.newPage();
  watch(second, "tab 2");
  await second.goto(page.url());
  await second.waitForSelector(SEL.systray, { timeout: TIMEOUT });
  await openPanel(second);
  await growing(second, "a second tab follows the same answer");
  const [one, two] = await Promise.all([finished(page), finished(second)]);
  if (!one.includes(LAST_WORDS) || one !== two) throw new Error(`both tabs should end with the whole answer: ${JSON.stringify([one.slice(-60), two.slice(-60)])}`);
  ok("both tabs end with the whole answer", one.slice(-50).replace(/\s+/g, " "));
  await second.screenshot({ path: join(SCREENSHOT_DIR, "live-second-tab.png") });
  await second.close();

  // Stop while it is written: the partial text stays, marked stopped
  await page.fill(SEL.input, LONG_REQUEST);
  await page.press(SEL.input, "Enter");
  await growing(page, "a second answer is written");
  await page.click(SEL.stop);
  await page.waitForSelector(SEL.stopped, { timeout: TIMEOUT });
  const stopped = await finished(page);
  if (stopped.includes(LAST_WORDS)) throw new Error("Stop should end the answer before its last words");
  ok("Stop keeps the partial answer, marked stopped", `${stopped.length} characters`);
  await page.screenshot({ path: join(SCREENSHOT_DIR, "live-stopped.png") });
  if (errors.length) throw new Error(`errors in the page: ${errors.join(" | ")}`);
  console.log("All live checks passed; no error from the panel.");
} catch (error) {
  await page.screenshot({ path: join(SCREENSHOT_DIR, "live-failure.png") }).catch(() => {});
  console.error(`✗ ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
