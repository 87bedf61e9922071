# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import logging
import secrets
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.http import request
from odoo.exceptions import AccessDenied, AccessError, MissingError, UserError, ValidationError

from .. import compat

_logger = logging.getLogger(__name__)

#: ORM calls one bridged request may run (a 3-line quote confirm needs 2).
MAX_BRIDGE_CALLS = 40
#: Exceptions whose message goes back to the agent as the call's error (as ``/copilot/rpc`` would).
ODOO_ERRORS = (AccessDenied, AccessError, MissingError, UserError, ValidationError)


class _RollBack(Exception):
    """Raised inside the bridge's savepoint when the agent reports the write failed."""

    def __init__(self, answer):
        super().__init__('rolled back')
        self.answer = answer


class CopilotAgent(models.AbstractModel):
    """The bridge: the agent's ORM calls for a request that waits on it run in that request.

    A confirm (also an "Edit quantities", a project PDF) is a short conversation inside one
    Odoo request: the addon posts it to the agent; when the agent's tool needs Odoo, the agent
    answers with the call (``{call, claim?}``) instead of calling ``/copilot/rpc``; the addon runs
    it here, as the user, through the gateway's checks (allowlist, logging), and posts again
    with every reply so far. The request never waits on an agent that waits on Odoo, so no
    number of simultaneous confirms can exhaust the workers, and the writes of a confirm commit
    or roll back together. The write logic stays in the agent's tool (docs/production.md).
    """

    _inherit = 'copilot.agent'

    @api.model
    def _agent_bridged(self, path, body, step=None):
        """``POST path`` with ``body``, running the ORM calls the agent asks for; its last answer.

        The calls run in a savepoint: when the agent finally reports a failed action, or the
        agent cannot be reached mid-way (``UserError``), whatever they wrote is rolled back.

        :param step: the function posting one step, ``step(path, body)`` (default: a JSON
            request, :meth:`_agent_request`; a download answers bytes at its last step)
        :return: the agent's last answer
        """
        step = step or (lambda step_path, step_body: self._agent_request('POST', step_path, step_body))
        replies, claim, memo = [], self._bridge_claim(path), None
        try:
            with self.env.cr.savepoint():
                for _step in range(MAX_BRIDGE_CALLS + 1):
                    bridge = {'replies': replies, 'claim': claim}
                    if memo:
                        # what the agent's first step decided, echoed as it sent it
                        bridge['memo'] = memo
                    answer = step(path, dict(body, bridge=bridge))
                    call = answer.get('call') if isinstance(answer, dict) else None
                    if not isinstance(call, dict):
                        action = answer.get('action') if isinstance(answer, dict) else None
                        if isinstance(action, dict) and action.get('status') == 'failed':
                            raise _RollBack(answer)
                        return answer
                    memo = answer.get('memo') if isinstance(answer.get('memo'), dict) else memo
                    replies.append(self._bridge_reply(call))
                raise UserError(_("The copilot asked Odoo too many things for one action."))
        except _RollBack as rolled_back:
            return rolled_back.answer

    @api.model
    def _bridge_claim(self, path):
        """The name of this request's claim on the action: the same for Odoo's retries of the
        request (after a serialization failure, everything rolled back), so the agent writes
        it again in the new attempt instead of answering what the failed attempt wrote."""
        environ = request.httprequest.environ if request else None
        if environ is None:
            return secrets.token_urlsafe(12)
        return environ.setdefault(f'copilot.bridge_claim:{path}', secrets.token_urlsafe(12))

    @api.model
    def _bridge_reply(self, call):
        """Run one call the agent asked for, as the current user: ``{key, result}`` or ``{key, error}``.

        Same checks and log as ``/copilot/rpc`` (:meth:`_gateway_call`); a refusal or an
        Odoo error goes back to the agent as data, its own savepoint rolled back.
        """
        key = call.get('key') if isinstance(call.get('key'), str) else ''
        try:
            with self.env.cr.savepoint():
                result = self._gateway_call(
                    {'uid': self.env.uid, 'sid': None}, call.get('model'), call.get('method'),
                    call.get('args'), call.get('kwargs'), call.get('meta'),
                )
            return {'key': key, 'result': compat.json_ready(result)}
        except ODOO_ERRORS as exc:
            name = f'{type(exc).__module__}.{type(exc).__name__}'
            message = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
            return {'key': key, 'error': {'name': name, 'message': message}}

    # ------------------------------------------------------------
    # Turn events pushed by the agent, relayed on the bus (contract (E))
    # ------------------------------------------------------------

    @api.model
    def _relay_turn_events(self, raw_body, headers):
        """Check the agent's signature and put turns' events on their users' bus channels.

        The agent batches the turns of the moment of one database in one request (body
        ``{db, turns: [{uid, turn_id, session_id, events, last_seq}]}``): one short request per
        interval for all the turns running at once. Each turn becomes one notification on its
        own user's channel; a turn of a user that is gone or archived is skipped.

        :param bytes raw_body: the request's body, as signed
        :param headers: the request's headers (``X-Copilot-*``)
        :return: how many turns were relayed
        :raise AccessDenied: wrong or stale signature, another database's events, a bad body
        """
        if not self._check_agent_signature('POST', '/copilot/turn/push', raw_body, headers):
            raise AccessDenied()
        try:
            payload = json.loads(raw_body)
        except ValueError:
            raise AccessDenied() from None
        if not isinstance(payload, dict) or payload.get('db') != self.env.cr.dbname:
            raise AccessDenied()
        turns = payload.get('turns')
        if not isinstance(turns, list) or not all(
            isinstance(turn, dict) and isinstance(turn.get('uid'), int)
            and not isinstance(turn.get('uid'), bool) and isinstance(turn.get('events'), list)
            for turn in turns
        ):
            raise AccessDenied()
        # sudo: the route has no user (the agent signed it); only the partners of the users the
        # events belong to are read, to send each turn to its own user's bus channel.
        users = self.env['res.users'].sudo().browse({turn['uid'] for turn in turns}).exists()
        partners = {user.id: user.partner_id for user in users if user.active}
        relayed = 0
        for turn in turns:
            partner = partners.get(turn['uid'])
            if not partner:
                continue
            self.env['bus.bus'].sudo()._sendone(partner, 'copilot/turn', {
                'turn_id': turn.get('turn_id'),
                'session_id': turn.get('session_id'),
                'events': turn['events'],
                'last_seq': turn.get('last_seq'),
            })
            relayed += 1
        return relayed

    # ------------------------------------------------------------
    # Real-time delivery, as the panels see it (Settings shows it)
    # ------------------------------------------------------------

    @api.model
    def _report_realtime(self, ok):
        """A panel says whether a turn's events came over the bus (``ok``) or by polling only.

        Kept in a system parameter, written only when the state changes or is an hour old.
        """
        self._check_copilot_user()
        if not isinstance(ok, bool):
            raise UserError(_("Invalid report."))
        # sudo: any copilot user may report what their panel saw; only this parameter is written
        Param = self.env['ir.config_parameter'].sudo()
        known = self._realtime_state()
        now = fields.Datetime.now()
        if known and known.get('ok') == ok and known.get('at', '') > str(now - timedelta(hours=1)):
            return {'ok': ok}
        Param.set_param('copilot.realtime_status', json.dumps({'ok': ok, 'at': str(now)}))
        return {'ok': ok}

    @api.model
    def _realtime_state(self):
        # sudo: the parameter holds no secret, only the last report
        raw = self.env['ir.config_parameter'].sudo().get_param('copilot.realtime_status')
        try:
            state = json.loads(raw) if raw else None
        except ValueError:
            state = None
        return state if isinstance(state, dict) else None

    @api.model
    def _realtime_diagnosis(self):
        state = self._realtime_state()
        if not state:
            return _("No answer has reached a panel yet.")
        if state.get('ok'):
            return _("Working: answers reach the panels over Odoo's websocket (last report %s UTC).",
                     state.get('at', '')[:16])
        return _(
            "Not working: the last answers reached the panels by polling only (%s UTC). The "
            "reverse proxy probably does not send /websocket to Odoo's gevent port (gevent_port, "
            "8072 by default): see the copilot's README, \"Production Odoo\". Answers still "
            "arrive, a moment later.",
            state.get('at', '')[:16],
        )
