import { _t } from "../odoo/l10n";
import { RpcError } from "../odoo/rpc";

/**
 * The text to show in the panel for a failed request. Odoo's own errors (UserError raised by
 * the addon, e.g. "the Copilot service cannot be reached") are already translated by the
 * server; the panel only words what the server could not say.
 */
export function describeError(error: unknown): string {
  if (error instanceof RpcError) {
    if (error.isSessionExpired) {
      return _t("Your Odoo session has expired. Reload the page to sign in again.");
    }
    if (error.isMissingRoute) {
      return _t("This needs a newer version of the Copilot module on this Odoo server. Ask your administrator to upgrade it.");
    }
    switch (error.kind) {
      case "server":
        return error.message;
      case "network":
        return _t("Odoo cannot be reached. Check your connection and try again.");
      case "http":
        return _t("The Copilot route answered with an unexpected error (HTTP %s).", error.status ?? 0);
    }
  }
  return _t("Something went wrong: %s", error instanceof Error ? error.message : String(error));
}
