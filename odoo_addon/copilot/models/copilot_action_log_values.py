# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Snapshots: which fields a logged call touches, and their values before and after it, as
the user could read them (what an entry records, and what an undo compares and restores)."""
from odoo import api, models
from odoo.exceptions import AccessError, MissingError

#: Field types whose values are not logged (file contents).
UNLOGGED_TYPES = frozenset({'binary'})


def write_stamp(record):
    """A record's ``write_date`` to the microsecond: each transaction writes its own."""
    return record.write_date.isoformat(sep=' ') if record.write_date else None


class CopilotActionLog(models.Model):
    _inherit = 'copilot.action.log'

    @api.model
    def _tracked_fields(self, model, method, call_args, call_kwargs):
        """What to read before and after a call: ``(field names, {one2many: line fields})``.

        ``write``: the fields written, and for a one2many written with commands, the fields
        those commands set on its lines; ``create``: the fields given; any other method: the
        record's ``state`` when it has one. ``write_date`` is always read too.
        """
        def arg(index, name):
            if len(call_args) > index:
                return call_args[index]
            return call_kwargs.get(name)

        names, line_fields = [], {}
        if method == 'write':
            vals = arg(1, 'vals')
            vals = vals if isinstance(vals, dict) else {}
            names = [name for name in vals if name in model._fields]
            for name in names:
                if model._fields[name].type == 'one2many' and isinstance(vals[name], list):
                    line_fields[name] = sorted({
                        key
                        for command in vals[name]
                        if isinstance(command, (list, tuple)) and len(command) == 3
                        and isinstance(command[2], dict)
                        for key in command[2]
                        if key in model[name]._fields
                    })
        elif method == 'create':
            vals_list = arg(0, 'vals_list')
            vals_list = [vals_list] if isinstance(vals_list, dict) else vals_list
            if isinstance(vals_list, list):
                names = sorted({
                    name for vals in vals_list if isinstance(vals, dict)
                    for name in vals if name in model._fields
                })
        elif 'state' in model._fields:
            names = ['state']
        return names, line_fields

    @api.model
    def _read_values(self, records, names, line_fields=None):
        """``{record id: {field: value}}`` of ``names`` as the current user can read them.

        Values are as ``read()`` returns them; fields the user may not read, and file
        contents, are left out, and so are records the user may not read. ``write_date``
        is added, to the microsecond. A one2many of ``line_fields`` is
        ``{'ids': [...], 'lines': {line id: {field: value}}}``.
        """
        if not records:
            return {}
        line_fields = line_fields or {}
        wanted = [*names, 'write_date'] if 'write_date' in records._fields else list(names)
        described = records.fields_get(wanted, ['type'])
        readable = [
            name for name in dict.fromkeys(wanted)
            if name in described and described[name]['type'] not in UNLOGGED_TYPES
        ]
        try:
            rows = records.read(readable)
        except (AccessError, MissingError):
            return {}
        values = {}
        for row in rows:
            record = records.browse(row.pop('id'))
            if 'write_date' in row:
                row['write_date'] = write_stamp(record)
            for name, sub_names in line_fields.items():
                if name in row:
                    lines = record[name]
                    row[name] = {
                        'ids': lines.ids,
                        'lines': self._read_values(lines, sub_names) if sub_names else {},
                    }
            values[str(record.id)] = row
        return values
