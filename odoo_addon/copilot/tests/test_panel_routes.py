# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest.mock import patch
from urllib.parse import urlsplit

from odoo.exceptions import AccessDenied
from odoo.tests.common import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.copilot import compat
from odoo.addons.copilot.models.copilot_agent import CopilotAgent

from .common import SECRET, b64url_decode, request_signature, sign_delegation
from .test_rpc_route import CopilotHttpCommon

UNREACHABLE = "The copilot service cannot be reached."
UNREACHABLE_FR = "Le service copilote est injoignable."


class FakeAgentHandler(BaseHTTPRequestHandler):
    """Answers like the agent service and records what it received."""

    def _answer(self):
        length = int(self.headers.get('Content-Length') or 0)
        raw_body = self.rfile.read(length) if length else b''
        self.server.received.append({
            'method': self.command, 'path': self.path,
            'headers': dict(self.headers), 'body': raw_body,
        })
        path = urlsplit(self.path).path
        status, payload = 200, None
        if path == '/v1/turns/start':
            body = json.loads(raw_body)
            payload = {'session_id': body['session_id'], 'turn_id': 'turn_abcdefgh1',
                       'status': 'running'}
        elif path.startswith('/v1/turns/'):
            payload = {'status': 'done', 'events': [{'seq': 1, 'type': 'done'}], 'result': {}}
        elif path.startswith('/v1/actions/'):
            action_id, decision = path.split('/')[3:5]
            payload = {'action': {'id': action_id,
                                  'status': 'done' if decision == 'confirm' else 'rejected'}}
        elif path == '/v1/sessions':
            payload = {'sessions': [{'id': 's1', 'title': 'Devis'}]}
        elif path == '/v1/memories':
            payload = {'memories': [{'id': 'mem_12345678', 'text': 'Entrepôt : WH',
                                     'created_at': '2026-01-01T00:00:00Z'}]}
        elif path == '/v1/export':
            payload = {'exported_at': '2026-01-01T00:00:00Z', 'conversations': [],
                       'memories': []}
        elif path.endswith('/delete') and self.command == 'POST':
            payload = {'deleted': True}
        else:
            status = 404
            payload = {'error': {'code': 'not_found:session',
                                 'message': 'This conversation does not exist.'}}
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = _answer

    def log_message(self, format, *args):  # noqa: A002 (BaseHTTPRequestHandler's signature)
        pass


@tagged('post_install', '-at_install')
class TestPanelRoutes(CopilotHttpCommon, HttpCase):
    """The panel's routes (contract (A)), as a signed-in user."""

    def setUp(self):
        super().setUp()
        # Odoo's test guard on outgoing requests compares the timeout with a number
        patcher = patch.object(CopilotAgent, '_agent_timeout', return_value=10)
        patcher.start()
        self.addCleanup(patcher.stop)
        self.authenticate('copilot_user', 'copilot_user_pw')

    def start_fake_agent(self):
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

    @mute_logger('odoo.http', 'odoo.addons.copilot.models.copilot_agent')
    def test_chat_agent_unreachable(self):
        answer = self.jsonrpc('/copilot/chat', {'message': 'Hello'})
        data = self.assertRpcError(answer, 'UserError', UNREACHABLE)
        self.assertEqual(data['code'], 'unavailable:agent')
        self.assertNotIn('Traceback', data['message'])
        self.assertNotIn('127.0.0.1', data['message'])

    @mute_logger('odoo.http', 'odoo.addons.copilot.models.copilot_agent')
    def test_chat_agent_unreachable_french(self):
        self.env['res.lang']._activate_lang('fr_FR')
        new_test_user(self.env, login='copilot_fr', password='copilot_fr_pw',
                      groups='base.group_user', lang='fr_FR')
        self.authenticate('copilot_fr', 'copilot_fr_pw')
        answer = self.jsonrpc('/copilot/chat', {'message': 'Bonjour'})
        self.assertRpcError(answer, 'UserError', UNREACHABLE_FR)

    @mute_logger('odoo.http')
    def test_error_codes_for_scripts(self):
        # a machine-readable code beside the translated message (data.code)
        answer = self.jsonrpc('/copilot/chat', {'message': 'x' * 8001})
        data = self.assertRpcError(answer, 'UserError')
        self.assertEqual(data['code'], 'bad_request:too_long')
        data = self.assertRpcError(self.jsonrpc('/copilot/turn', {'turn_id': '../x'}), 'UserError')
        self.assertEqual(data['code'], 'bad_request:turn')

    def test_chat_bad_params(self):
        answer = self.jsonrpc('/copilot/chat', {'message': ''})
        self.assertRpcError(answer, 'UserError')
        answer = self.jsonrpc('/copilot/messages', {'session_id': '../admin'})
        self.assertRpcError(answer, 'UserError')

    def test_routes_through_fake_agent(self):
        agent = self.start_fake_agent()
        chat = self.jsonrpc('/copilot/chat', {'message': 'Bonjour'})['result']
        self.assertEqual(chat['turn_id'], 'turn_abcdefgh1')
        self.assertEqual(chat['status'], 'running')
        self.assertRegex(chat['session_id'], r'^[0-9a-f]{32}$')
        again = self.jsonrpc('/copilot/chat', {'message': 'Encore', 'session_id': 'abc'})
        self.assertEqual(again['result']['session_id'], 'abc')
        confirm = self.jsonrpc('/copilot/action/confirm', {'action_id': 'act_1'})['result']
        self.assertEqual(confirm['action'], {'id': 'act_1', 'status': 'done'})
        reject = self.jsonrpc('/copilot/action/reject', {'action_id': 'act_2'})['result']
        self.assertEqual(reject['action']['status'], 'rejected')
        self.jsonrpc('/copilot/action/revise', {'action_id': 'act_3', 'quantities': [5, 0]})
        self.assertEqual(json.loads(agent.received[-1]['body'])['quantities'], [5, 0])
        self.assertEqual(json.loads(agent.received[-1]['body'])['bridge']['replies'], [])
        turn = self.jsonrpc('/copilot/turn', {'turn_id': 'turn_abcdefgh1', 'after': 0})['result']
        self.assertEqual(turn['status'], 'done')
        for bad in ([], ['2'], [-1], [True], None):
            self.assertRpcError(self.jsonrpc('/copilot/action/revise', {'action_id': 'act_3', 'quantities': bad}), 'UserError')
        sessions = self.jsonrpc('/copilot/sessions', {})['result']
        self.assertEqual(sessions['sessions'][0]['id'], 's1')

        self.assertEqual(
            [(r['method'], urlsplit(r['path']).path) for r in agent.received],
            [('POST', '/v1/turns/start'), ('POST', '/v1/turns/start'),
             ('POST', '/v1/actions/act_1/confirm'), ('POST', '/v1/actions/act_2/reject'),
             ('POST', '/v1/actions/act_3/revise'), ('GET', '/v1/turns/turn_abcdefgh1'),
             ('GET', '/v1/sessions')],
        )
        for received in agent.received:
            headers = received['headers']
            self.assertEqual(headers['X-Copilot-Signature'], request_signature(
                SECRET, headers['X-Copilot-Timestamp'], headers['X-Copilot-Nonce'],
                received['method'], received['path'], received['body']))
        turn = json.loads(agent.received[0]['body'])
        self.assertEqual(turn['user']['uid'], self.user.id)
        self.assertEqual(turn['session_id'], chat['session_id'])
        delegation = self.env['copilot.agent']._verify_delegation(turn['delegation'])
        self.assertEqual((delegation['uid'], delegation['sid']), (self.user.id, turn['session_id']))
        self.assertIn(f'uid={self.user.id}', agent.received[-1]['path'])

    @mute_logger('odoo.http', 'odoo.addons.copilot.models.copilot_delegation')
    def test_turn_token_ends_with_the_odoo_session(self):
        """A turn's token serves while the browser session it came from is signed in: after
        logging out of Odoo, the agent can no longer act with it (security review, finding 5)."""
        agent = self.start_fake_agent()
        self.jsonrpc('/copilot/chat', {'message': 'Bonjour'})
        turn = json.loads(agent.received[0]['body'])
        payload = json.loads(b64url_decode(turn['delegation'].split('.')[0]))
        # the session is named, sealed: its id is not readable in the token
        self.assertIn('ws', payload)
        self.assertNotIn(self.session.sid, json.dumps(payload))

        def gateway_read():
            return self.jsonrpc('/copilot/rpc', {
                'token': turn['delegation'], 'model': 'res.partner', 'method': 'search_count',
                'args': [[('id', '=', self.user.partner_id.id)]],
                'meta': {'session_id': turn['session_id'], 'turn_id': turn['turn_id']},
            })

        self.assertEqual(gateway_read()['result'], 1)
        self.url_open('/web/session/logout')
        self.assertRpcError(gateway_read(), 'AccessDenied')
        # signing in again makes another session: the old token stays refused
        self.authenticate('copilot_user', 'copilot_user_pw')
        self.assertRpcError(gateway_read(), 'AccessDenied')
        # a token whose seal was tampered with is refused too
        tampered = dict(payload, ws=payload['ws'][:-4] + 'AAAA')
        with self.assertRaises(AccessDenied):
            self.env['copilot.agent']._verify_delegation(sign_delegation(tampered))

    def test_offline_answers_in_the_background(self):
        """Settings › Offline Answers › In the background: the turn starts without the bridge,
        and the request ends at once (the worker is free)."""
        agent = self.start_fake_agent()
        self.jsonrpc('/copilot/chat', {'message': 'Bonjour'})
        self.assertIn('bridge', json.loads(agent.received[-1]['body']))
        compat.set_config_param(self.env, 'copilot.offline_turns', 'background')
        chat = self.jsonrpc('/copilot/chat', {'message': 'Bonjour'})['result']
        self.assertEqual(chat['status'], 'running')
        sent = json.loads(agent.received[-1]['body'])
        self.assertNotIn('bridge', sent)
        self.assertEqual(urlsplit(agent.received[-1]['path']).path, '/v1/turns/start')

    def test_bridged_turns_leave_a_worker_free(self):
        """At most `workers - 1` requests run bridged turns at once (here 1, set by hand: the test
        server is threaded); past that, a turn starts in the background and the request ends."""
        from odoo.addons.copilot.models.copilot_panel_ops import BRIDGE_LOCK
        agent = self.start_fake_agent()
        compat.set_config_param(self.env, 'copilot.bridge_turns', '1')
        # another worker's request holds the one slot (its own database connection: the test
        # registry's cursors all share the test's)
        from odoo import sql_db
        with sql_db.db_connect(self.env.cr.dbname).cursor() as other:
            other.execute('SELECT pg_advisory_lock(%s, 0)', (BRIDGE_LOCK,))
            chat = self.jsonrpc('/copilot/chat', {'message': 'Bonjour'})['result']
            self.assertEqual(chat['status'], 'running')
            self.assertNotIn('bridge', json.loads(agent.received[-1]['body']))
            other.execute('SELECT pg_advisory_unlock(%s, 0)', (BRIDGE_LOCK,))
        # the slot free again: bridged, and released at the end of the request (a second one too)
        for _attempt in range(2):
            self.jsonrpc('/copilot/chat', {'message': 'Bonjour'})
            self.assertIn('bridge', json.loads(agent.received[-1]['body']))

    def test_memory_and_history_routes(self):
        agent = self.start_fake_agent()
        memories = self.jsonrpc('/copilot/memories', {})['result']
        self.assertEqual(memories['memories'][0]['id'], 'mem_12345678')
        for route, params in (
            ('/copilot/memories/delete', {'memory_id': 'mem_12345678'}),
            ('/copilot/sessions/delete', {'session_id': 's1'}),
            ('/copilot/history/delete', {}),
        ):
            with self.subTest(route=route):
                self.assertEqual(self.jsonrpc(route, params)['result'], {'deleted': True})
        export = self.jsonrpc('/copilot/history/export', {})['result']
        self.assertEqual(export['conversations'], [])

        self.assertEqual(
            [(r['method'], urlsplit(r['path']).path) for r in agent.received],
            [('GET', '/v1/memories'), ('POST', '/v1/memories/mem_12345678/delete'),
             ('POST', '/v1/sessions/s1/delete'), ('POST', '/v1/history/delete'),
             ('GET', '/v1/export')],
        )
        for received in agent.received:
            headers = received['headers']
            self.assertEqual(headers['X-Copilot-Signature'], request_signature(
                SECRET, headers['X-Copilot-Timestamp'], headers['X-Copilot-Nonce'],
                received['method'], received['path'], received['body']))
            if received['method'] == 'POST':
                self.assertEqual(json.loads(received['body'])['user']['uid'], self.user.id)
            else:
                self.assertIn(f'uid={self.user.id}', received['path'])

    @mute_logger('odoo.http')
    def test_memory_and_history_bad_ids(self):
        agent = self.start_fake_agent()
        for route, params in (
            ('/copilot/memories/delete', {'memory_id': '../admin'}),
            ('/copilot/memories/delete', {}),
            ('/copilot/sessions/delete', {'session_id': 'a/b'}),
            ('/copilot/action/undo', {'action_id': None}),
        ):
            with self.subTest(route=route, params=params):
                self.assertRpcError(self.jsonrpc(route, params), 'UserError')
        self.assertFalse(agent.received)

    @mute_logger('odoo.http', 'odoo.addons.copilot.models.copilot_agent')
    def test_agent_error_shown(self):
        self.start_fake_agent()
        answer = self.jsonrpc('/copilot/messages', {'session_id': 'unknown'})
        self.assertRpcError(answer, 'UserError', 'This conversation does not exist.')
