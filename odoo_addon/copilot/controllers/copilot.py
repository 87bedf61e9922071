# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.exceptions import AccessDenied
from odoo.http import request

from .. import compat
from ..rpc_allowlist import is_write


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
    def chat(self, message=None, session_id=None, client_message_id=None, context=None):
        """Start a turn; answers at once ``{session_id, turn_id, status}`` (contract (A))."""
        return self._agent()._chat(
            message, session_id=session_id, client_message_id=client_message_id, context=context,
        )

    @http.route('/copilot/turn', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def turn(self, turn_id=None, after=None):
        """A turn's events after ``after``, its status and, once ended, its result."""
        return self._agent()._turn(turn_id, after=after)

    @http.route('/copilot/realtime', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def realtime(self, ok=None):
        """The panel reports whether a turn's events came over Odoo's bus (Settings shows it)."""
        return self._agent()._report_realtime(ok)

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
    # From the agent: its turn events (signed), and the gateway (delegation token)
    # ------------------------------------------------------------

    # readonly=False: the bus writes its notification; save_session=False: no cookie for the agent
    @http.route(
        '/copilot/turn/push', type='http', auth='none', methods=['POST'], csrf=False,
        save_session=False, readonly=False,
    )
    def turn_push(self):
        """A turn's events, pushed by the agent as it runs, relayed to the user's bus channel.

        Body ``{db, uid, turn_id, session_id, events: [{seq, type, ...}], last_seq}``, signed
        by the agent as the addon signs its own requests (headers ``X-Copilot-*``). In
        production the bus is served by Odoo's gevent process: this request only writes one
        notification and ends.
        """
        raw_body = request.httprequest.get_data(cache=False)
        try:
            relayed = request.env['copilot.agent']._relay_turn_events(
                raw_body, request.httprequest.headers,
            )
        except AccessDenied:
            return request.make_json_response({'ok': False}, status=403)
        return request.make_json_response({'ok': relayed})

    def _rpc_readonly(self):
        """18.0+: a read runs on a read-only cursor, as Odoo's own ``call_kw`` does (one cursor,
        no write transaction); a write on a read-write one (no retry after a failed write).
        17.0 ignores ``readonly``."""
        try:
            params = request.get_json_data()['params']
            return not is_write(params['model'], params['method'])
        except (KeyError, TypeError, ValueError):
            return False

    @http.route(
        '/copilot/rpc', type=compat.JSON_ROUTE_TYPE, auth='none', methods=['POST'],
        csrf=False, save_session=False, readonly=_rpc_readonly,
    )
    def rpc(self, token=None, model=None, method=None, args=None, kwargs=None, meta=None):
        """ORM calls of the agent's tools (its ``gateway`` transport).

        ``auth='none'``: the delegation token is the authentication. The agent names the
        database with the cookie of a session bound to it and nothing else (made by
        ``copilot.agent._db_session_id``; 17.0 and 18.0 pick the database from the session
        only) and the ``X-Odoo-Database`` header (19.0): several databases on one server work
        without ``--db-filter``, and Odoo does not list the databases at every call.
        """
        delegation = request.env['copilot.agent']._verify_delegation(token)
        # never sudo: the call runs with the rights and record rules of the token's user
        request.update_env(user=delegation['uid'])
        # messages in the user's language, whatever the agent's HTTP client sent
        request.update_context(**request.env['res.users'].context_get())
        return request.env['copilot.agent']._gateway_call(
            delegation, model, method, args, kwargs, meta,
        )
