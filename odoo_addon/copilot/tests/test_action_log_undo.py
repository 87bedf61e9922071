# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.exceptions import UserError
from odoo.tests.common import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common_action_log import ActionLogCommon
from .test_rpc_route import CopilotHttpCommon


@tagged('post_install', '-at_install')
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
