# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from .. import compat

OPERATIONS = ('read', 'create', 'write')


class CopilotCapability(models.AbstractModel):
    """What the calling user can do with the models the copilot's tools need.

    The agent asks once per session (through ``/copilot/rpc``, as the user) and offers only the
    tools whose models are installed and allowed, so the model never sees a tool that would fail.
    """

    _name = 'copilot.capability'
    _description = 'Copilot Capabilities'

    @api.model
    def check(self, model_names):
        """``{model: {installed, read, create, write}}`` for the current user, for each name given."""
        if not isinstance(model_names, (list, tuple)):
            return {}
        answer = {}
        for name in model_names[:100]:
            if not isinstance(name, str):
                continue
            installed = name in self.env
            answer[name] = {
                'installed': installed,
                **{operation: installed and compat.can(self.env, name, operation) for operation in OPERATIONS},
            }
        return answer
