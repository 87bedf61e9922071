# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged

from .common import CopilotCommon


@tagged('post_install', '-at_install')
class TestCopilotLookup(CopilotCommon, TransactionCase):
    """The offline planner's one search a turn: the request's words, as the user."""

    def test_finds_names_by_word_and_references_exactly(self):
        partner = self.env['res.partner'].create({'name': 'Zyxel Lookup Furniture'})
        Lookup = self.env['copilot.lookup'].with_user(self.user)
        answer = Lookup.find(['zyxel', 'nothingmatches'], ['customer'])
        self.assertEqual([row['id'] for row in answer['customer']], [partner.id])
        self.assertEqual(answer['customer'][0]['name'], 'Zyxel Lookup Furniture')
        if 'product.product' in self.env:
            product = self.env['product.product'].create({'name': 'Qwertz Lamp', 'default_code': 'QWZ_0042'})
            found = Lookup.find([], ['product'], ['QWZ_0042'])['product']
            self.assertEqual([row['id'] for row in found], [product.id])
            # a reference is matched whole, never as a part
            self.assertFalse(Lookup.find([], ['product'], ['QWZ_004'])['product'])

    def test_initials_find_a_name_by_its_first_letter(self):
        partner = self.env['res.partner'].create({'name': 'Quixotic Widgets'})
        answer = self.env['copilot.lookup'].with_user(self.user).find([], ['customer'], initials=['QW'])
        self.assertIn(partner.id, [row['id'] for row in answer['customer']])

    def test_rights_apply_and_bad_input_answers_nothing(self):
        Lookup = self.env['copilot.lookup'].with_user(self.restricted_user)
        self.assertEqual(Lookup.find('not a list'), {})
        self.assertEqual(Lookup.find(['x' * 100, 42], ['customer', 'no_such_kind']), {})
        # a kind whose model the user cannot read, or that is not installed, is left out
        answer = Lookup.find(['demo'], ['customer', 'project', 'task'])
        for kind in ('project', 'task'):
            model = {'project': 'project.project', 'task': 'project.task'}[kind]
            if model not in self.env:
                self.assertNotIn(kind, answer)
        self.assertIn('customer', answer)

    def test_the_gateway_allows_it_as_a_read(self):
        from odoo.addons.copilot import rpc_allowlist
        self.assertTrue(rpc_allowlist.is_allowed('copilot.lookup', 'find'))
        self.assertFalse(rpc_allowlist.is_write('copilot.lookup', 'find'))
