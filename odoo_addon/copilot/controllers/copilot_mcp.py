# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import request

from .. import compat


class CopilotMcpController(http.Controller):
    """Routes of MCP keys: the user's own keys, and the agent's exchange of a key.

    Each route parses its parameters and calls one method of ``copilot.mcp.key`` or
    ``copilot.agent`` (models/copilot_mcp.py).
    """

    # ------------------------------------------------------------
    # The user's own keys
    # ------------------------------------------------------------

    @http.route('/copilot/mcp/key', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def mcp_key(self, name=None, scope=None, days=None):
        """Make a key: ``{id, key, name, scope, expires_at, endpoint}``, the key shown once."""
        return request.env['copilot.mcp.key']._generate(name, scope, days)

    @http.route('/copilot/mcp/keys', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'])
    def mcp_keys(self):
        """The user's keys: ``[{id, name, scope, key_prefix, expires_at, last_used, revoked,
        expired}]``."""
        return request.env['copilot.mcp.key']._list_keys()

    @http.route(
        '/copilot/mcp/key/revoke', type=compat.JSON_ROUTE_TYPE, auth='user', methods=['POST'],
    )
    def mcp_key_revoke(self, **params):
        """Revoke a key (``{id}``): the user's own, any for an administrator; ``{ok: true}``."""
        return request.env['copilot.mcp.key']._revoke_key(params.get('id'))

    # ------------------------------------------------------------
    # From the agent: a key for a delegation token (signed)
    # ------------------------------------------------------------

    # readonly=False: the key's last use is written; save_session=False: no cookie for the agent
    @http.route(
        '/copilot/mcp/exchange', type='http', auth='none', methods=['POST'], csrf=False,
        save_session=False, readonly=False,
    )
    def mcp_exchange(self):
        """The agent's MCP server trades a user's key for a delegation token.

        Body ``{db, key}``, signed by the agent as ``/copilot/turn/push`` is (headers
        ``X-Copilot-*``). Answers ``200 {ok: true, key, user, tools, models, delegation,
        expires_in}``, ``403 {ok: false, code: 'forbidden'}`` (signature, database) or
        ``401 {ok: false, code: 'invalid_key' | 'mcp_disabled', message}``.
        """
        raw_body = request.httprequest.get_data(cache=False)
        status, body = request.env['copilot.agent']._exchange_mcp_key(
            raw_body, request.httprequest.headers,
        )
        return request.make_json_response(body, status=status)
