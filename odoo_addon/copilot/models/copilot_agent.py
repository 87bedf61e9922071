# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import binascii
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import threading
import time
import uuid
from urllib.parse import urlencode

import requests

from odoo import _, api, http, models
from odoo.exceptions import AccessDenied, AccessError, UserError
from odoo.tools import consteq

from .. import compat
from ..model_map import is_mapped_read, model_mapping
from ..rpc_allowlist import RPC_CONTEXT_KEYS, is_allowed, is_write, logs_itself
from .copilot_action_log import to_json

_logger = logging.getLogger(__name__)

DEFAULT_AGENT_URL = 'http://localhost:8080'
#: A database session is made again after this long (Odoo's session GC keeps 7 days).
DB_SESSION_MAX_AGE = 6 * 3600
#: Per worker process: database name → (session id, made at). Only ids, no secret.
_db_sessions = {}
#: Lifetime of a delegation token, in seconds (contract (C): at most 5 minutes).
DELEGATION_TTL = 300
#: How far in the future a token's ``iat`` may be, for clocks of several workers.
DELEGATION_CLOCK_SKEW = 60
DELEGATION_KEY_LABEL = b'copilot-delegation-v1'
#: Session and action ids travel in URL paths: keep them to url-safe characters.
ID_PATTERN = re.compile(r'^[A-Za-z0-9_-]{1,128}$')
META_KEYS = ('tool', 'session_id', 'turn_id', 'action_id')
#: How far the agent's clock may be from ours when it signs a request (contract (E)).
SIGNATURE_MAX_SKEW = 300
#: The agent's own bound on a message (agent-service/src/http/schemas.ts MAX_MESSAGE_CHARS).
MAX_MESSAGE_CHARS = 8000
#: Turn ids travel in URL paths too.
TURN_ID_PATTERN = re.compile(r'^turn_[A-Za-z0-9_-]{8,64}$')


def _b64encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode('ascii')


def _b64decode(text):
    return base64.urlsafe_b64decode(text + '=' * (-len(text) % 4))


def _record_ids(value):
    """The record ids in an ``ids`` argument or a ``create`` result, as a list."""
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, int) and not isinstance(v, bool)]
    return []


class CopilotAgent(models.AbstractModel):
    """The addon's side of the copilot: talks to the agent service, and serves its ORM calls.

    Outbound, every request to the agent goes through :meth:`_agent_request` (signed,
    contract (B)). Inbound, the agent calls ``/copilot/rpc`` with a delegation token made
    by :meth:`_make_delegation` (contract (C)), and :meth:`_gateway_call` runs the call as
    the token's user.
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
    def _make_delegation(self, session_id):
        """A short-lived token letting the agent call ``/copilot/rpc`` as the current user."""
        now = int(time.time())
        return self._encode_delegation({
            'v': 1,
            'db': self.env.cr.dbname,
            'uid': self.env.uid,
            'sid': session_id,
            'iat': now,
            'exp': now + DELEGATION_TTL,
            'jti': secrets.token_urlsafe(16),
        })

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
        return payload

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
            self.env.cr.postcommit.add(
                lambda: threading.Thread(target=send, name='copilot-after-commit', daemon=True).start()
            )

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

    # ------------------------------------------------------------
    # Business methods behind the panel's routes (contract (A))
    # ------------------------------------------------------------

    @api.model
    def _check_copilot_user(self):
        if not self.env.user._is_internal():
            error = AccessError(_("The copilot is available to internal users only."))
            error.copilot_code = 'forbidden'
            raise error

    @api.model
    def _check_id(self, value, message):
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            raise self._agent_user_error(message, 'bad_request:id')
        return value

    @api.model
    def _with_switcher_companies(self, company_ids):
        """This model in the companies the user selected in the web client's switcher.

        :param list[int] company_ids: the ``cids`` cookie's companies, the current one first
            (:func:`odoo.addons.copilot.compat.parse_cids_cookie`); those the user may not
            use are ignored, and none left means the user's default companies
        """
        allowed = set(self.env.user.company_ids.ids)
        company_ids = [cid for cid in company_ids if cid in allowed]
        if not company_ids:
            return self
        return self.with_context(allowed_company_ids=company_ids)

    @api.model
    def _get_agent_user(self):
        """The ``user`` object the agent receives (contract (B), ``OdooUser``).

        ``company_id`` is the current company and ``company_ids`` the active ones, current
        first: the switcher's choice when the routes got it (:meth:`_with_switcher_companies`),
        else the user's default company and all the allowed ones. ``formats`` is how the
        user's language writes dates and numbers in Odoo (:meth:`_get_agent_formats`).
        """
        user = self.env.user
        company = self.env.company
        values = {
            'db': self.env.cr.dbname,
            'uid': user.id,
            'name': user.name,
            'lang': user.lang or self.env.lang or 'en_US',
            'company_id': company.id,
            'company_ids': [company.id] + [
                cid for cid in self.env.companies.ids if cid != company.id
            ],
        }
        if user.tz:
            values['tz'] = user.tz
        try:
            values['db_session'] = self._db_session_id()
        except Exception:  # noqa: BLE001 - the agent then relies on Odoo's own database choice
            _logger.warning("Copilot: no database session for the agent", exc_info=True)
        formats = self._get_agent_formats(values['lang'])
        if formats:
            values['formats'] = formats
        return values

    @api.model
    def _get_agent_formats(self, lang_code):
        """The date and number formats of the active language ``lang_code`` (its ``res.lang``).

        ``{date, time, decimal_point, thousands_sep, grouping}``, the values of the language's
        fields ``date_format``, ``time_format`` (strftime patterns), ``decimal_point``,
        ``thousands_sep`` (``''`` when it has none) and ``grouping`` (Odoo's string, e.g.
        ``"[3,0]"``). The language of the context stands in for an inactive one; ``{}`` when
        neither is active. A value longer than the agent accepts (32 characters for the
        patterns and the grouping, 4 for the separators) is left out: the agent then uses its
        own default for it.
        """
        Lang = self.env['res.lang']
        lang = Lang._lang_get(lang_code) or (self.env.lang and Lang._lang_get(self.env.lang))
        if not lang:
            return {}
        formats = {}
        for key, field_name, max_length in (
            ('date', 'date_format', 32),
            ('time', 'time_format', 32),
            ('decimal_point', 'decimal_point', 4),
            ('thousands_sep', 'thousands_sep', 4),
            ('grouping', 'grouping', 32),
        ):
            value = lang[field_name] or ''
            if isinstance(value, str) and len(value) <= max_length:
                formats[key] = value
        return formats

    @api.model
    def _db_session_id(self):
        """The id of a session bound to this database and to no user, for the agent's calls.

        17.0 and 18.0 choose the database of an ``auth='none'`` request from its session only
        (19.0 also reads ``X-Odoo-Database``): the agent sends this id as its ``session_id``
        cookie, so ``/copilot/rpc`` and ``/copilot/turn/push`` reach this database on a server
        with several and no ``--db-filter``, and Odoo does not list its databases at each call
        (a third of a gateway read's cost). It authenticates nothing: it is what any visitor of
        ``/web/login?db=...`` gets. Made once per worker, again after ``DB_SESSION_MAX_AGE``.
        """
        dbname = self.env.cr.dbname
        known = _db_sessions.get(dbname)
        if known and time.time() - known[1] < DB_SESSION_MAX_AGE:
            return known[0]
        store = http.root.session_store
        session = store.new()
        session.db = dbname
        store.save(session)
        _db_sessions[dbname] = (session.sid, time.time())
        return session.sid

    @api.model
    def _get_agent_query(self):
        user = self._get_agent_user()
        return {'db': user['db'], 'uid': user['uid'], 'lang': user['lang']}

    @api.model
    def _prepare_turn(self, message, session_id=None, client_message_id=None, context=None):
        """The body of a turn for the agent; a new session when ``session_id`` is empty.

        :raise UserError: no message, or a malformed id
        :raise AccessError: the user is not an internal user
        """
        self._check_copilot_user()
        if not isinstance(message, str) or not message.strip():
            raise self._agent_user_error(_("Write a message for the copilot."), 'bad_request:message')
        if len(message) > MAX_MESSAGE_CHARS:
            # refused here, before anything is signed or forwarded
            raise self._agent_user_error(_(
                "This message is too long for the copilot (%(count)s characters, %(max)s at most).",
                count=len(message), max=MAX_MESSAGE_CHARS,
            ), 'bad_request:too_long')
        if session_id:
            self._check_id(session_id, _("Invalid copilot session id."))
        else:
            # the addon makes the id so that the delegation token is bound to it
            session_id = uuid.uuid4().hex
        body = {
            'user': self._get_agent_user(),
            'delegation': self._make_delegation(session_id),
            'session_id': session_id,
            'message': message,
            'tools': self.env['copilot.tool.policy']._get_user_tools(),
            # which model plays Kit, Ticket, Document, Installation (Settings)
            'models': model_mapping(self.env),
        }
        if client_message_id:
            body['client_message_id'] = self._check_id(
                client_message_id, _("Invalid copilot message id."),
            )
        if isinstance(context, dict) and context:
            # what the panel shows (project chip, current screen): structured, never parsed from text
            body['context'] = context
        return body

    @api.model
    def _chat(self, message, session_id=None, client_message_id=None, context=None):
        """Start a turn; answer at once, without waiting for it (contract (A)).

        The agent runs the turn in the background and calls Odoo back through ``/copilot/rpc``
        while this request is already over: no worker ever waits on the agent while the agent
        needs a worker. The turn's events reach the user's panels on the bus (pushed by the
        agent to ``/copilot/turn/push``), and ``/copilot/turn`` answers them on demand.

        :return: ``{session_id, turn_id, status}``, plus ``result`` when the turn is already
            done: an offline turn (its ORM calls run here, through the bridge), or a client
            message answered before (a retried request)
        """
        body = self._prepare_turn(message, session_id, client_message_id, context)
        # An offline turn (no model) runs here, through the bridge, and answers with its result;
        # a model's turn starts in the background and this request ends at once.
        return self._agent_bridged('/v1/turns/start', body)

    @api.model
    def _turn(self, turn_id, after=0):
        """A turn's events after ``after`` (exclusive), its status, and its result once ended.

        :return: ``{status, session_id, events: [{seq, type, ...}], result?}``
        """
        self._check_copilot_user()
        if not isinstance(turn_id, str) or not TURN_ID_PATTERN.match(turn_id):
            raise self._agent_user_error(_("Invalid copilot turn id."), 'bad_request:turn')
        if after is None:
            after = 0
        if not isinstance(after, int) or isinstance(after, bool) or after < 0:
            raise self._agent_user_error(_("Invalid event number."), 'bad_request:after')
        return self._agent_request(
            'GET', f'/v1/turns/{turn_id}', query=dict(self._get_agent_query(), after=after),
        )

    @api.model
    def _stop_turn(self, session_id):
        """Stop the turn running in a session: the agent aborts the model call and the tools.

        :return: ``{'stopped': bool}``, false when no turn of the user was running there
        """
        self._check_copilot_user()
        self._check_id(session_id, _("Invalid copilot session id."))
        result = self._agent_request('POST', f'/v1/sessions/{session_id}/stop', {
            'user': self._get_agent_user(),
        })
        return {'stopped': bool(result.get('stopped'))}

    @api.model
    def _decide_action(self, action_id, decision):
        self._check_copilot_user()
        self._check_id(action_id, _("Invalid copilot action id."))
        body = {
            'user': self._get_agent_user(),
            # an administrator may have turned the tool off since it was proposed
            'tools': self.env['copilot.tool.policy']._get_user_tools(),
        }
        if decision != 'confirm':
            return self._agent_request('POST', f'/v1/actions/{action_id}/{decision}', body)
        # the tool's writes run here, as the user, in this request's transaction (the bridge)
        return self._agent_bridged(f'/v1/actions/{action_id}/confirm', body)

    @api.model
    def _confirm_action(self, action_id):
        return self._decide_action(action_id, 'confirm')

    @api.model
    def _reject_action(self, action_id):
        return self._decide_action(action_id, 'reject')

    @api.model
    def _revise_action(self, action_id, quantities):
        """"Edit quantities" of a proposed quotation: one quantity per line, 0 drops a line.

        :return: ``{'action': ...}``, the proposal computed again, still waiting for Confirm
        :raise UserError: malformed quantities, or the agent refused them
        """
        self._check_copilot_user()
        self._check_id(action_id, _("Invalid copilot action id."))
        if (not isinstance(quantities, list) or not quantities or len(quantities) > 100
                or not all(isinstance(q, (int, float)) and not isinstance(q, bool) and q >= 0 for q in quantities)):
            raise UserError(_("Give one quantity, zero or more, for each line."))
        # Odoo prices the new quantities in this request (the bridge)
        return self._agent_bridged(f'/v1/actions/{action_id}/revise', {
            'user': self._get_agent_user(),
            'quantities': quantities,
        })

    @api.model
    def _list_sessions(self, query=None):
        """The user's conversations, pinned first; ``query`` keeps those whose title holds it."""
        self._check_copilot_user()
        params = self._get_agent_query()
        if isinstance(query, str) and query.strip():
            params['q'] = query.strip()[:200]
        return self._agent_request('GET', '/v1/sessions', query=params)

    @api.model
    def _list_messages(self, session_id):
        self._check_copilot_user()
        self._check_id(session_id, _("Invalid copilot session id."))
        return self._agent_request(
            'GET', f'/v1/sessions/{session_id}/messages', query=self._get_agent_query(),
        )

    @api.model
    def _undo_action(self, action_id):
        """Undo a copilot action in Odoo, as the user: the addon owns undo, not the agent.

        :return: ``{'undone': True, 'message': str}``
        :raise UserError: a malformed id, or the action cannot be undone (the reason)
        """
        self._check_copilot_user()
        self._check_id(action_id, _("Invalid copilot action id."))
        return self.env['copilot.action.log']._undo_action(action_id)

    @api.model
    def _list_memories(self):
        """What the copilot remembers about the user: ``{memories: [{id, text, created_at}]}``."""
        self._check_copilot_user()
        return self._agent_request('GET', '/v1/memories', query=self._get_agent_query())

    @api.model
    def _delete_memory(self, memory_id):
        self._check_copilot_user()
        self._check_id(memory_id, _("Invalid copilot memory id."))
        return self._agent_request('POST', f'/v1/memories/{memory_id}/delete', {
            'user': self._get_agent_user(),
        })

    @api.model
    def _delete_session(self, session_id):
        self._check_copilot_user()
        self._check_id(session_id, _("Invalid copilot session id."))
        return self._agent_request('POST', f'/v1/sessions/{session_id}/delete', {
            'user': self._get_agent_user(),
        })

    @api.model
    def _export_history(self):
        """Every conversation and memory of the user, as the agent exports them (JSON)."""
        self._check_copilot_user()
        return self._agent_request('GET', '/v1/export', query=self._get_agent_query())

    @api.model
    def _delete_history(self):
        """Delete every conversation, action and memory the agent keeps for the user."""
        self._check_copilot_user()
        return self._agent_request('POST', '/v1/history/delete', {
            'user': self._get_agent_user(),
        })

    # ------------------------------------------------------------
    # Gateway: the agent's ORM calls (contract (C))
    # ------------------------------------------------------------

    @api.model
    def _gateway_call(self, delegation, model, method, call_args=None, call_kwargs=None,
                      meta=None):
        """Run one allowlisted ORM call for the agent, as the current (token's) user.

        The environment must already be the token's user, never superuser: access rights
        and record rules apply. Writes are recorded in ``copilot.action.log``, with the
        values of the fields they change read just before and just after the call.

        (No local variable here is named ``context`` or ``kwargs``: ``_()`` looks for a
        language in locals of those names.)

        :param dict delegation: payload of the verified token
        :return: what ``execute_kw`` returns for the same call
        """
        call_args = [] if call_args is None else call_args
        call_kwargs = {} if call_kwargs is None else call_kwargs
        meta = {} if meta is None else meta
        for name, value, expected, label in (
            ('model', model, str, _("a string")),
            ('method', method, str, _("a string")),
            ('args', call_args, list, _("a list")),
            ('kwargs', call_kwargs, dict, _("an object")),
            ('meta', meta, dict, _("an object")),
        ):
            if not isinstance(value, expected):
                raise UserError(_(
                    "Invalid parameter %(name)s: expected %(expected)s.",
                    name=name, expected=label,
                ))
        token_session = delegation.get('sid')
        if token_session and meta.get('session_id') and meta['session_id'] != token_session:
            # a token is bound to the conversation it was made for
            raise AccessDenied()
        if method.startswith('_'):
            raise AccessError(_("Private methods cannot be called through the copilot."))
        if not is_allowed(model, method) and not is_mapped_read(self.env, model, method):
            raise AccessError(_(
                "The copilot is not allowed to call %(method)s on %(model)s.",
                method=method, model=model,
            ))
        if model not in self.env.registry:
            raise UserError(_(
                "The model %(model)s is not available in this database: its app is not "
                "installed.",
                model=model,
            ))

        call_context = self._gateway_context(call_kwargs.get('context'))
        if logs_itself(model, method):
            # the method logs its changes itself, with the call's tool, session, turn and action
            call_context['copilot_log_meta'] = self._log_meta(delegation, meta)
        env = self.env(context=call_context)
        logged = is_write(model, method) and not logs_itself(model, method)
        if logged:
            # serialized before the call: some methods (create) complete their arguments in place
            logged_arguments = json.dumps({
                'args': call_args,
                'kwargs': {key: value for key, value in call_kwargs.items() if key != 'context'},
            }, ensure_ascii=False, default=str)
            Log = env['copilot.action.log']
            field_names, line_fields = Log._tracked_fields(
                env[model], method, call_args, call_kwargs,
            )
            target_ids = [] if method == 'create' else _record_ids(
                call_args[0] if call_args else None
            )
            values_before = None if method == 'create' else Log._read_values(
                env[model].browse(target_ids), field_names, line_fields,
            )
        result = compat.call_kw(
            env[model], method, call_args, dict(call_kwargs, context=call_context),
        )

        if logged:
            res_ids = _record_ids(result) if method == 'create' else target_ids
            values_after = Log._read_values(env[model].browse(res_ids), field_names, line_fields)
            if method == 'message_post' and _record_ids(result) and len(res_ids) == 1:
                values_after.setdefault(str(res_ids[0]), {})['message_id'] = _record_ids(result)[0]
            self._log_write(env, delegation, model, method, logged_arguments, meta, res_ids,
                            values_before, values_after)
        return result

    @api.model
    def _gateway_context(self, agent_context):
        """The user's own context, plus the keys of the agent's context that are allowed."""
        if agent_context is None:
            agent_context = {}
        if not isinstance(agent_context, dict):
            raise UserError(_(
                "Invalid parameter %(name)s: expected %(expected)s.",
                name='kwargs.context', expected=_("an object"),
            ))
        values = dict(self.env['res.users'].context_get())
        values.update(
            (key, value) for key, value in agent_context.items() if key in RPC_CONTEXT_KEYS
        )
        installed = dict(self.env['res.lang'].get_installed())
        if values.get('lang') not in installed:
            values.pop('lang', None)
        company_ids = values.get('allowed_company_ids')
        if company_ids is not None and not (
            isinstance(company_ids, list)
            and company_ids
            and all(isinstance(cid, int) for cid in company_ids)
            and set(company_ids) <= set(self.env.user.company_ids.ids)
        ):
            raise AccessError(_("The copilot cannot act in a company you have no access to."))
        return values

    @api.model
    def _log_meta(self, delegation, meta):
        """The call's ``tool``, ``session_id``, ``turn_id`` and ``action_id``, as logged."""
        meta = {key: meta.get(key) for key in META_KEYS}
        meta = {key: value[:128] if isinstance(value, str) else None for key, value in meta.items()}
        meta['session_id'] = meta['session_id'] or delegation.get('sid')
        return meta

    @api.model
    def _log_write(self, env, delegation, model, method, arguments, meta, res_ids,
                   values_before=None, values_after=None):
        """Record one write of the gateway in ``copilot.action.log``.

        :param str arguments: the call's ``args`` and ``kwargs`` (no context), as JSON
        :param dict values_before: ``{record id: {field: value}}`` read before the call
            (``None`` for a creation), see ``copilot.action.log._read_values``
        :param dict values_after: the same, read after the call
        """
        meta = self._log_meta(delegation, meta)
        # sudo: users may only read their own log rows; the gateway writes them on their
        # behalf, after the call itself ran with the user's rights.
        self.env['copilot.action.log'].sudo().create({
            'user_id': env.uid,
            'company_id': env.company.id,
            'tool': meta['tool'],
            'model': model,
            'method': method,
            'res_ids': json.dumps(res_ids),
            'args': arguments,
            'values_before': to_json(values_before),
            'values_after': to_json(values_after),
            'session_id': meta['session_id'],
            'turn_id': meta['turn_id'],
            'action_id': meta['action_id'],
        })
