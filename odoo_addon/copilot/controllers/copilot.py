# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import request

from .. import compat


class CopilotController(http.Controller):
    """Routes of the copilot: the panel's (contract (A)) and the agent's gateway (contract (C)).

    Each route parses its parameters and calls one method of ``copilot.agent``; errors are
    ``UserError``/``AccessError`` whose message the caller shows as is.
    """

    # ------------------------------------------------------------
    # Panel routes, as the signed-in user
    # ------------------------------------------------------------

    @http.route('/copilot/chat', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def chat(self, message=None, session_id=None):
        return request.env['copilot.agent']._chat(message, session_id=session_id)

    @http.route(
        '/copilot/action/confirm', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'],
    )
    def action_confirm(self, action_id=None):
        return request.env['copilot.agent']._confirm_action(action_id)

    @http.route(
        '/copilot/action/reject', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'],
    )
    def action_reject(self, action_id=None):
        return request.env['copilot.agent']._reject_action(action_id)

    @http.route('/copilot/sessions', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def sessions(self):
        return request.env['copilot.agent']._list_sessions()

    @http.route('/copilot/messages', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def messages(self, session_id=None):
        return request.env['copilot.agent']._list_messages(session_id)

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
