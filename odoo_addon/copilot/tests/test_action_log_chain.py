# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase, tagged

from .common_action_log import ActionLogCommon


@tagged('post_install', '-at_install')
class TestActionLogChain(ActionLogCommon, TransactionCase):

    def test_chain_over_several_writes(self):
        partner_id = self.call('res.partner', 'create', [{'name': 'Chain Partner'}])
        self.call('res.partner', 'write', [[partner_id], {'name': 'Chain Partner 2'}])
        self.call('res.partner', 'write', [[partner_id], {'email': 'chain@example.com'}])
        rows = self.rows()
        logs = self.logs('act_1')
        self.assertEqual(len(logs), 3)
        self.assertEqual(rows[-3:][0]['id'], logs[0].id)
        previous = '0' * 64
        for row in rows:
            self.assertEqual(row['prev_hash'], previous)
            self.assertEqual(row['hash'], row['expected'])
            previous = row['hash']
        self.assertEqual(logs[0].hash, rows[-3]['hash'])
        self.assertFalse(self.verify())

        # an entry edited in the database breaks the chain from there
        edited = logs[1]
        self.env.cr.execute(
            "UPDATE copilot_action_log SET args = %s WHERE id = %s",
            ['{"args":[],"kwargs":{}}', edited.id],
        )
        self.assertEqual(self.verify(), edited.id)
        notification = self.env['copilot.action.log'].with_user(self.admin).action_verify_chain()
        self.assertEqual(notification['params']['type'], 'danger')
        self.assertIn(f'#{edited.id}', notification['params']['message'])

    def test_removed_entry_detected(self):
        partner_id = self.call('res.partner', 'create', [{'name': 'Chain Partner'}])
        self.call('res.partner', 'write', [[partner_id], {'name': 'Chain Partner 2'}])
        self.call('res.partner', 'write', [[partner_id], {'name': 'Chain Partner 3'}])
        first, second, third = self.logs('act_1')
        notification = self.env['copilot.action.log'].with_user(self.admin).action_verify_chain()
        self.assertEqual(notification['params']['type'], 'success')
        self.env.cr.execute("DELETE FROM copilot_action_log WHERE id = %s", [second.id])
        self.assertEqual(self.verify(), third.id)

    def test_verify_is_for_administrators(self):
        with self.assertRaises(AccessError):
            self.env['copilot.action.log'].with_user(self.user)._verify_chain()

    def test_entries_are_read_only(self):
        self.call('res.partner', 'create', [{'name': 'Read Only Partner'}])
        log = self.logs('act_1')
        for env_log in (log.with_user(self.admin), log.sudo()):
            with self.assertRaises(AccessError):
                env_log.write({'args': '{}'})
            with self.assertRaises(AccessError):
                env_log.unlink()
        with self.assertRaises(AccessError):
            log.with_user(self.admin).write({'undone_date': '2020-01-01 00:00:00'})
        self.assertFalse(self.verify())

    def test_legacy_entries_chained_once(self):
        Log = self.env['copilot.action.log']
        self.env.cr.execute("SELECT count(*) FROM copilot_action_log WHERE hash IS NOT NULL")
        if self.env.cr.fetchone()[0]:
            self.env.cr.execute("UPDATE copilot_action_log SET prev_hash = NULL, hash = NULL")
        for method in ('create', 'write'):
            self.env.cr.execute("""
                INSERT INTO copilot_action_log (user_id, model, method, res_ids, create_date)
                VALUES (%s, 'res.partner', %s, '[1]', now() at time zone 'UTC')
            """, [self.user.id, method])
        Log._chain_legacy_entries()
        self.assertFalse(self.verify())
        rows = self.rows()
        self.assertEqual(rows[0]['prev_hash'], '0' * 64)
        # once chained, an entry whose hash is removed is not sealed again
        self.env.cr.execute("UPDATE copilot_action_log SET hash = NULL WHERE id = %s",
                            [rows[-1]['id']])
        Log._chain_legacy_entries()
        self.assertEqual(self.verify(), rows[-1]['id'])

    def test_unchained_entries_chained_before_a_new_one(self):
        """Entries of an update that did not chain them yet are chained by the next write."""
        self.env.cr.execute("UPDATE copilot_action_log SET prev_hash = NULL, hash = NULL")
        self.env.cr.execute("""
            INSERT INTO copilot_action_log (user_id, model, method, res_ids, create_date)
            VALUES (%s, 'res.partner', 'create', '[1]', now() at time zone 'UTC')
        """, [self.user.id])
        self.call('res.partner', 'create', [{'name': 'After Legacy'}])
        self.assertFalse(self.verify())
        self.assertEqual(self.rows()[0]['prev_hash'], '0' * 64)


@tagged('post_install', '-at_install')
class TestActionLogAnchor(ActionLogCommon, TransactionCase):
    """The chain's newest hash, kept by the agent outside the database, and checked by Verify."""

    def take_new(self, callbacks, before):
        """The callbacks queued since ``before`` (removed from the queue: the test runs them)."""
        queued = list(callbacks._funcs)[before:]
        for func in queued:
            callbacks._funcs.remove(func)
        return queued

    def verify_with(self, anchor):
        answer = {'anchor': anchor}
        with patch('odoo.addons.copilot.models.copilot_agent.CopilotAgent._agent_request', return_value=answer) as request:
            notification = self.env['copilot.action.log'].with_user(self.admin).action_verify_chain()
        self.assertEqual(request.call_args.args[:2], ('GET', '/v1/audit/anchor'))
        return notification['params']

    def test_newest_hash_is_sent_after_the_commit(self):
        precommit, postcommit = self.env.cr.precommit, self.env.cr.postcommit
        before_pre, before_post = len(precommit._funcs), len(postcommit._funcs)
        partner_id = self.call('res.partner', 'create', [{'name': 'Anchor Partner'}])
        self.call('res.partner', 'write', [[partner_id], {'name': 'Anchor Partner 2'}])
        newest = self.logs('act_1')[-1]
        sent = []
        with patch('odoo.addons.copilot.models.copilot_agent.requests.post',
                   side_effect=lambda url, **kw: sent.append((url, kw))):
            prepares = [f for f in self.take_new(precommit, before_pre) if f.__qualname__.endswith('prepare')]
            self.assertEqual(len(prepares), 1)  # once per transaction, however many entries
            prepares[0]()
            self.assertEqual(sent, [])  # nothing before the commit
            for send in self.take_new(postcommit, before_post):
                send().join(5)  # sent from a thread
        self.assertEqual(len(sent), 1)
        url, kwargs = sent[0]
        self.assertTrue(url.endswith('/v1/audit/anchor'))
        self.assertEqual(json.loads(kwargs['data']), {'db': self.env.cr.dbname, 'id': newest.id, 'hash': newest.hash})
        self.assertTrue(kwargs['headers']['X-Copilot-Signature'].startswith('sha256='))

    def test_verify_checks_the_anchor(self):
        partner_id = self.call('res.partner', 'create', [{'name': 'Anchor Partner'}])
        self.call('res.partner', 'write', [[partner_id], {'name': 'Anchor Partner 2'}])
        first, second = self.logs('act_1')
        anchor = {'id': second.id, 'hash': second.hash, 'at': '2026-11-23T10:00:00.000Z'}
        params = self.verify_with(anchor)
        self.assertEqual(params['type'], 'success')
        self.assertIn(f'#{second.id}', params['message'])
        self.assertIn('2026-11-23 10:00:00', params['message'])
        self.assertEqual(self.verify_with(None)['type'], 'success')

        # the newest entry deleted: the chain that is left is intact, the anchor is not
        self.env.cr.execute("DELETE FROM copilot_action_log WHERE id = %s", [second.id])
        self.assertFalse(self.verify())
        params = self.verify_with(anchor)
        self.assertEqual(params['type'], 'danger')
        self.assertIn(f'#{second.id}', params['message'])
        self.assertIn('deleted', params['message'])

    def test_verify_detects_a_recomputed_chain(self):
        self.call('res.partner', 'create', [{'name': 'Anchor Partner'}])
        log = self.logs('act_1')
        anchor = {'id': log.id, 'hash': log.hash, 'at': '2026-11-23T10:00:00.000Z'}
        # someone with database access edits the entry and recomputes its hash: the chain holds
        self.env.cr.execute("UPDATE copilot_action_log SET args = %s WHERE id = %s", ['{"args":[],"kwargs":{}}', log.id])
        row = next(r for r in self.rows() if r['id'] == log.id)
        self.env.cr.execute("UPDATE copilot_action_log SET hash = %s WHERE id = %s", [row['expected'], log.id])
        self.assertFalse(self.verify())
        params = self.verify_with(anchor)
        self.assertEqual(params['type'], 'danger')
        self.assertIn('rewritten', params['message'])
