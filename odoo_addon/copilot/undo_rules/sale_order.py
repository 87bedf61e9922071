# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Sales: a quotation the copilot created is cancelled, then deleted when the user may; a
confirmation is never undone by the copilot."""
from odoo import _
from odoo.exceptions import UserError

from .. import compat
from .rule import UndoRule, register


@register
class SaleOrderUndo(UndoRule):
    model = 'sale.order'
    methods = ('create', 'action_confirm')

    def refuse(self):
        if self.log.method == 'action_confirm':
            raise UserError(_("A confirmed order cannot be undone here; cancel it in Odoo."))

    def check(self, records, values_after):
        for order in records:
            if order.state == 'sale':
                raise UserError(_(
                    "A confirmed order cannot be undone here; cancel it in Odoo."
                ))
            if order.state not in ('draft', 'sent'):
                raise UserError(_(
                    "%(record)s is no longer a quotation: it cannot be undone.",
                    record=order.display_name,
                ))

    def undo(self, orders, values_after):
        before = self.log._read_values(orders, ['state'])
        names = ', '.join(orders.mapped('display_name'))
        orders.with_context(disable_cancel_warning=True).action_cancel()
        if compat.can(self.env, 'sale.order', 'unlink'):
            orders.unlink()
            return 'unlink', _("Quotation %(name)s cancelled and deleted.", name=names), before, {}
        after = self.log._read_values(orders, ['state'])
        return 'cancel', _(
            "Quotation %(name)s cancelled (you may not delete quotations: it stays cancelled).",
            name=names,
        ), before, after
