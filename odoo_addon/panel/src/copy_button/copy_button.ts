import { Component, onWillUnmount, useState, xml } from "@odoo/owl";

import { _t } from "../odoo/l10n";

/** How long "Copied" shows. */
const FEEDBACK_MS = 1500;

/** Puts `text` in the clipboard; the Clipboard API needs a secure context (HTTPS or localhost). */
async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused (permissions): try the old way
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Copies a reply's text (copilot.CopyButton), with a "Copied" feedback. */
export class CopyButton extends Component<{ text: string }> {
  static template = xml`
    <button type="button" class="btn btn-link btn-sm o_copilot_copy"
            t-att-class="{ 'o_copilot_copied': state.copied }"
            t-att-aria-label="labels.copy" t-att-title="labels.copy" t-on-click="copy">
      <i class="fa" t-att-class="state.copied ? 'fa-check' : 'fa-clone'" aria-hidden="true"/>
      <span t-if="state.copied" class="ms-1" role="status" t-esc="labels.copied"/>
    </button>`;
  static props = { text: String };

  declare state: { copied: boolean };
  declare timer: ReturnType<typeof setTimeout> | undefined;

  setup(): void {
    this.state = useState({ copied: false });
    this.timer = undefined;
    onWillUnmount(() => clearTimeout(this.timer));
  }

  get labels(): Record<string, string> {
    return { copy: _t("Copy"), copied: _t("Copied") };
  }

  async copy(): Promise<void> {
    if (await writeClipboard(this.props.text)) {
      this.state.copied = true;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => (this.state.copied = false), FEEDBACK_MS);
    }
  }
}
