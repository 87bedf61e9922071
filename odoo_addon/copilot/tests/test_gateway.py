# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from unittest.mock import patch

from odoo.exceptions import AccessDenied, AccessError, UserError
from odoo.tests.common import TransactionCase, tagged

from odoo.addons.copilot import rpc_allowlist

from .common import CopilotCommon


class TestRpcAllowlist(TransactionCase):

    def test_shape(self):
        for model, methods in rpc_allowlist.RPC_ALLOWLIST.items():
            with self.subTest(model=model):
                self.assertEqual(set(methods), {'read', 'write'})
                self.assertFalse(methods['read'] & methods['write'])
                for method in methods['read'] | methods['write']:
                    self.assertFalse(method.startswith('_'))

    def test_allowed(self):
        for model, method in (
            ('res.partner', 'search_read'),
            ('res.partner', 'name_search'),
            ('product.product', 'search_count'),
            ('sale.order', 'onchange'),
            ('sale.order', 'create'),
            ('sale.order', 'action_confirm'),
            ('stock.quant', 'search_read'),
            ('project.task', 'write'),
            ('project.project', 'message_post'),
            ('mrp.bom.line', 'read'),
            ('ir.attachment', 'search_read'),
        ):
            with self.subTest(model=model, method=method):
                self.assertTrue(rpc_allowlist.is_allowed(model, method))

    def test_refused(self):
        for model, method in (
            ('res.partner', 'unlink'),
            ('res.partner', 'create'),
            ('res.partner', '_read'),
            ('res.users', 'write'),
            ('res.users', 'create'),
            ('ir.config_parameter', 'get_param'),
            ('sale.order', 'unlink'),
            ('sale.order', '_action_confirm'),
            ('stock.quant', 'write'),
        ):
            with self.subTest(model=model, method=method):
                self.assertFalse(rpc_allowlist.is_allowed(model, method))

    def test_writes(self):
        self.assertTrue(rpc_allowlist.is_write('sale.order', 'create'))
        self.assertTrue(rpc_allowlist.is_write('project.task', 'write'))
        self.assertFalse(rpc_allowlist.is_write('sale.order', 'onchange'))
        self.assertFalse(rpc_allowlist.is_write('res.partner', 'search_read'))
        self.assertFalse(rpc_allowlist.is_write('res.users', 'write'))


@tagged('post_install', '-at_install')
class TestGateway(CopilotCommon, TransactionCase):
    """``copilot.agent._gateway_call`` as the route calls it, without HTTP."""

    def setUp(self):
        super().setUp()
        self.agent = self.env['copilot.agent'].with_user(self.user)
        self.delegation = self.payload(self.user)

    def call(self, model, method, args=None, kwargs=None, meta=None):
        # the agent names the conversation its token was made for on every call
        meta = {'session_id': 'session1'} if meta is None else meta
        return self.agent._gateway_call(self.delegation, model, method, args, kwargs, meta)

    def test_a_conversation_token_names_its_conversation(self):
        for meta in ({}, {'session_id': 'another'}, {'tool': 'get_stock'}):
            with self.subTest(meta=meta), self.assertRaises(AccessDenied):
                self.call('res.partner', 'search_count', [[]], None, meta)
        self.assertIsInstance(self.call('res.partner', 'search_count', [[]]), int)

    def test_a_turn_token_serves_its_turn_only(self):
        delegation = self.payload(self.user, tid='turn_abcdefgh1')
        for meta in ({'session_id': 'session1'}, {'session_id': 'session1', 'turn_id': 'turn_other123'}):
            with self.subTest(meta=meta), self.assertRaises(AccessDenied):
                self.agent._gateway_call(delegation, 'res.partner', 'search_count', [[]], {}, meta)
        self.assertIsInstance(self.agent._gateway_call(
            delegation, 'res.partner', 'search_count', [[]], {}, {'session_id': 'session1', 'turn_id': 'turn_abcdefgh1'}), int)

    def test_company_ids_are_integers_not_booleans(self):
        for company_ids in ([self.user.company_id.id, True], [True], [False], ['1']):
            with self.subTest(company_ids=company_ids), self.assertRaises(AccessError):
                self.call('res.partner', 'search_count', [[]], {'context': {'allowed_company_ids': company_ids}})

    def test_another_users_action_id_is_refused(self):
        allowlist = {'res.partner': {'read': frozenset(), 'write': frozenset({'create'})}}
        other = self.env['copilot.agent'].with_user(self.env.ref('base.user_admin'))
        with patch.dict(rpc_allowlist.RPC_ALLOWLIST, allowlist):
            other._gateway_call(self.payload(self.env.ref('base.user_admin')), 'res.partner', 'create',
                                [{'name': 'Admin Partner'}], {}, {'session_id': 'session1', 'action_id': 'act_admins'})
            with self.assertRaises(AccessDenied):
                self.call('res.partner', 'create', [{'name': 'Hijack'}], {},
                          {'session_id': 'session1', 'action_id': 'act_admins'})
            # the user's own action id is fine
            self.call('res.partner', 'create', [{'name': 'Own'}], {}, {'session_id': 'session1', 'action_id': 'act_mine'})
        self.assertFalse(self.env['res.partner'].search([('name', '=', 'Hijack')]))

    def test_read(self):
        partner = self.env['res.partner'].create({'name': 'Copilot Gateway Partner'})
        result = self.call('res.partner', 'search_read', [[('id', '=', partner.id)]],
                           {'fields': ['name']})
        self.assertEqual(result, [{'id': partner.id, 'name': 'Copilot Gateway Partner'}])
        self.assertEqual(self.call('res.partner', 'search_count', [[('id', '=', partner.id)]]), 1)
        self.assertFalse(self.env['copilot.action.log'].search([('user_id', '=', self.user.id)]))

    def test_refused(self):
        with self.assertRaises(AccessError):
            self.call('res.partner', '_foo')
        with self.assertRaises(AccessError):
            self.call('res.partner', 'unlink', [[1]])
        with self.assertRaises(AccessError):
            self.call('ir.config_parameter', 'search_read', [[]])
        with self.assertRaises(AccessError):
            self.call('res.users', 'write', [[self.user.id], {'name': 'x'}])

    def test_bad_params(self):
        for args in (
            (42, 'read'),
            ('res.partner', None),
            ('res.partner', 'search_read', {'domain': []}),
            ('res.partner', 'search_read', [], []),
            ('res.partner', 'search_read', [], {}, 'meta'),
            ('res.partner', 'search_read', [], {'context': 'fr_FR'}),
        ):
            with self.subTest(args=args), self.assertRaises(UserError) as caught:
                self.call(*args)
            self.assertIn('Invalid parameter', str(caught.exception))

    def test_model_not_installed(self):
        allowlist = {'copilot.not.installed': {'read': {'search_read'}, 'write': set()}}
        with patch.dict(rpc_allowlist.RPC_ALLOWLIST, allowlist), \
                self.assertRaises(UserError) as caught:
            self.call('copilot.not.installed', 'search_read', [[]])
        self.assertIn('not available', str(caught.exception))

    def test_context_filtered(self):
        context = self.agent._gateway_context({
            'lang': 'en_US', 'tz': 'Europe/Brussels', 'active_test': False,
            'install_mode': True, 'uid': 1, 'su': True, 'tracking_disable': True,
        })
        self.assertEqual(context['tz'], 'Europe/Brussels')
        self.assertIs(context['active_test'], False)
        for key in ('install_mode', 'su', 'tracking_disable'):
            self.assertNotIn(key, context)
        self.assertEqual(context.get('uid', self.user.id), self.user.id)
        # a language that is not installed falls back to none rather than failing later
        self.assertNotIn('lang', self.agent._gateway_context({'lang': 'xx_XX'}))

    def test_foreign_company_refused(self):
        other = self.env['res.company'].create({'name': 'Copilot Other Company'})
        with self.assertRaises(AccessError):
            self.call('res.partner', 'search_read', [[]],
                      {'context': {'allowed_company_ids': [other.id]}})
        self.call('res.partner', 'search_count', [[]],
                  {'context': {'allowed_company_ids': [self.user.company_id.id]}})

    def test_write_logged(self):
        allowlist = {'res.partner': {'read': frozenset(), 'write': frozenset({'create', 'write'})}}
        meta = {'tool': 'create_partner', 'session_id': 'session1', 'turn_id': 't9', 'action_id': 'act_9'}
        with patch.dict(rpc_allowlist.RPC_ALLOWLIST, allowlist):
            partner_id = self.call('res.partner', 'create', [{'name': 'Logged Partner'}],
                                   {'context': {'tz': 'UTC'}}, meta)
            self.call('res.partner', 'write', [[partner_id], {'name': 'Logged Partner 2'}])
        self.assertEqual(self.env['res.partner'].browse(partner_id).create_uid, self.user)
        logs = self.env['copilot.action.log'].search([('user_id', '=', self.user.id)])
        self.assertEqual(logs.mapped('method'), ['write', 'create'])
        create_log = logs[1]
        self.assertEqual(create_log.tool, 'create_partner')
        self.assertEqual(create_log.model, 'res.partner')
        self.assertEqual(json.loads(create_log.res_ids), [partner_id])
        self.assertEqual(create_log.session_id, 'session1')
        self.assertEqual(create_log.turn_id, 't9')
        self.assertEqual(create_log.action_id, 'act_9')
        self.assertEqual(create_log.company_id, self.user.company_id)
        self.assertEqual(json.loads(create_log.args),
                         {'args': [{'name': 'Logged Partner'}], 'kwargs': {}})
        self.assertEqual(create_log.name, 'create_partner: res.partner.create')
        write_log = logs[0]
        self.assertEqual(json.loads(write_log.res_ids), [partner_id])
        self.assertEqual(write_log.session_id, 'session1')

    def test_write_refused(self):
        allowlist = {'res.partner': {'read': frozenset(), 'write': frozenset({'create'})}}
        agent = self.env['copilot.agent'].with_user(self.restricted_user)
        delegation = self.payload(self.restricted_user)
        with patch.dict(rpc_allowlist.RPC_ALLOWLIST, allowlist), self.assertRaises(AccessError):
            agent._gateway_call(delegation, 'res.partner', 'create', [{'name': 'Refused'}], {}, {'session_id': 'session1'})
        self.assertFalse(self.env['res.partner'].search([('name', '=', 'Refused')]))
        self.assertFalse(self.env['copilot.action.log'].search(
            [('user_id', '=', self.restricted_user.id)]))

    def test_log_visibility(self):
        """Users read their own log rows only; they cannot write any."""
        Log = self.env['copilot.action.log'].sudo()
        own = Log.create({'user_id': self.user.id, 'model': 'res.partner', 'method': 'create'})
        admin = self.env.ref('base.user_admin')
        other = Log.create({'user_id': admin.id, 'model': 'res.partner', 'method': 'create'})
        as_user = self.env['copilot.action.log'].with_user(self.user)
        self.assertEqual(as_user.search([('id', 'in', (own | other).ids)]), own)
        with self.assertRaises(AccessError):
            as_user.create({'user_id': self.user.id, 'model': 'x', 'method': 'y'})
        with self.assertRaises(AccessError):
            own.with_user(self.user).write({'method': 'unlink'})
        as_admin = self.env['copilot.action.log'].with_user(admin)
        self.assertEqual(as_admin.search([('id', 'in', (own | other).ids)]), own | other)
