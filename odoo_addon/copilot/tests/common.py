# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import hashlib
import hmac
import json
import time

from odoo.tests.common import new_test_user

from odoo.addons.copilot import compat

SECRET = 'test-copilot-secret'


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode('ascii')


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + '=' * (-len(text) % 4))


def sign_delegation(payload, secret=SECRET):
    """A delegation token made independently of the addon, from contract (C)."""
    key = hmac.new(secret.encode(), b'copilot-delegation-v1', hashlib.sha256).digest()
    body = b64url(json.dumps(payload).encode())
    signature = hmac.new(key, body.encode(), hashlib.sha256).digest()
    return f'{body}.{b64url(signature)}'


def request_signature(secret, timestamp, nonce, method, path_with_query, raw_body):
    """``X-Copilot-Signature`` of contract (B), computed independently of the addon."""
    signing_string = f'{timestamp}\n{nonce}\n{method}\n{path_with_query}\n'.encode() + raw_body
    return 'sha256=' + hmac.new(secret.encode(), signing_string, hashlib.sha256).hexdigest()


class CopilotCommon:
    """Configuration and users shared by the copilot tests (mixed into Odoo test cases)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        compat.set_config_param(cls.env, 'copilot.shared_secret', SECRET)
        # a closed port: the agent service is never reached unless a test says so
        compat.set_config_param(cls.env, 'copilot.agent_url', 'http://127.0.0.1:9')
        # may create contacts (base.group_partner_manager): the write used without sale
        cls.user = new_test_user(
            cls.env, login='copilot_user', password='copilot_user_pw',
            groups='base.group_user,base.group_partner_manager', name='Copilot User',
        )
        # internal user with no right to create anything the allowlist can write
        cls.restricted_user = new_test_user(
            cls.env, login='copilot_restricted', password='copilot_restricted_pw',
            groups='base.group_user', name='Copilot Restricted User',
        )

    @classmethod
    def payload(cls, user, **overrides):
        now = int(time.time())
        return dict({
            'v': 1,
            'db': cls.env.cr.dbname,
            'uid': user.id,
            'sid': 'session1',
            'iat': now,
            'exp': now + 300,
            'jti': 'jti1',
        }, **overrides)

    @classmethod
    def token(cls, user, **overrides):
        return sign_delegation(cls.payload(user, **overrides))
