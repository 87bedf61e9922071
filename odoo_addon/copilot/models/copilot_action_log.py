# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .. import compat

LIST_VIEW_XMLID = 'copilot.copilot_action_log_view_tree'
LIST_VIEW_FIELDS = """
    <field name="create_date" string="Date"/>
    <field name="user_id" widget="many2one_avatar"/>
    <field name="tool"/>
    <field name="model"/>
    <field name="method"/>
    <field name="res_ids"/>
    <field name="action_id" optional="hide"/>
    <field name="session_id" optional="hide"/>
    <field name="company_id" groups="base.group_multi_company" optional="show"/>
"""


class CopilotActionLog(models.Model):
    """One write that the copilot made in Odoo, as a user, through ``/copilot/rpc``."""

    _name = 'copilot.action.log'
    _description = 'Copilot Action Log'
    _order = 'id desc'
    _rec_name = 'name'

    name = fields.Char(compute='_compute_name', store=True)
    user_id = fields.Many2one(
        'res.users', string='User', required=True, index=True, ondelete='cascade',
        help="The user the copilot acted for: the write ran with this user's rights.",
    )
    company_id = fields.Many2one('res.company', string='Company', index=True)
    tool = fields.Char(help="The copilot tool that made the call, e.g. create_quotation.")
    model = fields.Char(string='Model', required=True, index=True)
    method = fields.Char(string='Method', required=True)
    res_ids = fields.Char(string='Record IDs', help="IDs of the records written, as JSON.")
    args = fields.Text(string='Arguments', help="Arguments of the call, as JSON.")
    session_id = fields.Char(string='Session', index=True)
    turn_id = fields.Char(string='Turn')
    action_id = fields.Char(string='Action', index=True)

    @api.depends('tool', 'model', 'method')
    def _compute_name(self):
        for log in self:
            call = f'{log.model}.{log.method}'
            log.name = f'{log.tool}: {call}' if log.tool else call

    @api.model
    def _setup_list_view(self):
        """Create or update the list view, with the root tag of the running series.

        Called from ``views/copilot_action_log_views.xml`` on install and on every update
        (see :func:`odoo.addons.copilot.compat.setup_list_view`).
        """
        compat.setup_list_view(
            self.env, LIST_VIEW_XMLID, self._name,
            'string="Copilot Action Log" create="0" edit="0" delete="0"', LIST_VIEW_FIELDS,
            'copilot.copilot_action_log_action',
        )
