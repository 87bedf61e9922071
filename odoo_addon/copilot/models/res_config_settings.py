# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


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
