// Stand-in for Odoo's `@web/core/l10n/translation` in the Node tests: English, `%s` filled in.
export function _t(term: string, ...values: (string | number)[]): string {
  let index = 0;
  return values.length ? term.replace(/%s/g, () => String(values[index++] ?? "")) : term;
}
