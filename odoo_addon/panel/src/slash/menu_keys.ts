/**
 * The keyboard of a suggestion menu attached to a text input (the slash menu): Up/Down move the
 * highlighted item (wrapping), Enter and Tab pick it, Escape closes the menu. A pure function so
 * the composer's behaviour is tested without a DOM.
 */

export interface MenuKeyResult {
  /** The key belongs to the menu: the input must not act on it (preventDefault). */
  handled: boolean;
  /** The highlighted item after the key. */
  active: number;
  pick?: boolean;
  close?: boolean;
}

export function menuKeydown(key: string, active: number, count: number, modifiers: { shift?: boolean } = {}): MenuKeyResult {
  const current = count ? Math.min(Math.max(active, 0), count - 1) : 0;
  switch (key) {
    case "ArrowDown":
      return count ? { handled: true, active: (current + 1) % count } : { handled: false, active: 0 };
    case "ArrowUp":
      return count ? { handled: true, active: (current - 1 + count) % count } : { handled: false, active: 0 };
    case "Enter":
      // Shift+Enter still writes a new line; Enter with nothing to pick sends the message.
      return count && !modifiers.shift ? { handled: true, active: current, pick: true } : { handled: false, active: current };
    case "Tab":
      return count && !modifiers.shift ? { handled: true, active: current, pick: true } : { handled: false, active: current };
    case "Escape":
      return { handled: true, active: current, close: true };
    default:
      return { handled: false, active: current };
  }
}
