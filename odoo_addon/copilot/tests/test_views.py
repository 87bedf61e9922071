# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests.common import TransactionCase

from odoo.addons.copilot import compat


class TestViews(TransactionCase):

    def test_list_view_of_the_running_series(self):
        view = self.env.ref('copilot.copilot_action_log_view_tree')
        self.assertEqual(view.type, compat.LIST_VIEW_TYPE)
        self.assertTrue(view.arch.startswith(f'<{compat.LIST_VIEW_TYPE} '))
        action = self.env.ref('copilot.copilot_action_log_action')
        self.assertEqual(action.view_mode, compat.view_mode('list', 'form'))
        views = self.env['copilot.action.log'].get_views(
            [(False, compat.LIST_VIEW_TYPE), (False, 'form'), (False, 'search')])
        self.assertEqual(views['views'][compat.LIST_VIEW_TYPE]['id'], view.id)

    def test_setup_list_view_is_idempotent(self):
        view = self.env.ref('copilot.copilot_action_log_view_tree')
        self.env['copilot.action.log']._setup_list_view()
        self.assertEqual(self.env.ref('copilot.copilot_action_log_view_tree'), view)
        self.assertEqual(self.env['ir.ui.view'].search_count(
            [('model', '=', 'copilot.action.log'), ('type', '=', compat.LIST_VIEW_TYPE)]), 1)

    def test_settings_view(self):
        arch = self.env['res.config.settings'].get_views([(False, 'form')])['views']['form']['arch']
        self.assertIn('copilot_agent_url', arch)
        self.assertIn('copilot_shared_secret', arch)
        self.assertIn('action_copilot_sync_tools', arch)

    def test_tool_policy_list_view(self):
        view = self.env.ref('copilot.copilot_tool_policy_view_tree')
        self.assertEqual(view.type, compat.LIST_VIEW_TYPE)
        self.assertTrue(view.arch.startswith(f'<{compat.LIST_VIEW_TYPE} '))
        action = self.env.ref('copilot.copilot_tool_policy_action')
        self.assertEqual(action.view_mode, compat.view_mode('list'))
        views = self.env['copilot.tool.policy'].get_views(
            [(False, compat.LIST_VIEW_TYPE), (False, 'search')])
        arch = views['views'][compat.LIST_VIEW_TYPE]['arch']
        self.assertIn('editable="bottom"', arch)
        self.assertIn('action_sync_tools', arch)
        menu = self.env.ref('copilot.copilot_tool_policy_menu')
        self.assertEqual(menu.action, action)
        self.assertEqual(menu.parent_id, self.env.ref('copilot.copilot_menu_configuration'))
