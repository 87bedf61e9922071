# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The action log's list view, made in Python: its root tag is ``<tree>`` on 17.0 and
``<list>`` on 18.0+ (:func:`odoo.addons.copilot.compat.setup_list_view`). The form and
search views are in ``views/copilot_action_log_views.xml``."""
from odoo import api, models

from .. import compat

LIST_VIEW_XMLID = 'copilot.copilot_action_log_view_tree'
LIST_VIEW_FIELDS = """
    <header>
        <button name="action_verify_chain" type="object" string="Verify the chain"
                display="always" icon="fa-shield" groups="base.group_system"/>
    </header>
    <field name="create_date" string="Date"/>
    <field name="user_id" widget="many2one_avatar"/>
    <field name="tool"/>
    <field name="client" optional="show"/>
    <field name="model"/>
    <field name="method"/>
    <field name="res_ids"/>
    <field name="action_id" optional="hide"/>
    <field name="session_id" optional="hide"/>
    <field name="undone_date" optional="show"/>
    <field name="company_id" groups="base.group_multi_company" optional="show"/>
"""


class CopilotActionLog(models.Model):
    _inherit = 'copilot.action.log'

    @api.model
    def _setup_list_view(self):
        """Create or update the list view, with the root tag of the running series.

        Called from ``views/copilot_action_log_views.xml`` on install and on every update
        (see :func:`odoo.addons.copilot.compat.setup_list_view`).
        """
        compat.setup_list_view(
            self.env, LIST_VIEW_XMLID, self._name,
            'string="Copilot Action Log" create="0" edit="0" delete="0" '
            'decoration-muted="undone_date"',
            LIST_VIEW_FIELDS, 'copilot.copilot_action_log_action',
        )
