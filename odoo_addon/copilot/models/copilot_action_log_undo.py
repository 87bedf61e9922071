# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Undoing a copilot action, as the user, all or nothing: the checks every change passes, the
undo's own entry in the chain, and how each change is undone — a ``write`` by writing back the
values it replaced (``copilot_action_log_restore.py``), anything else by the rule its app
registered (``odoo.addons.copilot.undo_rules``)."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .. import undo_rules
from .copilot_action_log import from_json, to_json
from .copilot_action_log_values import write_stamp

#: ``method`` of the entry that records an undo.
UNDO_METHOD = 'undo'


class CopilotActionLog(models.Model):
    _inherit = 'copilot.action.log'

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_undo(self):
        """Undo this change in Odoo, as the current user (button of the form view)."""
        self.ensure_one()
        result = self._undo()
        return {
            'type': 'ir.actions.client',
            'tag': 'display_notification',
            'params': {
                'title': _("Change undone"),
                'message': result['message'],
                'type': 'success',
                'sticky': False,
                'next': {'type': 'ir.actions.client', 'tag': 'soft_reload'},
            },
        }

    @api.model
    def undo_action(self, action_id):
        """Undo every change of a copilot action, newest first (the agent's ``undo`` tool).

        Public, for ``/copilot/rpc``: it runs as the user, who only finds their own entries
        (administrators: everyone's).

        :return: ``{'undone': True, 'message': str}``
        :raise UserError: a change cannot be undone; nothing is undone then
        """
        return self._undo_action(action_id)

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    @api.model
    def _undo_action(self, action_id):
        """Undo the changes of a copilot action the user can see, newest first.

        :return: ``{'undone': True, 'message': str}``
        :raise UserError: no such action, already undone, or a change cannot be undone
        """
        if not isinstance(action_id, str) or not action_id:
            raise UserError(_("Invalid copilot action id."))
        logs = self.search([('action_id', '=', action_id), ('method', '!=', UNDO_METHOD)])
        if not logs:
            raise UserError(_("No change of the copilot has this action id."))
        pending = logs.filtered(lambda log: not log.undone_date)
        if not pending:
            raise UserError(_("This change was already undone."))
        return pending._undo()

    def _undo(self):
        """Undo these entries' changes, newest first, as the current user; all or nothing.

        Every change is checked before anything is undone; a refusal raises ``UserError``
        (and the transaction, if something was undone already, is rolled back with it).
        """
        logs = self.sorted('id', reverse=True)
        # write_date each record must have for the next (older) entry: the newest entry's is
        # compared with the record, an older one's with what the newer entry found before it
        stamps = {}
        for log in logs:
            log._check_undoable(stamps)
        messages = [log._undo_one() for log in logs]
        return {'undone': True, 'message': '\n'.join(messages)}

    def _records(self):
        """The records of the entry, as the current user (existing or not)."""
        ids = [rid for rid in from_json(self.res_ids, []) if isinstance(rid, int)]
        return self.env[self.model].browse(ids)

    def _check_undoable(self, stamps):
        """Raise a ``UserError`` when this entry's change cannot be undone now."""
        self.ensure_one()
        if self.method == UNDO_METHOD:
            raise UserError(_("An undo cannot itself be undone."))
        if self.undone_date:
            raise UserError(_("This change was already undone."))
        if self.model not in self.env:
            raise UserError(_(
                "%(change)s cannot be undone: its app is no longer installed.", change=self.name,
            ))
        rule = undo_rules.rule_for(self)
        if rule:
            rule.refuse()
        elif self.method != 'write':
            raise UserError(_(
                "%(change)s cannot be undone by the copilot: change it back in Odoo.",
                change=self.name,
            ))
        before = from_json(self.values_before, {})
        after = from_json(self.values_after)
        if not after:
            raise UserError(_(
                "%(change)s was logged before the copilot could undo changes: change it back "
                "in Odoo.",
                change=self.name,
            ))
        records = self._records()
        if not records or records.exists() != records:
            raise UserError(_(
                "%(change)s cannot be undone: its record no longer exists.", change=self.name,
            ))
        if rule:
            rule.check(records, after)
            if not rule.check_write_date:
                return
        for record in records:
            logged = after.get(str(record.id)) or {}
            key = (record._name, record.id)
            if key in stamps:
                current = stamps[key]
            else:
                record.invalidate_recordset(['write_date', 'write_uid'])
                current = write_stamp(record)
            if not logged.get('write_date') or logged['write_date'] != current:
                raise UserError(_(
                    "%(record)s has been changed since, by %(user)s: the copilot's change "
                    "cannot be undone.",
                    record=record.display_name,
                    user=record.write_uid.display_name or _("someone"),
                ))
            if self.method == 'write':
                self._check_lines(record, before.get(str(record.id)) or {}, logged)
            stamps[key] = (before.get(str(record.id)) or {}).get('write_date')

    def _undo_one(self):
        """Undo this entry's change (checked already) and log the undo; return a message."""
        self.ensure_one()
        records = self._records()
        rule = undo_rules.rule_for(self)
        if rule:
            values_after = from_json(self.values_after, {})
            operation, message, before, after = rule.undo(records, values_after)
        else:
            operation, message, before, after = self._undo_write(records)
        self._log_undo(operation, before, after)
        return message

    def _log_undo(self, operation, before, after):
        """Log the undo of this entry (chained like any entry) and mark this entry undone."""
        meta = self.env.context.get('copilot_log_meta') or {}
        # sudo: users may not write log entries; the undo ran with the user's rights.
        self.env['copilot.action.log'].sudo().create({
            'user_id': self.env.uid,
            'company_id': self.env.company.id,
            'tool': meta.get('tool'),
            'model': self.model,
            'method': UNDO_METHOD,
            'res_ids': self.res_ids,
            'args': to_json({'log_id': self.id, 'action_id': self.action_id,
                             'operation': operation}),
            'values_before': to_json(before),
            'values_after': to_json(after),
            'session_id': meta.get('session_id'),
            'turn_id': meta.get('turn_id'),
            'action_id': meta.get('action_id'),
            'client': meta.get('client'),
        })
        # sudo: the undo marking is the one change an entry allows, made by the undo itself.
        self.sudo().write({'undone_by_id': self.env.uid, 'undone_date': fields.Datetime.now()})
