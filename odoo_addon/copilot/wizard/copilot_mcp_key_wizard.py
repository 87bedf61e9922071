# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models

from ..models.copilot_mcp import DEFAULT_DAYS, SCOPES

#: Context keys that carry a new key and its endpoint to the dialog showing them, and nowhere else.
NEW_KEY_CONTEXT = 'copilot_mcp_new_key'
ENDPOINT_CONTEXT = 'copilot_mcp_endpoint'


class CopilotMcpKeyWizard(models.TransientModel):
    """Make an MCP key for oneself, then show it once.

    The key never reaches the database, not even this wizard's table: the dialog that shows
    it gets it in its context (``key`` and ``endpoint`` are read from it, not stored).
    """

    _name = 'copilot.mcp.key.wizard'
    _description = 'New Copilot MCP Key'

    name = fields.Char(
        string='Client', required=True,
        help="The MCP client that will use the key, e.g. Claude Desktop.",
    )
    scope = fields.Selection(
        SCOPES, string='Access', required=True, default='read',
        help="Read only: the client can search and read, never write. Read and write: it "
             "can also use the copilot's writing tools.",
    )
    days = fields.Integer(
        string='Valid For (Days)', required=True, default=DEFAULT_DAYS,
        help="From 1 to 365 days.",
    )
    key = fields.Char(compute='_compute_new_key', string='Key')
    endpoint = fields.Char(compute='_compute_new_key', string='MCP Endpoint')

    @api.depends_context(NEW_KEY_CONTEXT, ENDPOINT_CONTEXT)
    def _compute_new_key(self):
        new_key = self.env.context.get(NEW_KEY_CONTEXT)
        endpoint = self.env.context.get(ENDPOINT_CONTEXT)
        for wizard in self:
            wizard.key = new_key if isinstance(new_key, str) else False
            wizard.endpoint = endpoint if isinstance(endpoint, str) else False

    @api.model
    def default_get(self, fields_list):
        # the form's first onchange takes the values of default_get for every field it shows,
        # computed ones included: without these, it would show an empty key
        values = super().default_get(fields_list)
        for name, context_key in (('key', NEW_KEY_CONTEXT), ('endpoint', ENDPOINT_CONTEXT)):
            value = self.env.context.get(context_key)
            if name in fields_list and isinstance(value, str):
                values[name] = value
        return values

    def action_create(self):
        """Make the key, then show it in a dialog of its own, once."""
        self.ensure_one()
        created = self.env['copilot.mcp.key']._generate(self.name, self.scope, self.days)
        view = self.env.ref('copilot.copilot_mcp_key_wizard_view_form_done')
        return {
            'type': 'ir.actions.act_window',
            'name': _("Your MCP Key"),
            'res_model': self._name,
            'view_mode': 'form',
            'views': [(view.id, 'form')],
            'target': 'new',
            'context': {
                NEW_KEY_CONTEXT: created['key'],
                ENDPOINT_CONTEXT: created['endpoint'],
                'default_name': created['name'],
                'default_scope': created['scope'],
            },
        }
