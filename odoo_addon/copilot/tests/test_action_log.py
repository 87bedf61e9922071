# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import hashlib
import json
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.copilot import compat, rpc_allowlist

from .common import CopilotCommon
from .test_rpc_route import CopilotHttpCommon

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


class TestActionLogValues(ActionLogCommon, TransactionCase):

    def test_values_of_a_write(self):
        partner = self.env['res.partner'].create({'name': 'Before', 'email': 'b@example.com'})
        self.call('res.partner', 'write', [[partner.id], {'name': 'After', 'city': 'Namur'}])
        log = self.logs('act_1')
        before = json.loads(log.values_before)[str(partner.id)]
        after = json.loads(log.values_after)[str(partner.id)]
        self.assertEqual((before['name'], before['city']), ('Before', False))
        self.assertEqual((after['name'], after['city']), ('After', 'Namur'))
        self.assertNotIn('email', after)
        self.assertRegex(after['write_date'], r'^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d')

    def test_values_of_a_create(self):
        partner_id = self.call('res.partner', 'create',
                               [{'name': 'Created', 'parent_id': self.user.partner_id.id}])
        log = self.logs('act_1')
        self.assertFalse(log.values_before)
        after = json.loads(log.values_after)[str(partner_id)]
        self.assertEqual(after['name'], 'Created')
        self.assertEqual(after['parent_id'][0], self.user.partner_id.id)
        self.assertIn('write_date', after)

    def test_unreadable_field_left_out(self):
        partner = self.env['res.partner'].create({'name': 'Secret', 'comment': 'hidden'})
        field = self.env['res.partner']._fields['comment']
        with patch.object(field, 'groups', 'base.group_system'):
            values = self.env['copilot.action.log'].with_user(self.user)._read_values(
                partner.with_user(self.user), ['name', 'comment'])
        self.assertEqual(values[str(partner.id)]['name'], 'Secret')
        self.assertNotIn('comment', values[str(partner.id)])


class TestActionLogUndo(ActionLogCommon, TransactionCase):

    def test_undo_write(self):
        partner = self.env['res.partner'].create({'name': 'Original', 'city': 'Liège'})
        self.call('res.partner', 'write', [[partner.id], {'name': 'Changed', 'city': False}],
                  action_id='act_w')
        self.assertEqual(partner.name, 'Changed')
        log = self.logs('act_w')
        result = self.env['copilot.action.log'].with_user(self.user)._undo_action('act_w')
        self.assertTrue(result['undone'])
        self.assertIn('restored', result['message'])
        self.assertEqual((partner.name, partner.city), ('Original', 'Liège'))
        self.assertEqual(log.undone_by_id, self.user)
        self.assertTrue(log.undone_date)
        undo = self.env['copilot.action.log'].search([('method', '=', 'undo')])
        self.assertEqual(len(undo), 1)
        self.assertEqual((undo.user_id, undo.model, undo.res_ids), (self.user, 'res.partner',
                                                                    log.res_ids))
        self.assertEqual(json.loads(undo.args)['log_id'], log.id)
        self.assertEqual(json.loads(undo.values_after)[str(partner.id)]['name'], 'Original')
        self.assertEqual(undo.prev_hash, log.hash)
        self.assertFalse(self.verify())
        with self.assertRaisesRegex(UserError, 'already undone'):
            self.env['copilot.action.log'].with_user(self.user)._undo_action('act_w')

    def test_undo_in_reverse_order(self):
        partner = self.env['res.partner'].create({'name': 'First'})
        self.call('res.partner', 'write', [[partner.id], {'name': 'Second'}], action_id='act_2')
        self.call('res.partner', 'write', [[partner.id], {'name': 'Third'}], action_id='act_2')
        self.env['copilot.action.log'].with_user(self.user).undo_action('act_2')
        self.assertEqual(partner.name, 'First')
        undos = self.env['copilot.action.log'].search([('method', '=', 'undo')], order='id')
        logs = self.logs('act_2')
        self.assertEqual([json.loads(u.args)['log_id'] for u in undos], logs.ids[::-1])

    def test_undo_refused_after_a_change(self):
        partner = self.env['res.partner'].create({'name': 'Original'})
        self.call('res.partner', 'write', [[partner.id], {'name': 'Changed'}], action_id='act_c')
        self.bump_write_date(partner, self.admin)
        with self.assertRaises(UserError) as caught:
            self.env['copilot.action.log'].with_user(self.user)._undo_action('act_c')
        self.assertIn('changed since', str(caught.exception))
        self.assertIn(self.admin.name, str(caught.exception))
        self.assertEqual(partner.name, 'Changed')
        self.assertFalse(self.logs('act_c').undone_date)

    def test_undo_refusals(self):
        Log = self.env['copilot.action.log'].with_user(self.user)
        with self.assertRaisesRegex(UserError, 'No change'):
            Log._undo_action('act_unknown')
        self.call('res.partner', 'create', [{'name': 'Created'}], action_id='act_p')
        with self.assertRaisesRegex(UserError, 'cannot be undone by the copilot'):
            Log._undo_action('act_p')
        # someone else's action is not found
        partner = self.env['res.partner'].create({'name': 'Admin Partner'})
        self.call('res.partner', 'write', [[partner.id], {'name': 'By Admin'}],
                  action_id='act_admin', user=self.admin)
        with self.assertRaisesRegex(UserError, 'No change'):
            Log._undo_action('act_admin')
        # an undo is not undone
        self.env['copilot.action.log'].with_user(self.admin)._undo_action('act_admin')
        undo = self.env['copilot.action.log'].search([('method', '=', 'undo')])
        with self.assertRaisesRegex(UserError, 'cannot itself be undone'):
            undo.with_user(self.admin)._undo()

    def test_undo_button(self):
        partner = self.env['res.partner'].create({'name': 'Original'})
        self.call('res.partner', 'write', [[partner.id], {'name': 'Changed'}], action_id='act_b')
        action = self.logs('act_b').with_user(self.user).action_undo()
        self.assertEqual(action['tag'], 'display_notification')
        self.assertEqual(partner.name, 'Original')

    def test_undo_through_the_gateway(self):
        """The agent's undo tool: ``undo_action`` logs its undo with the call's meta."""
        partner = self.env['res.partner'].create({'name': 'Original'})
        self.call('res.partner', 'write', [[partner.id], {'name': 'Changed'}], action_id='act_g')
        result = self.call('copilot.action.log', 'undo_action', ['act_g'], action_id='act_undo')
        self.assertTrue(result['undone'])
        self.assertEqual(partner.name, 'Original')
        undo = self.logs('act_undo')
        self.assertEqual(len(undo), 1, "the undo is logged once, by the undo itself")
        self.assertEqual((undo.method, undo.tool, undo.session_id), ('undo', 'test_tool', 's1'))
        self.assertFalse(self.verify())


class TestActionLogUndoSale(ActionLogCommon, TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sale_installed = 'sale.order' in cls.env.registry
        if cls.sale_installed:
            cls.customer = cls.env['res.partner'].create({'name': 'Undo Customer'})
            cls.product = cls.env['product.product'].create({
                'name': 'Undo Chair', 'list_price': 70.0, 'taxes_id': False,
            })
            cls.user.write({compat.USER_GROUPS_FIELD: [
                (4, cls.env.ref('sales_team.group_sale_manager').id),
            ]})

    def setUp(self):
        super().setUp()
        if not self.sale_installed:
            self.skipTest("sale is not installed")

    def create_quotation(self, action_id='act_q'):
        return self.env['sale.order'].browse(self.call('sale.order', 'create', [{
            'partner_id': self.customer.id,
            'order_line': [[0, 0, {'product_id': self.product.id, 'product_uom_qty': 2}]],
        }], action_id=action_id))

    def test_undo_created_quotation(self):
        order = self.create_quotation()
        result = self.env['copilot.action.log'].with_user(self.user)._undo_action('act_q')
        self.assertFalse(order.exists())
        self.assertIn('deleted', result['message'])
        undo = self.env['copilot.action.log'].search([('method', '=', 'undo')])
        self.assertEqual(json.loads(undo.args)['operation'], 'unlink')
        self.assertFalse(self.verify())

    def test_salesman_cancels_only(self):
        self.user.write({compat.USER_GROUPS_FIELD: [
            (3, self.env.ref('sales_team.group_sale_manager').id),
            (4, self.env.ref('sales_team.group_sale_salesman').id),
        ]})
        order = self.create_quotation()
        result = self.env['copilot.action.log'].with_user(self.user)._undo_action('act_q')
        self.assertEqual(order.state, 'cancel')
        self.assertIn('stays cancelled', result['message'])

    def test_undo_refused_after_a_change(self):
        order = self.create_quotation()
        self.bump_write_date(order, self.admin)
        with self.assertRaisesRegex(UserError, 'changed since'):
            self.env['copilot.action.log'].with_user(self.user)._undo_action('act_q')
        self.assertEqual(order.state, 'draft')

    def test_confirmed_order_refused(self):
        order = self.create_quotation()
        self.call('sale.order', 'action_confirm', [[order.id]], action_id='act_confirm')
        confirm_log = self.logs('act_confirm')
        self.assertEqual(json.loads(confirm_log.values_before)[str(order.id)]['state'], 'draft')
        self.assertEqual(json.loads(confirm_log.values_after)[str(order.id)]['state'], 'sale')
        Log = self.env['copilot.action.log'].with_user(self.user)
        for action_id in ('act_confirm', 'act_q'):
            with self.assertRaisesRegex(UserError, 'A confirmed order cannot be undone here'):
                Log._undo_action(action_id)
        self.assertEqual(order.state, 'sale')

    def test_undo_line_changes(self):
        order = self.create_quotation()
        line = order.order_line
        self.call('sale.order', 'write', [[order.id], {'order_line': [
            [1, line.id, {'product_uom_qty': 5}],
            [0, 0, {'product_id': self.product.id, 'product_uom_qty': 1}],
        ]}], action_id='act_u')
        self.assertEqual(len(order.order_line), 2)
        before = json.loads(self.logs('act_u').values_before)[str(order.id)]['order_line']
        self.assertEqual(before['ids'], line.ids)
        self.assertEqual(before['lines'][str(line.id)]['product_uom_qty'], 2)
        self.env['copilot.action.log'].with_user(self.user)._undo_action('act_u')
        self.assertEqual(order.order_line, line)
        self.assertEqual(line.product_uom_qty, 2)


class TestActionLogUndoProject(ActionLogCommon, TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_installed = 'project.project' in cls.env.registry
        if cls.project_installed:
            cls.user.write({compat.USER_GROUPS_FIELD: [
                (4, cls.env.ref('project.group_project_manager').id),
            ]})
            cls.project = cls.env['project.project'].create({'name': 'Undo Project'})

    def setUp(self):
        super().setUp()
        if not self.project_installed:
            self.skipTest("project is not installed")

    def test_undo_created_task(self):
        task_id = self.call('project.task', 'create',
                            [{'name': 'Undo Task', 'project_id': self.project.id}],
                            action_id='act_t')
        result = self.env['copilot.action.log'].with_user(self.user)._undo_action('act_t')
        task = self.env['project.task'].with_context(active_test=False).browse(task_id)
        self.assertFalse(task.active)
        self.assertIn('archived', result['message'])

    def test_undo_task_refused_after_a_change(self):
        task = self.env['project.task'].browse(self.call(
            'project.task', 'create', [{'name': 'Undo Task', 'project_id': self.project.id}],
            action_id='act_t'))
        self.bump_write_date(task, self.admin)
        with self.assertRaisesRegex(UserError, 'changed since'):
            self.env['copilot.action.log'].with_user(self.user)._undo_action('act_t')
        self.assertTrue(task.active)

    def test_undo_note(self):
        message_id = self.call('project.project', 'message_post', [[self.project.id]], {
            'body': 'Note to undo', 'message_type': 'comment', 'subtype_xmlid': 'mail.mt_note',
        }, action_id='act_n')
        message_id = message_id[0] if isinstance(message_id, list) else message_id
        after = json.loads(self.logs('act_n').values_after)[str(self.project.id)]
        self.assertEqual(after['message_id'], message_id)
        result = self.env['copilot.action.log'].with_user(self.user)._undo_action('act_n')
        self.assertFalse(self.env['mail.message'].browse(message_id).exists())
        self.assertIn('Note deleted', result['message'])


@tagged('post_install', '-at_install')
class TestUndoRoute(ActionLogCommon, CopilotHttpCommon, HttpCase):
    """``/copilot/action/undo``: the panel's Undo, run in Odoo as the signed-in user."""

    def test_undo_route(self):
        partner = self.env['res.partner'].create({'name': 'Original'})
        self.call('res.partner', 'write', [[partner.id], {'name': 'Changed'}], action_id='act_r')
        self.authenticate('copilot_user', 'copilot_user_pw')
        answer = self.jsonrpc('/copilot/action/undo', {'action_id': 'act_r'})
        self.assertEqual(answer['result']['undone'], True)
        self.assertIn('Original', answer['result']['message'])
        partner.invalidate_recordset()
        self.assertEqual(partner.name, 'Original')
        with mute_logger('odoo.http'):
            again = self.jsonrpc('/copilot/action/undo', {'action_id': 'act_r'})
        self.assertRpcError(again, 'UserError', 'already undone')

    @mute_logger('odoo.http')
    def test_undo_refusal_translated(self):
        self.env['res.lang']._activate_lang('fr_FR')
        new_test_user(self.env, login='copilot_undo_fr', password='copilot_undo_fr_pw',
                      groups='base.group_user', lang='fr_FR')
        self.authenticate('copilot_undo_fr', 'copilot_undo_fr_pw')
        answer = self.jsonrpc('/copilot/action/undo', {'action_id': 'act_none'})
        self.assertRpcError(answer, 'UserError', "Aucune modification du copilote")


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
