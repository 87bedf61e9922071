# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Discuss: a note the copilot posted on a record (``message_post``, any model) is deleted."""
from odoo import _
from odoo.exceptions import AccessError, UserError

from .rule import UndoRule, register


@register
class MailNoteUndo(UndoRule):
    methods = ('message_post',)
    # posting a note is no change of the record: a later change of it does not matter
    check_write_date = False

    def check(self, records, values_after):
        for values in values_after.values():
            message = self.env['mail.message'].browse(values.get('message_id') or [])
            if not message.exists():
                raise UserError(_("The note was deleted already."))

    def undo(self, records, values_after):
        messages = self.env['mail.message'].browse(
            [values.get('message_id') for values in values_after.values()]
        )
        before = {str(message.id): {'model': message.model, 'res_id': message.res_id}
                  for message in messages}
        try:
            messages.unlink()
        except AccessError:
            raise UserError(_(
                "You are not allowed to delete this note: ask its author or an administrator."
            )) from None
        return 'delete_message', _("Note deleted."), before, {}
