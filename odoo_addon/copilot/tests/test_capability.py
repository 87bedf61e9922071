# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged

from .common import CopilotCommon


@tagged('post_install', '-at_install')
class TestCopilotCapability(CopilotCommon, TransactionCase):
    """The agent offers only what the user may do: the capability check as that user."""

    def test_rights_are_the_users(self):
        answer = self.env['copilot.capability'].with_user(self.user).check(['res.partner'])
        self.assertEqual(answer['res.partner'], {'installed': True, 'read': True, 'create': True, 'write': True})
        restricted = self.env['copilot.capability'].with_user(self.restricted_user).check(['res.partner'])
        self.assertTrue(restricted['res.partner']['read'])
        self.assertFalse(restricted['res.partner']['create'])

    def test_missing_models_and_bad_input(self):
        answer = self.env['copilot.capability'].with_user(self.user).check(['no.such.model', 42])
        self.assertEqual(answer, {'no.such.model': {'installed': False, 'read': False, 'create': False, 'write': False}})
        self.assertEqual(self.env['copilot.capability'].check('res.partner'), {})

    def test_no_sales_rights_no_quotation(self):
        if 'sale.order' not in self.env:
            self.skipTest('sale is not installed')
        answer = self.env['copilot.capability'].with_user(self.restricted_user).check(['sale.order'])
        self.assertFalse(answer['sale.order']['create'])
