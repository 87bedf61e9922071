# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, http
from odoo.exceptions import AccessError, UserError
from odoo.http import request

from .. import compat
from ..sse import STREAM_HEADERS, error_event


class CopilotController(http.Controller):
    """Routes of the copilot: the panel's (contract (A)) and the agent's gateway (contract (C)).

    Each route parses its parameters and calls one method of ``copilot.agent``; errors are
    ``UserError``/``AccessError`` whose message the caller shows as is.
    """

    # ------------------------------------------------------------
    # Panel routes, as the signed-in user
    # ------------------------------------------------------------

    def _agent(self):
        """``copilot.agent`` in the companies of the web client's switcher (its ``cids`` cookie).

        The panel's JSON calls carry no context: without the cookie, the agent would get the
        user's default company rather than the one selected in the switcher.
        """
        company_ids = compat.parse_cids_cookie(request.httprequest.cookies.get('cids'))
        return request.env['copilot.agent']._with_switcher_companies(company_ids)

    @http.route('/copilot/chat', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def chat(self, message=None, session_id=None):
        return self._agent()._chat(message, session_id=session_id)

    # csrf=False: Odoo would look for the token in the query string or a form field; this
    # route takes a JSON body and checks the token of the X-CSRF-Token header itself.
    @http.route('/copilot/chat/stream', type='http', auth='user', methods=['POST'], csrf=False)
    def chat_stream(self):
        """``/copilot/chat`` as a stream of server-sent events, relayed from the agent as written.

        Request (``fetch``, same origin, the session cookie)::

            POST /copilot/chat/stream
            Content-Type: application/json
            X-CSRF-Token: <odoo.csrf_token>       (the global set by the web client, 17.0-19.0)
            Accept: text/event-stream

            {"session_id"?: str, "message": str, "client_message_id"?: str}

        Answer: ``Content-Type: text/event-stream``, unbuffered (``X-Accel-Buffering: no``),
        events ``event: <name>`` + one ``data: <JSON>`` line each, as the agent sends them:
        ``start`` ``{session_id, turn_id}`` (the session id to keep: made here when none was
        sent), ``text`` ``{text}``, ``tool`` ``{tool, status}``, ``action`` ``{action}``, then
        ``done`` (the same result as ``/copilot/chat``, plus ``steps``, ``mode``, ``stopped``)
        or ``error`` ``{code, message}``: ``message`` is translated and shown as is. A stream
        always ends with ``done`` or ``error``.

        Errors before the turn starts are one ``error`` event with HTTP 200, like
        ``/copilot/chat``'s JSON-RPC errors: code ``bad_request`` (no message, bad id),
        ``forbidden`` (not an internal user), ``unavailable:agent`` (agent unreachable), or the
        agent's own code when it refused the turn (e.g. ``conflict:session_busy``); a missing
        or wrong CSRF token is an ``error`` event (code ``bad_request:csrf``) with HTTP 400.
        Closing the connection aborts the turn on the agent (once its next event is relayed);
        ``/copilot/chat/stop`` stops it at once. An answer that is not ``text/event-stream``
        (a redirection to the login page, a 404 from an older addon) means: fall back to
        ``/copilot/chat``, or ask to log in again.
        """
        token = request.httprequest.headers.get('X-CSRF-Token')
        if not request.validate_csrf(token):
            return self._event_stream([error_event('bad_request:csrf', _(
                "Your Odoo session has changed. Please reload the page."
            ))], status=400)
        try:
            params = request.get_json_data()
        except ValueError:
            params = None
        params = params if isinstance(params, dict) else {}
        try:
            events = self._agent()._chat_stream(
                params.get('message'),
                session_id=params.get('session_id'),
                client_message_id=params.get('client_message_id'),
            )
        except (AccessError, UserError) as exc:
            code = getattr(exc, 'copilot_code', None) or (
                'forbidden' if isinstance(exc, AccessError) else 'bad_request'
            )
            events = [error_event(code, exc.args[0])]
        return self._event_stream(events)

    def _event_stream(self, events, status=200):
        """A response sending ``events`` (an iterable of bytes) as they come."""
        return request.make_response(events, headers=list(STREAM_HEADERS), status=status)

    @http.route('/copilot/chat/stop', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def chat_stop(self, session_id=None):
        return self._agent()._stop_turn(session_id)

    @http.route(
        '/copilot/action/confirm', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'],
    )
    def action_confirm(self, action_id=None):
        return self._agent()._confirm_action(action_id)

    @http.route(
        '/copilot/action/reject', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'],
    )
    def action_reject(self, action_id=None):
        return self._agent()._reject_action(action_id)

    @http.route(
        '/copilot/action/revise', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'],
    )
    def action_revise(self, action_id=None, quantities=None):
        return self._agent()._revise_action(action_id, quantities)

    @http.route('/copilot/sessions', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def sessions(self, query=None):
        return self._agent()._list_sessions(query=query)

    @http.route('/copilot/messages', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def messages(self, session_id=None):
        return self._agent()._list_messages(session_id)

    @http.route('/copilot/action/undo', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def action_undo(self, action_id=None):
        return self._agent()._undo_action(action_id)

    @http.route('/copilot/memories', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def memories(self):
        return self._agent()._list_memories()

    @http.route(
        '/copilot/memories/delete', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'],
    )
    def memory_delete(self, memory_id=None):
        return self._agent()._delete_memory(memory_id)

    @http.route(
        '/copilot/sessions/delete', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'],
    )
    def session_delete(self, session_id=None):
        return self._agent()._delete_session(session_id)

    @http.route(
        '/copilot/history/export', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'],
    )
    def history_export(self):
        return self._agent()._export_history()

    @http.route(
        '/copilot/history/delete', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'],
    )
    def history_delete(self):
        return self._agent()._delete_history()

    # ------------------------------------------------------------
    # Gateway, as the user named by the agent's delegation token
    # ------------------------------------------------------------

    # readonly=False: 18.0+ open auth='none' routes on a read-only cursor by default (17.0
    # does not), and a write would fail there and be retried after a logged SQL error
    @http.route(
        '/copilot/rpc', type=compat.JSON_ROUTE_TYPE, auth='none', methods=['POST'],
        csrf=False, save_session=False, readonly=False,
    )
    def rpc(self, token=None, model=None, method=None, args=None, kwargs=None, meta=None):
        """ORM calls of the agent's tools (its ``gateway`` transport).

        ``auth='none'``: the delegation token is the authentication. The database must be
        selectable without a session (a single database, or ``--db-filter``).
        """
        delegation = request.env['copilot.agent']._verify_delegation(token)
        # never sudo: the call runs with the rights and record rules of the token's user
        request.update_env(user=delegation['uid'])
        # messages in the user's language, whatever the agent's HTTP client sent
        request.update_context(**request.env['res.users'].context_get())
        return request.env['copilot.agent']._gateway_call(
            delegation, model, method, args, kwargs, meta,
        )
