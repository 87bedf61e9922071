# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
import re

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .. import compat

_logger = logging.getLogger(__name__)

LIST_VIEW_XMLID = 'copilot.copilot_tool_policy_view_tree'
LIST_VIEW_FIELDS = """
    <header>
        <button name="action_sync_tools" type="object" string="Load tools from the agent"
                display="always" icon="fa-refresh"/>
    </header>
    <field name="name" readonly="1"/>
    <field name="description" readonly="1"/>
    <field name="risk" readonly="1" widget="badge"
           decoration-info="risk == 'read'" decoration-success="risk == 'draft'"
           decoration-warning="risk == 'state_change'" decoration-danger="risk == 'destructive'"/>
    <field name="mode"/>
    <field name="group_ids" widget="many2many_tags" options="{'no_create': True}"/>
    <field name="model_names" optional="hide"/>
"""

RISKS = [
    ('read', 'Read'),
    ('draft', 'Draft'),
    ('state_change', 'State change'),
    ('destructive', 'Destructive'),
]
#: The modes an administrator may choose, per risk tier: a read tool always runs (or is
#: off), only a draft tool may write without a confirmation.
MODES_BY_RISK = {
    'read': ('auto', 'off'),
    'draft': ('confirm', 'auto', 'off'),
    'state_change': ('confirm', 'off'),
    'destructive': ('confirm', 'off'),
}
#: What the agent's catalog may name a tool (the keys of a turn's ``tools`` map).
TOOL_NAME = re.compile(r'^[a-z][a-z0-9_]{0,63}$')


def default_mode(risk):
    """The mode of a new policy: a read tool runs, anything else waits for Confirm."""
    return 'auto' if risk == 'read' else 'confirm'


class CopilotToolPolicy(models.Model):
    """What an administrator allows for one tool of the agent's catalog.

    The records come from the agent (:meth:`action_sync_tools`); an administrator chooses
    the mode and the groups. Every turn sends the agent what they mean for the user who
    talks to it (:meth:`_get_user_tools`).
    """

    _name = 'copilot.tool.policy'
    _description = 'Copilot Tool Policy'
    _order = 'name'

    name = fields.Char(
        string='Tool', required=True,
        help="The tool's name in the agent's catalog, e.g. create_quotation.",
    )
    description = fields.Char(help="What the tool does, as the agent describes it.")
    risk = fields.Selection(
        RISKS, string='Risk', required=True, default='state_change',
        help="Read: only reads. Draft: writes a record that stays a draft (a quotation, a "
             "task). State change: changes a record's state (confirms, sends). "
             "Destructive: cannot be undone.",
    )
    mode = fields.Selection(
        [('confirm', 'Confirm first'), ('auto', 'Run at once'), ('off', 'Off')],
        string='Mode', required=True, default='confirm',
        help="Confirm first: the copilot shows what it would write and waits for the user's "
             "Confirm. Run at once: no confirmation (read tools always, draft tools when "
             "allowed here). Off: the copilot never offers the tool.",
    )
    group_ids = fields.Many2many(
        'res.groups', string='Allowed Groups',
        help="When set, only members of one of these groups may use the tool.",
    )
    model_names = fields.Char(
        string='Odoo Models', readonly=True,
        help="The Odoo models the tool works on, as the agent declares them.",
    )

    _name_unique = compat.sql_constraint(
        'UNIQUE(name)', "A tool has one policy only.",
    )

    @api.constrains('mode', 'risk')
    def _check_mode(self):
        for policy in self:
            if policy.mode in MODES_BY_RISK[policy.risk]:
                continue
            if policy.risk == 'read':
                raise ValidationError(_(
                    "The tool %(tool)s only reads: it always runs at once, or is off.",
                    tool=policy.name,
                ))
            raise ValidationError(_(
                "The tool %(tool)s writes more than a draft: it cannot run without the "
                "user's confirmation.",
                tool=policy.name,
            ))

    @api.model
    def _setup_list_view(self):
        """Create or update the editable list view (``<tree>`` on 17.0, ``<list>`` on 18.0+).

        Called from ``views/copilot_tool_policy_views.xml`` on install and on every update
        (see :func:`odoo.addons.copilot.compat.setup_list_view`).
        """
        compat.setup_list_view(
            self.env, LIST_VIEW_XMLID, self._name,
            'string="Tool Policies" editable="bottom" create="0" '
            'decoration-muted="mode == \'off\'"',
            LIST_VIEW_FIELDS, 'copilot.copilot_tool_policy_action', 'list',
        )

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_sync_tools(self):
        """Load the agent's catalog (button of the list view; ``self`` is ignored).

        :return: a notification of what changed, then the list reloaded
        """
        return self._sync_notification(self._sync_tools(), {
            'type': 'ir.actions.client', 'tag': 'soft_reload',
        })

    @api.model
    def _sync_notification(self, counts, next_action):
        created, updated = counts
        return {
            'type': 'ir.actions.client',
            'tag': 'display_notification',
            'params': {
                'title': _("Copilot tools loaded"),
                'message': _(
                    "%(created)s new tools, %(updated)s updated.",
                    created=created, updated=updated,
                ),
                'type': 'success',
                'sticky': False,
                'next': next_action,
            },
        }

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    @api.model
    def _sync_tools(self):
        """Create the policies of the agent's tools that have none, and update the others.

        The agent answers the signed ``GET /v1/tools?db=&uid=&lang=`` with
        ``{tools: [{name, description, risk, models}]}``, descriptions in the administrator's
        language. A new policy gets the default mode of its risk; an existing one gets the
        catalog's description, risk and models, and keeps the administrator's mode and
        groups, unless its risk changed so that the mode is no longer allowed (a draft tool
        set to run at once that now changes states): that mode goes back to the default.
        Policies of tools the agent no longer lists are kept.

        :return: ``(created, updated)`` numbers of policies
        :raise AccessError: the user is not a Settings administrator
        :raise UserError: the agent cannot be reached, or its answer cannot be read
        """
        if not compat.can(self.env, self._name, 'create'):
            raise AccessError(_("Only administrators can load the copilot's tools."))
        Agent = self.env['copilot.agent']
        answer = Agent._agent_request('GET', '/v1/tools', query=Agent._get_agent_query())
        catalog = answer.get('tools') if isinstance(answer, dict) else None
        if not isinstance(catalog, list):
            raise UserError(_("The copilot service sent a tool list that cannot be read."))

        policies = {policy.name: policy for policy in self.search([])}
        created = updated = 0
        for tool in catalog:
            values = self._catalog_values(tool)
            if values is None:
                _logger.info("Copilot tool skipped, not a tool of the catalog: %.200r", tool)
                continue
            policy = policies.get(values['name'])
            if policy is None:
                values['mode'] = default_mode(values['risk'])
                policies[values['name']] = self.create(values)
                created += 1
                continue
            changes = {key: value for key, value in values.items() if policy[key] != value}
            if policy.mode not in MODES_BY_RISK[values['risk']]:
                changes['mode'] = default_mode(values['risk'])
            if changes:
                policy.write(changes)
                updated += 1
        return created, updated

    @api.model
    def _catalog_values(self, tool):
        """The policy fields of one tool of the agent's catalog, or ``None`` if malformed."""
        if not isinstance(tool, dict):
            return None
        name, risk = tool.get('name'), tool.get('risk')
        if not isinstance(name, str) or not TOOL_NAME.match(name) or risk not in MODES_BY_RISK:
            return None
        description = tool.get('description')
        model_names = tool.get('models')
        if not isinstance(model_names, list):
            model_names = []
        return {
            'name': name,
            'description': description.strip()[:500] if isinstance(description, str) else False,
            'risk': risk,
            'model_names': ', '.join(m for m in model_names if isinstance(m, str)) or False,
        }

    @api.model
    def _get_user_tools(self, user=None):
        """The ``tools`` map a turn sends the agent: what ``user`` may do with each tool.

        ``{tool name: mode}`` for every tool that has a policy, for ``user`` (default: the
        current user):

        - ``'off'``: the policy is off, or it names groups and the user is in none of them
          (implied groups count): the agent does not offer the tool;
        - ``'auto'``: a ``read`` tool, or a ``draft`` tool the administrator set to run at
          once: the agent runs it without a confirmation;
        - ``'confirm'``: any other write: the agent proposes it and waits for Confirm.

        Tools without a policy are not listed: the agent keeps its defaults for them (read
        tools run, the others are confirmed).

        :rtype: dict[str, str]
        """
        user = user or self.env.user
        user_groups = user[compat.USER_ALL_GROUPS_FIELD]
        tools = {}
        for policy in self.search([]):
            if policy.mode == 'off' or (policy.group_ids and not policy.group_ids & user_groups):
                tools[policy.name] = 'off'
            elif policy.risk == 'read' or (policy.risk == 'draft' and policy.mode == 'auto'):
                tools[policy.name] = 'auto'
            else:
                tools[policy.name] = 'confirm'
        return tools
