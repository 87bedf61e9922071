# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import threading
from http.server import ThreadingHTTPServer
from unittest.mock import patch

from odoo import Command
from odoo.tests.common import HttpCase, tagged

from odoo.addons.copilot import compat
from odoo.addons.copilot.models.copilot_agent import CopilotAgent

from .common import SECRET, request_signature
from .test_panel_routes import FakeAgentHandler
from .test_rpc_route import CopilotHttpCommon

TOOLS = {
    'search_customers': 'auto',
    'create_quotation': 'auto',
    'confirm_quotation': 'confirm',
    'undo': 'off',
    'show_kit': 'off',
}


@tagged('post_install', '-at_install')
class TestTurnContext(CopilotHttpCommon, HttpCase):
    """What the panel's routes tell the agent about the user: tools, formats, companies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Policy = cls.env['copilot.tool.policy']
        Policy.search([]).unlink()
        system = cls.env.ref('base.group_system')
        Policy.create([
            {'name': 'search_customers', 'risk': 'read', 'mode': 'auto'},
            {'name': 'create_quotation', 'risk': 'draft', 'mode': 'auto'},
            {'name': 'confirm_quotation', 'risk': 'state_change', 'mode': 'confirm'},
            {'name': 'undo', 'risk': 'destructive', 'mode': 'confirm',
             'group_ids': [Command.set(system.ids)]},
            {'name': 'show_kit', 'risk': 'read', 'mode': 'off'},
        ])
        cls.second_company = cls.env['res.company'].create({'name': 'Copilot Second Company'})
        cls.foreign_company = cls.env['res.company'].create({'name': 'Copilot Foreign Company'})
        cls.user.write({'company_ids': [Command.link(cls.second_company.id)]})

    def setUp(self):
        super().setUp()
        self.authenticate('copilot_user', 'copilot_user_pw')
        self.sent = []

    def capture(self):
        """Patch the outbound calls: record what they would send to the agent."""
        test = self

        def fake_agent_request(self, method, path, body=None, query=None):
            test.sent.append((method, path, body))
            return {'session_id': body['session_id'], 'turn_id': 'turn_abcdefgh1',
                    'status': 'running'}

        patcher = patch.object(CopilotAgent, '_agent_request', fake_agent_request)
        patcher.start()
        self.addCleanup(patcher.stop)

    def start_fake_agent(self):
        """The agent service of the panel's tests, on a free port."""
        # Odoo's test guard on outgoing requests compares the timeout with a number
        patcher = patch.object(CopilotAgent, '_agent_timeout', return_value=10)
        patcher.start()
        self.addCleanup(patcher.stop)
        server = ThreadingHTTPServer(('127.0.0.1', 0), FakeAgentHandler)
        server.received = []
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(thread.join)
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        compat.set_config_param(self.env, 'copilot.agent_url',
                                f'http://127.0.0.1:{server.server_address[1]}')
        return server

    def chat(self):
        self.sent.clear()
        self.assertIn('result', self.jsonrpc('/copilot/chat', {'message': 'Bonjour'}))
        (method, path, body), = self.sent
        self.assertEqual((method, path), ('POST', '/v1/turns/start'))
        return body

    def test_chat_sends_tools_and_formats(self):
        self.capture()
        body = self.chat()
        self.assertEqual(body['tools'], TOOLS)
        lang = self.env['res.lang']._lang_get(self.user.lang)
        self.assertEqual(body['user']['formats'], {
            'date': lang.date_format, 'time': lang.time_format,
            'decimal_point': lang.decimal_point, 'thousands_sep': lang.thousands_sep or '',
            'grouping': lang.grouping,
        })

    def test_signed_body_sent_to_the_agent(self):
        agent = self.start_fake_agent()
        self.jsonrpc('/copilot/chat', {'message': 'Bonjour'})
        received, = agent.received
        headers = received['headers']
        self.assertEqual(headers['X-Copilot-Signature'], request_signature(
            SECRET, headers['X-Copilot-Timestamp'], headers['X-Copilot-Nonce'],
            'POST', '/v1/turns/start', received['body']))
        body = json.loads(received['body'])
        self.assertEqual(body['tools'], TOOLS)
        self.assertIn('formats', body['user'])

    def test_panel_context_is_sent_as_data(self):
        self.capture()
        self.sent.clear()
        self.jsonrpc('/copilot/chat', {'message': 'Quelles tâches ?',
                                       'context': {'project': {'id': 3, 'name': 'Office Design'}}})
        (_method, _path, body), = self.sent
        self.assertEqual(body['context'], {'project': {'id': 3, 'name': 'Office Design'}})
        self.assertEqual(body['message'], 'Quelles tâches ?')

    def test_group_restriction_follows_the_user(self):
        self.capture()
        self.user.write({compat.USER_GROUPS_FIELD: [Command.link(
            self.env.ref('base.group_system').id)]})
        # 17.0 ends the sessions of a user whose groups change
        self.authenticate('copilot_user', 'copilot_user_pw')
        self.assertEqual(self.chat()['tools']['undo'], 'confirm')

    def test_switcher_cookie_sets_the_current_company(self):
        self.capture()
        main, second = self.user.company_id, self.second_company
        self.assertEqual(self.chat()['user']['company_id'], main.id)
        for cookie in (f'{second.id}-{main.id}', f'{second.id},{main.id}'):
            with self.subTest(cookie=cookie):
                self.opener.cookies.set('cids', cookie)
                user = self.chat()['user']
                self.assertEqual((user['company_id'], user['company_ids']),
                                 (second.id, [second.id, main.id]))
        self.opener.cookies.set('cids', f'{self.foreign_company.id}-{second.id}')
        user = self.chat()['user']
        self.assertEqual((user['company_id'], user['company_ids']), (second.id, [second.id]))
        self.opener.cookies.set('cids', str(self.foreign_company.id))
        user = self.chat()['user']
        self.assertEqual(user['company_id'], main.id)
        self.assertEqual(set(user['company_ids']), {main.id, second.id})
