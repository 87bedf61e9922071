# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Which Odoo model plays each business object the copilot knows (Settings › Copilot).

ERPs built on Odoo add their own objects (a Kit, an Installation, a Ticket, a Doc). An
administrator maps each role to a model; an empty setting means Odoo's own model when it is
installed (``mrp.bom`` kits, Enterprise's ``helpdesk.ticket``, ``ir.attachment``), none for
installations. The agent receives the result with every turn (``models``) and reads the
mapped models through the gateway, which lets it read those models and the few models their
lines and stages live in (:func:`readable_models`); access rights and record rules of the
user still apply to every read.
"""
from . import compat
from .rpc_allowlist import READ_METHODS

#: role -> (system parameter holding an ``ir.model`` id, Odoo's own model for the role)
MODEL_ROLES = {
    'kit': ('copilot.kit_model_id', 'mrp.bom'),
    'ticket': ('copilot.ticket_model_id', 'helpdesk.ticket'),
    'document': ('copilot.document_model_id', 'ir.attachment'),
    'installation': ('copilot.installation_model_id', None),
}

#: What the agent may call on a mapped model and its related models: reads, and its fields.
MAPPED_READ_METHODS = READ_METHODS | {'fields_get'}


def model_mapping(env):
    """``{role: model name or None}``: the model playing each role in this database.

    A mapped model that is no longer installed counts as not mapped (the default applies).
    """
    mapping = {}
    for role, (key, default) in MODEL_ROLES.items():
        model = None
        value = compat.get_config_param(env, key)
        if value and str(value).isdigit():
            # sudo: ir.model is readable by administrators only; the name is not a secret
            record = env['ir.model'].sudo().browse(int(value)).exists()
            if record and record.model in env:
                model = record.model
        if model is None and default and default in env:
            model = default
        mapping[role] = model
    return mapping


def readable_models(env):
    """The models the agent may read because Settings map them: each mapped model, the models
    of its one2many fields (a kit's lines) and of its stage field (open or closed tickets).

    Odoo's own models keep their fixed allowlist entries (``ir.attachment``, ``mrp.bom``).
    """
    names = set()
    for model in model_mapping(env).values():
        if not model or model in ('mrp.bom', 'ir.attachment'):
            continue
        names.add(model)
        for field_name, field in env[model]._fields.items():
            if field.type == 'one2many' or (field.type == 'many2one' and 'stage' in field_name):
                names.add(field.comodel_name)
    return names


def is_mapped_read(env, model, method):
    """Whether ``model.method`` is a read the mapping allows (see :func:`readable_models`)."""
    return method in MAPPED_READ_METHODS and model in readable_models(env)
