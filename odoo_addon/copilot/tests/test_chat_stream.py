# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from unittest.mock import patch
from urllib.parse import urlsplit

from odoo import http
from odoo.tests.common import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.copilot import compat
from odoo.addons.copilot.models.copilot_agent import CopilotAgent

from .common import SECRET, request_signature
from .test_panel_routes import UNREACHABLE, UNREACHABLE_FR
from .test_rpc_route import CopilotHttpCommon

#: What the fake agent streams, in 3 chunks; the second one stops in the middle of an event.
CHUNKS = (
    b'event: start\ndata: {"session_id":"%(session_id)s","turn_id":"turn_1"}\n\n',
    b'event: text\ndata: {"text":"Le stock de Large Cabinet"}\n\n'
    b'event: tool\ndata: {"tool":"get_stock","status":"started"}\n\nevent: te',
    b'xt\ndata: {"text":" est de 250 unit\xc3\xa9s."}\n\n'
    b'event: done\ndata: {"session_id":"%(session_id)s","message_id":"msg_1",'
    b'"reply":"Le stock de Large Cabinet est de 250 unit\xc3\xa9s.","actions":[],"steps":[],'
    b'"mode":"offline","stopped":false}\n\n',
)


class FakeStreamingAgent(BaseHTTPRequestHandler):
    """Streams like the agent's ``/v1/turns/stream`` (chunked), in the server's ``mode``."""

    protocol_version = 'HTTP/1.1'

    def do_POST(self):
        raw_body = self.rfile.read(int(self.headers.get('Content-Length') or 0))
        server = self.server
        server.received.append({'path': self.path, 'headers': dict(self.headers),
                                'body': raw_body})
        path = urlsplit(self.path).path
        if path.endswith('/stop'):
            return self.send_json(200, {'stopped': True})
        if server.mode == 'busy':
            return self.send_json(409, {'error': {
                'code': 'conflict:session_busy',
                'message': 'Une autre réponse est en cours dans cette conversation.'}})
        chunks = [chunk % {b'session_id': json.loads(raw_body)['session_id'].encode()}
                  for chunk in CHUNKS]
        self.send_response(200)
        self.send_header('Content-Type', 'text/event-stream; charset=utf-8')
        self.send_header('Transfer-Encoding', 'chunked')
        self.end_headers()
        try:
            self.send_chunk(chunks[0])
            if server.mode == 'cut':
                return  # the connection closes in the middle of the chunked body
            if server.mode == 'disconnect':
                # an idle agent is only noticed gone when Odoo relays its next bytes
                deadline = time.time() + 5
                while time.time() < deadline:
                    time.sleep(0.05)
                    self.send_chunk(b': still thinking\n\n')
                return
            # wait for the test to see the first event: a buffering relay never lets it
            server.first_event_seen.wait(5)
            self.send_chunk(chunks[1])
            time.sleep(0.2)
            self.send_chunk(chunks[2])
            self.wfile.write(b'0\r\n\r\n')
        except OSError:
            server.disconnected.set()
        finally:
            self.close_connection = True

    def send_chunk(self, data):
        self.wfile.write(b'%x\r\n%s\r\n' % (len(data), data))
        self.wfile.flush()
        self.server.sent.append(data)

    def send_json(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):  # noqa: A002 (BaseHTTPRequestHandler's signature)
        pass


def parse_events(data):
    """``[(event, data)]`` of a complete event stream."""
    events = []
    for block in data.decode().split('\n\n'):
        lines = [line for line in block.split('\n') if line and not line.startswith(':')]
        if lines:
            fields = dict(line.split(': ', 1) for line in lines)
            events.append((fields['event'], json.loads(fields['data'])))
    return events


@tagged('post_install', '-at_install')
class TestChatStream(CopilotHttpCommon, HttpCase):
    """``/copilot/chat/stream`` relays the agent's events as they come; ``/copilot/chat/stop``."""

    def setUp(self):
        super().setUp()
        # Odoo's test guard on outgoing requests compares the timeout with a number
        patcher = patch.object(CopilotAgent, '_agent_timeout', return_value=10)
        patcher.start()
        self.addCleanup(patcher.stop)
        self.authenticate('copilot_user', 'copilot_user_pw')

    def start_fake_agent(self, mode='normal'):
        server = ThreadingHTTPServer(('127.0.0.1', 0), FakeStreamingAgent)
        server.daemon_threads = True
        server.mode = mode
        server.received, server.sent = [], []
        server.first_event_seen = threading.Event()
        server.disconnected = threading.Event()
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(thread.join)
        self.addCleanup(server.server_close)
        self.addCleanup(server.shutdown)
        compat.set_config_param(self.env, 'copilot.agent_url',
                                f'http://127.0.0.1:{server.server_address[1]}')
        return server

    def csrf_token(self):
        # Odoo's own computation, for the test's session (what odoo.csrf_token holds)
        return http.Request.csrf_token(self)

    def open_stream(self, params, csrf_token=None):
        response = self.opener.post(
            f'{self.base_url()}/copilot/chat/stream',
            data=json.dumps(params),
            headers={'Content-Type': 'application/json', 'Accept': 'text/event-stream',
                     'X-CSRF-Token': csrf_token or self.csrf_token()},
            stream=True, timeout=10,
        )
        self.addCleanup(response.close)
        return response

    def read_events(self, params, **kwargs):
        response = self.open_stream(params, **kwargs)
        return response, parse_events(response.content)

    def test_stream_relays_events_as_they_come(self):
        agent = self.start_fake_agent()
        response = self.open_stream({'message': 'Quel est le stock de Large Cabinet ?',
                                     'client_message_id': 'cm_1'})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers['Content-Type'].startswith('text/event-stream'))
        self.assertEqual(response.headers['Cache-Control'], 'no-cache')
        self.assertEqual(response.headers['X-Accel-Buffering'], 'no')
        self.assertNotIn('Content-Length', response.headers)

        received = b''
        chunks = response.iter_content(chunk_size=None)
        while b'\n\n' not in received:
            received += next(chunks)
        # the first event got here while the agent was still holding the rest back
        self.assertEqual(len(agent.sent), 1)
        agent.first_event_seen.set()
        for chunk in chunks:
            received += chunk

        body = json.loads(agent.received[0]['body'])
        session_id = body['session_id']
        self.assertRegex(session_id, r'^[0-9a-f]{32}$')
        self.assertEqual(received, b''.join(CHUNKS) % {b'session_id': session_id.encode()})
        events = parse_events(received)
        self.assertEqual([name for name, _data in events],
                         ['start', 'text', 'tool', 'text', 'done'])
        self.assertEqual(events[0][1]['session_id'], session_id)
        self.assertEqual(events[3][1], {'text': ' est de 250 unités.'})
        self.assertFalse(events[4][1]['stopped'])

        request, = agent.received
        self.assertEqual(request['path'], '/v1/turns/stream')
        headers = request['headers']
        self.assertEqual(headers['X-Copilot-Signature'], request_signature(
            SECRET, headers['X-Copilot-Timestamp'], headers['X-Copilot-Nonce'],
            'POST', '/v1/turns/stream', request['body']))
        self.assertEqual(body['message'], 'Quel est le stock de Large Cabinet ?')
        self.assertEqual(body['client_message_id'], 'cm_1')
        self.assertEqual(body['user']['uid'], self.user.id)
        delegation = self.env['copilot.agent']._verify_delegation(body['delegation'])
        self.assertEqual((delegation['uid'], delegation['sid']), (self.user.id, session_id))

    def test_stream_existing_session(self):
        agent = self.start_fake_agent()
        agent.first_event_seen.set()
        _response, events = self.read_events({'message': 'Encore', 'session_id': 'sess_abc123'})
        self.assertEqual(events[0], ('start', {'session_id': 'sess_abc123', 'turn_id': 'turn_1'}))
        body = json.loads(agent.received[0]['body'])
        self.assertEqual(body['session_id'], 'sess_abc123')
        self.assertNotIn('client_message_id', body)

    @mute_logger('odoo.addons.copilot.models.copilot_agent')
    def test_stream_agent_unreachable(self):
        response, events = self.read_events({'message': 'Bonjour'})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers['Content-Type'].startswith('text/event-stream'))
        (name, data), = events
        self.assertEqual(name, 'error')
        self.assertEqual(data['code'], 'unavailable:agent')
        self.assertIn(UNREACHABLE, data['message'])

    @mute_logger('odoo.addons.copilot.models.copilot_agent')
    def test_stream_agent_unreachable_french(self):
        self.env['res.lang']._activate_lang('fr_FR')
        new_test_user(self.env, login='copilot_fr', password='copilot_fr_pw',
                      groups='base.group_user', lang='fr_FR')
        self.authenticate('copilot_fr', 'copilot_fr_pw')
        _response, events = self.read_events({'message': 'Bonjour'})
        (name, data), = events
        self.assertEqual(name, 'error')
        self.assertIn(UNREACHABLE_FR, data['message'])

    @mute_logger('odoo.addons.copilot.models.copilot_agent')
    def test_stream_agent_refuses(self):
        self.start_fake_agent('busy')
        _response, events = self.read_events({'message': 'Bonjour', 'session_id': 'sess_abc123'})
        self.assertEqual(events, [('error', {
            'code': 'conflict:session_busy',
            'message': 'Une autre réponse est en cours dans cette conversation.'})])

    @mute_logger('odoo.addons.copilot.sse')
    def test_stream_cut_by_agent(self):
        self.start_fake_agent('cut')
        _response, events = self.read_events({'message': 'Bonjour'})
        self.assertEqual([name for name, _data in events], ['start', 'error'])
        self.assertEqual(events[1][1]['code'], 'unavailable:agent')
        self.assertIn(UNREACHABLE, events[1][1]['message'])

    def test_stream_browser_gone_closes_agent_connection(self):
        agent = self.start_fake_agent('disconnect')
        response = self.open_stream({'message': 'Bonjour'})
        first = next(response.iter_content(chunk_size=None))
        self.assertTrue(first.startswith(b'event: start\n'))
        response.close()
        self.assertTrue(agent.disconnected.wait(5), "the agent's connection was not closed")

    @mute_logger('odoo.addons.copilot.models.copilot_agent')
    def test_stream_bad_requests(self):
        agent = self.start_fake_agent()
        for params, code in (({'message': ''}, 'bad_request'),
                             ({'message': 'Hi', 'session_id': '../x'}, 'bad_request'),
                             ({'message': 'Hi', 'client_message_id': 'a b'}, 'bad_request')):
            with self.subTest(params=params):
                response, events = self.read_events(params)
                self.assertEqual(response.status_code, 200)
                (name, data), = events
                self.assertEqual((name, data['code']), ('error', code))
        portal = new_test_user(self.env, login='copilot_portal_s', password='copilot_portal_s_pw',
                               groups='base.group_portal')
        self.authenticate(portal.login, 'copilot_portal_s_pw')
        _response, events = self.read_events({'message': 'Hi'})
        self.assertEqual(events[0][1]['code'], 'forbidden')
        self.assertFalse(agent.received)

    def test_stream_csrf(self):
        agent = self.start_fake_agent()
        for token in ('', 'forged0o9999999999'):
            with self.subTest(token=token):
                response = self.opener.post(
                    f'{self.base_url()}/copilot/chat/stream', data=json.dumps({'message': 'Hi'}),
                    headers={'Content-Type': 'application/json', 'X-CSRF-Token': token},
                    timeout=10,
                )
                self.assertEqual(response.status_code, 400)
                (name, data), = parse_events(response.content)
                self.assertEqual((name, data['code']), ('error', 'bad_request:csrf'))
                self.assertIn('reload the page', data['message'])
        self.assertFalse(agent.received)

    def test_stop_forwards(self):
        agent = self.start_fake_agent()
        answer = self.jsonrpc('/copilot/chat/stop', {'session_id': 'sess_abc123'})
        self.assertEqual(answer['result'], {'stopped': True})
        request, = agent.received
        self.assertEqual(request['path'], '/v1/sessions/sess_abc123/stop')
        headers = request['headers']
        self.assertEqual(headers['X-Copilot-Signature'], request_signature(
            SECRET, headers['X-Copilot-Timestamp'], headers['X-Copilot-Nonce'],
            'POST', '/v1/sessions/sess_abc123/stop', request['body']))
        body = json.loads(request['body'])
        self.assertEqual(set(body), {'user'})
        self.assertEqual(body['user']['uid'], self.user.id)

    @mute_logger('odoo.http')
    def test_stop_bad_session(self):
        answer = self.jsonrpc('/copilot/chat/stop', {'session_id': '../../v1/x'})
        self.assertRpcError(answer, 'UserError', 'Invalid copilot session id.')
