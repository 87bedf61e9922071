# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import binascii
import hashlib
import hmac
import json
import logging
import secrets
import time

from odoo import _, api, http, models
from odoo.exceptions import AccessDenied
from odoo.tools import consteq

from .. import compat

try:  # a dependency of Odoo 17.0-19.0 (requirements.txt); optional here all the same
    from cryptography.fernet import Fernet, InvalidToken
except ImportError:  # pragma: no cover
    Fernet = InvalidToken = None

_logger = logging.getLogger(__name__)

#: Lifetime of a delegation token, in seconds (contract (C): at most 5 minutes).
DELEGATION_TTL = 300
#: How far in the future a token's ``iat`` may be, for clocks of several workers.
DELEGATION_CLOCK_SKEW = 60
DELEGATION_KEY_LABEL = b'copilot-delegation-v1'
WEB_SESSION_KEY_LABEL = b'copilot-web-session-v1'


def _b64encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode('ascii')


def _b64decode(text):
    return base64.urlsafe_b64decode(text + '=' * (-len(text) % 4))


class CopilotAgent(models.AbstractModel):
    """Delegation tokens: what lets the agent act as the user on ``/copilot/rpc`` (contract (C))."""

    _inherit = 'copilot.agent'

    # ------------------------------------------------------------
    # Delegation tokens (contract (C))
    # ------------------------------------------------------------

    @api.model
    def _delegation_key(self, secret):
        return hmac.new(secret.encode(), DELEGATION_KEY_LABEL, hashlib.sha256).digest()

    @api.model
    def _encode_delegation(self, payload):
        """Sign ``payload`` into a token: ``b64url(json) + '.' + b64url(hmac)``."""
        body = _b64encode(json.dumps(payload, separators=(',', ':'), sort_keys=True).encode())
        key = self._delegation_key(self._require_shared_secret())
        signature = hmac.new(key, body.encode('ascii'), hashlib.sha256).digest()
        return f'{body}.{_b64encode(signature)}'

    @api.model
    def _make_delegation(self, session_id, turn_id=None):
        """A short-lived token letting the agent call ``/copilot/rpc`` as the current user.

        Scoped to what it serves: the conversation (``sid``) and, for a turn, that turn
        (``tid``): the gateway refuses a call that does not name them.
        """
        now = int(time.time())
        payload = {
            'v': 1,
            'db': self.env.cr.dbname,
            'uid': self.env.uid,
            'sid': session_id,
            'iat': now,
            'exp': now + DELEGATION_TTL,
            'jti': secrets.token_urlsafe(16),
        }
        if turn_id:
            payload['tid'] = turn_id
        sealed = self._seal_web_session(self._current_web_session())
        if sealed:
            payload['ws'] = sealed
        return self._encode_delegation(payload)

    # ------------------------------------------------------------
    # The browser session a token came from
    # ------------------------------------------------------------

    @api.model
    def _current_web_session(self):
        """The id of the browser session of the current request, when it is this user's."""
        request = http.request
        session = getattr(request, 'session', None) if request else None
        if session is None or session.get('uid') != self.env.uid:
            return None
        return session.sid

    @api.model
    def _web_session_box(self):
        """What seals a browser session id into a token: Fernet (AES + HMAC) with a key only
        this database knows (derived from ``database.secret``, never from the shared secret
        the agent holds), so the agent carries the session's name without being able to use it."""
        secret = compat.get_config_param(self.env, 'database.secret')
        if Fernet is None or not secret:
            return None
        key = hmac.new(secret.encode(), WEB_SESSION_KEY_LABEL, hashlib.sha256).digest()
        return Fernet(base64.urlsafe_b64encode(key))

    @api.model
    def _seal_web_session(self, sid):
        if not sid:
            return None
        box = self._web_session_box()
        if box is None:
            _logger.warning("Copilot: cannot bind tokens to the Odoo session (no cryptography)")
            return None
        return box.encrypt(sid.encode()).decode('ascii')

    @api.model
    def _check_web_session(self, payload):
        """A token made in a browser session serves only while that session is signed in
        as the token's user: logging out of Odoo (or a password change) ends it at once."""
        sealed = payload.get('ws')
        if sealed is None:
            return
        box = self._web_session_box()
        try:
            if box is None or not isinstance(sealed, str):
                raise ValueError('cannot unseal')
            sid = box.decrypt(sealed.encode('ascii')).decode()
        except (ValueError, TypeError, UnicodeError, InvalidToken):
            _logger.info("Copilot delegation token refused: unreadable session binding")
            raise AccessDenied(_("Invalid copilot delegation token.")) from None
        # sudo: only the session token of the user the signed token names is computed
        if compat.web_session_uid(self.env(su=True), sid) != payload['uid']:
            _logger.info("Copilot delegation token refused: its Odoo session has ended")
            raise AccessDenied(_("Your Odoo session has ended: sign in again to use the copilot."))

    @api.model
    def _verify_delegation(self, token):
        """Return the payload of a valid delegation token of this database.

        :raise AccessDenied: the token is malformed, wrongly signed, expired, made for
            another database, or names a user who is not an active internal user.
        """
        secret = self._get_shared_secret()
        try:
            if not secret or not isinstance(token, str):
                raise ValueError('no secret or no token')
            body, signature = token.split('.')
            key = self._delegation_key(secret)
            expected = hmac.new(key, body.encode('ascii'), hashlib.sha256).digest()
            if not consteq(_b64decode(signature), expected):
                raise ValueError('bad signature')
            payload = json.loads(_b64decode(body))
        except (ValueError, TypeError, UnicodeError, binascii.Error) as exc:
            _logger.info("Copilot delegation token refused: %s", exc)
            raise AccessDenied(_("Invalid copilot delegation token.")) from None

        now = int(time.time())
        if not isinstance(payload, dict) or payload.get('v') != 1:
            raise AccessDenied(_("Invalid copilot delegation token."))
        exp, iat, uid = payload.get('exp'), payload.get('iat'), payload.get('uid')
        if not all(isinstance(value, int) and not isinstance(value, bool)
                   for value in (exp, iat, uid)):
            raise AccessDenied(_("Invalid copilot delegation token."))
        if payload.get('db') != self.env.cr.dbname:
            _logger.info("Copilot delegation token refused: made for another database")
            raise AccessDenied(_("Invalid copilot delegation token."))
        if iat > now + DELEGATION_CLOCK_SKEW or exp - iat > DELEGATION_TTL:
            raise AccessDenied(_("Invalid copilot delegation token."))
        if exp <= now:
            raise AccessDenied(_("The copilot delegation token has expired."))
        # sudo: the gateway has no user yet (auth='none'); only the state of the user named
        # by a correctly signed token is read.
        user = self.env['res.users'].sudo().browse(uid).exists()
        if not user or not user.active or user.share:
            _logger.info("Copilot delegation token refused: user %s is not active", uid)
            raise AccessDenied(_("Invalid copilot delegation token."))
        self._check_web_session(payload)
        return payload

