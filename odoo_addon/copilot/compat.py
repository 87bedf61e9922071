# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The one place that knows which Odoo series runs the addon.

The same addon tree installs on Odoo 17.0, 18.0 and 19.0. Every difference between those
series that the addon depends on is resolved here, once, at import time; the rest of the
addon imports the names below and never looks at the version itself. Each entry says what
differs and where it was read in Odoo's sources.

Supporting a new series (20.0 is announced with ``ir.access`` instead of
``ir.model.access``/``ir.rule``, ``ir.config_parameter.get_str``/``set_str`` instead of
``get_param``/``set_param``, ``<list>`` only and ``group_ids`` only) starts in this module.
"""
from odoo import http, release

#: Major version of the running server: 17, 18, 19, ...
SERIES = release.version_info[0]

# --- HTTP routes -------------------------------------------------------------------------
#: ``type`` of the JSON-RPC routes. 17.0/18.0 know only ``'json'`` (``'jsonrpc'`` fails at
#: import); 19.0 renamed it ``'jsonrpc'`` and still accepts ``'json'`` with a
#: DeprecationWarning (``odoo/http.py``, ``route()``). The dispatcher class carries the name
#: the running server expects in every series.
JSON_ROUTE_TYPE = http.JsonRPCDispatcher.routing_type

# --- Calling a model method the way RPC does -----------------------------------------------
# 17.0/18.0: ``odoo.api.call_kw`` runs any method, private ones included; the web client
# checks first with ``odoo.service.model.get_public_method`` (``web/controllers/dataset.py``).
# 19.0: ``odoo.service.model.call_kw`` does that check itself and ``odoo.api.call_kw`` is gone.
try:
    from odoo.service.model import call_kw as _call_kw  # 19.0+
except ImportError:
    from odoo.api import call_kw as _call_kw  # 17.0, 18.0

    try:
        from odoo.service.model import get_public_method as _get_public_method
    except ImportError:  # early 17.0 builds, before get_public_method was backported
        from odoo.models import check_method_name

        def _get_public_method(model, name):
            check_method_name(name)
            return getattr(type(model), name)
else:
    _get_public_method = None


def call_kw(model, method, args, kwargs):
    """Call ``model.method(*args, **kwargs)`` exactly as ``execute_kw`` would.

    Private methods (``_*``, ``@api.private``) raise ``AccessError`` in every series. The
    result is JSON-ready: a created record becomes its id, a recordset its ids.
    """
    if _get_public_method is not None:
        _get_public_method(model, method)
    return _call_kw(model, method, args, kwargs)


# --- Views -------------------------------------------------------------------------------
#: Root tag and view type of list views: ``tree`` in 17.0, ``list`` from 18.0 on, with no
#: fallback for ``tree`` (``ir_ui_view.py`` VIEW_TYPES).
LIST_VIEW_TYPE = 'tree' if SERIES < 18 else 'list'


def view_mode(*modes):
    """An action ``view_mode`` with ``'list'`` spelled as the running series expects.

    ``view_mode('list', 'form')`` is ``'tree,form'`` on 17.0 and ``'list,form'`` on 18.0+.
    """
    return ','.join(LIST_VIEW_TYPE if mode in ('list', 'tree') else mode for mode in modes)


# --- Users and groups --------------------------------------------------------------------
#: ``res.users`` many2many to ``res.groups``: ``groups_id`` until 18.0, ``group_ids`` in 19.0.
USER_GROUPS_FIELD = 'groups_id' if SERIES < 19 else 'group_ids'


# --- System parameters -------------------------------------------------------------------
def get_config_param(env, key, default=None):
    """Read an ``ir.config_parameter`` as superuser (17.0-19.0: ``get_param``)."""
    # sudo: system parameters are readable by Settings administrators only; the copilot
    # needs its URL and secret for every user who talks to it.
    return env['ir.config_parameter'].sudo().get_param(key, default)


def set_config_param(env, key, value):
    """Write an ``ir.config_parameter`` as superuser (17.0-19.0: ``set_param``)."""
    # sudo: only called from tests and setup code, never with user input.
    return env['ir.config_parameter'].sudo().set_param(key, value)


# --- Access rights -------------------------------------------------------------------------
def can(env, model_name, operation):
    """Whether ``env.user`` may ``operation`` (read, create, write, unlink) ``model_name`` at all.

    ``ir.model.access.check`` answers this in 17.0, 18.0 and 19.0 (``check_access_rights`` is
    deprecated since 18.0; 20.0 replaces ``ir.model.access`` by ``ir.access``).
    """
    return env['ir.model.access'].check(model_name, operation, raise_exception=False)
