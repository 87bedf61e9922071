# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""MCP keys: how an MCP client (Claude Desktop, an IDE) uses the copilot's tools as one user.

A user makes a key (:meth:`CopilotMcpKey._generate`); it is shown once and only its SHA-256
is kept. The agent's MCP server trades the key, in a request signed with the shared secret,
for what a panel's turn gets: the user, the tools, the models and a 5-minute delegation token
(:meth:`CopilotAgent._exchange_mcp_key`). At every call of that token the gateway checks
that the key still holds and, for a read key, that the call only reads
(:meth:`CopilotAgent._check_delegation_key`).
"""
import binascii
import hashlib
import json
import logging
import re
import secrets
import time
from collections.abc import Iterable
from datetime import timedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessDenied, AccessError, UserError, ValidationError

from .. import compat
from ..model_map import model_mapping
from ..rpc_allowlist import is_write
from .copilot_delegation import DELEGATION_TTL, _b64decode, _b64encode

_logger = logging.getLogger(__name__)

KEY_PREFIX = 'ocmcp_'
#: ``ocmcp_`` + 64 hexadecimal digits (32 random bytes) + ``_`` + the database's name in
#: base64url without padding (hexadecimal has no ``_``: the first one after the prefix ends
#: the secret).
KEY_PATTERN = re.compile(r'^ocmcp_([0-9a-f]{64})_([A-Za-z0-9_-]{1,200})$')
#: How many first characters of a key are kept to recognise it: ``ocmcp_`` + 8 of the secret.
KEY_PREFIX_LENGTH = len(KEY_PREFIX) + 8
SCOPES = [('read', 'Read only'), ('write', 'Read and write')]
DEFAULT_DAYS = 90
MAX_DAYS = 365
MAX_NAME_LENGTH = 64
#: Keys a user may hold at once (neither revoked nor expired).
MAX_ACTIVE_KEYS = 20
#: ``last_used`` is written at most this often (seconds): not one write per exchange.
LAST_USED_INTERVAL = 60
#: System parameters: MCP on or off for the database (on when unset), the public endpoint.
MCP_ENABLED_PARAM = 'copilot.mcp_enabled'
MCP_URL_PARAM = 'copilot.mcp_url'
EXCHANGE_PATH = '/copilot/mcp/exchange'
#: The ``sid`` of an MCP delegation token: the gateway's ``meta.session_id`` must repeat it.
MCP_SESSION_FORMAT = 'mcp_key_{}'

LIST_VIEW_XMLID = 'copilot.copilot_mcp_key_view_tree'
LIST_VIEW_FIELDS = """
    <header>
        <button name="action_new_key" type="object" string="New MCP Key" display="always"
                class="btn-primary" icon="fa-key"/>
    </header>
    <field name="name"/>
    <field name="user_id" widget="many2one_avatar"/>
    <field name="scope" widget="badge"
           decoration-info="scope == 'read'" decoration-warning="scope == 'write'"/>
    <field name="key_prefix"/>
    <field name="create_date" string="Created On" optional="show"/>
    <field name="expires_at"/>
    <field name="last_used"/>
    <field name="state" widget="badge"
           decoration-success="state == 'active'" decoration-muted="state != 'active'"/>
    <field name="revoked" column_invisible="1"/>
    <button name="action_revoke" type="object" string="Revoke" icon="fa-ban"
            invisible="revoked" confirm="Revoke this key? The client that uses it stops at once."/>
"""


def make_key(dbname):
    """A new key naming ``dbname`` (the format is :class:`CopilotMcpKey`'s)."""
    return f'{KEY_PREFIX}{secrets.token_hex(32)}_{_b64encode(dbname.encode())}'


def key_database(key):
    """The name of the database a key names, or ``None`` when ``key`` is not an MCP key."""
    match = KEY_PATTERN.match(key) if isinstance(key, str) else None
    if not match:
        return None
    try:
        return _b64decode(match.group(2)).decode('utf-8')
    except (ValueError, binascii.Error, UnicodeError):
        return None


def hash_key(key):
    return hashlib.sha256(key.encode('utf-8')).hexdigest()


def mcp_enabled(env):
    """Whether MCP clients may use the copilot in this database (on unless turned off)."""
    value = compat.get_config_param(env, MCP_ENABLED_PARAM)
    if value in (None, False) or not str(value).strip():
        return True
    return str(value).strip().lower() not in ('0', 'false', 'no', 'off')


def mcp_endpoint(env):
    """The URL MCP clients connect to: Settings' MCP URL, else Odoo's own ``/mcp``."""
    url = (compat.get_config_param(env, MCP_URL_PARAM) or '').strip()
    if url:
        return url
    return (compat.get_config_param(env, 'web.base.url') or '').rstrip('/') + '/mcp'


class CopilotMcpKey(models.Model):
    """A key an MCP client uses to reach the copilot's tools as one user.

    Format: ``ocmcp_<secret>_<database>``, where ``<secret>`` is 64 lowercase hexadecimal
    digits (32 random bytes) and ``<database>`` the database's name, UTF-8, in base64url
    without ``=`` padding (it may contain ``_`` and ``-``): whoever holds a key can tell the
    database it belongs to (``key[71:]``, or everything after the first ``_`` that follows
    the secret), and keys of one database still differ from their first characters, which
    are kept (``key_prefix``, ``ocmcp_`` and 8 digits) to recognise a key in a list. The key
    itself is never stored: ``key_hash`` is the SHA-256 (hexadecimal) of the whole key.

    Keys are made only by :meth:`_generate` (a plain ``create`` is refused, administrators
    included); after that, only the name can change, and a key can be revoked, never
    restored. Users see and revoke their own keys; Settings administrators everyone's.
    """

    _name = 'copilot.mcp.key'
    _description = 'Copilot MCP Key'
    _order = 'id desc'

    name = fields.Char(
        string='Client', required=True,
        help="The MCP client that uses the key, e.g. Claude Desktop: it names the client in "
             "the copilot action log.",
    )
    user_id = fields.Many2one(
        'res.users', string='User', required=True, index=True, ondelete='cascade',
        readonly=True, default=lambda self: self.env.user,
        help="The user the client acts as: it gets this user's rights, never more.",
    )
    scope = fields.Selection(
        SCOPES, string='Access', required=True, default='read', readonly=True,
        help="Read only: the client can search and read, never write. Read and write: it "
             "can also use the copilot's writing tools.",
    )
    key_prefix = fields.Char(
        string='Key', readonly=True,
        help="The first characters of the key, to recognise it; the key itself is not kept.",
    )
    key_hash = fields.Char(readonly=True, index=True, copy=False, groups='base.group_system')
    expires_at = fields.Datetime(
        string='Expires On', required=True, readonly=True,
        default=lambda self: fields.Datetime.now() + timedelta(days=DEFAULT_DAYS),
    )
    revoked = fields.Boolean(readonly=True, copy=False)
    last_used = fields.Datetime(
        string='Last Used', readonly=True, copy=False,
        help="When the client last connected with the key (to the minute).",
    )
    state = fields.Selection(
        [('active', 'Active'), ('expired', 'Expired'), ('revoked', 'Revoked')],
        string='Status', compute='_compute_state', search='_search_state',
    )

    _key_hash_unique = compat.sql_constraint('UNIQUE(key_hash)', "An MCP key is unique.")

    @api.depends('revoked', 'expires_at')
    def _compute_state(self):
        now = fields.Datetime.now()
        for key in self:
            if key.revoked:
                key.state = 'revoked'
            elif not key.expires_at or key.expires_at <= now:
                key.state = 'expired'
            else:
                key.state = 'active'

    def _search_state(self, operator, value):
        if operator not in ('=', '!=', 'in', 'not in'):
            raise UserError(_("Unsupported search on the status of MCP keys."))
        # 19.0 passes '=' as 'in' with a collection of values
        states = {value} if isinstance(value, str) or not isinstance(value, Iterable) else set(value)
        if operator in ('!=', 'not in'):
            states = {'active', 'expired', 'revoked'} - states
        now = fields.Datetime.now()
        domains = {
            'active': ['&', ('revoked', '=', False), ('expires_at', '>', now)],
            'expired': ['&', ('revoked', '=', False), ('expires_at', '<=', now)],
            'revoked': [('revoked', '=', True)],
        }
        parts = [domains[state] for state in sorted(states) if state in domains]
        if not parts:
            return [('id', '=', 0)]
        return ['|'] * (len(parts) - 1) + [leaf for part in parts for leaf in part]

    @api.constrains('name')
    def _check_name(self):
        for key in self:
            name = (key.name or '').strip()
            if not name or len(name) > MAX_NAME_LENGTH:
                raise ValidationError(_(
                    "Name the MCP client in %(max)s characters at most.", max=MAX_NAME_LENGTH,
                ))

    @api.model
    def _setup_list_view(self):
        """Create or update the list view, with the root tag of the running series.

        Called from ``views/copilot_mcp_key_views.xml`` on install and on every update
        (see :func:`odoo.addons.copilot.compat.setup_list_view`).
        """
        compat.setup_list_view(
            self.env, LIST_VIEW_XMLID, self._name,
            'string="MCP Keys" create="0" decoration-muted="state != \'active\'"',
            LIST_VIEW_FIELDS, 'copilot.copilot_mcp_key_action',
        )

    # ------------------------------------------------------------
    # CRUD: made by _generate only, then renamed or revoked
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # a key created with a chosen hash would be a key its creator knows
            raise AccessError(_("MCP keys are made with the New MCP Key button only."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and set(vals) - {'name', 'revoked'}:
            raise AccessError(_("Only the name of an MCP key can be changed; revoke a key to stop it."))
        if 'revoked' in vals and not vals['revoked'] and any(self.mapped('revoked')):
            raise UserError(_("A revoked MCP key cannot be used again: make a new one."))
        return super().write(vals)

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_revoke(self):
        """Revoke these keys (button): their clients stop at their next call."""
        self.env['copilot.agent']._check_copilot_user()
        self.filtered(lambda key: not key.revoked).write({'revoked': True})
        return True

    def action_new_key(self):
        """Open the wizard that makes a key and shows it once (button of the list)."""
        return self.env['ir.actions.act_window']._for_xml_id('copilot.copilot_mcp_key_wizard_action')

    # ------------------------------------------------------------
    # Business methods behind the routes of the user's own keys
    # ------------------------------------------------------------

    @api.model
    def _generate(self, name, scope, days=None):
        """Make a key for the current user and return it, the only time it is shown.

        :param str name: the MCP client's name
        :param str scope: ``'read'`` or ``'write'``
        :param int days: how long the key lives, 1 to 365 (default 90)
        :return: ``{id, key, name, scope, expires_at, endpoint}``
        :raise UserError: MCP is off, or a parameter is wrong, or the user holds too many keys
        :raise AccessError: the user is not an internal user
        """
        Agent = self.env['copilot.agent']
        Agent._check_copilot_user()
        if not mcp_enabled(self.env):
            raise Agent._agent_user_error(_(
                "MCP access to the copilot is turned off in this database: ask your "
                "administrator (Settings › Copilot)."
            ), 'mcp_disabled')
        name = name.strip() if isinstance(name, str) else ''
        if not name or len(name) > MAX_NAME_LENGTH:
            raise Agent._agent_user_error(_(
                "Name the MCP client in %(max)s characters at most.", max=MAX_NAME_LENGTH,
            ), 'bad_request:name')
        if scope not in dict(SCOPES):
            raise Agent._agent_user_error(
                _("The access of an MCP key is read or write."), 'bad_request:scope',
            )
        days = DEFAULT_DAYS if days is None else days
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_DAYS:
            raise Agent._agent_user_error(_(
                "An MCP key lives from 1 to %(max)s days.", max=MAX_DAYS,
            ), 'bad_request:days')
        # sudo: counts the user's own keys whatever the record rules; nothing else is read
        active = self.sudo().search_count([('user_id', '=', self.env.uid), ('state', '=', 'active')])
        if active >= MAX_ACTIVE_KEYS:
            raise Agent._agent_user_error(_(
                "You already have %(max)s MCP keys: revoke one you no longer use first.",
                max=MAX_ACTIVE_KEYS,
            ), 'bad_request:too_many_keys')
        key = make_key(self.env.cr.dbname)
        # sudo: nobody may create a key (a key with a chosen hash would be known to its
        # maker); this method makes it for the current user, from a secret nobody chose
        record = self.sudo().create({
            'name': name,
            'user_id': self.env.uid,
            'scope': scope,
            'key_prefix': key[:KEY_PREFIX_LENGTH],
            'key_hash': hash_key(key),
            'expires_at': fields.Datetime.now() + timedelta(days=days),
        })
        _logger.info("Copilot MCP key %s (%s) made for user %s", record.key_prefix, scope, self.env.uid)
        return {
            'id': record.id,
            'key': key,
            'name': record.name,
            'scope': record.scope,
            'expires_at': fields.Datetime.to_string(record.expires_at),
            'endpoint': mcp_endpoint(self.env),
        }

    @api.model
    def _list_keys(self):
        """The current user's keys, newest first, without anything secret.

        :return: ``[{id, name, scope, key_prefix, expires_at, last_used, revoked, expired}]``
        """
        self.env['copilot.agent']._check_copilot_user()
        return [{
            'id': key.id,
            'name': key.name,
            'scope': key.scope,
            'key_prefix': key.key_prefix,
            'expires_at': fields.Datetime.to_string(key.expires_at),
            'last_used': fields.Datetime.to_string(key.last_used) or None,
            'revoked': key.revoked,
            'expired': key.state == 'expired',
        } for key in self.search([('user_id', '=', self.env.uid)])]

    @api.model
    def _revoke_key(self, key_id):
        """Revoke a key the user can see: their own, or anyone's for an administrator.

        :return: ``{ok: True}`` (also for a key revoked already)
        :raise UserError: no such key among those the user can see
        """
        Agent = self.env['copilot.agent']
        Agent._check_copilot_user()
        if not isinstance(key_id, int) or isinstance(key_id, bool):
            raise Agent._agent_user_error(_("Invalid MCP key id."), 'bad_request:id')
        # record rules: another user's key is not found, as a key that does not exist
        key = self.search([('id', '=', key_id)])
        if not key:
            raise Agent._agent_user_error(_("No MCP key has this id."), 'not_found')
        key.action_revoke()
        return {'ok': True}

    # ------------------------------------------------------------
    # What the exchange and the gateway read (sudo: before any user is known)
    # ------------------------------------------------------------

    @api.model
    def _find_key(self, key):
        """The key record of ``key`` (as sudo), or an empty recordset."""
        if key_database(key) != self.env.cr.dbname:
            return self.browse()
        # sudo: the caller is the agent, with no user yet; the key is found by its hash only
        return self.sudo().search([('key_hash', '=', hash_key(key))], limit=1)

    def _is_usable(self):
        """Whether this key (as sudo) may be used now: not revoked nor expired, its user an
        active internal user."""
        self.ensure_one()
        user = self.user_id
        return (
            self.state == 'active'
            and user.active
            and not user.share
            and user._is_internal()
        )

    def _touch(self):
        """Note that the key was used, at most once every ``LAST_USED_INTERVAL`` seconds."""
        self.ensure_one()
        now = fields.Datetime.now()
        if self.last_used and now - self.last_used < timedelta(seconds=LAST_USED_INTERVAL):
            return
        # one UPDATE that also skips when a concurrent exchange just wrote it; not through
        # the ORM: write_date stays the date of the user's own changes
        self.env.cr.execute(
            f'UPDATE "{self._table}" SET last_used = %s WHERE id = %s '
            'AND (last_used IS NULL OR last_used < %s)',
            [now, self.id, now - timedelta(seconds=LAST_USED_INTERVAL)],
        )
        self.invalidate_recordset(['last_used'])


class CopilotAgent(models.AbstractModel):
    """The agent's side of MCP keys: the exchange of a key for a delegation token, and the
    gateway's check of such tokens."""

    _inherit = 'copilot.agent'

    # ------------------------------------------------------------
    # The exchange: a key for what a turn gets (signed by the agent)
    # ------------------------------------------------------------

    @api.model
    def _exchange_mcp_key(self, raw_body, headers):
        """Check the agent's signature, then trade the MCP key of the body for a grant.

        :param bytes raw_body: the request's body ``{db, key}``, as signed
        :param headers: the request's headers (``X-Copilot-*``)
        :return: ``(HTTP status, JSON body)``: ``200`` and :meth:`_mcp_grant`; ``403
            {ok: false, code: 'forbidden'}`` for a wrong signature or another database;
            ``401 {ok: false, code: 'invalid_key' | 'mcp_disabled', message}``
        """
        if not self._check_agent_signature('POST', EXCHANGE_PATH, raw_body, headers):
            return 403, {'ok': False, 'code': 'forbidden'}
        try:
            payload = json.loads(raw_body)
        except ValueError:
            payload = None
        if not isinstance(payload, dict) or payload.get('db') != self.env.cr.dbname:
            return 403, {'ok': False, 'code': 'forbidden'}
        raw_key = payload.get('key')
        key = self.env['copilot.mcp.key']._find_key(raw_key)
        prefix = raw_key[:KEY_PREFIX_LENGTH] if key_database(raw_key) else 'not a key'
        # the refusal is written in the key user's language when the key is known
        lang = key.user_id.lang if key else None
        if lang not in dict(self.env['res.lang'].get_installed()):
            lang = 'en_US'
        refusals = self.with_context(lang=lang)
        if not mcp_enabled(self.env):
            _logger.info("Copilot MCP key %s refused: MCP is turned off", prefix)
            return 401, refusals._mcp_refusal('mcp_disabled')
        if not key or not key._is_usable():
            _logger.info("Copilot MCP key %s refused: %s", prefix,
                         key.state if key else 'unknown')
            return 401, refusals._mcp_refusal('invalid_key')
        key._touch()
        user = key.user_id
        # never sudo: the grant is read with the key user's rights, in their context
        agent = self.with_user(user).with_context(
            **self.env['res.users'].with_user(user).context_get(),
        )
        return 200, agent._mcp_grant(key.with_user(user))

    @api.model
    def _mcp_refusal(self, code):
        """The 401 body of a refused exchange, its message in the context's language."""
        if code == 'mcp_disabled':
            message = _(
                "MCP access to the copilot is turned off in this database: ask your "
                "administrator (Settings › Copilot)."
            )
        else:
            message = _(
                "This MCP key is unknown, revoked or expired: make a new one in Odoo "
                "(Copilot › MCP Keys)."
            )
        return {'ok': False, 'code': code, 'message': message}

    @api.model
    def _mcp_grant(self, key):
        """What the current user's MCP client gets for ``key``: what a panel's turn gets.

        :return: ``{ok, key: {id, name, scope}, user, tools, models, delegation, expires_in}``;
            for a read key, ``tools`` names the read tools only
        """
        Policy = self.env['copilot.tool.policy']
        tools = Policy._get_user_tools()
        if key.scope != 'write':
            read_tools = set(Policy.search([('risk', '=', 'read')]).mapped('name'))
            tools = {name: mode for name, mode in tools.items() if name in read_tools}
        return {
            'ok': True,
            'key': {'id': key.id, 'name': key.name, 'scope': key.scope},
            'user': self._get_agent_user(),
            'tools': tools,
            'models': model_mapping(self.env),
            'delegation': self._make_mcp_delegation(key),
            'expires_in': DELEGATION_TTL,
        }

    @api.model
    def _make_mcp_delegation(self, key):
        """A delegation token of the current user for the MCP key ``key``.

        The payload of a turn's token (contract (C)), where ``sid`` is ``mcp_key_<key id>`` (the
        client's calls name it as their ``meta.session_id``), plus ``kid`` (the key's id) and
        ``scope`` (``read`` or ``write``), which the gateway checks at every call.
        """
        now = int(time.time())
        return self._encode_delegation({
            'v': 1,
            'db': self.env.cr.dbname,
            'uid': self.env.uid,
            'sid': MCP_SESSION_FORMAT.format(key.id),
            'kid': key.id,
            'scope': key.scope,
            'iat': now,
            'exp': now + DELEGATION_TTL,
            'jti': secrets.token_urlsafe(16),
        })

    # ------------------------------------------------------------
    # The gateway: calls made with an MCP key's token
    # ------------------------------------------------------------

    @api.model
    def _check_delegation_key(self, delegation, model, method):
        """Refuse a gateway call whose token came from an MCP key that no longer holds, or
        that writes with a read key. Tokens without ``kid`` (the panel's) pass.

        :raise AccessDenied: MCP is off, or the key was revoked, expired, deleted, or is not
            the token's user's
        :raise AccessError: a write method with a read key
        """
        kid = delegation.get('kid')
        if kid is None and delegation.get('scope') is None:
            return
        if not mcp_enabled(self.env):
            raise self._mcp_denied(_("MCP access to the copilot is turned off in this database."), 'mcp_disabled')
        key = self._delegation_mcp_key(delegation)
        if (
            not key
            or key.user_id.id != delegation.get('uid')
            or delegation.get('sid') != MCP_SESSION_FORMAT.format(key.id)
            or not key._is_usable()
        ):
            raise self._mcp_denied(_("This MCP key is revoked, expired or unknown."), 'invalid_key')
        if delegation.get('scope') != 'write' and is_write(model, method):
            error = AccessError(_("This MCP key can only read."))
            error.copilot_code = 'forbidden:read_only'
            raise error

    @api.model
    def _mcp_denied(self, message, code):
        error = AccessDenied(message)
        error.copilot_code = code
        return error

    @api.model
    def _delegation_mcp_key(self, delegation):
        """The MCP key (as sudo) a token was made for, or an empty recordset."""
        kid = delegation.get('kid')
        if not isinstance(kid, int) or isinstance(kid, bool) or kid <= 0:
            return self.env['copilot.mcp.key']
        # sudo: the key row of a correctly signed token, read by id; the call itself runs as the user
        return self.env['copilot.mcp.key'].sudo().browse(kid).exists()

    @api.model
    def _session_client(self, session_id):
        """The MCP client whose conversation ``session_id`` is (``mcp_key_<id>``), when that key
        is the current user's: a proposal of that client confirmed in the panel is logged with
        its name. ``None`` for any other conversation, or another user's key."""
        match = re.fullmatch(r'mcp_key_(\d{1,12})', session_id or '')
        if not match:
            return None
        # sudo: one key row read by id; only the current user's own key names the client
        key = self.env['copilot.mcp.key'].sudo().browse(int(match.group(1))).exists()
        return key.name[:128] if key and key.user_id.id == self.env.uid else None

    @api.model
    def _delegation_client(self, delegation):
        """The MCP client (its key's name) a token was made for, for the action log; ``None``
        for a panel's token. Read from the key, never from what the caller says."""
        key = self._delegation_mcp_key(delegation)
        return key.name[:128] if key else None
