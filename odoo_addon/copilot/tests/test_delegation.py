# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import hashlib
import hmac
import json
import os
import time
from unittest.mock import patch

from odoo.exceptions import AccessDenied
from odoo.tests.common import TransactionCase, new_test_user, tagged

from odoo.addons.copilot import compat

from .common import SECRET, CopilotCommon, b64url, sign_delegation


@tagged('post_install', '-at_install')
class TestDelegation(CopilotCommon, TransactionCase):

    def setUp(self):
        super().setUp()
        self.agent = self.env['copilot.agent']

    def assertRefused(self, token):
        with self.assertRaises(AccessDenied):
            self.agent._verify_delegation(token)

    def test_make_and_verify(self):
        token = self.agent.with_user(self.user)._make_delegation('abc123')
        payload = self.agent._verify_delegation(token)
        self.assertEqual(payload['v'], 1)
        self.assertEqual(payload['db'], self.env.cr.dbname)
        self.assertEqual(payload['uid'], self.user.id)
        self.assertEqual(payload['sid'], 'abc123')
        self.assertEqual(payload['exp'] - payload['iat'], 300)
        self.assertLessEqual(abs(payload['iat'] - time.time()), 5)
        self.assertTrue(payload['jti'])

    def test_token_format(self):
        """b64url(payload_json) + '.' + b64url(HMAC-SHA256(key, b64url(payload_json)))."""
        token = self.agent.with_user(self.user)._make_delegation('s')
        body, signature = token.split('.')
        self.assertNotIn('=', token)
        payload = json.loads(base64.urlsafe_b64decode(body + '=' * (-len(body) % 4)))
        self.assertEqual(payload['uid'], self.user.id)
        key = hmac.new(SECRET.encode(), b'copilot-delegation-v1', hashlib.sha256).digest()
        expected = hmac.new(key, body.encode(), hashlib.sha256).digest()
        self.assertEqual(signature, b64url(expected))

    def test_independent_token_accepted(self):
        token = self.token(self.user, sid='s2')
        self.assertEqual(self.agent._verify_delegation(token)['sid'], 's2')

    def test_tokens_differ(self):
        agent = self.agent.with_user(self.user)
        self.assertNotEqual(agent._make_delegation('s'), agent._make_delegation('s'))

    def test_expired(self):
        now = int(time.time())
        with self.assertRaisesRegex(AccessDenied, 'expired'):
            self.agent._verify_delegation(self.token(self.user, iat=now - 400, exp=now - 100))
        self.assertRefused(self.token(self.user, iat=now - 300, exp=now))

    def test_too_long_lived_or_future(self):
        now = int(time.time())
        self.assertRefused(self.token(self.user, iat=now, exp=now + 3600))
        self.assertRefused(self.token(self.user, iat=now + 600, exp=now + 900))

    def test_tampered(self):
        token = self.token(self.user)
        body, signature = token.split('.')
        other_body = self.token(self.env.ref('base.user_admin')).split('.')[0]
        self.assertRefused(f'{other_body}.{signature}')
        flipped = ('A' if signature[0] != 'A' else 'B') + signature[1:]
        self.assertRefused(f'{body}.{flipped}')
        self.assertRefused(body)
        self.assertRefused(f'{body}.{signature}.x')

    def test_wrong_secret(self):
        self.assertRefused(sign_delegation(self.payload(self.user), secret='another-secret'))

    def test_other_database(self):
        self.assertRefused(self.token(self.user, db=self.env.cr.dbname + '_other'))

    def test_inactive_or_missing_user(self):
        user = new_test_user(self.env, login='copilot_gone', groups='base.group_user')
        token = self.token(user)
        self.assertEqual(self.agent._verify_delegation(token)['uid'], user.id)
        user.active = False
        self.assertRefused(token)
        self.assertRefused(self.token(user, uid=999999999))

    def test_portal_user_refused(self):
        portal = new_test_user(self.env, login='copilot_portal', groups='base.group_portal')
        self.assertRefused(self.token(portal))

    def test_bad_payloads(self):
        for payload in (
            self.payload(self.user, v=2),
            self.payload(self.user, uid='2'),
            self.payload(self.user, uid=True),
            self.payload(self.user, exp=None),
            [1, 2, 3],
        ):
            with self.subTest(payload=payload):
                self.assertRefused(sign_delegation(payload))

    def test_garbage(self):
        for token in (None, '', 42, 'abc', 'a.b', '.', 'é.é', ['a', 'b']):
            with self.subTest(token=token):
                self.assertRefused(token)

    def test_no_secret(self):
        token = self.token(self.user)
        compat.set_config_param(self.env, 'copilot.shared_secret', False)
        with patch.dict(os.environ, {'COPILOT_SHARED_SECRET': ''}):
            self.assertRefused(token)
        with patch.dict(os.environ, {'COPILOT_SHARED_SECRET': SECRET}):
            self.assertEqual(self.agent._verify_delegation(token)['uid'], self.user.id)
