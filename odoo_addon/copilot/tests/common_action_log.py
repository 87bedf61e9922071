# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the action log's tests share: gateway calls as a partner manager, the chain by SQL."""
import hashlib
import json
from unittest.mock import patch

from odoo.exceptions import UserError

from odoo.addons.copilot import rpc_allowlist

from .common import CopilotCommon

PARTNER_WRITES = {'res.partner': {'read': rpc_allowlist.READ_METHODS,
                                  'write': frozenset({'create', 'write'})}}
HASHED = ('user_id', 'tool', 'model', 'method', 'res_ids', 'args', 'values_before',
          'values_after', 'session_id', 'turn_id', 'action_id', 'create_date')


class ActionLogCommon(CopilotCommon):
    """Gateway calls as ``self.user`` (a partner manager), and reading the chain by SQL."""

    def setUp(self):
        super().setUp()
        patcher = patch.dict(rpc_allowlist.RPC_ALLOWLIST, PARTNER_WRITES)
        patcher.start()
        self.addCleanup(patcher.stop)
        # no agent in these tests (Verify asks it for the anchor): unreachable, unless a test says
        agent = patch('odoo.addons.copilot.models.copilot_agent.CopilotAgent._agent_request',
                      side_effect=UserError("The copilot service cannot be reached."))
        agent.start()
        self.addCleanup(agent.stop)
        self.admin = self.env.ref('base.user_admin')

    def call(self, model, method, args, kwargs=None, action_id='act_1', user=None):
        user = user or self.user
        meta = {'tool': 'test_tool', 'session_id': 's1', 'turn_id': 't1', 'action_id': action_id}
        return self.env['copilot.agent'].with_user(user)._gateway_call(
            self.payload(user, sid='s1'), model, method, args, kwargs or {}, meta,
        )

    def logs(self, action_id):
        return self.env['copilot.action.log'].search([('action_id', '=', action_id)], order='id')

    def rows(self):
        """Every entry as stored, by id, with the hash computed from the contract."""
        self.env.flush_all()
        self.env.cr.execute(
            f"SELECT id, prev_hash, hash, {', '.join(HASHED)} FROM copilot_action_log ORDER BY id"
        )
        rows = self.env.cr.dictfetchall()
        for row in rows:
            content = {name: row[name] or None for name in HASHED}
            content['create_date'] = row['create_date'].strftime('%Y-%m-%d %H:%M:%S')
            text = json.dumps(content, sort_keys=True, separators=(',', ':'), ensure_ascii=False)
            row['expected'] = hashlib.sha256((row['prev_hash'] + text).encode()).hexdigest()
        return rows

    def verify(self):
        return self.env['copilot.action.log'].with_user(self.admin)._verify_chain()

    def bump_write_date(self, record, user):
        """Simulate a change made later, in another transaction, by ``user``."""
        record.flush_recordset()
        self.env.cr.execute(
            f'UPDATE "{record._table}" SET write_date = write_date + interval \'1 second\', '
            f'write_uid = %s WHERE id = %s', [user.id, record.id],
        )
        record.invalidate_recordset()
