# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The copilot's action log: its fields, and entries that are only ever appended.

The model is cut by responsibility, each file extending ``copilot.action.log``:

- ``copilot_action_log_chain.py``: the hash chain (hashing, the chain's head, legacy
  entries, verification) and the anchor kept by the agent;
- ``copilot_action_log_values.py``: the values a write changes, read before and after it;
- ``copilot_action_log_undo.py``: undoing an action (checks, the undo's own entry), with
  ``copilot_action_log_restore.py`` for a ``write`` and the rules of
  ``odoo.addons.copilot.undo_rules`` for what each app undoes its own way;
- ``copilot_action_log_views.py``: the list view, made for the running series.
"""
import json

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .. import compat

#: The only fields of an entry that change after it is written: who undid it, and when.
UNDO_FIELDS = frozenset({'undone_by_id', 'undone_date'})


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
