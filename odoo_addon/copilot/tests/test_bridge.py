# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import time
from unittest.mock import patch

from odoo.tests.common import HttpCase, TransactionCase, new_test_user, tagged

from odoo.addons.copilot import rpc_allowlist
from odoo.addons.copilot.models.copilot_agent import CopilotAgent

from .common import SECRET, CopilotCommon, request_signature
from .test_rpc_route import PARTNER_WRITES


@tagged('post_install', '-at_install')
class TestBridge(CopilotCommon, TransactionCase):
    """The bridge: a confirm's ORM calls run in the request that waits for the agent."""

    def setUp(self):
        super().setUp()
        self.agent = self.env['copilot.agent'].with_user(self.user)
        self.sent = []
        self.script = []
        test = self

        def fake_agent_request(self, method, path, body=None, query=None):
            test.sent.append((method, path, json.loads(json.dumps(body))))
            return test.script.pop(0)(body)

        patcher = patch.object(CopilotAgent, '_agent_request', fake_agent_request)
        patcher.start()
        self.addCleanup(patcher.stop)
        allow = patch.dict(rpc_allowlist.RPC_ALLOWLIST, PARTNER_WRITES)
        allow.start()
        self.addCleanup(allow.stop)

    def call(self, key, model, method, args, meta=None):
        return lambda body: {'call': {'key': key, 'model': model, 'method': method, 'args': args,
                                      'kwargs': {}, 'meta': meta or {}}, 'claim': 'c1'}

    def test_runs_the_calls_here_as_the_user_and_sends_their_replies(self):
        self.script = [
            self.call('k1', 'res.partner', 'create', [{'name': 'Bridged Partner'}],
                      {'tool': 'create_quotation', 'action_id': 'act_12345678'}),
            # the fields named: all of them would include some the user may not read (account's)
            self.call('k2', 'res.partner', 'search_read', [[['name', '=', 'Bridged Partner']], ['name']]),
            lambda body: {'action': {'id': 'act_12345678', 'status': 'done'}},
        ]
        answer = self.agent._confirm_action('act_12345678')
        self.assertEqual(answer, {'action': {'id': 'act_12345678', 'status': 'done'}})
        partner = self.env['res.partner'].search([('name', '=', 'Bridged Partner')])
        self.assertEqual(partner.create_uid, self.user)
        bridges = [body['bridge'] for _method, _path, body in self.sent]
        claim = bridges[0]['claim']
        self.assertEqual(bridges[0], {'replies': [], 'claim': claim})
        self.assertEqual(bridges[1], {'replies': [{'key': 'k1', 'result': partner.id}], 'claim': claim})
        self.assertEqual(bridges[2]['replies'][1]['key'], 'k2')
        self.assertEqual(bridges[2]['replies'][1]['result'][0]['id'], partner.id)
        # logged as any write of the copilot, with the action it belongs to
        log = self.env['copilot.action.log'].sudo().search([('action_id', '=', 'act_12345678')])
        self.assertEqual((log.model, log.method, log.user_id), ('res.partner', 'create', self.user))
        self.assertTrue(all('delegation' not in body for _m, _p, body in self.sent))

    def test_a_refused_call_goes_back_as_an_error_and_the_request_goes_on(self):
        self.script = [
            self.call('k1', 'res.users', 'write', [[self.user.id], {'name': 'x'}]),
            self.call('k2', 'res.partner', 'search_read', [[['id', '=', 0]]]),
            lambda body: {'action': {'id': 'act_12345678', 'status': 'done'}},
        ]
        self.agent._confirm_action('act_12345678')
        first = self.sent[1][2]['bridge']['replies'][0]
        self.assertEqual(first['key'], 'k1')
        self.assertEqual(first['error']['name'], 'odoo.exceptions.AccessError')
        self.assertNotIn('result', first)
        self.assertEqual(self.sent[2][2]['bridge']['replies'][1], {'key': 'k2', 'result': []})

    def test_a_failed_action_rolls_its_writes_back(self):
        self.script = [
            self.call('k1', 'res.partner', 'create', [{'name': 'Half Written'}]),
            lambda body: {'action': {'id': 'act_12345678', 'status': 'failed', 'error': 'No.'}},
        ]
        answer = self.agent._confirm_action('act_12345678')
        self.assertEqual(answer['action']['status'], 'failed')
        self.assertFalse(self.env['res.partner'].search([('name', '=', 'Half Written')]))

    def test_bounded(self):
        self.script = [self.call(f'k{n}', 'res.partner', 'search_count', [[]]) for n in range(60)]
        with self.assertRaises(Exception):
            self.agent._confirm_action('act_12345678')


@tagged('post_install', '-at_install')
class TestTurnPush(CopilotCommon, HttpCase):
    """``/copilot/turn/push``: the agent's turn events, relayed to the user's bus channel."""

    def push(self, payload, secret=SECRET, timestamp=None):
        raw = json.dumps(payload).encode()
        timestamp = str(timestamp or int(time.time()))
        nonce = 'n0nce-0123456789abcdef'
        return self.url_open('/copilot/turn/push', data=raw, headers={
            'Content-Type': 'application/json',
            'X-Copilot-Timestamp': timestamp,
            'X-Copilot-Nonce': nonce,
            'X-Copilot-Signature': request_signature(secret, timestamp, nonce, 'POST',
                                                     '/copilot/turn/push', raw),
        })

    def notifications(self):
        return self.env['bus.bus'].sudo().search([
            ('message', 'like', 'copilot/turn'),
        ])

    def test_signed_events_reach_the_users_bus_channel(self):
        before = self.notifications()
        payload = {'db': self.env.cr.dbname, 'turns': [{
            'uid': self.user.id, 'turn_id': 'turn_abcdefgh1', 'session_id': 's1',
            'events': [{'seq': 1, 'type': 'start'}], 'last_seq': 1}]}
        response = self.push(payload)
        self.assertEqual(response.status_code, 200, response.text)
        sent = self.notifications() - before
        self.assertEqual(len(sent), 1)
        message = json.loads(sent.message)
        self.assertEqual(message['type'], 'copilot/turn')
        self.assertEqual(message['payload']['events'], [{'seq': 1, 'type': 'start'}])
        self.assertIn(str(self.user.partner_id.id), sent.channel)

    def test_one_push_carries_the_turns_of_the_moment_each_to_its_own_user(self):
        archived = new_test_user(self.env, login='copilot_archived', groups='base.group_user')
        archived.active = False
        before = self.notifications()
        payload = {'db': self.env.cr.dbname, 'turns': [
            {'uid': self.user.id, 'turn_id': 'turn_a', 'session_id': 's1',
             'events': [{'seq': 3, 'type': 'text', 'text': 'Bonjour'}], 'last_seq': 3},
            {'uid': self.restricted_user.id, 'turn_id': 'turn_b', 'session_id': 's2',
             'events': [{'seq': 1, 'type': 'start'}], 'last_seq': 1},
            {'uid': archived.id, 'turn_id': 'turn_c', 'session_id': 's3',
             'events': [{'seq': 1, 'type': 'start'}], 'last_seq': 1},
        ]}
        response = self.push(payload)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json(), {'ok': 2})
        sent = self.notifications() - before
        by_turn = {json.loads(n.message)['payload']['turn_id']: n for n in sent}
        self.assertEqual(set(by_turn), {'turn_a', 'turn_b'})
        self.assertIn(str(self.user.partner_id.id), by_turn['turn_a'].channel)
        self.assertIn(str(self.restricted_user.partner_id.id), by_turn['turn_b'].channel)
        self.assertEqual(json.loads(by_turn['turn_a'].message)['payload']['events'],
                         [{'seq': 3, 'type': 'text', 'text': 'Bonjour'}])

    def test_refused_without_a_good_signature(self):
        before = self.notifications()
        payload = {'db': self.env.cr.dbname, 'turns': [{
            'uid': self.user.id, 'turn_id': 'turn_abcdefgh1', 'events': [], 'last_seq': 0}]}
        self.assertEqual(self.push(payload, secret='not-the-secret').status_code, 403)
        self.assertEqual(self.push(payload, timestamp=int(time.time()) - 3600).status_code, 403)
        self.assertEqual(self.push(dict(payload, db='another_db')).status_code, 403)
        self.assertEqual(self.push({'db': self.env.cr.dbname, 'turns': [{'uid': 'x'}]}).status_code,
                         403)
        self.assertEqual(self.notifications(), before)
