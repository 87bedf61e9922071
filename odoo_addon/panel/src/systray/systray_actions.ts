import type { CopilotStore } from "../store/copilot_store";

function focusInput(root: Element | null): boolean {
  const input = root?.querySelector<HTMLElement>(".o_copilot_input");
  input?.focus();
  return Boolean(input);
}

/**
 * What the systray button and the shortcut do, once the panel is loaded (the button itself is
 * in the launcher, src/launcher/systray_button.ts).
 */

/** In the full page, the conversation is already on screen: go to its input; else open or close the panel. */
export function systrayClick(store: CopilotStore): void {
  if (store.fullPage && focusInput(document.querySelector(".o_copilot_app"))) {
    return;
  }
  store.toggle();
}

/** Opens the panel (its input takes the focus); open, goes to its input; there already, closes it. */
export function systrayShortcut(store: CopilotStore): void {
  if (store.fullPage && focusInput(document.querySelector(".o_copilot_app"))) {
    return;
  }
  if (!store.isOpen) {
    store.open();
    return;
  }
  const panel = document.getElementById("o_copilot_panel");
  if (panel && !panel.contains(document.activeElement) && focusInput(panel)) {
    return;
  }
  store.close();
  document.querySelector<HTMLElement>(".o_copilot_systray_button")?.focus();
}
