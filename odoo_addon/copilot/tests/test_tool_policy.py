# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import TransactionCase, tagged
from odoo.tools import mute_logger

from odoo.addons.copilot import compat
from odoo.addons.copilot.models.copilot_agent import CopilotAgent

from .common import CopilotCommon

CATALOG = [
    {'name': 'search_customers', 'description': 'Find customers', 'risk': 'read',
     'models': ['res.partner']},
    {'name': 'create_quotation', 'description': 'Create a quotation', 'risk': 'draft',
     'models': ['sale.order', 'res.partner', 'product.product']},
    {'name': 'confirm_quotation', 'description': 'Confirm a quotation', 'risk': 'state_change',
     'models': ['sale.order']},
    {'name': 'undo', 'description': 'Undo an action', 'risk': 'destructive', 'models': []},
]


class ToolPolicyCommon(CopilotCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Policy = cls.env['copilot.tool.policy']
        # the policies of the database under test are not the ones of these tests
        cls.Policy.search([]).unlink()
        cls.admin = cls.env.ref('base.user_admin')

    @classmethod
    def policy(cls, name, risk, mode=None, groups=None):
        values = {'name': name, 'risk': risk}
        if mode:
            values['mode'] = mode
        if groups:
            values['group_ids'] = [Command.set(groups.ids)]
        return cls.Policy.create(values)


@tagged('post_install', '-at_install')
class TestToolPolicy(ToolPolicyCommon, TransactionCase):
    """``copilot.tool.policy``: modes allowed per risk, and the ``tools`` map of a user."""

    def test_modes_allowed_by_risk(self):
        allowed = {
            'read': ('auto', 'off'),
            'draft': ('confirm', 'auto', 'off'),
            'state_change': ('confirm', 'off'),
            'destructive': ('confirm', 'off'),
        }
        for risk, modes in allowed.items():
            for mode in ('confirm', 'auto', 'off'):
                with self.subTest(risk=risk, mode=mode):
                    name = f'tool_{risk}_{mode}'
                    if mode in modes:
                        self.policy(name, risk, mode)
                    else:
                        with self.assertRaises(ValidationError), self.cr.savepoint():
                            self.policy(name, risk, mode)

    def test_write_checked_too(self):
        policy = self.policy('confirm_quotation', 'state_change')
        self.assertEqual(policy.mode, 'confirm')
        with self.assertRaisesRegex(ValidationError, 'confirmation'):
            policy.mode = 'auto'
        read = self.policy('search_customers', 'read', 'auto')
        with self.assertRaisesRegex(ValidationError, 'only reads'):
            read.mode = 'confirm'

    @mute_logger('odoo.sql_db')
    def test_one_policy_per_tool(self):
        self.policy('create_task', 'draft')
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.policy('create_task', 'draft')
            self.env.flush_all()
        constraint = self.env['ir.model.constraint'].search(
            [('name', '=', 'copilot_tool_policy_name_unique')])
        self.assertEqual(constraint.type, 'u')

    def test_user_tools(self):
        kits = self.env['res.groups'].create({'name': 'Copilot Kit Readers'})
        self.policy('search_customers', 'read', 'auto')
        self.policy('show_kit', 'read', 'auto', groups=kits)
        self.policy('list_documents', 'read', 'off')
        self.policy('create_quotation', 'draft', 'auto')
        self.policy('create_task', 'draft', 'confirm')
        self.policy('log_project_note', 'draft', 'off')
        self.policy('confirm_quotation', 'state_change', 'confirm')
        self.policy('undo', 'destructive', 'confirm', groups=self.env.ref('base.group_system'))
        expected = {
            'search_customers': 'auto',
            'show_kit': 'off',
            'list_documents': 'off',
            'create_quotation': 'auto',
            'create_task': 'confirm',
            'log_project_note': 'off',
            'confirm_quotation': 'confirm',
            'undo': 'off',
        }
        Policy = self.Policy.with_user(self.user)
        self.assertEqual(Policy._get_user_tools(), expected)
        # a member of the group, through a group that implies it
        readers = self.env['res.groups'].create({
            'name': 'Copilot Kit Managers', 'implied_ids': [Command.link(kits.id)],
        })
        self.user.write({compat.USER_GROUPS_FIELD: [Command.link(readers.id)]})
        self.assertEqual(Policy._get_user_tools()['show_kit'], 'auto')
        self.assertEqual(self.Policy.with_user(self.admin)._get_user_tools()['undo'], 'confirm')

    def test_no_policy_no_entry(self):
        self.assertEqual(self.Policy.with_user(self.user)._get_user_tools(), {})

    def test_rights(self):
        policy = self.policy('create_quotation', 'draft')
        as_user = policy.with_user(self.restricted_user)
        self.assertEqual(as_user.mode, 'confirm')
        with self.assertRaises(AccessError):
            as_user.mode = 'auto'
        with self.assertRaises(AccessError):
            self.Policy.with_user(self.restricted_user).create({'name': 'x', 'risk': 'read'})
        policy.with_user(self.admin).mode = 'auto'
        self.assertEqual(policy.mode, 'auto')


@tagged('post_install', '-at_install')
class TestToolSync(ToolPolicyCommon, TransactionCase):
    """Loading the agent's catalog into the policies (the agent is a patched method)."""

    def setUp(self):
        super().setUp()
        self.calls = []
        self.catalog = [dict(tool) for tool in CATALOG]
        test = self

        def fake_agent_request(self, method, path, body=None, query=None):
            test.calls.append((self.env.uid, method, path, body, query))
            return {'tools': test.catalog}

        patcher = patch.object(CopilotAgent, '_agent_request', fake_agent_request)
        patcher.start()
        self.addCleanup(patcher.stop)

    def sync(self, user=None):
        return self.Policy.with_user(user or self.admin)._sync_tools()

    def modes(self):
        return {policy.name: policy.mode for policy in self.Policy.search([])}

    def test_sync_creates_policies(self):
        self.assertEqual(self.sync(), (4, 0))
        (uid, method, path, body, query), = self.calls
        self.assertEqual((uid, method, path, body), (self.admin.id, 'GET', '/v1/tools', None))
        self.assertEqual(query, {'db': self.env.cr.dbname, 'uid': self.admin.id,
                                 'lang': self.admin.lang})
        self.assertEqual(self.modes(), {
            'search_customers': 'auto', 'create_quotation': 'confirm',
            'confirm_quotation': 'confirm', 'undo': 'confirm',
        })
        quotation = self.Policy.search([('name', '=', 'create_quotation')])
        self.assertEqual(quotation.description, 'Create a quotation')
        self.assertEqual(quotation.risk, 'draft')
        self.assertEqual(quotation.model_names, 'sale.order, res.partner, product.product')
        self.assertFalse(quotation.group_ids)

    def test_sync_keeps_admin_choices(self):
        self.sync()
        sales = self.env.ref('base.group_system')
        by_name = {policy.name: policy for policy in self.Policy.search([])}
        by_name['create_quotation'].write({'mode': 'auto', 'group_ids': [Command.set(sales.ids)]})
        by_name['undo'].mode = 'off'
        self.catalog[1]['description'] = 'Create a draft quotation'
        self.catalog.append({'name': 'create_task', 'description': 'Create a task',
                             'risk': 'draft', 'models': ['project.task']})
        self.assertEqual(self.sync(), (1, 1))
        self.assertEqual(by_name['create_quotation'].description, 'Create a draft quotation')
        self.assertEqual(by_name['create_quotation'].mode, 'auto')
        self.assertEqual(by_name['create_quotation'].group_ids, sales)
        self.assertEqual(self.modes(), {
            'search_customers': 'auto', 'create_quotation': 'auto',
            'confirm_quotation': 'confirm', 'undo': 'off', 'create_task': 'confirm',
        })
        # nothing changed: nothing written
        self.assertEqual(self.sync(), (0, 0))

    def test_sync_risk_change_resets_a_mode_no_longer_allowed(self):
        self.sync()
        quotation = self.Policy.search([('name', '=', 'create_quotation')])
        quotation.mode = 'auto'
        self.catalog[1]['risk'] = 'state_change'
        self.assertEqual(self.sync(), (0, 1))
        self.assertEqual((quotation.risk, quotation.mode), ('state_change', 'confirm'))
        self.catalog[1]['risk'] = 'read'
        self.sync()
        self.assertEqual((quotation.risk, quotation.mode), ('read', 'auto'))

    @mute_logger('odoo.addons.copilot.models.copilot_tool_policy')
    def test_sync_skips_malformed_tools(self):
        self.catalog = [
            'search_customers',
            {'name': 'Bad Name', 'risk': 'read'},
            {'name': 'no_risk'},
            {'name': 'odd_risk', 'risk': 'dangerous'},
            {'name': 'get_stock', 'risk': 'read', 'description': 42, 'models': 'stock.quant'},
        ]
        self.assertEqual(self.sync(), (1, 0))
        stock = self.Policy.search([])
        self.assertEqual((stock.name, stock.description, stock.model_names),
                         ('get_stock', False, False))

    def test_sync_unreadable_answer(self):
        self.catalog = {'name': 'search_customers'}
        with self.assertRaisesRegex(UserError, 'cannot be read'):
            self.sync()

    def test_sync_for_admins_only(self):
        with self.assertRaises(AccessError):
            self.sync(self.user)
        self.assertFalse(self.calls, "the agent is not called for a user who cannot write")

    def test_buttons(self):
        action = self.Policy.with_user(self.admin).action_sync_tools()
        self.assertEqual(action['tag'], 'display_notification')
        self.assertEqual(action['params']['next']['tag'], 'soft_reload')
        self.assertIn('4', action['params']['message'])
        settings = self.env['res.config.settings'].with_user(self.admin).create({})
        action = settings.action_copilot_sync_tools()
        self.assertEqual(action['tag'], 'display_notification')
        self.assertEqual(action['params']['next']['res_model'], 'copilot.tool.policy')
        self.assertEqual(len(self.calls), 2)
