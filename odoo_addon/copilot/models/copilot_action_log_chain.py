# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The action log's hash chain: how an entry is hashed and appended, and how the chain is
verified, in the database and against the anchor the agent keeps outside it."""
import hashlib
import json
import logging

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

_logger = logging.getLogger(__name__)

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


class CopilotActionLog(models.Model):
    _inherit = 'copilot.action.log'

    # ------------------------------------------------------------
    # Appending
    # ------------------------------------------------------------

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
    # Verification
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

    # ------------------------------------------------------------
    # Anchor
    # ------------------------------------------------------------

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
