import { _t } from "../odoo/l10n";

/** What the panel says while a tool runs ("Searching products…"); one literal per tool for `_t`. */
export function toolLabel(tool: string): string {
  switch (tool) {
    case "search_customers":
      return _t("Searching customers…");
    case "search_products":
      return _t("Searching products…");
    case "get_stock":
      return _t("Reading stock…");
    case "create_quotation":
      return _t("Preparing the quotation…");
    case "list_quotations":
      return _t("Reading quotations…");
    case "get_quotation":
      return _t("Reading the quotation…");
    case "update_quotation":
      return _t("Preparing the changes to the quotation…");
    case "confirm_quotation":
      return _t("Preparing the confirmation of the quotation…");
    case "send_quotation":
      return _t("Preparing to send the quotation…");
    case "list_projects":
      return _t("Reading projects…");
    case "project_summary":
      return _t("Summarizing the project…");
    case "list_tasks":
      return _t("Reading tasks…");
    case "create_task":
      return _t("Preparing the task…");
    case "update_task":
      return _t("Preparing the changes to the task…");
    case "log_project_note":
      return _t("Preparing the note…");
    case "show_kit":
      return _t("Reading the kit's components…");
    case "list_documents":
      return _t("Reading documents…");
    default:
      return _t("Working…");
  }
}
