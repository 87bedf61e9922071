# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Undoing a copilot ``write``, on any model: the values it replaced are written back, the
lines it added are deleted and the lines it changed get their values back."""
from odoo import Command, _, models
from odoo.exceptions import UserError

from .copilot_action_log import from_json

#: Field types whose values are not restored.
UNRESTORED_TYPES = frozenset({'binary', 'properties', 'properties_definition', 'json'})
#: Fields Odoo sets by itself on every write: never restored.
MAGIC_FIELDS = frozenset({'id', 'create_uid', 'create_date', 'write_uid', 'write_date'})


class CopilotActionLog(models.Model):
    _inherit = 'copilot.action.log'

    def _check_lines(self, record, before, after):
        """Refuse to undo a write that removed lines: they cannot be restored as they were."""
        for name, value in before.items():
            if isinstance(value, dict) and set(value.get('ids', [])) - set(
                (after.get(name) or {}).get('ids', [])
            ):
                raise UserError(_(
                    "Lines of %(record)s were removed by the copilot: add them back in Odoo.",
                    record=record.display_name,
                ))

    def _undo_write(self, records):
        """Write back the values the copilot's write replaced."""
        before = from_json(self.values_before, {})
        after = from_json(self.values_after, {})
        names, line_fields = set(), {}
        for record in records:
            record_before = before.get(str(record.id)) or {}
            vals = self._restore_values(record, record_before, after.get(str(record.id)) or {})
            if vals:
                record.write(vals)
            names.update(vals)
            for name in vals:
                if isinstance(record_before.get(name), dict):
                    line_fields.setdefault(name, set()).update(
                        key
                        for line_values in record_before[name].get('lines', {}).values()
                        for key in line_values if key not in MAGIC_FIELDS
                    )
        restored = self._read_values(
            records, sorted(names), {name: sorted(keys) for name, keys in line_fields.items()},
        )
        # before the undo: the values the copilot wrote, as logged (unchanged since: checked)
        return 'restore', _(
            "Previous values of %(name)s restored.",
            name=', '.join(records.mapped('display_name')),
        ), after, restored

    def _restore_values(self, record, before, after):
        """The ``write`` values putting back ``before`` where it differs from ``after``.

        Both are one record's values as :meth:`_read_values` reads them (``after``: as the
        copilot's change left them, which the caller checked are still current).
        """
        vals = {}
        for name, value in before.items():
            field = record._fields.get(name)
            if field is None or name in MAGIC_FIELDS or field.type in UNRESTORED_TYPES:
                continue
            if field.type == 'one2many':
                commands = self._restore_lines(record[name], value, after.get(name))
                if commands:
                    vals[name] = commands
            elif name in after and after[name] == value:
                continue
            elif field.type == 'many2one':
                vals[name] = value[0] if isinstance(value, list) and value else False
            elif field.type == 'many2many':
                vals[name] = [Command.set(value or [])]
            else:
                vals[name] = value
        return vals

    def _restore_lines(self, lines, before, after):
        """Commands putting back the lines of a one2many as they were before the write.

        Lines the write added are deleted, and lines it changed get their values back
        (lines it removed are refused earlier, by :meth:`_check_lines`).
        """
        if not isinstance(before, dict):
            return []
        after = after if isinstance(after, dict) else {}
        after_ids = set(after.get('ids', []))
        after_lines = after.get('lines') or {}
        commands = [
            Command.delete(line_id) for line_id in sorted(after_ids - set(before.get('ids', [])))
        ]
        for line_id, values in (before.get('lines') or {}).items():
            if int(line_id) in after_ids:
                line = lines.browse(int(line_id))
                line_vals = self._restore_values(line, values, after_lines.get(line_id) or {})
                if line_vals:
                    commands.append(Command.update(line.id, line_vals))
        return commands
