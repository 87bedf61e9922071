# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from unittest.mock import patch

from odoo.tests.common import TransactionCase, tagged

from .common_action_log import ActionLogCommon


@tagged('post_install', '-at_install')
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
