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
import json
import re

from odoo import http, models, release
from odoo.service import security as _security

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


def setup_list_view(env, xml_id, model, attributes, body, action_xml_id, *modes):
    """Create or update a list view with the root tag of the running series, and its action.

    Called from a ``<function>`` of the module's view files on install and on every update:
    a ``<tree>`` view does not load on 18.0+ and a ``<list>`` view not on 17.0, so the view
    is made here rather than in XML. ``_load_records`` registers its XML id as loaded data of
    the module: kept on update, removed on uninstall. The action ``action_xml_id`` gets the
    ``view_mode`` of ``modes`` (default ``list, form``), spelled for the series.

    :param str attributes: attributes of the root tag, e.g. ``'string="Log" create="0"'``
    :param str body: the view's content (fields, header...)
    """
    env['ir.ui.view']._load_records([{
        'xml_id': xml_id,
        'noupdate': False,
        'values': {
            'name': f'{model}.view.list',
            'model': model,
            'type': LIST_VIEW_TYPE,
            'arch': f'<{LIST_VIEW_TYPE} {attributes}>{body}</{LIST_VIEW_TYPE}>',
        },
    }])
    action = env.ref(action_xml_id)
    mode = view_mode(*(modes or ('list', 'form')))
    if action.view_mode != mode:
        action.view_mode = mode


# --- SQL constraints -----------------------------------------------------------------------
# 17.0/18.0 read table constraints from the class attribute ``_sql_constraints``, a list of
# ``(name, definition, message)`` (``models.py``, ``MetaModel.__init__``: ``cls.__dict__``);
# 19.0 ignores that attribute with a warning and takes one ``models.Constraint`` attribute
# per constraint, named ``_<name>`` (``orm/table_objects.py``). ``models.Constraint`` does
# not exist before 19.0. Both name the database constraint ``<table>_<name>``.
class _SqlConstraint:
    """A 17.0/18.0 table constraint declared like 19.0's ``models.Constraint``.

    Python calls ``__set_name__`` while it creates the model class, before Odoo's metaclass
    reads ``_sql_constraints``: the constraint adds itself there.
    """

    def __init__(self, definition, message):
        self.definition = definition
        self.message = message

    def __set_name__(self, owner, name):
        constraints = list(owner.__dict__.get('_sql_constraints', ()))
        constraints.append((name.lstrip('_'), self.definition, self.message))
        owner._sql_constraints = constraints


def sql_constraint(definition, message):
    """A table constraint, declared in a model's body as ``_<name> = compat.sql_constraint(...)``.

    ``_name_unique = compat.sql_constraint('UNIQUE(name)', "...")`` makes the constraint
    ``<table>_name_unique`` on 17.0, 18.0 and 19.0; the message is shown when it is violated.
    """
    if SERIES >= 19:
        return models.Constraint(definition, message)
    return _SqlConstraint(definition, message)


# --- Users and groups --------------------------------------------------------------------
#: ``res.users`` many2many to ``res.groups``: ``groups_id`` until 18.0, ``group_ids`` in 19.0.
USER_GROUPS_FIELD = 'groups_id' if SERIES < 19 else 'group_ids'
#: ``res.users`` field holding every group of a user, implied ones included: ``groups_id``
#: until 18.0 (implied groups are written there too); 19.0 keeps only the groups given
#: explicitly in ``group_ids`` and adds the computed ``all_group_ids``.
USER_ALL_GROUPS_FIELD = 'groups_id' if SERIES < 19 else 'all_group_ids'


# --- Company switcher ------------------------------------------------------------------------
_CIDS_SEPARATORS = re.compile(r'[-,]')


def parse_cids_cookie(value):
    """Company ids of the web client's ``cids`` cookie, in its order (the first is current).

    The company switcher writes the companies the user selected in the cookie ``cids``,
    the current one first. 17.0 joins them with ``,`` (``web/static/src/webclient/
    company_service.js``, ``formatCompanyIds``); 18.0 (same file, ``CIDS_SEPARATOR``) and
    19.0 (``web/static/src/core/user.js``) with ``-``, and their ``ir.http._sanitize_cookies``
    rewrite an older ``1,2`` into ``1-2`` in ``request.cookies`` (not in
    ``request.httprequest.cookies``). Both separators are read; anything that is not a
    positive id is skipped, and duplicates are dropped.

    :param str value: the cookie's value, or ``None``
    :rtype: list[int]
    """
    ids = []
    for part in _CIDS_SEPARATORS.split(value or ''):
        part = part.strip()
        if part.isascii() and part.isdigit() and int(part) > 0 and int(part) not in ids:
            ids.append(int(part))
    return ids


# --- System parameters -------------------------------------------------------------------
def server_workers():
    """How many HTTP worker processes the server runs (``--workers``; 0: the threaded server).
    The same ``odoo.tools.config`` key in 17.0-19.0."""
    from odoo.tools import config
    try:
        return int(config.get('workers') or 0)
    except (TypeError, ValueError):
        return 0


def get_config_param(env, key, default=None):
    """Read an ``ir.config_parameter`` as superuser (17.0-19.0: ``get_param``)."""
    # sudo: system parameters are readable by Settings administrators only; the copilot
    # needs its URL and secret for every user who talks to it.
    return env['ir.config_parameter'].sudo().get_param(key, default)


def set_config_param(env, key, value):
    """Write an ``ir.config_parameter`` as superuser (17.0-19.0: ``set_param``)."""
    # sudo: only called from tests and setup code, never with user input.
    return env['ir.config_parameter'].sudo().set_param(key, value)


# --- Web sessions ------------------------------------------------------------------------------
def web_session_uid(env, sid):
    """The user signed in now with the browser session ``sid``, or ``None``.

    ``None`` once that session logged out (17.0-19.0: ``Session.logout`` clears ``uid`` and
    the store rotates the id, deleting the old file), expired (vacuumed), belongs to another
    database, or no longer passes ``security.check_session`` (password changed, sessions
    revoked from Preferences). The store is ``odoo.http.root.session_store`` and
    ``check_session(session, env)`` takes the same two arguments in 17.0, 18.0 and 19.0
    (18.0+ adds an optional ``request``).
    """
    store = http.root.session_store
    if not isinstance(sid, str) or not store.is_valid_key(sid):
        return None
    session = store.get(sid)
    uid = session.get('uid')
    if not isinstance(uid, int) or session.get('db') != env.cr.dbname:
        return None
    if not _security.check_session(session, env):
        return None
    return uid


# --- Access rights -------------------------------------------------------------------------
def can(env, model_name, operation):
    """Whether ``env.user`` may ``operation`` (read, create, write, unlink) ``model_name`` at all.

    ``ir.model.access.check`` answers this in 17.0, 18.0 and 19.0 (``check_access_rights`` is
    deprecated since 18.0; 20.0 replaces ``ir.model.access`` by ``ir.access``).
    """
    return env['ir.model.access'].check(model_name, operation, raise_exception=False)


try:  # 18.0+
    from odoo.tools.json import json_default
except ImportError:  # 17.0
    from odoo.tools.date_utils import json_default  # noqa: F401


def json_ready(value):
    """``value`` as Odoo's JSON-RPC would send it (dates as strings, recordsets as ids)."""
    return json.loads(json.dumps(value, default=json_default))


# --- Error codes in JSON-RPC errors ------------------------------------------------------------
#: ``serialize_exception`` builds ``error.data`` of a JSON-RPC error in 17.0, 18.0 and 19.0
#: (``name``, ``message``, ``arguments``, ``context``, ``debug``). The copilot's errors carry a
#: machine-readable ``copilot_code`` (``rate_limit:inflight``, ``unavailable:agent``, ...): it is
#: added as ``data.code`` so that scripts need not parse translated messages.
_serialize_exception = http.serialize_exception


def _serialize_exception_with_code(exception):
    data = _serialize_exception(exception)
    code = getattr(exception, 'copilot_code', None)
    if isinstance(code, str):
        data['code'] = code
    return data


if http.serialize_exception is not _serialize_exception_with_code:
    http.serialize_exception = _serialize_exception_with_code
