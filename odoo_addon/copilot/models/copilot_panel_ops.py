# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
import re
import secrets
import time
import uuid

from odoo import _, api, http, models
from odoo.exceptions import AccessError, UserError

from .. import compat
from ..model_map import model_mapping

#: The advisory lock class of the bridged turns' slots (any constant unlikely to clash: "copi").
BRIDGE_LOCK = 0x636f7069

_logger = logging.getLogger(__name__)

#: Session and action ids travel in URL paths: keep them to url-safe characters.
ID_PATTERN = re.compile(r'^[A-Za-z0-9_-]{1,128}$')
#: The agent's own bound on a message (agent-service/src/http/schemas.ts MAX_MESSAGE_CHARS).
MAX_MESSAGE_CHARS = 8000
#: Turn ids travel in URL paths too.
TURN_ID_PATTERN = re.compile(r'^turn_[A-Za-z0-9_-]{8,64}$')
#: A database session is made again after this long (Odoo's session GC keeps 7 days).
DB_SESSION_MAX_AGE = 6 * 3600
#: Per worker process: database name → (session id, made at). Only ids, no secret.
_db_sessions = {}


class CopilotAgent(models.AbstractModel):
    """What the panel's routes ask of the agent (contract (A)): turns, actions, conversations, memory."""

    _inherit = 'copilot.agent'

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
        # the addon names the turn too, so that the agent's token serves that turn only
        turn_id = f'turn_{secrets.token_urlsafe(18)}'
        body = {
            'user': self._get_agent_user(),
            'delegation': self._make_delegation(session_id, turn_id),
            'session_id': session_id,
            'turn_id': turn_id,
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
        if compat.get_config_param(self.env, 'copilot.offline_turns') == 'background':
            # Settings › Offline Answers: every turn starts in the background, and this worker is
            # free at once (a burst of offline turns does not hold the workers Odoo's pages need)
            return self._agent_request('POST', '/v1/turns/start', body)
        # An offline turn (no model) runs here, through the bridge, and answers with its result;
        # a model's turn starts in the background and this request ends at once. At most
        # `workers - 1` requests run bridged turns at once: past that, the turn starts in the
        # background, so one worker always stays free for the rest of Odoo.
        slot = self._take_bridge_slot()
        if slot is False:
            return self._agent_request('POST', '/v1/turns/start', body)
        try:
            return self._agent_bridged('/v1/turns/start', body)
        finally:
            self._release_bridge_slot(slot)

    @api.model
    def _bridge_slots(self):
        """How many requests may run a bridged turn at once: ``workers - 1`` in prefork mode
        (``copilot.bridge_turns`` overrides it); no bound for the threaded server (``None``)."""
        configured = compat.get_config_param(self.env, 'copilot.bridge_turns')
        if configured and str(configured).isdigit():
            return int(configured)
        workers = compat.server_workers()
        return max(1, workers - 1) if workers else None

    @api.model
    def _take_bridge_slot(self):
        """One of the bridged turns' slots, held by this request's database connection (a
        Postgres advisory lock, shared by every worker; released by the request, or by the
        connection's end if the worker dies). ``None``: no bound; ``False``: all taken."""
        slots = self._bridge_slots()
        if slots is None:
            return None
        for slot in range(slots):
            self.env.cr.execute('SELECT pg_try_advisory_lock(%s, %s)', (BRIDGE_LOCK, slot))
            if self.env.cr.fetchone()[0]:
                return slot
        return False

    @api.model
    def _release_bridge_slot(self, slot):
        if slot is not None and slot is not False:
            self.env.cr.execute('SELECT pg_advisory_unlock(%s, %s)', (BRIDGE_LOCK, slot))

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
        return self._delete_own('memories', memory_id, _("Invalid copilot memory id."))

    @api.model
    def _delete_session(self, session_id):
        return self._delete_own('sessions', session_id, _("Invalid copilot session id."))

    @api.model
    def _delete_own(self, collection, record_id, invalid):
        """Delete one of the user's memories or conversations in the agent (``collection`` is fixed by the caller)."""
        self._check_copilot_user()
        self._check_id(record_id, invalid)
        return self._agent_request('POST', f'/v1/{collection}/{record_id}/delete', {
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

