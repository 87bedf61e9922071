/**
 * `_t` for the whole panel, imported from Odoo in this one module so the bundle holds a single
 * `import { _t } from "@web/core/l10n/translation"` line: Odoo 19's transpiler rewrites exactly
 * that line to bind `_t` to this addon's translations (a renamed `_t2` would miss them), and
 * Odoo's term extractor looks for `_t("…")` calls.
 */
export { _t } from "@web/core/l10n/translation";
