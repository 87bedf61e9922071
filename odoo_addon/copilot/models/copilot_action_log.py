# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import hashlib
import json
import logging

from odoo import Command, _, api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError

from .. import compat

_logger = logging.getLogger(__name__)

LIST_VIEW_XMLID = 'copilot.copilot_action_log_view_tree'
LIST_VIEW_FIELDS = """
    <header>
        <button name="action_verify_chain" type="object" string="Verify the chain"
                display="always" icon="fa-shield" groups="base.group_system"/>
    </header>
    <field name="create_date" string="Date"/>
    <field name="user_id" widget="many2one_avatar"/>
    <field name="tool"/>
    <field name="client" optional="show"/>
    <field name="model"/>
    <field name="method"/>
    <field name="res_ids"/>
    <field name="action_id" optional="hide"/>
    <field name="session_id" optional="hide"/>
    <field name="undone_date" optional="show"/>
    <field name="company_id" groups="base.group_multi_company" optional="show"/>
"""

#: ``prev_hash`` of the first entry of a database's chain.
GENESIS_HASH = '0' * 64
#: The advisory lock that serializes the writers of the chain (any constant unique to it).
CHAIN_LOCK_KEY = 0x636F70696C6F74
#: The columns an entry's hash covers: who, what, on which records, with which values, when.
HASHED_COLUMNS = (
    'user_id', 'tool', 'model', 'method', 'res_ids', 'args', 'values_before', 'values_after',
    'session_id', 'turn_id', 'action_id', 'create_date',
)
#: Columns hashed only when they hold a value: entries written before them keep their hash.
OPTIONAL_HASHED_COLUMNS = ('client',)
#: The only fields of an entry that change after it is written: who undid it, and when.
UNDO_FIELDS = frozenset({'undone_by_id', 'undone_date'})
#: ``method`` of the entry that records an undo.
UNDO_METHOD = 'undo'
#: Field types whose values are not logged (file contents) or not restored.
UNLOGGED_TYPES = frozenset({'binary'})
UNRESTORED_TYPES = frozenset({'binary', 'properties', 'properties_definition', 'json'})
#: Fields Odoo sets by itself on every write: never restored.
MAGIC_FIELDS = frozenset({'id', 'create_uid', 'create_date', 'write_uid', 'write_date'})
VERIFY_BATCH = 2000


def canonical_json(value):
    """JSON with sorted keys and no spaces, the text an entry's hash is computed from."""
    return json.dumps(value, sort_keys=True, separators=(',', ':'), ensure_ascii=False)


def entry_content(row):
    """The hashed content of an entry, from its database row (a dict of ``HASHED_COLUMNS``
    and ``OPTIONAL_HASHED_COLUMNS``).

    Empty values are ``None``; ``create_date`` is the string Odoo writes
    (``YYYY-MM-DD HH:MM:SS``, UTC); the JSON columns are hashed as the text stored. An
    optional column (``client``) is part of the content only when it has a value.
    """
    content = {column: row[column] or None for column in HASHED_COLUMNS}
    content['create_date'] = fields.Datetime.to_string(row['create_date']) or None
    content.update((column, row[column]) for column in OPTIONAL_HASHED_COLUMNS if row.get(column))
    return content


def entry_hash(prev_hash, content):
    """``sha256(prev_hash + canonical JSON of the content)``, in hexadecimal."""
    return hashlib.sha256((prev_hash + canonical_json(content)).encode('utf-8')).hexdigest()


def write_stamp(record):
    """A record's ``write_date`` to the microsecond: each transaction writes its own."""
    return record.write_date.isoformat(sep=' ') if record.write_date else None


def to_json(values):
    return None if values is None else json.dumps(values, ensure_ascii=False, default=str)


def from_json(text, default=None):
    try:
        return json.loads(text) if text else default
    except ValueError:
        return default


class CopilotActionLog(models.Model):
    """One write that the copilot made in Odoo, as a user: through ``/copilot/rpc``, or an undo.

    Entries form a hash chain per database: each one stores the hash of the entry before it
    (by id) and its own, ``sha256(prev_hash + canonical JSON of its content)``, so that an
    entry changed or removed in the database breaks the chain (:meth:`_verify_chain`).
    Nobody may change or delete an entry, administrators and ``sudo()`` included; only the
    undo marking (``undone_by_id``, ``undone_date``) is written afterwards, and it is not
    hashed: the undo itself is a hashed entry (method ``undo``).
    """

    _name = 'copilot.action.log'
    _description = 'Copilot Action Log'
    _order = 'id desc'
    _rec_name = 'name'

    name = fields.Char(compute='_compute_name', store=True)
    user_id = fields.Many2one(
        # restrict: deleting a user must not delete their entries, which would break the chain
        'res.users', string='User', required=True, index=True, ondelete='restrict',
        help="The user the copilot acted for: the write ran with this user's rights.",
    )
    company_id = fields.Many2one('res.company', string='Company', index=True)
    tool = fields.Char(help="The copilot tool that made the call, e.g. create_quotation.")
    model = fields.Char(string='Model', required=True, index=True)
    method = fields.Char(string='Method', required=True)
    res_ids = fields.Char(string='Record IDs', help="IDs of the records written, as JSON.")
    args = fields.Text(string='Arguments', help="Arguments of the call, as JSON.")
    values_before = fields.Text(
        string='Values Before',
        help="The changed fields' values just before the call, as the user could read them, "
             "as JSON: {record id: {field: value}}.",
    )
    values_after = fields.Text(
        string='Values After',
        help="The same fields just after the call (for a creation: the fields given), as "
             "JSON: {record id: {field: value}}.",
    )
    session_id = fields.Char(string='Session', index=True)
    turn_id = fields.Char(string='Turn')
    action_id = fields.Char(string='Action', index=True)
    client = fields.Char(
        string='MCP Client', index=True,
        help="The MCP client that made the call (the name of its MCP key); empty for the "
             "copilot's own panel.",
    )
    prev_hash = fields.Char(
        string='Previous Hash', readonly=True,
        help="Hash of the entry before this one (zeros for the first entry).",
    )
    hash = fields.Char(
        string='Hash', readonly=True,
        help="SHA-256 of the previous hash and of this entry's content: an entry changed "
             "in the database no longer matches it.",
    )
    undone_by_id = fields.Many2one('res.users', string='Undone By', readonly=True)
    undone_date = fields.Datetime(string='Undone On', readonly=True)

    # two entries chained to the same one would fork the chain
    _prev_hash_unique = compat.sql_constraint(
        'UNIQUE(prev_hash)', "Two copilot log entries cannot follow the same entry.",
    )

    @api.depends('tool', 'model', 'method')
    def _compute_name(self):
        for log in self:
            call = f'{log.model}.{log.method}'
            log.name = f'{log.tool}: {call}' if log.tool else call

    @api.model
    def _setup_list_view(self):
        """Create or update the list view, with the root tag of the running series.

        Called from ``views/copilot_action_log_views.xml`` on install and on every update
        (see :func:`odoo.addons.copilot.compat.setup_list_view`).
        """
        compat.setup_list_view(
            self.env, LIST_VIEW_XMLID, self._name,
            'string="Copilot Action Log" create="0" edit="0" delete="0" '
            'decoration-muted="undone_date"',
            LIST_VIEW_FIELDS, 'copilot.copilot_action_log_action',
        )

    # ------------------------------------------------------------
    # CRUD: append only
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        """Append entries to the chain, one at a time, while holding the chain's head."""
        logs = self.browse()
        for vals in vals_list:
            prev_hash = self._lock_chain_head()
            log = super().create([dict(vals, prev_hash=prev_hash, hash=False)])
            log._seal(prev_hash)
            logs |= log
        if logs:
            # the chain's newest entry, kept by the agent outside this database
            self.env['copilot.agent']._post_after_commit('copilot.anchor', '/v1/audit/anchor', self._anchor_payload)
        return logs

    def write(self, vals):
        if set(vals) - UNDO_FIELDS:
            raise AccessError(_("Copilot action log entries cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise AccessError(_("Copilot action log entries cannot be deleted."))

    def _lock_chain_head(self):
        """Take the chain (until this transaction ends) and return the hash its next entry follows.

        Odoo's transactions are REPEATABLE READ: a transaction that waited for another one still
        sees the chain as it was when it started, and updating the last entry to lock it (what
        this did before) made every confirm that overlapped another fail with a serialization
        error, which Odoo retries only after sleeping up to seconds on its worker. Instead:
        a transaction-level advisory lock serializes the writers, and the last entry is read
        twice — by this transaction (its own entries, not committed yet) and by a new cursor
        whose snapshot starts after the lock was granted (the entries the previous holder just
        committed) — the newer one is the head. Entries are inserted while the lock is held, so
        ids follow the chain; the unique ``prev_hash`` stays as the last guard.
        """
        self.env.cr.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
        heads = [self._last_entry(self.env.cr)]
        with self.env.registry.cursor() as fresh:
            heads.append(self._last_entry(fresh))
        head = max((row for row in heads if row), key=lambda row: row[0], default=None)
        if head is None:
            return GENESIS_HASH
        if head[1] is None and self._chain_legacy_entries():
            # entries logged before the chain, not chained yet by the module's update
            return self._lock_chain_head()
        return head[1] or ''

    def _last_entry(self, cr):
        """``(id, hash)`` of the newest entry ``cr`` sees, or ``None``."""
        cr.execute(f'SELECT id, hash FROM "{self._table}" ORDER BY id DESC LIMIT 1')
        return cr.fetchone()

    def _seal(self, prev_hash):
        """Compute and store the hash of a new entry, from its row as stored."""
        self.ensure_one()
        row = self._fetch_hashed_rows([self.id])[0]
        self.env.cr.execute(
            f'UPDATE "{self._table}" SET hash = %s WHERE id = %s',
            [entry_hash(prev_hash, entry_content(row)), self.id],
        )
        self.invalidate_recordset(['hash'])

    def _fetch_hashed_rows(self, ids=None, after_id=0, limit=None):
        """Rows (dicts) of ``id``, ``prev_hash``, ``hash`` and the hashed columns, by id."""
        columns = ', '.join(
            f'"{column}"'
            for column in ('id', 'prev_hash', 'hash', *HASHED_COLUMNS, *OPTIONAL_HASHED_COLUMNS)
        )
        if ids is not None:
            self.env.cr.execute(
                f'SELECT {columns} FROM "{self._table}" WHERE id = ANY(%s) ORDER BY id', [ids],
            )
        else:
            self.env.cr.execute(
                f'SELECT {columns} FROM "{self._table}" WHERE id > %s ORDER BY id LIMIT %s',
                [after_id, limit],
            )
        return self.env.cr.dictfetchall()

    @api.model
    def _anchor_payload(self):
        """The chain's newest entry as the agent keeps it: ``{db, id, hash}``, or ``None``."""
        self.env.cr.execute(f'SELECT id, hash FROM "{self._table}" WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1')
        row = self.env.cr.fetchone()
        return {'db': self.env.cr.dbname, 'id': row[0], 'hash': row[1]} if row else None

    @api.model
    def _check_anchor(self):
        """Compare the chain with the anchor the agent keeps (the newest entry it was told of).

        Whoever can write to the database can recompute the whole chain, or delete its newest
        entries, and :meth:`_verify_chain` still finds it intact; the anchor lives outside
        the database, so that the entry it names must still be there, with that hash.

        :return: ``(status, anchor)``, status one of ``'ok'``, ``'none'`` (no anchor yet),
            ``'unreachable'``, ``'removed'`` (the anchored entry is gone), ``'rewritten'``
            (it has another hash)
        """
        try:
            answer = self.env['copilot.agent']._agent_request(
                'GET', '/v1/audit/anchor', query={'db': self.env.cr.dbname},
            )
        except UserError:
            return 'unreachable', None
        anchor = answer.get('anchor')
        if not isinstance(anchor, dict) or not isinstance(anchor.get('id'), int):
            return 'none', None
        self.env.cr.execute(f'SELECT hash FROM "{self._table}" WHERE id = %s', [anchor['id']])
        row = self.env.cr.fetchone()
        if row is None:
            return 'removed', anchor
        if row[0] != anchor.get('hash'):
            return 'rewritten', anchor
        return 'ok', anchor

    @api.model
    def _chain_legacy_entries(self):
        """Chain the entries written before the log was chained (called on install and update).

        Runs only while no entry has a hash yet, so that it never re-seals an entry that was
        changed in the database afterwards.

        :return: the number of entries chained
        """
        self.env.cr.execute(f'SELECT 1 FROM "{self._table}" WHERE hash IS NOT NULL LIMIT 1')
        if self.env.cr.fetchone():
            return 0
        prev_hash, count = GENESIS_HASH, 0
        for row in self._fetch_hashed_rows(after_id=0, limit=None):
            digest = entry_hash(prev_hash, entry_content(row))
            self.env.cr.execute(
                f'UPDATE "{self._table}" SET prev_hash = %s, hash = %s WHERE id = %s',
                [prev_hash, digest, row['id']],
            )
            prev_hash, count = digest, count + 1
        if count:
            _logger.info("Copilot action log: %s existing entries chained", count)
        return count

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_verify_chain(self):
        """Verify the whole chain, then its anchor (button of the list and form views;
        ``self`` is ignored)."""
        broken = self._verify_chain()
        if broken:
            return self._verify_notification(_("Copilot action log altered"), _(
                "Entry #%(id)s does not match the chain: it, or the entry before it, was "
                "changed or removed outside Odoo.",
                id=broken,
            ), 'danger')
        status, anchor = self._check_anchor()
        anchor_id = anchor and anchor['id']
        anchor_date = anchor and str(anchor.get('at', ''))[:19].replace('T', ' ')
        if status == 'removed':
            return self._verify_notification(_("Copilot action log altered"), _(
                "Entry #%(id)s, which the copilot service recorded on %(date)s as the newest, "
                "is missing: entries were deleted from the log.",
                id=anchor_id, date=anchor_date,
            ), 'danger')
        if status == 'rewritten':
            return self._verify_notification(_("Copilot action log altered"), _(
                "Entry #%(id)s no longer has the hash the copilot service recorded on "
                "%(date)s: the chain was rewritten.",
                id=anchor_id, date=anchor_date,
            ), 'danger')
        count = self.sudo().search_count([])  # sudo: counts every entry, as verified
        if status == 'ok':
            message = _(
                "The %(count)s entries of the chain match their hashes, and entry #%(id)s "
                "matches the hash the copilot service recorded on %(date)s.",
                count=count, id=anchor_id, date=anchor_date,
            )
        elif status == 'unreachable':
            message = _(
                "The %(count)s entries of the chain match their hashes. The copy of the "
                "newest hash kept by the copilot service could not be checked: the service "
                "cannot be reached.",
                count=count,
            )
        else:
            message = _(
                "The %(count)s entries of the chain match their hashes. The copilot service "
                "holds no copy of the newest hash yet.",
                count=count,
            )
        return self._verify_notification(_("Copilot action log intact"), message, 'success')

    @api.model
    def _verify_notification(self, title, message, kind):
        return {
            'type': 'ir.actions.client',
            'tag': 'display_notification',
            'params': {'title': title, 'message': message, 'type': kind, 'sticky': kind == 'danger'},
        }

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
    def _verify_chain(self):
        """Recompute every hash in id order.

        :return: the id of the first entry that does not match (changed, or following an
            entry that was changed or removed), or ``False`` when the chain is intact
        :raise AccessError: the user is not a Settings administrator
        """
        if not self.env.is_system():
            raise AccessError(_("Only administrators can verify the copilot action log."))
        self.flush_model()
        prev_hash, last_id = GENESIS_HASH, 0
        while True:
            rows = self._fetch_hashed_rows(after_id=last_id, limit=VERIFY_BATCH)
            if not rows:
                return False
            for row in rows:
                if row['prev_hash'] != prev_hash or row['hash'] != entry_hash(
                    prev_hash, entry_content(row),
                ):
                    return row['id']
                prev_hash, last_id = row['hash'], row['id']

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
        if self.method == 'action_confirm' and self.model == 'sale.order':
            raise UserError(_("A confirmed order cannot be undone here; cancel it in Odoo."))
        undoable = (
            (self.method == 'create' and self.model in ('sale.order', 'project.task'))
            or self.method in ('write', 'message_post')
        )
        if not undoable:
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
        if self.method == 'message_post':
            self._check_note(after)
            return
        if self.model == 'sale.order' and self.method == 'create':
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

    def _check_note(self, after):
        for values in after.values():
            message = self.env['mail.message'].browse(values.get('message_id') or [])
            if not message.exists():
                raise UserError(_("The note was deleted already."))

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

    def _undo_one(self):
        """Undo this entry's change (checked already) and log the undo; return a message."""
        self.ensure_one()
        records = self._records()
        if self.method == 'message_post':
            operation, message, before, after = self._undo_note()
        elif self.model == 'sale.order' and self.method == 'create':
            operation, message, before, after = self._undo_quotation(records)
        elif self.model == 'project.task' and self.method == 'create':
            operation, message, before, after = self._undo_task(records)
        else:
            operation, message, before, after = self._undo_write(records)
        self._log_undo(operation, before, after)
        return message

    def _undo_quotation(self, orders):
        """Cancel, then delete (when the user may) the quotations the copilot created."""
        before = self._read_values(orders, ['state'])
        names = ', '.join(orders.mapped('display_name'))
        orders.with_context(disable_cancel_warning=True).action_cancel()
        if compat.can(self.env, 'sale.order', 'unlink'):
            orders.unlink()
            return 'unlink', _("Quotation %(name)s cancelled and deleted.", name=names), before, {}
        after = self._read_values(orders, ['state'])
        return 'cancel', _(
            "Quotation %(name)s cancelled (you may not delete quotations: it stays cancelled).",
            name=names,
        ), before, after

    def _undo_task(self, tasks):
        before = self._read_values(tasks, ['active'])
        tasks.write({'active': False})
        after = self._read_values(tasks, ['active'])
        names = ', '.join(tasks.mapped('display_name'))
        return 'archive', _("Task %(name)s archived.", name=names), before, after

    def _undo_note(self):
        after = from_json(self.values_after, {})
        message_ids = [values.get('message_id') for values in after.values()]
        messages = self.env['mail.message'].browse(message_ids)
        before = {str(message.id): {'model': message.model, 'res_id': message.res_id}
                  for message in messages}
        try:
            messages.unlink()
        except AccessError:
            raise UserError(_(
                "You are not allowed to delete this note: ask its author or an administrator."
            )) from None
        return 'delete_message', _("Note deleted."), before, {}

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

    # ------------------------------------------------------------
    # Values before and after a write
    # ------------------------------------------------------------

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
