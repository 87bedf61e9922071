import { Component, onMounted, onWillUnmount, useRef, useState, xml } from "@odoo/owl";

import type { NameSearch } from "../odoo/name_search";
import { _t } from "../odoo/l10n";
import { menuKeydown } from "../slash/menu_keys";
import {
  commandText,
  displayName,
  filterCommands,
  findCommand,
  otherName,
  parseSlashInput,
  slashLabel,
  slashUsage,
  withArgument,
  type SlashCommand,
  type SlashInput,
} from "../slash/slash_commands";
import { SlashMenu, type SlashMenuItem } from "../slash_menu/slash_menu";
import type { ProjectContext } from "../store/turn";

export interface ComposerProps {
  /** Text to start from (kept by the store while the panel is closed). */
  draft: string;
  /** A request is running: typing is allowed, sending is not. */
  busy: boolean;
  /** An answer is being written: the send button is a Stop button. */
  canStop: boolean;
  /** What Up in the empty input brings back: the last message sent. */
  lastMessage: string;
  /** Take the focus when mounted. */
  autofocus: boolean;
  onDraftChange: (text: string) => void;
  onSend: (text: string) => Promise<boolean> | boolean;
  onStop: () => void;
  /** The user's language (BCP 47): French users see `/devis`, others `/quote`. */
  lang?: string;
  /** Completes a slash command's argument (Odoo's name_search); none: no argument menu. */
  nameSearch?: NameSearch;
  /** Runs a command that never leaves the panel (`new`). */
  onCommand?: (name: string) => void;
  /** The project the chat is about (a chip above the input); pass undefined, not null, for none. */
  project?: ProjectContext;
  onClearProject?: () => void;
  /** The records on screen the message will go with (a chip; its × sets them aside). */
  screen?: { name: string; selected?: number };
  onIgnoreScreen?: () => void;
}

/** Lines the textarea grows to before it scrolls. */
const MAX_HEIGHT_PX = 200;
/** Wait this long after the last key before asking Odoo for names. */
const SEARCH_DELAY_MS = 150;

type MenuKind = "" | "command" | "argument";

interface ComposerState {
  hasText: boolean;
  menu: MenuKind;
  items: SlashMenuItem[];
  active: number;
  loading: boolean;
}

let nextComposerId = 1;

/**
 * The message input (copilot.Composer): Enter sends, Shift+Enter starts a new line, Up in the
 * empty input brings the last message back to edit; while an answer is written, Stop. Typing
 * `/` opens the slash commands (Up/Down, Enter or Tab to pick, Escape to close), then the
 * records that complete the picked command's argument.
 */
/** What the message goes with, above the input (the records on screen, the project), and its ×. */
class ContextChip extends Component<{ kind: string; icon: string; label: string; title?: string; clearLabel: string; onClear: () => void }> {
  static template = xml`
    <span t-attf-class="badge rounded-pill o_copilot_context_chip o_copilot_{{ props.kind }}_chip" t-att-title="props.title">
      <i t-attf-class="fa {{ props.icon }} me-1" aria-hidden="true"/>
      <span t-esc="props.label"/>
      <button type="button" class="btn btn-link o_copilot_context_clear"
              t-att-aria-label="props.clearLabel" t-att-title="props.clearLabel" t-on-click="() => props.onClear()">
        <i class="fa fa-times" aria-hidden="true"/>
      </button>
    </span>`;
  static props = { kind: String, icon: String, label: String, title: { type: String, optional: true }, clearLabel: String, onClear: Function };
}

export class Composer extends Component<ComposerProps> {
  static components = { SlashMenu, ContextChip };
  static template = xml`
    <form class="o_copilot_composer" t-on-submit.prevent="submit">
      <div t-if="props.project or props.screen" class="o_copilot_context">
        <ContextChip t-if="props.screen" kind="'screen'" icon="'fa-eye'" label="screenLabel" title="labels.screenHint"
                     clearLabel="labels.ignoreScreen" onClear="() => props.onIgnoreScreen and props.onIgnoreScreen()"/>
        <ContextChip t-if="props.project" kind="'project'" icon="'fa-folder-open-o'" label="projectLabel"
                     clearLabel="labels.clearProject" onClear="() => props.onClearProject and props.onClearProject()"/>
      </div>
      <div class="o_copilot_composer_box">
        <SlashMenu t-if="state.menu" id="menuId" title="menuTitle" items="state.items" active="state.active"
                   loading="state.loading" loadingText="labels.searching" emptyText="labels.noMatch"
                   onPick.bind="pick" onHover.bind="hover"/>
        <textarea t-ref="input" class="form-control o_copilot_input" rows="1"
                  t-att-placeholder="labels.placeholder" t-att-aria-label="labels.input"
                  t-att-aria-describedby="hintId"
                  role="combobox" aria-autocomplete="list" aria-haspopup="listbox"
                  t-att-aria-expanded="state.menu ? 'true' : 'false'"
                  t-att-aria-controls="state.menu ? menuId : false"
                  t-att-aria-activedescendant="state.menu and state.items.length ? menuId + '_' + state.active : false"
                  t-on-input="onInput" t-on-keydown="onKeydown" t-on-blur="onBlur"/>
        <button t-if="props.canStop" type="button" class="btn btn-secondary o_copilot_stop"
                t-att-aria-label="labels.stop" t-att-title="labels.stop" t-on-click="() => props.onStop()">
          <i class="fa fa-stop" aria-hidden="true"/>
        </button>
        <button t-else="" type="submit" class="btn btn-primary o_copilot_send" t-att-disabled="!canSend"
                t-att-aria-label="labels.send" t-att-title="labels.send">
          <i t-if="props.busy" class="fa fa-circle-o-notch fa-spin" aria-hidden="true"/>
          <i t-else="" class="fa fa-paper-plane" aria-hidden="true"/>
        </button>
      </div>
      <div t-att-id="hintId" class="o_copilot_composer_hint text-muted" t-esc="labels.hint"/>
    </form>`;
  static props = {
    draft: String,
    busy: Boolean,
    canStop: Boolean,
    lastMessage: String,
    autofocus: Boolean,
    onDraftChange: Function,
    onSend: Function,
    onStop: Function,
    lang: { type: String, optional: true },
    nameSearch: { type: Function, optional: true },
    onCommand: { type: Function, optional: true },
    project: { type: Object, optional: true },
    onClearProject: { type: Function, optional: true },
    screen: { type: Object, optional: true },
    onIgnoreScreen: { type: Function, optional: true },
  };

  declare input: { el: HTMLTextAreaElement | null };
  declare state: ComposerState;
  declare menuId: string;
  declare hintId: string;
  /** The commands or records behind the menu's items, same order. */
  declare choices: (SlashCommand | string)[];
  /** The slash input the menu was built for. */
  declare slash: SlashInput | null;
  /** The text just written by a pick: no menu for it until the user types again. */
  declare pickedText: string;
  declare searchTimer: ReturnType<typeof setTimeout> | undefined;
  declare searchSeq: number;

  setup(): void {
    this.input = useRef("input");
    this.state = useState({ hasText: Boolean(this.props.draft.trim()), menu: "", items: [], active: 0, loading: false });
    const id = nextComposerId++;
    this.menuId = `o_copilot_slash_menu_${id}`;
    this.hintId = `o_copilot_composer_hint_${id}`;
    this.choices = [];
    this.slash = null;
    this.pickedText = "";
    this.searchTimer = undefined;
    this.searchSeq = 0;
    onMounted(() => {
      const el = this.input.el;
      if (el) {
        el.value = this.props.draft;
        this.resize();
        if (this.props.autofocus) {
          el.focus();
        }
      }
    });
    onWillUnmount(() => clearTimeout(this.searchTimer));
  }

  get labels(): Record<string, string> {
    return {
      placeholder: _t("Ask Copilot… (/ for commands)"),
      input: _t("Message to Copilot"),
      send: _t("Send"),
      stop: _t("Stop"),
      hint: _t("Enter to send, Shift+Enter for a new line, / for commands"),
      commands: _t("Commands"),
      searching: _t("Searching…"),
      noMatch: _t("No match"),
      clearProject: _t("Stop talking about this project"),
      ignoreScreen: _t("Do not use this screen"),
      screenHint: _t("Copilot sees what is open or selected here: \"this customer\", \"these tasks\""),
    };
  }

  get lang(): string {
    return this.props.lang || "en-US";
  }

  get screenLabel(): string {
    const screen = this.props.screen;
    if (!screen) {
      return "";
    }
    return screen.selected === undefined ? _t("On screen: %s", screen.name) : _t("On screen: %s (%s selected)", screen.name, String(screen.selected));
  }

  get projectLabel(): string {
    return this.props.project ? _t("Project: %s", this.props.project.name) : "";
  }

  get menuTitle(): string {
    const slash = this.slash;
    if (this.state.menu === "argument" && slash?.kind === "argument") {
      return `/${slash.typed} — ${slashUsage(slash.command, this.lang) || slashLabel(slash.command, this.lang)}`;
    }
    return this.labels.commands!;
  }

  get canSend(): boolean {
    return this.state.hasText && !this.props.busy;
  }

  resize(): void {
    const el = this.input.el;
    if (!el) {
      return;
    }
    el.style.height = "auto";
    const height = Math.min(el.scrollHeight, MAX_HEIGHT_PX);
    el.style.height = `${height}px`;
    el.style.overflowY = el.scrollHeight > MAX_HEIGHT_PX ? "auto" : "hidden";
  }

  onInput(): void {
    const text = this.input.el?.value ?? "";
    this.state.hasText = Boolean(text.trim());
    this.props.onDraftChange(text);
    this.resize();
    this.updateMenu(text);
  }

  // ------------------------------------------------------------------------------------------
  // Slash menu
  // ------------------------------------------------------------------------------------------

  closeMenu(): void {
    clearTimeout(this.searchTimer);
    this.searchSeq++;
    this.slash = null;
    this.choices = [];
    Object.assign(this.state, { menu: "", items: [], active: 0, loading: false });
  }

  /** Opens, filters or closes the menu for the text now in the input. */
  updateMenu(text: string): void {
    const slash = text === this.pickedText ? null : parseSlashInput(text);
    if (!slash) {
      this.closeMenu();
      return;
    }
    if (slash.kind === "command") {
      const commands = filterCommands(slash.query, this.lang);
      if (!commands.length) {
        this.closeMenu();
        return;
      }
      this.slash = slash;
      this.choices = commands;
      Object.assign(this.state, {
        menu: "command",
        loading: false,
        active: 0,
        items: commands.map((command) => ({
          key: command.name,
          label: `/${displayName(command, this.lang)}`,
          alias: otherName(command, this.lang) ? `/${otherName(command, this.lang)}` : "",
          detail: slashLabel(command, this.lang),
        })),
      });
      return;
    }
    const nameSearch = this.props.nameSearch;
    const model = slash.command.argument?.model;
    if (!nameSearch || !model) {
      this.closeMenu();
      return;
    }
    const sameCommand = this.state.menu === "argument" && this.slash?.kind === "argument" && this.slash.command === slash.command;
    this.slash = slash;
    if (!sameCommand) {
      this.choices = [];
      Object.assign(this.state, { menu: "argument", items: [], active: 0 });
    }
    this.state.loading = true;
    clearTimeout(this.searchTimer);
    const seq = ++this.searchSeq;
    this.searchTimer = setTimeout(async () => {
      let records: { id: number; name: string }[] = [];
      try {
        records = await nameSearch(model, slash.argument.trim());
      } catch {
        records = []; // no such model here (an app not installed), or no right to read it
      }
      if (seq !== this.searchSeq) {
        return;
      }
      this.choices = records.map((record) => record.name);
      Object.assign(this.state, {
        loading: false,
        active: 0,
        items: records.map((record) => ({ key: String(record.id), label: record.name, alias: "", detail: "" })),
      });
    }, SEARCH_DELAY_MS);
  }

  hover(index: number): void {
    this.state.active = index;
  }

  /** Writes `text` in the input as if typed, caret at the end. */
  setText(text: string): void {
    const el = this.input.el;
    if (!el) {
      return;
    }
    el.value = text;
    el.focus();
    el.setSelectionRange(text.length, text.length);
    this.onInput();
  }

  pick(index: number): void {
    const choice = this.choices[index];
    const slash = this.slash;
    if (choice === undefined || !slash) {
      return;
    }
    if (typeof choice === "string") {
      if (slash.kind === "argument") {
        this.pickedText = withArgument(slash, choice);
        this.setText(this.pickedText);
      }
      return;
    }
    if (choice.local) {
      this.pickedText = "";
      this.setText("");
      this.props.onCommand?.(choice.name);
      return;
    }
    if (!choice.argument) {
      // Nothing to complete: the command runs at once.
      this.setText(commandText(choice, this.lang));
      void this.submit();
      return;
    }
    const name = displayName(choice, this.lang);
    const project = this.props.project;
    if (project && choice.argument.model === "project.project") {
      // The project of the chat's context is the argument.
      this.pickedText = withArgument({ command: choice, typed: name }, project.name);
      this.setText(this.pickedText);
      return;
    }
    this.pickedText = "";
    this.setText(`/${name} `);
  }

  onBlur(): void {
    // A click in the menu keeps the focus (mousedown is prevented there): leaving closes it.
    this.closeMenu();
  }

  onKeydown(ev: KeyboardEvent): void {
    if (this.state.menu && !ev.isComposing && !ev.altKey && !ev.ctrlKey && !ev.metaKey) {
      const result = menuKeydown(ev.key, this.state.active, this.state.items.length, { shift: ev.shiftKey });
      if (result.handled) {
        ev.preventDefault();
        ev.stopPropagation(); // Escape closes the menu, not the panel
        this.state.active = result.active;
        if (result.pick) {
          this.pick(result.active);
        } else if (result.close) {
          this.pickedText = this.input.el?.value ?? "";
          this.closeMenu();
        }
        return;
      }
    }
    // isComposing: Enter that validates an IME composition (Japanese, Chinese…) is not a send.
    if (ev.key === "Enter" && !ev.shiftKey && !ev.isComposing) {
      ev.preventDefault();
      void this.submit();
    } else if (ev.key === "ArrowUp" && !ev.shiftKey && !ev.altKey && !ev.ctrlKey && !ev.metaKey && !ev.isComposing) {
      this.recallLastMessage(ev);
    }
  }

  /** Up in the empty input: the last message sent, to edit and send again. */
  recallLastMessage(ev: KeyboardEvent): void {
    const el = this.input.el;
    if (!el || el.value !== "" || !this.props.lastMessage) {
      return;
    }
    ev.preventDefault();
    el.value = this.props.lastMessage;
    this.onInput();
    el.setSelectionRange(el.value.length, el.value.length);
  }

  async submit(): Promise<void> {
    const el = this.input.el;
    if (!el) {
      return;
    }
    const text = el.value;
    const local = /^\/(\S+)\s*$/.exec(text.trim());
    const command = local ? findCommand(local[1]!) : undefined;
    if (command?.local && this.state.hasText) {
      this.clear();
      this.props.onCommand?.(command.name);
      return;
    }
    if (!this.canSend) {
      return;
    }
    this.clear();
    el.focus();
    await this.props.onSend(text);
  }

  clear(): void {
    const el = this.input.el;
    if (el) {
      el.value = "";
    }
    this.pickedText = "";
    this.closeMenu();
    this.state.hasText = false;
    this.props.onDraftChange("");
    this.resize();
  }
}
