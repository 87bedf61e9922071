# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import logging

import psycopg2

from odoo import _, api, models
from odoo.exceptions import AccessDenied, AccessError, UserError

from .. import compat
from ..model_map import is_mapped_read
from ..rpc_allowlist import RPC_CONTEXT_KEYS, is_allowed, is_write, logs_itself
from .copilot_action_log import to_json

_logger = logging.getLogger(__name__)

META_KEYS = ('tool', 'session_id', 'turn_id', 'action_id')


def _record_ids(value):
    """The record ids in an ``ids`` argument or a ``create`` result, as a list."""
    if isinstance(value, int) and not isinstance(value, bool):
        return [value]
    if isinstance(value, (list, tuple)):
        return [v for v in value if isinstance(v, int) and not isinstance(v, bool)]
    return []


class CopilotAgent(models.AbstractModel):
    """The gateway: the agent's ORM calls, run as the user, allowlisted and logged (contract (C))."""

    _inherit = 'copilot.agent'

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
        if token_session and meta.get('session_id') != token_session:
            # a token is bound to the conversation it was made for
            raise AccessDenied()
        token_turn = delegation.get('tid')
        if token_turn and meta.get('turn_id') != token_turn:
            # ... and a turn's token to that turn
            raise AccessDenied()
        # an MCP key's token: the key must still hold, and a read key only reads (copilot_mcp.py)
        self._check_delegation_key(delegation, model, method)
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
        action_id = meta.get('action_id')
        if is_write(model, method) and isinstance(action_id, str) and action_id:
            # The log's action id is the caller's word: it must not be another user's (their
            # undo would then see "changed since, by ..." and refuse).
            # sudo: reads only whether another user's entry carries this action id
            Log = self.env['copilot.action.log'].sudo()
            if Log.search_count([('action_id', '=', action_id), ('user_id', '!=', self.env.uid)], limit=1):
                raise AccessDenied()
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
        try:
            result = compat.call_kw(
                env[model], method, call_args, dict(call_kwargs, context=call_context),
            )
        except psycopg2.Error:
            # what PostgreSQL says names tables, columns and queries: not for the caller
            _logger.warning("Copilot gateway: %s.%s failed in the database", model, method, exc_info=True)
            raise UserError(_("Odoo could not run this request."))

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
            # bool is an int in Python: [1, True] would pass and reach SQL
            and all(isinstance(cid, int) and not isinstance(cid, bool) for cid in company_ids)
            and set(company_ids) <= set(self.env.user.company_ids.ids)
        ):
            raise AccessError(_("The copilot cannot act in a company you have no access to."))
        return values

    @api.model
    def _log_meta(self, delegation, meta):
        """The call's ``tool``, ``session_id``, ``turn_id`` and ``action_id``, as logged, and
        the MCP ``client`` of the token."""
        meta = {key: meta.get(key) for key in META_KEYS}
        meta = {key: value[:128] if isinstance(value, str) else None for key, value in meta.items()}
        meta['session_id'] = meta['session_id'] or delegation.get('sid')
        # the MCP client, from the token's key, or from the conversation of the user's own key
        # whose proposal the user confirms in the panel: never the caller's word
        meta['client'] = (self._delegation_client(delegation)
                          or self._session_client(meta['session_id']))
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
            'client': meta['client'],
        })

