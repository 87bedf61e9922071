# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import os
import re
import time
from unittest.mock import patch
from urllib.parse import parse_qs, urlsplit

import requests

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.copilot import compat

from .common import SECRET, CopilotCommon, request_signature

AGENT_URL = 'http://agent.test:8080'


class FakeResponse:
    def __init__(self, status_code=200, payload=None, text=None):
        self.status_code = status_code
        self._payload = payload
        self._text = text

    def json(self):
        if self._text is not None:
            return json.loads(self._text)
        return self._payload


@tagged('post_install', '-at_install')
class TestAgentRequest(CopilotCommon, TransactionCase):
    """Requests to the agent service, contract (B), with ``requests`` mocked."""

    def setUp(self):
        super().setUp()
        compat.set_config_param(self.env, 'copilot.agent_url', AGENT_URL + '/')
        self.agent = self.env['copilot.agent'].with_user(self.user)
        self.calls = []
        self.answer = FakeResponse(200, {'ok': True})

        def fake_request(method, url, data=None, headers=None, timeout=None):
            self.calls.append({'method': method, 'url': url, 'data': data or b'',
                               'headers': headers, 'timeout': timeout})
            if isinstance(self.answer, Exception):
                raise self.answer
            return self.answer

        patcher = patch.object(requests, 'request', side_effect=fake_request)
        patcher.start()
        self.addCleanup(patcher.stop)

    def assertSigned(self, call, path_with_query):
        headers = call['headers']
        timestamp = headers['X-Copilot-Timestamp']
        nonce = headers['X-Copilot-Nonce']
        self.assertLessEqual(abs(int(timestamp) - time.time()), 5)
        self.assertRegex(nonce, r'^[A-Za-z0-9_-]{16,}$')
        self.assertEqual(headers['X-Copilot-Signature'], request_signature(
            SECRET, timestamp, nonce, call['method'], path_with_query, call['data']))
        self.assertEqual(call['url'], AGENT_URL + path_with_query)
        self.assertEqual(call['timeout'], (3, 15))

    def test_chat_new_session(self):
        self.answer = FakeResponse(200, {'session_id': 'x', 'turn_id': 'turn_123456789',
                                         'status': 'running'})
        result = self.agent._chat('Bonjour')
        self.assertEqual(result['turn_id'], 'turn_123456789')
        call, = self.calls
        self.assertEqual(call['method'], 'POST')
        self.assertSigned(call, '/v1/turns/start')
        body = json.loads(call['data'])
        self.assertEqual(body['message'], 'Bonjour')
        self.assertRegex(body['session_id'], r'^[0-9a-f]{32}$')
        user = body['user']
        self.assertEqual(user['db'], self.env.cr.dbname)
        self.assertEqual(user['uid'], self.user.id)
        self.assertEqual(user['name'], 'Copilot User')
        self.assertEqual(user['lang'], self.user.lang)
        self.assertEqual(user['company_id'], self.user.company_id.id)
        self.assertIn(self.user.company_id.id, user['company_ids'])
        delegation = self.env['copilot.agent']._verify_delegation(body['delegation'])
        self.assertEqual(delegation['uid'], self.user.id)
        self.assertEqual(delegation['sid'], body['session_id'])
        # the addon names the turn, and the token serves that turn only
        self.assertRegex(body['turn_id'], r'^turn_[\w-]{24}$')
        self.assertEqual(delegation['tid'], body['turn_id'])

    def test_chat_existing_session(self):
        self.agent._chat('Encore', session_id='abc_DEF-123')
        body = json.loads(self.calls[0]['data'])
        self.assertEqual(body['session_id'], 'abc_DEF-123')

    def test_chat_bad_params(self):
        for message, session_id in (('', None), ('  ', None), (None, None), (3, None),
                                    ('Hi', '../../v1/sessions'), ('Hi', 42),
                                    ('x' * 8001, None), ('x' * 30_000_000, None)):
            with self.subTest(message=message, session_id=session_id), \
                    self.assertRaises(UserError):
                self.agent._chat(message, session_id=session_id)
        self.assertFalse(self.calls)

    def test_confirm_reject(self):
        self.answer = FakeResponse(200, {'action': {'id': 'act_1', 'status': 'done'}})
        self.assertEqual(self.agent._confirm_action('act_1')['action']['status'], 'done')
        self.agent._reject_action('act_2')
        self.assertSigned(self.calls[0], '/v1/actions/act_1/confirm')
        self.assertSigned(self.calls[1], '/v1/actions/act_2/reject')
        body = json.loads(self.calls[0]['data'])
        # no delegation: the confirm's ORM calls run in this request (the bridge)
        self.assertEqual(set(body), {'user', 'tools', 'bridge'})
        self.assertEqual(body['bridge']['replies'], [])
        self.assertRegex(body['bridge']['claim'], r'^[\w-]{16}$')
        with self.assertRaises(UserError):
            self.agent._confirm_action('act_1/../../x')

    def test_turn_events(self):
        self.answer = FakeResponse(200, {'status': 'running', 'events': [{'seq': 3, 'type': 'text'}]})
        self.assertEqual(self.agent._turn('turn_abcdefgh123', after=2)['events'][0]['seq'], 3)
        call, = self.calls
        self.assertEqual(call['method'], 'GET')
        query = parse_qs(urlsplit(call['url']).query)
        self.assertEqual(query['after'], ['2'])
        self.assertEqual(query['uid'], [str(self.user.id)])
        for turn_id, after in (('../v1/sessions', 0), ('turn_1', 0), ('turn_abcdefgh123', -1),
                               ('turn_abcdefgh123', '2'), (None, 0)):
            with self.subTest(turn_id=turn_id, after=after), self.assertRaises(UserError):
                self.agent._turn(turn_id, after=after)
        self.assertEqual(len(self.calls), 1)

    def test_sessions_and_messages(self):
        self.answer = FakeResponse(200, {'sessions': []})
        self.assertEqual(self.agent._list_sessions(), {'sessions': []})
        self.agent._list_messages('s1')
        for call, path in zip(self.calls, ('/v1/sessions', '/v1/sessions/s1/messages')):
            self.assertEqual(call['method'], 'GET')
            self.assertEqual(call['data'], b'')
            url = urlsplit(call['url'])
            self.assertEqual(url.path, path)
            self.assertEqual(parse_qs(url.query), {
                'db': [self.env.cr.dbname], 'uid': [str(self.user.id)], 'lang': [self.user.lang],
            })
            self.assertSigned(call, f'{url.path}?{url.query}')

    def test_agent_error_message(self):
        self.answer = FakeResponse(404, {'error': {'code': 'not_found:session',
                                                   'message': 'Conversation introuvable.'}})
        with self.assertRaisesRegex(UserError, '^Conversation introuvable.$'):
            self.agent._list_messages('s1')

    @mute_logger('odoo.addons.copilot.models.copilot_agent')
    def test_agent_error_without_json(self):
        self.answer = FakeResponse(502, text='<html>Bad Gateway</html>')
        with self.assertRaisesRegex(UserError, r'HTTP 502'):
            self.agent._list_sessions()
        self.answer = FakeResponse(200, text='not json')
        with self.assertRaisesRegex(UserError, 'cannot be read'):
            self.agent._list_sessions()

    @mute_logger('odoo.addons.copilot.models.copilot_agent')
    def test_unreachable(self):
        self.answer = requests.exceptions.ConnectionError('refused')
        with self.assertRaisesRegex(UserError, 'cannot be reached'):
            self.agent._chat('Hi')
        self.answer = requests.exceptions.ReadTimeout('slow')
        with self.assertRaisesRegex(UserError, 'did not answer in time'):
            self.agent._chat('Hi')

    def test_secret_never_logged(self):
        self.answer = requests.exceptions.ConnectionError('refused')
        with self.assertLogs('odoo.addons.copilot', level='DEBUG') as logs, \
                self.assertRaises(UserError):
            self.agent._chat('Hi')
        self.answer = FakeResponse(500, {'error': {'code': 'internal', 'message': 'Oops'}})
        with self.assertLogs('odoo.addons.copilot', level='DEBUG') as logs2, \
                self.assertRaises(UserError):
            self.agent._list_sessions()
        output = '\n'.join(logs.output + logs2.output)
        self.assertNotIn(SECRET, output)
        self.assertNotIn(self.calls[0]['headers']['X-Copilot-Signature'][7:], output)
        self.assertFalse(re.search(r'[A-Za-z0-9_-]{40,}\.[A-Za-z0-9_-]{40,}', output),
                         "no delegation token in the logs")

    def test_configuration_fallbacks(self):
        Agent = self.env['copilot.agent']
        self.assertEqual(Agent._get_agent_url(), AGENT_URL)
        compat.set_config_param(self.env, 'copilot.agent_url', False)
        with patch.dict(os.environ, {'COPILOT_AGENT_URL': 'http://env-agent:9000'}):
            self.assertEqual(Agent._get_agent_url(), 'http://env-agent:9000')
        with patch.dict(os.environ, {'COPILOT_AGENT_URL': ''}):
            self.assertEqual(Agent._get_agent_url(), 'http://localhost:8080')
        compat.set_config_param(self.env, 'copilot.shared_secret', False)
        with patch.dict(os.environ, {'COPILOT_SHARED_SECRET': 'from-env'}):
            self.assertEqual(Agent._get_shared_secret(), 'from-env')
        with patch.dict(os.environ, {'COPILOT_SHARED_SECRET': ''}):
            with self.assertRaisesRegex(UserError, 'shared secret'):
                self.agent._chat('Hi')
        self.assertFalse(self.calls)

    def test_portal_user_refused(self):
        portal = new_test_user(self.env, login='copilot_portal2', groups='base.group_portal')
        with self.assertRaises(AccessError):
            self.env['copilot.agent'].with_user(portal)._chat('Hi')
        self.assertFalse(self.calls)

    def test_turn_sends_tools_map(self):
        Policy = self.env['copilot.tool.policy']
        Policy.search([]).unlink()
        Policy.create([
            {'name': 'search_customers', 'risk': 'read', 'mode': 'auto'},
            {'name': 'create_quotation', 'risk': 'draft', 'mode': 'auto'},
            {'name': 'confirm_quotation', 'risk': 'state_change', 'mode': 'confirm'},
            {'name': 'undo', 'risk': 'destructive', 'mode': 'confirm',
             'group_ids': [Command.set(self.env.ref('base.group_system').ids)]},
            {'name': 'list_documents', 'risk': 'read', 'mode': 'off'},
        ])
        self.agent._chat('Bonjour')
        self.agent._confirm_action('act_1')
        expected = {'search_customers': 'auto', 'create_quotation': 'auto',
                    'confirm_quotation': 'confirm', 'undo': 'off', 'list_documents': 'off'}
        for call in self.calls:
            self.assertEqual(json.loads(call['data'])['tools'], expected)

    def test_user_formats(self):
        self.env['res.lang']._activate_lang('fr_FR')
        french = self.env['res.lang']._lang_get('fr_FR')
        self.user.lang = 'fr_FR'
        self.agent._chat('Bonjour')
        formats = json.loads(self.calls[0]['data'])['user']['formats']
        self.assertEqual(formats, {
            'date': french.date_format, 'time': french.time_format,
            'decimal_point': french.decimal_point, 'thousands_sep': french.thousands_sep or '',
            'grouping': french.grouping,
        })
        self.assertEqual(formats['date'], '%d/%m/%Y')
        self.assertEqual(formats['decimal_point'], ',')
        english = self.env['res.lang']._lang_get('en_US')
        self.assertEqual(self.env['copilot.agent']._get_agent_formats('en_US')['date'],
                         english.date_format)
        # an inactive language: the context's one stands in
        self.assertEqual(
            self.env['copilot.agent'].with_context(lang='en_US')._get_agent_formats('xx_XX'),
            self.env['copilot.agent']._get_agent_formats('en_US'),
        )

    def test_switcher_companies(self):
        main = self.user.company_id
        second = self.env['res.company'].create({'name': 'Copilot Second Company'})
        foreign = self.env['res.company'].create({'name': 'Copilot Foreign Company'})
        self.user.write({'company_ids': [Command.link(second.id)]})

        def agent_user(company_ids):
            agent = self.agent._with_switcher_companies(company_ids)
            user = agent._get_agent_user()
            return user['company_id'], user['company_ids']

        self.assertEqual(agent_user([second.id, main.id]), (second.id, [second.id, main.id]))
        self.assertEqual(agent_user([foreign.id, main.id]), (main.id, [main.id]))
        self.assertEqual(agent_user([foreign.id]), (main.id, [main.id, second.id]))
        self.assertEqual(agent_user([]), (main.id, [main.id, second.id]))

    def test_parse_cids_cookie(self):
        for value, expected in (
            ('3-1', [3, 1]), ('3,1', [3, 1]), ('3', [3]), ('', []), (None, []),
            ('1-x-2--0-2', [1, 2]), ('²', []), ('-5', [5]),
        ):
            with self.subTest(value=value):
                self.assertEqual(compat.parse_cids_cookie(value), expected)

    def test_tools_catalog_request(self):
        self.env['copilot.tool.policy'].search([]).unlink()
        admin = self.env.ref('base.user_admin')
        self.answer = FakeResponse(200, {'tools': [
            {'name': 'get_stock', 'description': 'Stock of a product', 'risk': 'read',
             'models': ['product.product', 'stock.quant']},
        ]})
        self.assertEqual(self.env['copilot.tool.policy'].with_user(admin)._sync_tools(), (1, 0))
        call, = self.calls
        self.assertEqual(call['method'], 'GET')
        self.assertEqual(call['data'], b'')
        url = urlsplit(call['url'])
        self.assertEqual(url.path, '/v1/tools')
        self.assertEqual(parse_qs(url.query), {
            'db': [self.env.cr.dbname], 'uid': [str(admin.id)], 'lang': [admin.lang],
        })
        self.assertSigned(call, f'{url.path}?{url.query}')
