#!/usr/bin/env node
// Browser test of the copilot panel in a real Odoo (headless Chromium through playwright-core).
//
//   ODOO_URL=http://127.0.0.1:8069 ODOO_DB=copilot_demo ODOO_LOGIN=admin ODOO_PASSWORD=admin \
//   SCREENSHOT_DIR=docs/screenshots node odoo_addon/panel/e2e/panel.e2e.mjs [--story] [--stop]
//   [--full-page | --full-page-smoke] [--require-streaming] [--prefix=v18-]
//
// Always: log in, open the panel from the systray, check the keyboard (Shift+Enter, Escape, Up
// brings the last message back), send a message and wait for the reply or for the error shown
// in place, and check that the console holds no error from the panel. With --story (the agent
// service must be up): the quote story of issue 2 — the card, Confirm, the link to the
// quotation, the conversation still there after a reload —, a stock question (Copy on its
// answer) and a choice card (an ambiguous product, one option picked, the quotation card).
// Every answer must be a turn started by /copilot/chat (answered at once with its turn id) whose
// events come over Odoo's bus or /copilot/turn; whether its text showed before the end is reported (an offline agent answers in one event), and required with
// --require-streaming (an agent whose model writes slowly). --stop (a slow model too): Stop
// during an answer keeps the partial text, marked stopped. --full-page (the agent up, offline
// is enough): the panel's "Open full page" button; a slash command with the menu's keyboard
// and the customer completed from Odoo's name search (/quote), confirmed then undone; a
// project as the chat's context; a conversation renamed, pinned and deleted (Odoo's
// confirmation dialog); a memory listed and forgotten; and the panel, back on another
// screen, keeping an answer that was still running when the user navigated.
// --full-page-smoke (any database, no agent needed): the full page opens, its columns load,
// and the slash menu completes a customer from Odoo's name search. Screenshots go to
// SCREENSHOT_DIR, named with the optional --prefix.

import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";

import { chromium } from "playwright-core";

const env = process.env;
const ODOO_URL = (env.ODOO_URL ?? "http://127.0.0.1:8069").replace(/\/$/, "");
const ODOO_DB = env.ODOO_DB ?? "";
const ODOO_LOGIN = env.ODOO_LOGIN ?? "admin";
const ODOO_PASSWORD = env.ODOO_PASSWORD ?? "admin";
const SCREENSHOT_DIR = resolve(env.SCREENSHOT_DIR ?? "e2e-screenshots");
const CHROMIUM = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const STORY = process.argv.includes("--story");
const STOP = process.argv.includes("--stop");
const FULL_PAGE = process.argv.includes("--full-page");
const FULL_PAGE_SMOKE = process.argv.includes("--full-page-smoke");
const REQUIRE_STREAMING = process.argv.includes("--require-streaming");
const PREFIX = process.argv.find((arg) => arg.startsWith("--prefix="))?.slice("--prefix=".length) ?? "";
const QUOTE_REQUEST =
  env.QUOTE_REQUEST ?? "Crée moi un devis pour le client Deco Addict avec 3 Office Chair et 2 Office Lamp";
const SIMPLE_MESSAGE = env.SIMPLE_MESSAGE ?? "Bonjour";
const STOCK_QUESTION = env.STOCK_QUESTION ?? "Quel est le stock de Office Chair ?";
const CHOICE_REQUEST = env.CHOICE_REQUEST ?? "Crée un devis pour Deco Addict avec 2 Customizable Desk";
const STOP_MESSAGE = env.STOP_MESSAGE ?? "Fais-moi un résumé détaillé de la semaine";
const SLASH_CUSTOMER = env.SLASH_CUSTOMER ?? "Deco";
const SLASH_LINES = env.SLASH_LINES ?? "1 Office Chair";
const MEMORY_REQUEST = env.MEMORY_REQUEST ?? "Retiens que je préfère les livraisons le lundi";
const PROJECT_NAME = env.PROJECT_NAME ?? "Office Design";
const TASKS_QUESTION = env.TASKS_QUESTION ?? "Quelles tâches sont ouvertes ?";
const TIMEOUT = Number(env.E2E_TIMEOUT_MS ?? 60_000);

const SEL = {
  systray: ".o_copilot_systray_button",
  panel: ".o_copilot_panel",
  input: ".o_copilot_panel .o_copilot_input",
  settled: [
    ".o_copilot_panel .o_copilot_empty",
    ".o_copilot_panel .o_copilot_message",
    ".o_copilot_panel .o_copilot_load_error",
  ].join(", "),
  assistant: ".o_copilot_panel .o_copilot_message_assistant",
  answered: ".o_copilot_panel .o_copilot_message_assistant:not(.o_copilot_message_streaming)",
  streaming: ".o_copilot_panel .o_copilot_message_streaming",
  sendError: ".o_copilot_panel .o_copilot_send_error",
  stop: ".o_copilot_panel .o_copilot_stop",
  stopped: ".o_copilot_panel .o_copilot_stopped",
  copy: ".o_copilot_panel .o_copilot_copy",
  choiceCard: ".o_copilot_panel .o_copilot_choice_card",
  choice: ".o_copilot_panel .o_copilot_choice",
  quotationCard: ".o_copilot_panel .o_copilot_quotation_card",
  confirm: ".o_copilot_panel .o_copilot_confirm",
  recordLink: ".o_copilot_panel .o_copilot_record_link",
  newConversation: ".o_copilot_panel .o_copilot_new_conversation",
  openFullPage: ".o_copilot_panel .o_copilot_open_full_page",
  app: ".o_copilot_app",
  appInput: ".o_copilot_app .o_copilot_input",
  appAnswered: ".o_copilot_app .o_copilot_message_assistant:not(.o_copilot_message_streaming)",
  appSendError: ".o_copilot_app .o_copilot_send_error",
  slashMenu: ".o_copilot_app .o_copilot_slash_menu",
  slashItem: ".o_copilot_app .o_copilot_slash_item",
  session: ".o_copilot_app .o_copilot_session",
  activeSession: ".o_copilot_app .o_copilot_session_active",
  sessionsError: ".o_copilot_app .o_copilot_sessions_error",
};

const consoleErrors = [];
const steps = [];
/** Answers of the panel's chat routes: which route, and whether it was an event stream. */
const chatAnswers = [];

function step(name, detail = "") {
  steps.push({ name, detail });
  console.log(`✓ ${name}${detail ? ` — ${detail}` : ""}`);
}

async function shot(page, name) {
  // Let the panel's slide-in finish, or the page behind shows through it.
  await page
    .waitForFunction(() => (document.querySelector(".o_copilot_panel")?.getAnimations() ?? []).every((a) => a.playState === "finished"), null, { timeout: 2000 })
    .catch(() => {});
  const path = join(SCREENSHOT_DIR, `${PREFIX}${name}.png`);
  await page.screenshot({ path });
  console.log(`  screenshot ${path}`);
  return path;
}

function watchConsole(page) {
  page.on("console", (message) => {
    if (message.type() === "error") {
      consoleErrors.push(`console: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => consoleErrors.push(`pageerror: ${error.message}`));
  page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path === "/copilot/chat" || path === "/copilot/turn") {
      chatAnswers.push({ path, type: response.headers()["content-type"] ?? "" });
    }
  });
}

/**
 * Notes whether the next answer's text shows while it is still being written: a DOM observer,
 * so a state that was rendered, however briefly, is seen (an answer that arrives in one event
 * is rendered once, finished).
 */
async function watchPartialText(page) {
  await page.evaluate(() => {
    window.__copilotPartialText = false;
    window.__copilotObserver?.disconnect();
    const check = () => {
      const text = document.querySelector(".o_copilot_message_streaming .o_copilot_markdown")?.textContent ?? "";
      if (text.trim()) {
        window.__copilotPartialText = true;
      }
    };
    window.__copilotObserver = new MutationObserver(check);
    window.__copilotObserver.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

async function login(page) {
  const query = ODOO_DB ? `?db=${encodeURIComponent(ODOO_DB)}` : "";
  await page.goto(`${ODOO_URL}/web/login${query}`);
  await page.fill('input[name="login"]', ODOO_LOGIN);
  await page.fill('input[name="password"]', ODOO_PASSWORD);
  await Promise.all([page.waitForURL(/\/(web|odoo)(?!\/login)/), page.click('button[type="submit"]')]);
  // Never wait for "networkidle": the bus websocket stays open.
  await page.waitForSelector(SEL.systray, { timeout: TIMEOUT });
  await page.waitForSelector(".o_action_manager > *", { timeout: TIMEOUT });
  if (await page.locator(SEL.app).count()) {
    // A database whose only app is Copilot lands on its full page, where the side panel
    // hides: start from another screen (the hash URL works in 17, 18 and 19).
    await page.goto(`${ODOO_URL}/web#action=base.action_res_users`);
    await page.waitForSelector(".o_list_view, .o_kanban_view", { timeout: TIMEOUT });
  }
  // Let the first screen mount: its search bar takes the focus when it does, which would
  // race with the panel's own focus check. Wait until the focus has not moved for 0.5 s.
  await page.waitForSelector(".o_action_manager > *", { timeout: TIMEOUT });
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let last = document.activeElement;
        let stable = 0;
        const timer = setInterval(() => {
          stable = document.activeElement === last ? stable + 1 : 0;
          last = document.activeElement;
          if (stable >= 5) {
            clearInterval(timer);
            resolve();
          }
        }, 100);
        setTimeout(() => (clearInterval(timer), resolve()), 5000);
      }),
  );
  step("logged in, systray icon present");
}

async function openPanel(page) {
  await page.click(SEL.systray);
  await page.waitForSelector(SEL.panel);
  await page.waitForSelector(SEL.settled, { timeout: TIMEOUT });
  const focused = await page.evaluate(() => document.activeElement?.classList.contains("o_copilot_input"));
  if (!focused) {
    throw new Error("the textarea does not have the focus after opening the panel");
  }
  step("panel open, history loaded or error shown, textarea focused");
}

async function checkKeyboard(page) {
  await page.click(SEL.input);
  await page.keyboard.type("line 1");
  await page.keyboard.press("Shift+Enter");
  await page.keyboard.type("line 2");
  const value = await page.inputValue(SEL.input);
  if (value !== "line 1\nline 2") {
    throw new Error(`Shift+Enter should add a line, got ${JSON.stringify(value)}`);
  }
  await page.fill(SEL.input, "");
  // Escape closes the panel (it does not stop a running answer: that is the Stop button).
  await page.keyboard.press("Escape");
  await page.waitForSelector(SEL.panel, { state: "detached" });
  await page.click(SEL.systray);
  await page.waitForSelector(SEL.panel);
  step("Shift+Enter adds a line, Escape closes, the systray reopens");

  // The shortcut (Odoo's hotkey service: Alt+Shift+O) opens it with the focus in the input;
  // Escape gives the focus back to the systray button.
  await page.keyboard.press("Escape");
  await page.waitForSelector(SEL.panel, { state: "detached" });
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press("Alt+Shift+O");
  await page.waitForSelector(SEL.panel);
  await page.waitForFunction(() => document.activeElement?.classList.contains("o_copilot_input"));
  await page.keyboard.press("Escape");
  await page.waitForSelector(SEL.panel, { state: "detached" });
  const onSystray = await page.evaluate(() => document.activeElement?.classList.contains("o_copilot_systray_button"));
  if (!onSystray) {
    throw new Error("after Escape the focus should be back on the systray button");
  }
  await page.keyboard.press("Alt+Shift+O");
  await page.waitForSelector(SEL.panel);
  step("Alt+Shift+O opens the panel with the focus in the input; Escape returns the focus to the systray button");
}

/**
 * Sends with Enter; resolves with the outcome, "reply" or "error" (the error shown in place),
 * and whether the reply's text showed before its end.
 */
async function send(page, text) {
  const before = await page.locator(SEL.answered).count();
  const errorsBefore = await page.locator(SEL.sendError).count();
  await watchPartialText(page);
  await page.fill(SEL.input, text);
  await page.press(SEL.input, "Enter");
  await page.waitForSelector(`${SEL.panel} .o_copilot_message_user >> text=${text.slice(0, 30)}`);
  await page.waitForFunction(
    ([answered, count, errorSelector, errors, streaming]) =>
      !document.querySelector(streaming) &&
      (document.querySelectorAll(answered).length > count || document.querySelectorAll(errorSelector).length > errors),
    [SEL.answered, before, SEL.sendError, errorsBefore, SEL.streaming],
    { timeout: TIMEOUT },
  );
  const streamed = await page.evaluate(() => window.__copilotPartialText);
  const outcome = (await page.locator(SEL.sendError).count()) > errorsBefore ? "error" : "reply";
  return { outcome, streamed };
}

/** The last message started an asynchronous turn through /copilot/chat (no request held for the answer). */
function checkStreamRoute(what) {
  const last = chatAnswers.filter((answer) => answer.path === "/copilot/chat").at(-1);
  if (!last || !last.type.startsWith("application/json")) {
    throw new Error(`${what}: expected /copilot/chat to start a turn, got ${JSON.stringify(last)}`);
  }
}

function streamingDetail(streamed) {
  if (!streamed && REQUIRE_STREAMING) {
    throw new Error("the answer's text did not show before its end (--require-streaming)");
  }
  return streamed ? "text shown while it was written" : "answer arrived in one piece";
}

async function quoteStory(page) {
  // Start from an empty conversation so the screenshots show only the story.
  if (await page.locator(SEL.newConversation).isEnabled()) {
    await page.click(SEL.newConversation);
    await page.waitForSelector(`${SEL.panel} .o_copilot_empty`);
    await shot(page, "panel-empty");
    step("new conversation: the list is empty");
  }
  const { outcome, streamed } = await send(page, QUOTE_REQUEST);
  if (outcome === "error") {
    await shot(page, "story-error");
    throw new Error(`the quote request failed: ${await page.locator(SEL.sendError).last().innerText()}`);
  }
  await page.waitForSelector(SEL.quotationCard, { timeout: TIMEOUT });
  checkStreamRoute("the quote request");
  await shot(page, "quote-card");
  step(
    "quotation card shown",
    `${(await page.locator(`${SEL.quotationCard} .o_copilot_quotation_total`).innerText()).replace(/\s+/g, " ")}; ${streamingDetail(streamed)}`,
  );

  await page.click(SEL.confirm);
  await page.waitForSelector(SEL.recordLink, { timeout: TIMEOUT });
  const name = (await page.locator(SEL.recordLink).last().innerText()).trim();
  await shot(page, "quote-confirmed");
  step("confirmed", `record ${name}`);

  await page.reload();
  await page.waitForSelector(SEL.systray, { timeout: TIMEOUT });
  // The panel was open: it reopens by itself, with the same conversation.
  await page.waitForSelector(SEL.recordLink, { timeout: TIMEOUT });
  await shot(page, "after-reload");
  step("after a reload, the panel is back open with the conversation and its confirmed card");

  await page.locator(SEL.recordLink).last().click();
  await page.waitForSelector(".o_form_view", { timeout: TIMEOUT });
  await page.waitForFunction(
    (expected) => document.querySelector(".o_breadcrumb, .o_control_panel")?.textContent?.includes(expected),
    name,
    { timeout: TIMEOUT },
  );
  await page.waitForSelector(SEL.recordLink, { timeout: TIMEOUT });
  await shot(page, "quote-record");
  step("the link opened the quotation, the panel stayed open", name);
}

async function stockQuestion(page) {
  const { outcome, streamed } = await send(page, STOCK_QUESTION);
  if (outcome === "error") {
    await shot(page, "stock-error");
    throw new Error(`the stock question failed: ${await page.locator(SEL.sendError).last().innerText()}`);
  }
  checkStreamRoute("the stock question");
  await shot(page, "stock");
  const answer = (await page.locator(`${SEL.answered} .o_copilot_markdown`).last().innerText()).replace(/\s+/g, " ");
  step("stock answer", `${answer.slice(0, 80)}…; ${streamingDetail(streamed)}`);

  await page.locator(SEL.copy).last().click();
  await page.waitForSelector(`${SEL.copy}.o_copilot_copied`);
  const copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => "");
  if (!copied.includes(answer.slice(0, 20).trim())) {
    throw new Error(`Copy should put the answer in the clipboard, got ${JSON.stringify(copied.slice(0, 80))}`);
  }
  step("Copy put the answer in the clipboard and said so");
}

async function choiceStory(page) {
  const { outcome } = await send(page, CHOICE_REQUEST);
  if (outcome === "error") {
    await shot(page, "choice-error");
    throw new Error(`the ambiguous request failed: ${await page.locator(SEL.sendError).last().innerText()}`);
  }
  await page.waitForSelector(SEL.choiceCard, { timeout: TIMEOUT });
  const options = await page.locator(`${SEL.choiceCard} .o_copilot_choice`).allInnerTexts();
  if (options.length < 2) {
    throw new Error(`a choice card needs two options at least, got ${JSON.stringify(options)}`);
  }
  await page.locator(SEL.choiceCard).last().scrollIntoViewIfNeeded();
  await shot(page, "choice-card");
  step("choice card shown", options.join(" | "));

  const before = await page.locator(SEL.quotationCard).count();
  await page.locator(`${SEL.choiceCard} .o_copilot_choice`).first().click();
  await page.waitForFunction(
    ([selector, count]) => document.querySelectorAll(selector).length > count,
    [SEL.quotationCard, before],
    { timeout: TIMEOUT },
  );
  const sent = (await page.locator(`${SEL.panel} .o_copilot_message_user .o_copilot_bubble`).last().innerText()).trim();
  const pressed = await page.locator(`${SEL.choiceCard} .o_copilot_choice[aria-pressed="true"]`).count();
  if (!pressed) {
    throw new Error("the picked option should show as picked");
  }
  await shot(page, "choice-picked");
  step("picking an option sent its message and brought the quotation card", sent);
}

async function stopStory(page) {
  const before = await page.locator(SEL.stopped).count();
  await watchPartialText(page);
  await page.fill(SEL.input, STOP_MESSAGE);
  await page.press(SEL.input, "Enter");
  await page.waitForSelector(SEL.stop, { timeout: TIMEOUT });
  await page.waitForFunction(() => window.__copilotPartialText, null, { timeout: TIMEOUT });
  await shot(page, "streaming");
  step("the answer's text shows while it is written, with a Stop button");
  await page.click(SEL.stop);
  await page.waitForFunction(
    ([streaming, stopped, count]) => !document.querySelector(streaming) && document.querySelectorAll(stopped).length > count,
    [SEL.streaming, SEL.stopped, before],
    { timeout: TIMEOUT },
  );
  const partial = (await page.locator(`${SEL.answered} .o_copilot_markdown`).last().innerText()).replace(/\s+/g, " ");
  await shot(page, "stop");
  step("Stop ended the answer; its partial text stays, marked stopped", `${partial.slice(0, 60)}…`);
}

/** Sends `text` from the full page's composer; "reply" or "error" (shown in place). */
async function sendInApp(page, text, { typed = false } = {}) {
  const before = await page.locator(SEL.appAnswered).count();
  const errorsBefore = await page.locator(SEL.appSendError).count();
  if (!typed) {
    await page.fill(SEL.appInput, text);
  }
  await page.press(SEL.appInput, "Enter");
  await page.waitForFunction(
    ([answered, count, errorSelector, errors]) =>
      !document.querySelector(".o_copilot_app .o_copilot_message_streaming") &&
      (document.querySelectorAll(answered).length > count || document.querySelectorAll(errorSelector).length > errors),
    [SEL.appAnswered, before, SEL.appSendError, errorsBefore],
    { timeout: TIMEOUT },
  );
  if ((await page.locator(SEL.appSendError).count()) > errorsBefore) {
    throw new Error(`${text}: ${await page.locator(SEL.appSendError).last().innerText()}`);
  }
}

/** The text of the menu's highlighted option (aria-activedescendant of the input). */
async function activeOption(page) {
  return page.evaluate((input) => {
    const id = document.querySelector(input)?.getAttribute("aria-activedescendant");
    return id ? document.getElementById(id)?.querySelector(".o_copilot_slash_label")?.textContent ?? "" : "";
  }, SEL.appInput);
}

async function openFullPage(page) {
  if (!(await page.locator(SEL.panel).count())) {
    await page.click(SEL.systray);
  }
  await page.click(SEL.openFullPage);
  await page.waitForSelector(SEL.app, { timeout: TIMEOUT });
  await page.waitForSelector(`${SEL.app} .o_copilot_session, ${SEL.app} .o_copilot_sessions_empty, ${SEL.sessionsError}`, { timeout: TIMEOUT });
  await page.waitForSelector(
    `${SEL.app} .o_copilot_project, ${SEL.app} .o_copilot_projects_unavailable, ${SEL.app} .o_copilot_projects_empty, ${SEL.app} .o_copilot_projects_error`,
    { timeout: TIMEOUT },
  );
  if (await page.locator(SEL.panel).count()) {
    throw new Error("the side panel should hide while the full page shows the conversation");
  }
  await page.waitForFunction(() => document.activeElement?.classList.contains("o_copilot_input"));
  step("Open full page: the full-page Copilot, its input focused, the side panel hidden", new URL(page.url()).pathname);
}

async function slashQuote(page) {
  // The command menu: "/" lists every command; typing filters; the keyboard moves and picks.
  await page.click(SEL.appInput);
  await page.fill(SEL.appInput, "");
  await page.keyboard.type("/");
  await page.waitForSelector(SEL.slashMenu);
  const all = await page.locator(`${SEL.slashItem} .o_copilot_slash_label`).allInnerTexts();
  if (all.length < 9) {
    throw new Error(`"/" should list the nine commands, got ${JSON.stringify(all)}`);
  }
  // OWL renders on the next frame: wait for the highlighted option to follow the key.
  const highlighted = (wanted) =>
    page
      .waitForFunction(
        ([input, label]) => {
          const id = document.querySelector(input)?.getAttribute("aria-activedescendant");
          return id && document.getElementById(id)?.querySelector(".o_copilot_slash_label")?.textContent === label;
        },
        [SEL.appInput, wanted],
        { timeout: 5000 },
      )
      .catch(async () => {
        throw new Error(`the highlighted option should be ${wanted}, it is ${await activeOption(page)}`);
      });
  await highlighted(all[0]);
  await shot(page, "slash-menu");
  await page.keyboard.press("ArrowDown");
  await highlighted(all[1]);
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await highlighted(all[all.length - 1]); // wraps around
  await page.keyboard.press("ArrowDown");
  await highlighted(all[0]);
  await page.keyboard.press("Escape");
  await page.waitForSelector(SEL.slashMenu, { state: "detached" });
  if (!(await page.locator(SEL.app).count())) {
    throw new Error("Escape in the slash menu should only close the menu");
  }
  await page.keyboard.type("dev");
  await page.waitForSelector(SEL.slashMenu);
  const filtered = await page.locator(`${SEL.slashItem} .o_copilot_slash_label`).allInnerTexts();
  step("slash menu: lists the commands, filters as typed, Up/Down move, Escape closes", `"/dev" → ${filtered.join(", ")}`);

  // Tab picks the command; its argument is completed from Odoo's name search (res.partner).
  await page.keyboard.press("Tab");
  await page.waitForFunction((input) => /^\/\S+ $/.test(document.querySelector(input)?.value ?? ""), SEL.appInput);
  await page.keyboard.type(SLASH_CUSTOMER);
  await page.waitForFunction(
    ([item, wanted]) => [...document.querySelectorAll(item)].some((el) => el.textContent.toLowerCase().includes(wanted.toLowerCase())),
    [SEL.slashItem, SLASH_CUSTOMER],
    { timeout: TIMEOUT },
  );
  const customers = await page.locator(`${SEL.slashItem} .o_copilot_slash_label`).allInnerTexts();
  await shot(page, "slash-argument");
  await page.keyboard.press("Enter");
  const completed = await page.inputValue(SEL.appInput);
  if (!completed.endsWith(": ")) {
    throw new Error(`picking a customer should write "<name>: ", got ${JSON.stringify(completed)}`);
  }
  step("the argument completed from Odoo's name search", `${customers.slice(0, 3).join(" | ")} → ${JSON.stringify(completed)}`);

  await page.keyboard.type(SLASH_LINES);
  const sent = await page.inputValue(SEL.appInput);
  const cards = await page.locator(`${SEL.app} .o_copilot_quotation_card`).count();
  await sendInApp(page, sent, { typed: true });
  await page.waitForFunction(([selector, count]) => document.querySelectorAll(selector).length > count, [`${SEL.app} .o_copilot_quotation_card`, cards], {
    timeout: TIMEOUT,
  });
  step("the slash command ran: quotation card", sent);

  // This card, not an older done one of the conversation.
  const card = page.locator(`${SEL.app} .o_copilot_quotation_card`).last();
  await card.locator(".o_copilot_confirm").click();
  await card.locator(".o_copilot_undo").waitFor({ timeout: TIMEOUT });
  const record = (await card.locator(".o_copilot_record_link").innerText()).trim();
  await card.locator(".o_copilot_undo").click();
  await card.locator(".o_copilot_undo_result").waitFor({ timeout: TIMEOUT });
  const undo = (await card.locator(".o_copilot_undo_result").innerText()).trim();
  const undone = await card.locator(".o_copilot_undo_result.text-muted").count();
  await card.locator(".o_copilot_undo_result").scrollIntoViewIfNeeded();
  await shot(page, "undo");
  step(undone ? "Undo on the done card reversed it" : "Undo on the done card answered in place", `${record}: ${undo}`);
}

async function projectContext(page) {
  const project = page.locator(`${SEL.app} .o_copilot_project`, { hasText: PROJECT_NAME });
  if (!(await project.count())) {
    const note = await page.locator(`${SEL.app} .o_copilot_projects`).innerText();
    step("no project to pick", note.replace(/\s+/g, " "));
    return;
  }
  await project.first().click();
  await page.waitForSelector(`${SEL.app} .o_copilot_context_chip`);
  await page.waitForFunction(() => document.activeElement?.classList.contains("o_copilot_input"));
  const chip = (await page.locator(`${SEL.app} .o_copilot_context_chip`).innerText()).trim();
  await shot(page, "full-page");
  step("a project picked: the chat's context, shown above the input", chip);
  // the project goes with the message as data: a question that does not name it is about it
  const before = await page.locator(SEL.appAnswered).count();
  await page.fill(SEL.appInput, TASKS_QUESTION);
  await page.press(SEL.appInput, "Enter");
  await page.waitForFunction(([answered, count]) => document.querySelectorAll(answered).length > count, [SEL.appAnswered, before], { timeout: TIMEOUT });
  const answer = (await page.locator(SEL.appAnswered).last().innerText()).replace(/\s+/g, " ");
  const sent = (await page.locator(`${SEL.app} .o_copilot_message_user`).last().innerText()).trim();
  if (!answer.includes(PROJECT_NAME) || sent !== TASKS_QUESTION) {
    throw new Error(`with the chip, "${TASKS_QUESTION}" should be answered about ${PROJECT_NAME} and shown as typed: ${JSON.stringify({ sent, answer: answer.slice(0, 120) })}`);
  }
  step("a question asked with the chip is about that project, and shows as typed", answer.slice(0, 80));
  await page.click(`${SEL.app} .o_copilot_context_clear`);
  await page.waitForSelector(`${SEL.app} .o_copilot_context_chip`, { state: "detached" });
}

async function renamePinDelete(page) {
  await page.waitForSelector(SEL.activeSession, { timeout: TIMEOUT });
  const before = (await page.locator(`${SEL.activeSession} .o_copilot_session_title`).innerText()).trim();
  const title = `E2E ${new Date().toISOString().slice(11, 19)} renamed`;
  await page.locator(`${SEL.activeSession} .o_copilot_session_rename`).click();
  const input = page.locator(`${SEL.app} .o_copilot_session_rename_input`);
  await input.waitFor();
  await input.fill(title);
  await shot(page, "sessions-rename");
  await input.press("Enter");
  await page.waitForFunction(
    ([active, wanted, error]) =>
      document.querySelector(`${active} .o_copilot_session_title`)?.textContent?.trim() === wanted || document.querySelector(error),
    [SEL.activeSession, title, SEL.sessionsError],
    { timeout: TIMEOUT },
  );
  if (await page.locator(SEL.sessionsError).count()) {
    throw new Error(`rename failed: ${await page.locator(SEL.sessionsError).innerText()}`);
  }
  const header = (await page.locator(`${SEL.app} .o_copilot_app_conversation`).innerText()).trim();
  if (header !== title) {
    throw new Error(`the top bar should show the new title, got ${JSON.stringify(header)}`);
  }
  step("conversation renamed in place (Enter), the top bar follows", `${before} → ${title}`);

  await page.locator(`${SEL.activeSession} .o_copilot_session_pin`).click();
  await page.waitForSelector(`${SEL.activeSession} .o_copilot_session_pin[aria-pressed="true"]`, { timeout: TIMEOUT });
  const group = await page.evaluate(
    (active) => document.querySelector(active)?.closest("ul")?.previousElementSibling?.textContent?.trim(),
    SEL.activeSession,
  );
  step("pinned", `now under ${JSON.stringify(group)}`);

  const count = await page.locator(SEL.session).count();
  await page.locator(`${SEL.activeSession} .o_copilot_session_delete`).click();
  await page.waitForSelector(".modal .modal-footer .btn-danger, .modal .modal-footer .btn-primary", { timeout: TIMEOUT });
  const question = (await page.locator(".modal .modal-body").innerText()).trim();
  await page.click(".modal .modal-footer .btn-danger, .modal .modal-footer .btn-primary");
  await page.waitForFunction(
    ([selector, wanted]) => ![...document.querySelectorAll(selector)].some((el) => el.textContent.includes(wanted)),
    [SEL.session, title],
    { timeout: TIMEOUT },
  );
  await page.waitForSelector(`${SEL.app} .o_copilot_empty`);
  step("deleted after Odoo's confirmation dialog; a new conversation shows", `${count} → ${await page.locator(SEL.session).count()} conversations; “${question.slice(0, 60)}…”`);
}

async function memories(page) {
  // /new through the slash menu (run by the panel itself), then a fact to remember.
  await page.fill(SEL.appInput, "/new");
  await page.waitForSelector(SEL.slashMenu);
  await page.keyboard.press("Enter");
  await page.waitForSelector(`${SEL.app} .o_copilot_empty`);
  await sendInApp(page, MEMORY_REQUEST);
  await page.click(`${SEL.app} .o_copilot_open_privacy`);
  await page.waitForSelector(`${SEL.app} .o_copilot_privacy`);
  await page.waitForSelector(`${SEL.app} .o_copilot_memory, ${SEL.app} .o_copilot_memories_empty, ${SEL.app} .o_copilot_memories_error`, {
    timeout: TIMEOUT,
  });
  await shot(page, "memories");
  if (await page.locator(`${SEL.app} .o_copilot_memories_error`).count()) {
    throw new Error(`memories: ${await page.locator(`${SEL.app} .o_copilot_memories_error`).innerText()}`);
  }
  const items = await page.locator(`${SEL.app} .o_copilot_memory .o_copilot_memory_text`).allInnerTexts();
  const ours = page.locator(`${SEL.app} .o_copilot_memory`, { hasText: "lundi" });
  if (!(await ours.count())) {
    throw new Error(`the memory should be listed, got ${JSON.stringify(items)}`);
  }
  await ours.first().locator(".o_copilot_memory_delete").click();
  await page.waitForFunction(() => ![...document.querySelectorAll(".o_copilot_memory")].some((el) => el.textContent.includes("lundi")), null, {
    timeout: TIMEOUT,
  });
  step("memories listed, one forgotten", `${items.length} listed: ${items.map((text) => text.split("\n")[0]).join(" | ")}`);

  // "Delete all my history" asks first (Odoo's dialog); Cancel keeps everything.
  const conversations = await page.locator(SEL.session).count();
  await page.click(`${SEL.app} .o_copilot_history_delete`);
  await page.waitForSelector(".modal .modal-footer .btn-danger", { timeout: TIMEOUT });
  const warning = (await page.locator(".modal .modal-body").innerText()).trim();
  await page.locator(".modal .modal-footer button", { hasNotText: /delete/i }).first().click();
  await page.waitForSelector(".modal", { state: "detached" });
  if ((await page.locator(SEL.session).count()) !== conversations) {
    throw new Error("cancelling the deletion of the history should keep every conversation");
  }
  step("Delete all my history asks first; Cancel keeps it", `“${warning.slice(0, 70)}…”`);
  await page.click(`${SEL.app} .o_copilot_privacy_title`);
  // The focus stayed in the section (the deleted row's button is gone): Escape goes back.
  const inside = await page.evaluate(() => Boolean(document.activeElement?.closest(".o_copilot_privacy")));
  if (!inside) {
    throw new Error("after a memory is deleted, the focus should stay in the section");
  }
  await page.keyboard.press("Escape");
  await page.waitForSelector(`${SEL.app} .o_copilot_privacy`, { state: "detached" });
  await page.waitForFunction(() => document.activeElement?.classList.contains("o_copilot_input"));
}

/** The side panel keeps an answer running while the user moves to another screen. */
async function navigateWhileAnswering(page) {
  await page.goto(`${ODOO_URL}/odoo/action-base.action_res_users`).catch(() => {});
  await page.waitForSelector(".o_list_view, .o_kanban_view", { timeout: TIMEOUT });
  if (!(await page.locator(SEL.panel).count())) {
    await page.click(SEL.systray);
  }
  await page.waitForSelector(SEL.settled, { timeout: TIMEOUT });
  const before = await page.locator(SEL.answered).count();
  await page.fill(SEL.input, STOCK_QUESTION);
  await page.press(SEL.input, "Enter");
  // Move to another screen at once, through the web client (no page load): a user's form.
  const from = new URL(page.url()).pathname;
  const running = (await page.locator(SEL.streaming).count()) > 0;
  await page.locator(".o_data_row .o_data_cell, .o_kanban_record").first().click();
  await page.waitForSelector(".o_form_view", { timeout: TIMEOUT });
  if (new URL(page.url()).pathname === from) {
    throw new Error("the click should have opened another screen");
  }
  await page.waitForFunction(
    ([answered, count]) => document.querySelectorAll(answered).length > count,
    [SEL.answered, before],
    { timeout: TIMEOUT },
  );
  if (!(await page.locator(SEL.panel).count())) {
    throw new Error("the panel should stay open across a screen change");
  }
  step(
    "the panel stayed open across a screen change and its answer arrived",
    `${from} → ${new URL(page.url()).pathname}; ${running ? "the answer was still running when the screen changed" : "the answer had already ended"}`,
  );
}

/**
 * The screen as context: on a quotation's form, "ce client" is its customer (the generic card of
 * get_partner); in the list with two quotations selected, "ce devis" is asked about, by name.
 */
async function screenStory(page) {
  await page.goto(`${ODOO_URL}/odoo/action-sale.action_quotations_with_onboarding`);
  await page.waitForSelector(".o_list_view .o_data_row", { timeout: TIMEOUT });
  await page.locator(".o_data_row .o_data_cell[name=name]").first().click();
  await page.waitForSelector(".o_form_view .o_field_widget[name=partner_id]", { timeout: TIMEOUT });
  const customer = (await page.locator(".o_form_view .o_field_widget[name=partner_id] input").inputValue()).trim();
  if (!(await page.locator(SEL.panel).count())) {
    await page.click(SEL.systray);
  }
  await page.waitForSelector(SEL.settled, { timeout: TIMEOUT });
  // the chip above the input names the record the message will go with
  const order = (await page.locator(".o_form_view .o_field_widget[name=name]").first().innerText()).trim();
  await page.waitForSelector(".o_copilot_panel .o_copilot_screen_chip", { timeout: TIMEOUT });
  const chip = (await page.locator(".o_copilot_panel .o_copilot_screen_chip").innerText()).trim();
  if (!order || !chip.includes(order)) throw new Error(`on ${order}'s form, the screen chip should name it, it says ${JSON.stringify(chip)}`);
  step("on a quotation's form, a chip above the input names it", chip);
  const before = await page.locator(SEL.answered).count();
  await page.fill(SEL.input, "Montre-moi ce client");
  await page.press(SEL.input, "Enter");
  await page.waitForFunction(([answered, count]) => document.querySelectorAll(answered).length > count, [SEL.answered, before], { timeout: TIMEOUT });
  await page.waitForSelector(".o_copilot_panel .o_copilot_facts_card", { timeout: TIMEOUT });
  const title = (await page.locator(".o_copilot_panel .o_copilot_facts_card .o_copilot_card_title").last().innerText()).trim();
  if (!customer || !title.startsWith(customer.split(",")[0])) {
    throw new Error(`"ce client" on a quotation should be its customer ${JSON.stringify(customer)}, the card shows ${JSON.stringify(title)}`);
  }
  await shot(page, "screen-this-customer");
  step("on a quotation's form, \"ce client\" is its customer (a card the panel has no code of its own for)", title);

  await page.goto(`${ODOO_URL}/odoo/action-sale.action_quotations_with_onboarding`);
  await page.waitForSelector(".o_list_view .o_data_row", { timeout: TIMEOUT });
  const rows = page.locator(".o_data_row");
  const names = [];
  for (const index of [0, 1]) {
    await rows.nth(index).locator(".o_list_record_selector input").check();
    names.push((await rows.nth(index).locator(".o_data_cell[name=name]").innerText()).trim());
  }
  if (!(await page.locator(SEL.panel).count())) {
    await page.click(SEL.systray);
  }
  await page.waitForSelector(SEL.settled, { timeout: TIMEOUT });
  const count = await page.locator(SEL.answered).count();
  await page.fill(SEL.input, "confirme ce devis");
  await page.press(SEL.input, "Enter");
  await page.waitForFunction(([answered, n]) => document.querySelectorAll(answered).length > n, [SEL.answered, count], { timeout: TIMEOUT });
  const reply = (await page.locator(`${SEL.answered} .o_copilot_markdown`).last().innerText()).replace(/\s+/g, " ");
  const proposed = await page.locator(`${SEL.answered}`).last().locator(".o_copilot_confirm").count();
  if (!names.every((name) => reply.includes(name)) || proposed > 0) {
    throw new Error(`two quotations selected: "ce devis" should be asked about, got ${JSON.stringify(reply.slice(0, 160))}`);
  }
  const listChip = (await page.locator(".o_copilot_panel .o_copilot_screen_chip").innerText()).trim();
  if (!/\(2 /.test(listChip)) throw new Error(`two quotations selected: the chip should count them, it says ${JSON.stringify(listChip)}`);
  await shot(page, "screen-selection-asks");
  step("with two quotations selected, \"ce devis\" is asked about, never guessed", `${listChip} — ${reply.slice(0, 100)}`);
  // × sets the selection aside: the chip goes, and the next message goes without it
  await page.click(".o_copilot_panel .o_copilot_screen_chip .o_copilot_context_clear");
  await page.waitForSelector(".o_copilot_panel .o_copilot_screen_chip", { state: "detached", timeout: TIMEOUT });
  const asideCount = await page.locator(SEL.answered).count();
  await page.fill(SEL.input, "confirme ce devis");
  await page.press(SEL.input, "Enter");
  await page.waitForFunction(([answered, n]) => document.querySelectorAll(answered).length > n, [SEL.answered, asideCount], { timeout: TIMEOUT });
  const aside = (await page.locator(`${SEL.answered} .o_copilot_markdown`).last().innerText()).replace(/\s+/g, " ");
  if (names.every((name) => aside.includes(name))) throw new Error(`the selection set aside still went with the message: ${JSON.stringify(aside.slice(0, 160))}`);
  step("× sets the selection aside: the chip goes, and \"ce devis\" is no longer read from it", aside.slice(0, 100));
}

async function fullPageSmoke(page) {
  await openFullPage(page);
  const projects = (await page.locator(`${SEL.app} .o_copilot_projects`).innerText()).replace(/\s+/g, " ").trim();
  const sessions = (await page.locator(SEL.sessionsError).count())
    ? `conversations: ${(await page.locator(SEL.sessionsError).innerText()).replace(/\s+/g, " ").trim()}`
    : `${await page.locator(SEL.session).count()} conversations`;
  step("the columns loaded", `${sessions}; ${projects.slice(0, 80)}`);
  await page.click(SEL.appInput);
  await page.keyboard.type("/");
  await page.waitForSelector(SEL.slashMenu);
  const commands = await page.locator(`${SEL.slashItem} .o_copilot_slash_label`).allInnerTexts();
  await page.keyboard.press("Enter"); // the first command, /quote: its argument is a customer
  await page.waitForFunction(
    (menu) => document.querySelector(`${menu} .o_copilot_slash_title`)?.textContent?.includes("—") && document.querySelector(`${menu} .o_copilot_slash_item`),
    SEL.slashMenu,
    { timeout: TIMEOUT },
  );
  const customers = await page.locator(`${SEL.slashItem} .o_copilot_slash_label`).allInnerTexts();
  await shot(page, "full-page");
  await page.keyboard.press("Escape");
  await page.waitForSelector(SEL.slashMenu, { state: "detached" });
  step("slash menu and name search", `${commands.length} commands; /quote → ${customers.slice(0, 3).join(" | ")}`);
}

async function fullPageStory(page) {
  await openFullPage(page);
  await slashQuote(page);
  await projectContext(page);
  await renamePinDelete(page);
  await memories(page);
  await navigateWhileAnswering(page);
}

async function main() {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  let failure;
  let page;
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "en-US" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: ODOO_URL });
    page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    watchConsole(page);

    await login(page);
    await openPanel(page);
    await shot(page, "panel-open");
    await checkKeyboard(page);

    const { outcome } = await send(page, SIMPLE_MESSAGE);
    if (outcome === "error") {
      const text = await page.locator(SEL.sendError).last().innerText();
      await shot(page, "panel-error");
      step("send failed and the error is shown in place with Retry", text.replace(/\s+/g, " ").trim());
    } else {
      await shot(page, "panel-reply");
      step("reply shown");
    }
    await page.click(SEL.input);
    await page.keyboard.press("ArrowUp");
    if ((await page.inputValue(SEL.input)) !== SIMPLE_MESSAGE) {
      throw new Error(`Up in the empty composer should bring back ${JSON.stringify(SIMPLE_MESSAGE)}`);
    }
    await page.fill(SEL.input, "");
    step("Up in the empty composer brings the last message back");

    if (STORY) {
      await quoteStory(page);
      await stockQuestion(page);
      await choiceStory(page);
      await screenStory(page);
    }
    if (STOP) {
      await stopStory(page);
    }
    if (FULL_PAGE) {
      await fullPageStory(page);
    } else if (FULL_PAGE_SMOKE) {
      await fullPageSmoke(page);
    }

    // Odoo's own alarms: an error dialog, or the banner of a stylesheet that did not compile
    // (e.g. the panel's bundle naming a file this version lacks).
    const alarm = await page.evaluate(() => ({
      dialog: Boolean(document.querySelector(".o_error_dialog, .o_dialog_error, .modal .o_error_detail")),
      css: getComputedStyle(document.body, "::before").content.includes("css error"),
    }));
    if (alarm.dialog || alarm.css) {
      throw new Error(`Odoo shows ${alarm.dialog ? "an error dialog" : "a stylesheet error"}`);
    }
    step("no error dialog, stylesheets compiled");

    // Same session on a phone-sized screen (the first page has built the asset bundles by now).
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.addCookies(await context.cookies());
    const phonePage = await phone.newPage();
    phonePage.setDefaultTimeout(TIMEOUT);
    watchConsole(phonePage);
    await phonePage.goto(`${ODOO_URL}/web#action=base.action_res_users`);
    await phonePage.waitForSelector(SEL.systray, { timeout: TIMEOUT });
    await phonePage.click(SEL.systray);
    await phonePage.waitForSelector(SEL.settled, { timeout: TIMEOUT });
    await shot(phonePage, "panel-phone");
    const width = await phonePage.locator(SEL.panel).evaluate((el) => el.getBoundingClientRect().width);
    if (Math.round(width) !== 390) {
      throw new Error(`on a phone the panel should take the full width, it is ${width}px`);
    }
    step("full width on a phone");
  } catch (error) {
    failure = error;
    await page?.screenshot({ path: join(SCREENSHOT_DIR, `${PREFIX}failure.png`) }).catch(() => {});
  } finally {
    await browser.close();
  }

  // Errors from the panel: its module, its routes, or any uncaught exception.
  const ours = consoleErrors.filter(
    (text) => /copilot|needed by other modules|have not been defined/i.test(text) || text.startsWith("pageerror:"),
  );
  if (consoleErrors.length) {
    console.log(`Console errors (${consoleErrors.length}):\n  ${consoleErrors.join("\n  ")}`);
  }
  if (failure) {
    console.error(`✗ ${failure.message}`);
    process.exitCode = 1;
  } else if (ours.length) {
    console.error(`✗ ${ours.length} console error(s) from the panel`);
    process.exitCode = 1;
  } else {
    console.log(`All ${steps.length} steps passed; no console error from the panel.`);
  }
}

await main();
