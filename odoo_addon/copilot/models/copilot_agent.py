# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
import time
from urllib.parse import urlencode

import requests

from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import consteq

from .. import compat

_logger = logging.getLogger(__name__)

DEFAULT_AGENT_URL = 'http://localhost:8080'
#: How far the agent's clock may be from ours when it signs a request (contract (E)).
SIGNATURE_MAX_SKEW = 300


class CopilotAgent(models.AbstractModel):
    """The addon's side of the copilot: its configuration and its calls to the agent service.

    Outbound, every request to the agent goes through :meth:`_agent_request` (signed,
    contract (B)) or :meth:`_agent_download`. The rest of ``copilot.agent`` lives beside,
    one responsibility a file: delegation tokens (copilot_delegation.py), the panel's
    operations (copilot_panel_ops.py), the gateway (copilot_gateway.py), the bridge and the
    relayed turn events (copilot_bridge.py), conversations' PDF and renaming (copilot_export.py).
    """

    _name = 'copilot.agent'
    _description = 'Copilot Agent Service'

    # ------------------------------------------------------------
    # Configuration
    # ------------------------------------------------------------

    @api.model
    def _get_agent_url(self):
        url = (
            compat.get_config_param(self.env, 'copilot.agent_url')
            or os.environ.get('COPILOT_AGENT_URL')
            or DEFAULT_AGENT_URL
        )
        return url.strip().rstrip('/')

    @api.model
    def _get_shared_secret(self):
        """The secret shared with the agent service, or ``''`` when none is configured."""
        return (
            compat.get_config_param(self.env, 'copilot.shared_secret')
            or os.environ.get('COPILOT_SHARED_SECRET')
            or self._read_secret_file(os.environ.get('COPILOT_SHARED_SECRET_FILE'))
            or ''
        )

    @api.model
    def _read_secret_file(self, path):
        """The secret held in a file (docker compose makes one at random on its first start)."""
        if not path:
            return ''
        try:
            with open(path, encoding='utf-8') as secret_file:
                return secret_file.read().strip()
        except OSError:
            _logger.warning("COPILOT_SHARED_SECRET_FILE %s cannot be read", path)
            return ''

    @api.model
    def _require_shared_secret(self):
        secret = self._get_shared_secret()
        if not secret:
            raise UserError(_(
                "The copilot is not configured yet: ask your administrator to set its shared "
                "secret in Settings."
            ))
        return secret

    @api.model
    def _agent_timeout(self):
        """``requests`` timeout of a call to the agent: (connect, read) in seconds.

        Short: no request of the addon waits for a turn (turns are asynchronous) nor for an
        agent that calls Odoo back (confirms run their ORM calls here, through the bridge).
        The agent answers from Redis or from a step of a tool; a worker is never held long.
        """
        return (3, 15)

    # ------------------------------------------------------------
    # Outbound calls to the agent service (contract (B))
    # ------------------------------------------------------------

    @api.model
    def _sign_request(self, method, path_with_query, raw_body):
        """The ``X-Copilot-*`` headers authenticating one request to the agent."""
        secret = self._require_shared_secret()
        timestamp = str(int(time.time()))
        nonce = secrets.token_urlsafe(16)
        signing_string = b'\n'.join([
            timestamp.encode(), nonce.encode(), method.upper().encode(),
            path_with_query.encode(), raw_body,
        ])
        digest = hmac.new(secret.encode(), signing_string, hashlib.sha256).hexdigest()
        return {
            'X-Copilot-Timestamp': timestamp,
            'X-Copilot-Nonce': nonce,
            'X-Copilot-Signature': f'sha256={digest}',
        }

    @api.model
    def _check_agent_signature(self, method, path_with_query, raw_body, headers):
        """Whether a request from the agent (its pushed turn events) carries a valid, recent
        signature of the shared secret: the same scheme as the addon's, the other way round."""
        secret = self._get_shared_secret()
        timestamp = headers.get('X-Copilot-Timestamp') or ''
        nonce = headers.get('X-Copilot-Nonce') or ''
        signature = headers.get('X-Copilot-Signature') or ''
        if not secret or not timestamp.isdigit() or not nonce or not signature:
            return False
        if abs(time.time() - int(timestamp)) > SIGNATURE_MAX_SKEW:
            return False
        signing_string = b'\n'.join([
            timestamp.encode(), nonce.encode(), method.upper().encode(),
            path_with_query.encode(), raw_body,
        ])
        expected = 'sha256=' + hmac.new(secret.encode(), signing_string, hashlib.sha256).hexdigest()
        return consteq(signature, expected)

    @api.model
    def _agent_request(self, method, path, body=None, query=None):
        """Send one signed request to the agent service and return its JSON answer.

        With :meth:`_agent_download`, the only outbound calls of the addon: override them to
        route, mock or instrument the traffic to the agent.

        :param str method: ``'GET'`` or ``'POST'``
        :param str path: path of the agent's API, e.g. ``'/v1/turns'``
        :param dict body: JSON body (POST)
        :param dict query: query string parameters (GET)
        :raise UserError: the agent cannot be reached, or answered an error (its message,
            already in the user's language, is shown as is)
        """
        method = method.upper()
        path_with_query = f'{path}?{urlencode(query)}' if query else path
        raw_body = self._encode_agent_body(body)
        headers = {
            'Accept': 'application/json',
            'Content-Type': 'application/json',
            **self._sign_request(method, path_with_query, raw_body),
        }
        url = self._get_agent_url() + path_with_query
        try:
            response = requests.request(
                method, url, data=raw_body or None, headers=headers,
                timeout=self._agent_timeout(),
            )
        except requests.exceptions.RequestException as exc:
            raise self._agent_unreachable(exc, method, url) from None

        try:
            data = response.json()
        except ValueError:
            data = None
        if response.status_code >= 400:
            raise self._agent_error(response, data, method, path)
        if not isinstance(data, dict):
            _logger.warning("Copilot agent answered %s %s with no JSON object", method, path)
            raise UserError(_("The copilot service sent an answer that cannot be read."))
        return data

    @api.model
    def _post_after_commit(self, key, path, make_payload):
        """Send the agent a signed ``POST path`` once the transaction commits; nothing if it
        rolls back. Once per transaction and ``key``, whatever the number of calls.

        ``make_payload()`` runs just before the commit (the cursor still open, every change
        of the transaction made) and returns the JSON body, or ``None`` to send nothing. The
        request is signed then, and sent after the commit, from a thread, with a short timeout:
        the user's request does not wait for it. A copilot without secret sends nothing; an
        unreachable agent is logged, never raised.
        """
        flags = self.env.cr.precommit.data.setdefault('copilot.after_commit', set())
        if key in flags:
            return
        flags.add(key)

        def prepare():
            try:
                payload = make_payload()
                if payload is None or not self._get_shared_secret():
                    return
                url = self._get_agent_url() + path
                body = self._encode_agent_body(payload)
                headers = {'Content-Type': 'application/json', **self._sign_request('POST', path, body)}
            except Exception:  # noqa: BLE001 - telling the agent never fails the user's change
                _logger.exception("Copilot: %s not prepared", path)
                return

            def send():
                try:
                    requests.post(url, data=body, headers=headers, timeout=2)
                except requests.exceptions.RequestException as exc:
                    _logger.info("Copilot agent not told of %s (%s)", path, exc)

            # In a thread of its own: the user's request does not wait for the agent, even
            # when it is down. A report lost that way (agent down, worker recycled) costs a
            # cached list that stays stale until it expires (CACHE_SECONDS, 90 s by default).
            def send_in_background():
                thread = threading.Thread(target=send, name='copilot-after-commit', daemon=True)
                thread.start()
                return thread  # tests join it

            self.env.cr.postcommit.add(send_in_background)

        self.env.cr.precommit.add(prepare)

    def _encode_agent_body(self, body):
        if body is None:
            return b''
        return json.dumps(body, separators=(',', ':'), ensure_ascii=False).encode()

    @api.model
    def _agent_user_error(self, message, code):
        """A ``UserError`` carrying an error code for the event stream (``copilot_code``)."""
        error = UserError(message)
        error.copilot_code = code
        return error

    @api.model
    def _agent_unreachable(self, exc, method, url):
        """The ``UserError`` to raise when a request to the agent failed before its answer."""
        if isinstance(exc, requests.exceptions.ReadTimeout):
            _logger.warning("Copilot agent did not answer %s %s in time", method, url)
            return self._agent_user_error(self._agent_timeout_message(), 'unavailable:agent')
        _logger.warning("Copilot agent cannot be reached (%s %s): %s", method, url, exc)
        return self._agent_user_error(self._agent_unreachable_message(), 'unavailable:agent')

    @api.model
    def _agent_timeout_message(self):
        return _("The copilot service did not answer in time. Please try again.")

    @api.model
    def _agent_unreachable_message(self):
        return _(
            "The copilot service cannot be reached. Please try again later, or ask your "
            "administrator to check the copilot settings."
        )

    @api.model
    def _agent_error(self, response, data, method, path):
        """The ``UserError`` for an error answer of the agent (HTTP 4xx/5xx)."""
        error = data.get('error') if isinstance(data, dict) else None
        error = error if isinstance(error, dict) else {}
        _logger.log(
            logging.WARNING if response.status_code >= 500 else logging.INFO,
            "Copilot agent answered %s %s with HTTP %s (%s)",
            method, path, response.status_code, error.get('code'),
        )
        code = error.get('code') if isinstance(error.get('code'), str) else 'internal'
        message = error.get('message')
        if isinstance(message, str) and message.strip():
            return self._agent_user_error(message, code)
        return self._agent_user_error(_(
            "The copilot service could not handle the request (HTTP %s).",
            response.status_code,
        ), code)

