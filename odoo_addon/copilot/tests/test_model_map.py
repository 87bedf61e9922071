# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase, tagged

from odoo.addons.copilot import compat, model_map

from .common import CopilotCommon


@tagged('post_install', '-at_install')
class TestModelMap(CopilotCommon, TransactionCase):
    """Settings › Copilot › Business Objects: which model plays Kit, Ticket, Document, Installation."""

    def setUp(self):
        super().setUp()
        self.agent = self.env['copilot.agent'].with_user(self.user)
        self.delegation = self.payload(self.user)

    def map_role(self, role, model_name):
        model = self.env['ir.model']._get(model_name) if model_name else False
        compat.set_config_param(self.env, model_map.MODEL_ROLES[role][0], model.id if model else False)

    def call(self, model, method, args=None, kwargs=None):
        return self.agent._gateway_call(self.delegation, model, method, args, kwargs, {'session_id': 'session1'})

    def test_defaults(self):
        mapping = model_map.model_mapping(self.env)
        self.assertEqual(set(mapping), {'kit', 'ticket', 'document', 'installation'})
        self.assertEqual(mapping['document'], 'ir.attachment')
        self.assertIsNone(mapping['installation'])
        # Odoo's own models only when their app is installed
        self.assertEqual(mapping['kit'], 'mrp.bom' if 'mrp.bom' in self.env else None)
        self.assertEqual(mapping['ticket'], 'helpdesk.ticket' if 'helpdesk.ticket' in self.env else None)

    def test_settings_map_a_model(self):
        settings = self.env['res.config.settings'].create({
            'copilot_installation_model_id': self.env['ir.model']._get('res.country').id,
        })
        settings.execute()
        self.assertEqual(model_map.model_mapping(self.env)['installation'], 'res.country')
        self.assertEqual(self.env['res.config.settings'].create({}).copilot_installation_model_id.model, 'res.country')

    def test_mapping_sent_with_each_turn(self):
        self.map_role('installation', 'res.country')
        body = self.env['copilot.agent'].with_user(self.user)._prepare_turn('Liste les installations')
        self.assertEqual(body['models']['installation'], 'res.country')
        self.assertEqual(body['models']['document'], 'ir.attachment')

    def test_a_stale_id_falls_back_to_the_default(self):
        compat.set_config_param(self.env, 'copilot.document_model_id', '999999999')
        compat.set_config_param(self.env, 'copilot.installation_model_id', 'not an id')
        mapping = model_map.model_mapping(self.env)
        self.assertEqual(mapping['document'], 'ir.attachment')
        self.assertIsNone(mapping['installation'])

    def test_gateway_reads_a_mapped_model_only_while_mapped(self):
        belgium = self.env.ref('base.be')
        with self.assertRaises(AccessError):
            self.call('res.country', 'search_read', [[('id', '=', belgium.id)]], {'fields': ['name']})
        self.map_role('installation', 'res.country')
        rows = self.call('res.country', 'search_read', [[('id', '=', belgium.id)]], {'fields': ['name']})
        self.assertEqual(rows[0]['id'], belgium.id)
        fields = self.call('res.country', 'fields_get', [], {'attributes': ['type', 'relation']})
        self.assertEqual(fields['state_ids']['relation'], 'res.country.state')
        # the model of its lines (one2many) too, for reads only
        self.assertTrue(self.call('res.country.state', 'search_count', [[('country_id', '=', belgium.id)]]))
        for model, method in (('res.country', 'write'), ('res.country', 'unlink'), ('res.country.group', 'search_read')):
            with self.subTest(model=model, method=method), self.assertRaises(AccessError):
                self.call(model, method, [[belgium.id], {'name': 'X'}] if method == 'write' else [[belgium.id]])
        self.map_role('installation', False)
        with self.assertRaises(AccessError):
            self.call('res.country', 'search_read', [[]], {'fields': ['name'], 'limit': 1})
