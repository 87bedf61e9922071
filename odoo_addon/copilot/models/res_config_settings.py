# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .. import compat
from .copilot_mcp import MCP_ENABLED_PARAM, MCP_URL_PARAM, mcp_enabled


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    copilot_agent_url = fields.Char(
        string='Copilot Agent URL',
        config_parameter='copilot.agent_url',
        help="Where Odoo reaches the copilot agent service. Empty: the COPILOT_AGENT_URL "
             "environment variable of the Odoo server, else http://localhost:8080.",
    )
    copilot_shared_secret = fields.Char(
        string='Copilot Shared Secret',
        config_parameter='copilot.shared_secret',
        help="Signs the requests between Odoo and the agent service; the agent must use the "
             "same value. Empty: the COPILOT_SHARED_SECRET environment variable of the Odoo "
             "server.",
    )

    copilot_offline_turns = fields.Selection(
        [('request', 'In the request (fastest)'),
         ('background', 'In the background (Odoo stays responsive under a burst)')],
        string='Offline Answers',
        default='request',
        config_parameter='copilot.offline_turns',
        help="Without a language model, an answer is worked out in the request that asks for it "
             "(one round trip: the fastest), or in the background like a model's answers (the "
             "Odoo worker is free at once: under a burst of requests on few workers, Odoo's own "
             "pages keep answering quickly).",
    )

    # Which model plays each business object (see odoo.addons.copilot.model_map); empty:
    # Odoo's own model when installed. The ids live in system parameters.
    copilot_kit_model_id = fields.Many2one(
        'ir.model', string='Kit Model', config_parameter='copilot.kit_model_id',
        domain=[('transient', '=', False)],
        help="The model of kits (what a kit is made of). Empty: bills of materials "
             "(mrp.bom), kits first, when Manufacturing is installed.",
    )
    copilot_ticket_model_id = fields.Many2one(
        'ir.model', string='Ticket Model', config_parameter='copilot.ticket_model_id',
        domain=[('transient', '=', False)],
        help="The model of support tickets. Empty: helpdesk.ticket when Helpdesk is "
             "installed, else the copilot offers no ticket tool.",
    )
    copilot_document_model_id = fields.Many2one(
        'ir.model', string='Document Model', config_parameter='copilot.document_model_id',
        domain=[('transient', '=', False)],
        help="The model of a project's documents. Empty: attachments (ir.attachment) of "
             "the project and its tasks.",
    )
    copilot_installation_model_id = fields.Many2one(
        'ir.model', string='Installation Model', config_parameter='copilot.installation_model_id',
        domain=[('transient', '=', False)],
        help="The model of installations, when your database has one. Empty: the copilot "
             "offers no installation tool.",
    )

    copilot_realtime_status = fields.Char(
        string='Real-time Answers', compute='_compute_copilot_realtime_status',
        help="Whether the answers reach the users' panels over Odoo's websocket, as the panels "
             "last reported it.",
    )

    # Not a config_parameter field: an unchecked box would delete the parameter, and MCP is on
    # when the parameter is unset. Read and written by get_values/set_values.
    copilot_mcp_enabled = fields.Boolean(
        string='MCP Access',
        help="MCP clients (Claude Desktop, IDEs) may use the copilot's tools with the MCP "
             "keys of the users. Turned off, every key stops at once; keys are kept.",
    )
    copilot_mcp_url = fields.Char(
        string='MCP Endpoint',
        config_parameter=MCP_URL_PARAM,
        help="The public URL of the copilot's MCP server, shown to users with their new keys. "
             "Empty: Odoo's address followed by /mcp.",
    )

    def get_values(self):
        values = super().get_values()
        values['copilot_mcp_enabled'] = mcp_enabled(self.env)
        return values

    def set_values(self):
        super().set_values()
        for settings in self:
            compat.set_config_param(
                self.env, MCP_ENABLED_PARAM, 'True' if settings.copilot_mcp_enabled else 'False',
            )

    def _compute_copilot_realtime_status(self):
        diagnosis = self.env['copilot.agent']._realtime_diagnosis()
        for settings in self:
            settings.copilot_realtime_status = diagnosis

    def action_copilot_sync_tools(self):
        """Load the agent's tools into the tool policies, then open their list."""
        Policy = self.env['copilot.tool.policy']
        counts = Policy._sync_tools()
        tools_list = self.env['ir.actions.act_window']._for_xml_id(
            'copilot.copilot_tool_policy_action',
        )
        return Policy._sync_notification(counts, tools_list)
