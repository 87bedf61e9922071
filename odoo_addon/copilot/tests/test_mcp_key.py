# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import hashlib
import json
import re
import time
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessDenied, AccessError, UserError, ValidationError
from odoo.tests.common import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.copilot import compat, rpc_allowlist
from odoo.addons.copilot.model_map import model_mapping
from odoo.addons.copilot.models.copilot_mcp import key_database

from .common import SECRET, CopilotCommon, request_signature
from .test_rpc_route import PARTNER_WRITES, CopilotHttpCommon

#: The key format documented in copilot.mcp.key, read independently of the addon.
KEY_FORMAT = re.compile(r'^ocmcp_([0-9a-f]{64})_([A-Za-z0-9_-]+)$')


def database_of(key):
    encoded = KEY_FORMAT.match(key).group(2)
    return base64.urlsafe_b64decode(encoded + '=' * (-len(encoded) % 4)).decode()


class McpCommon(CopilotCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref('base.user_admin')
        cls.Key = cls.env['copilot.mcp.key']

    def make_key(self, user=None, name='Claude Desktop', scope='read', days=None):
        return self.Key.with_user(user or self.user)._generate(name, scope, days)

    def record(self, created):
        return self.Key.browse(created['id'])

    def set_mcp(self, enabled):
        compat.set_config_param(self.env, 'copilot.mcp_enabled', 'True' if enabled else 'False')


@tagged('post_install', '-at_install')
class TestMcpKey(McpCommon, TransactionCase):
    """``copilot.mcp.key``: made once, shown once, kept as a hash; renamed or revoked only."""

    def test_key_names_its_database_and_is_kept_as_a_hash(self):
        created = self.make_key(days=30)
        key = created['key']
        self.assertRegex(key, KEY_FORMAT)
        self.assertEqual(database_of(key), self.env.cr.dbname)
        self.assertEqual(key_database(key), self.env.cr.dbname)
        record = self.record(created)
        self.assertEqual(record.user_id, self.user)
        self.assertEqual((record.name, record.scope, record.state), ('Claude Desktop', 'read', 'active'))
        self.assertEqual(record.key_prefix, key[:14])
        self.assertEqual(record.key_hash, hashlib.sha256(key.encode()).hexdigest())
        self.assertAlmostEqual(record.expires_at, fields.Datetime.now() + timedelta(days=30),
                               delta=timedelta(minutes=1))
        self.assertEqual(created['expires_at'], fields.Datetime.to_string(record.expires_at))
        # the key itself is nowhere in its row
        self.env.flush_all()
        self.env.cr.execute("SELECT * FROM copilot_mcp_key WHERE id = %s", [record.id])
        self.assertNotIn(key, repr(self.env.cr.fetchall()))
        self.assertNotIn(KEY_FORMAT.match(key).group(1), repr(record.read()))
        self.assertNotEqual(self.make_key()['key'], key)

    def test_default_lifetime_and_endpoint(self):
        created = self.make_key()
        self.assertAlmostEqual(self.record(created).expires_at, fields.Datetime.now() + timedelta(days=90),
                               delta=timedelta(minutes=1))
        base_url = compat.get_config_param(self.env, 'web.base.url').rstrip('/')
        self.assertEqual(created['endpoint'], f'{base_url}/mcp')
        compat.set_config_param(self.env, 'copilot.mcp_url', 'https://mcp.example.com/mcp')
        self.assertEqual(self.make_key()['endpoint'], 'https://mcp.example.com/mcp')

    def test_refusals(self):
        for name, scope, days in (
            ('', 'read', None),
            ('   ', 'read', None),
            ('x' * 65, 'read', None),
            (None, 'read', None),
            ('Client', 'admin', None),
            ('Client', None, None),
            ('Client', 'read', 0),
            ('Client', 'read', 366),
            ('Client', 'read', True),
            ('Client', 'read', '30'),
            ('Client', 'read', 1.5),
        ):
            with self.subTest(name=name, scope=scope, days=days), self.assertRaises(UserError):
                self.make_key(name=name, scope=scope, days=days)
        self.assertFalse(self.Key.search([('user_id', '=', self.user.id)]))

    def test_mcp_off(self):
        self.set_mcp(False)
        with self.assertRaisesRegex(UserError, 'turned off'):
            self.make_key()
        self.set_mcp(True)
        self.assertTrue(self.make_key())

    def test_internal_users_only(self):
        portal = new_test_user(self.env, login='copilot_mcp_portal', groups='base.group_portal')
        with self.assertRaises(AccessError):
            self.make_key(user=portal)

    def test_at_most_20_active_keys(self):
        keys = [self.make_key(name=f'Client {n}') for n in range(20)]
        with self.assertRaisesRegex(UserError, 'revoke one'):
            self.make_key()
        # a revoked or expired key does not count
        self.record(keys[0]).with_user(self.user).action_revoke()
        self.make_key()
        self.record(keys[1]).sudo().write({'expires_at': fields.Datetime.now() - timedelta(days=1)})
        self.make_key()
        with self.assertRaises(UserError):
            self.make_key()
        # another user has their own 20
        self.make_key(user=self.restricted_user)

    def test_no_plain_create(self):
        values = {'name': 'Mine', 'key_hash': hashlib.sha256(b'ocmcp_chosen').hexdigest(),
                  'expires_at': fields.Datetime.now() + timedelta(days=1)}
        for user in (self.user, self.admin):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Key.with_user(user).create(values)
        with self.assertRaises(AccessError):
            self.record(self.make_key()).with_user(self.admin).copy()

    def test_only_the_name_changes(self):
        record = self.record(self.make_key()).with_user(self.user)
        record.write({'name': 'Cursor'})
        self.assertEqual(record.name, 'Cursor')
        for values in ({'key_hash': '0' * 64}, {'user_id': self.restricted_user.id},
                       {'scope': 'write'}, {'expires_at': fields.Datetime.now() + timedelta(days=900)},
                       {'key_prefix': 'ocmcp_x'}, {'last_used': fields.Datetime.now()}):
            for user in (self.user, self.admin):
                with self.subTest(values=values, user=user.login), self.assertRaises(AccessError):
                    record.with_user(user).write(values)
        record.action_revoke()
        self.assertEqual(record.state, 'revoked')
        with self.assertRaisesRegex(UserError, 'cannot be used again'):
            record.write({'revoked': False})
        with self.assertRaises(UserError):
            record.sudo().write({'revoked': False})
        with self.assertRaises(ValidationError):
            record.write({'name': ' '})

    def test_users_see_their_own_keys_administrators_all(self):
        own = self.record(self.make_key())
        other = self.record(self.make_key(user=self.restricted_user))
        self.assertEqual(self.Key.with_user(self.user).search([]), own)
        self.assertEqual(self.Key.with_user(self.admin).search([('id', 'in', (own | other).ids)]), own | other)
        with self.assertRaises(AccessError):
            other.with_user(self.user).read(['name'])
        with self.assertRaises(AccessError):
            other.with_user(self.user).action_revoke()
        self.assertFalse(other.revoked)
        other.with_user(self.admin).action_revoke()
        self.assertTrue(other.revoked)
        # nobody but administrators reads a hash
        with self.assertRaises(AccessError):
            own.with_user(self.user).read(['key_hash'])
        with self.assertRaises(AccessError):
            own.with_user(self.user).unlink()

    def test_status_search(self):
        active = self.record(self.make_key(name='Active'))
        expired = self.record(self.make_key(name='Expired'))
        expired.sudo().write({'expires_at': fields.Datetime.now() - timedelta(seconds=1)})
        revoked = self.record(self.make_key(name='Revoked'))
        revoked.action_revoke()
        Key = self.Key.with_user(self.user)
        self.assertEqual(Key.search([('state', '=', 'active')]), active)
        self.assertEqual(Key.search([('state', '=', 'expired')]), expired)
        self.assertEqual(Key.search([('state', 'in', ['expired', 'revoked'])]), expired | revoked)
        self.assertEqual(Key.search([('state', '!=', 'active')]), expired | revoked)
        self.assertEqual(Key._list_keys()[0]['id'], revoked.id)
        listed = {values['name']: values for values in Key._list_keys()}
        self.assertEqual(set(listed), {'Active', 'Expired', 'Revoked'})
        self.assertEqual((listed['Expired']['expired'], listed['Expired']['revoked']), (True, False))
        self.assertEqual((listed['Revoked']['revoked'], listed['Active']['expired']), (True, False))
        self.assertNotIn('key_hash', listed['Active'])

    def test_wizard_shows_the_key_once_and_stores_it_nowhere(self):
        wizard = self.env['copilot.mcp.key.wizard'].with_user(self.user).create(
            {'name': 'Claude Desktop', 'scope': 'write', 'days': 10})
        action = wizard.action_create()
        record = self.Key.search([('user_id', '=', self.user.id)])
        self.assertEqual((record.name, record.scope), ('Claude Desktop', 'write'))
        self.assertEqual(action['target'], 'new')
        self.assertEqual(action['views'][0][0], self.env.ref('copilot.copilot_mcp_key_wizard_view_form_done').id)
        shown = self.env['copilot.mcp.key.wizard'].with_user(self.user).with_context(action['context']).new({})
        self.assertEqual(hashlib.sha256(shown.key.encode()).hexdigest(), record.key_hash)
        self.assertTrue(shown.endpoint.endswith('/mcp'))
        # what the dialog's form asks Odoo for
        values = self.env['copilot.mcp.key.wizard'].with_user(self.user).with_context(action['context']).onchange(
            {}, [], {'name': {}, 'scope': {}, 'key': {}, 'endpoint': {}})['value']
        self.assertEqual((values['key'], values['name'], values['scope']), (shown.key, 'Claude Desktop', 'write'))
        self.assertFalse(self.env['copilot.mcp.key.wizard']._fields['key'].store)
        # a new dialog, a fresh wizard: no key
        self.assertFalse(self.env['copilot.mcp.key.wizard'].with_user(self.user).new({}).key)

    def test_settings_switch(self):
        self.env['ir.config_parameter'].sudo().search([('key', '=', 'copilot.mcp_enabled')]).unlink()
        settings = self.env['res.config.settings'].create({})
        self.assertTrue(settings.copilot_mcp_enabled, "on when never set")
        settings.copilot_mcp_enabled = False
        settings.set_values()
        self.assertEqual(compat.get_config_param(self.env, 'copilot.mcp_enabled'), 'False')
        self.assertFalse(self.env['res.config.settings'].create({}).copilot_mcp_enabled)
        settings = self.env['res.config.settings'].create({'copilot_mcp_enabled': True,
                                                           'copilot_mcp_url': 'https://x.example/mcp'})
        settings.set_values()
        self.assertTrue(self.env['res.config.settings'].create({}).copilot_mcp_enabled)
        self.assertEqual(compat.get_config_param(self.env, 'copilot.mcp_url'), 'https://x.example/mcp')

    def test_views(self):
        view = self.env.ref('copilot.copilot_mcp_key_view_tree')
        self.assertEqual(view.type, compat.LIST_VIEW_TYPE)
        action = self.env.ref('copilot.copilot_mcp_key_action')
        self.assertEqual(action.view_mode, compat.view_mode('list', 'form'))
        views = self.Key.with_user(self.user).get_views(
            [(False, compat.LIST_VIEW_TYPE), (False, 'form'), (False, 'search')])
        self.assertIn('action_revoke', views['views'][compat.LIST_VIEW_TYPE]['arch'])
        self.assertIn('action_new_key', views['views'][compat.LIST_VIEW_TYPE]['arch'])
        self.assertEqual(self.env.ref('copilot.copilot_mcp_key_menu').action, action)
        wizard_action = self.Key.with_user(self.user).action_new_key()
        self.assertEqual(wizard_action['res_model'], 'copilot.mcp.key.wizard')
        self.env['copilot.mcp.key.wizard'].with_user(self.user).get_views([(False, 'form')])
        arch = self.env['res.config.settings'].get_views([(False, 'form')])['views']['form']['arch']
        self.assertIn('copilot_mcp_enabled', arch)
        self.assertIn('copilot_mcp_url', arch)
        log_arch = self.env['copilot.action.log'].get_views(
            [(False, compat.LIST_VIEW_TYPE), (False, 'form')])['views']
        self.assertIn('name="client"', log_arch[compat.LIST_VIEW_TYPE]['arch'])
        self.assertIn('name="client"', log_arch['form']['arch'])


@tagged('post_install', '-at_install')
class TestMcpGateway(McpCommon, TransactionCase):
    """The gateway with an MCP key's token: the key must still hold, a read key only reads."""

    def setUp(self):
        super().setUp()
        patcher = patch.dict(rpc_allowlist.RPC_ALLOWLIST, PARTNER_WRITES)
        patcher.start()
        self.addCleanup(patcher.stop)

    def delegation(self, created, user=None):
        """The verified payload of a token made for the key, as the gateway gets it."""
        key = self.record(created)
        token = self.env['copilot.agent'].with_user(user or key.user_id)._make_mcp_delegation(key)
        return self.env['copilot.agent']._verify_delegation(token)

    def call(self, delegation, method, args, meta=None, user=None):
        user = user or self.user
        meta = dict({'session_id': delegation['sid'], 'tool': 'create_contact', 'action_id': 'act_mcp'},
                    **(meta or {}))
        return self.env['copilot.agent'].with_user(user)._gateway_call(
            delegation, 'res.partner', method, args, {}, meta)

    def test_token_payload(self):
        created = self.make_key(scope='write')
        payload = self.delegation(created)
        self.assertEqual(payload['uid'], self.user.id)
        self.assertEqual((payload['kid'], payload['scope']), (created['id'], 'write'))
        self.assertEqual(payload['sid'], f"mcp_key_{created['id']}")
        self.assertEqual(payload['exp'] - payload['iat'], 300)
        self.assertEqual(set(payload), {'v', 'db', 'uid', 'sid', 'kid', 'scope', 'iat', 'exp', 'jti'})

    def test_panel_confirm_of_a_client_proposal_names_the_client(self):
        """A proposal of an MCP client, confirmed in the panel (the bridge: no MCP token), is
        logged with that client's name: the user's own key, found by its conversation."""
        created = self.make_key(name='Cursor', scope='write')
        bridge = self.env['copilot.agent'].with_user(self.user)
        meta = {'session_id': f"mcp_key_{created['id']}", 'tool': 'create_contact', 'action_id': 'act_panel_mcp'}
        reply = bridge._bridge_reply({'key': 'k1', 'model': 'res.partner', 'method': 'create',
                                      'args': [{'name': 'Confirmed In The Panel'}], 'kwargs': {}, 'meta': meta})
        self.assertIn('result', reply)
        log = self.env['copilot.action.log'].search([('action_id', '=', 'act_panel_mcp')])
        self.assertEqual((log.user_id, log.client), (self.user, 'Cursor'))
        # another user's key names no client, whatever conversation the call names
        other = self.make_key(user=self.admin, name='Admin Agent', scope='write')
        meta = dict(meta, session_id=f"mcp_key_{other['id']}", action_id='act_panel_other')
        bridge._bridge_reply({'key': 'k2', 'model': 'res.partner', 'method': 'create',
                              'args': [{'name': 'Not The Admin Agent'}], 'kwargs': {}, 'meta': meta})
        log = self.env['copilot.action.log'].search([('action_id', '=', 'act_panel_other')])
        self.assertFalse(log.client)

    def test_read_key_reads_only(self):
        payload = self.delegation(self.make_key(scope='read'))
        self.assertEqual(self.call(payload, 'search_count', [[('id', '=', self.user.partner_id.id)]]), 1)
        with self.assertRaisesRegex(AccessError, 'can only read'):
            self.call(payload, 'create', [{'name': 'Written With A Read Key'}])
        self.assertFalse(self.env['res.partner'].search([('name', '=', 'Written With A Read Key')]))
        self.assertFalse(self.env['copilot.action.log'].search([('user_id', '=', self.user.id)]))

    def test_write_key_logs_its_client(self):
        payload = self.delegation(self.make_key(name='Claude Desktop', scope='write'))
        partner_id = self.call(payload, 'create', [{'name': 'Written By MCP'}],
                               meta={'client': 'Forged Client'})
        log = self.env['copilot.action.log'].search([('user_id', '=', self.user.id)])
        self.assertEqual((log.client, log.session_id, log.res_ids), ('Claude Desktop', payload['sid'], f'[{partner_id}]'))
        self.assertFalse(self.env['copilot.action.log'].with_user(self.admin)._verify_chain())
        # a panel's token: no client
        self.env['copilot.agent'].with_user(self.user)._gateway_call(
            self.payload(self.user), 'res.partner', 'create', [{'name': 'Written By The Panel'}], {},
            {'session_id': 'session1', 'action_id': 'act_panel'})
        self.assertFalse(self.env['copilot.action.log'].search([('action_id', '=', 'act_panel')]).client)

    def test_key_must_still_hold(self):
        created = self.make_key(scope='write')
        payload = self.delegation(created)
        key = self.record(created)
        key.with_user(self.user).action_revoke()
        with self.assertRaisesRegex(AccessDenied, 'revoked'):
            self.call(payload, 'search_count', [[]])

        payload = self.delegation(self.make_key(scope='write'))
        key = self.Key.browse(payload['kid'])
        key.sudo().write({'expires_at': fields.Datetime.now() - timedelta(seconds=1)})
        with self.assertRaises(AccessDenied):
            self.call(payload, 'search_count', [[]])

        payload = self.delegation(self.make_key(scope='write'))
        self.Key.browse(payload['kid']).sudo().unlink()
        with self.assertRaises(AccessDenied):
            self.call(payload, 'search_count', [[]])

        payload = self.delegation(self.make_key(scope='write'))
        self.set_mcp(False)
        with self.assertRaisesRegex(AccessDenied, 'turned off'):
            self.call(payload, 'search_count', [[]])
        self.set_mcp(True)
        self.assertTrue(self.call(payload, 'search_count', [[]]))

    def test_token_of_the_keys_user_only(self):
        payload = self.delegation(self.make_key(user=self.restricted_user, scope='write'))
        # a token naming another user with this key (made with the secret) is refused
        forged = dict(payload, uid=self.user.id)
        with self.assertRaises(AccessDenied):
            self.call(forged, 'search_count', [[]])
        # ... and so is a key's token bound to another conversation
        with self.assertRaises(AccessDenied):
            self.call(dict(payload, sid='session1'), 'search_count', [[]], meta={'session_id': 'session1'},
                      user=self.restricted_user)


@tagged('post_install', '-at_install')
class TestMcpRoutes(McpCommon, CopilotHttpCommon, HttpCase):
    """The user's key routes, and the agent's exchange of a key for a delegation token."""

    def exchange(self, body, secret=SECRET, timestamp=None):
        raw = json.dumps(body).encode()
        timestamp = str(timestamp or int(time.time()))
        nonce = f'nonce-{time.time_ns()}'
        response = self.url_open('/copilot/mcp/exchange', data=raw, headers={
            'Content-Type': 'application/json',
            'X-Copilot-Timestamp': timestamp,
            'X-Copilot-Nonce': nonce,
            'X-Copilot-Signature': request_signature(secret, timestamp, nonce, 'POST',
                                                     '/copilot/mcp/exchange', raw),
        })
        return response.status_code, response.json()

    def exchange_key(self, key):
        return self.exchange({'db': self.env.cr.dbname, 'key': key})

    def test_create_list_revoke(self):
        self.authenticate('copilot_user', 'copilot_user_pw')
        created = self.jsonrpc('/copilot/mcp/key', {'name': 'Claude Desktop', 'scope': 'write', 'days': 7})['result']
        self.assertEqual(set(created), {'id', 'key', 'name', 'scope', 'expires_at', 'endpoint'})
        self.assertRegex(created['key'], KEY_FORMAT)
        self.assertEqual((created['name'], created['scope']), ('Claude Desktop', 'write'))
        record = self.record(created)
        self.assertEqual(record.user_id, self.user)
        self.assertEqual(record.key_hash, hashlib.sha256(created['key'].encode()).hexdigest())

        listed = self.jsonrpc('/copilot/mcp/keys', {})['result']
        self.assertEqual(listed, [{
            'id': record.id, 'name': 'Claude Desktop', 'scope': 'write',
            'key_prefix': created['key'][:14], 'expires_at': created['expires_at'],
            'last_used': None, 'revoked': False, 'expired': False,
        }])

        answer = self.jsonrpc('/copilot/mcp/key/revoke', {'id': record.id})
        self.assertEqual(answer['result'], {'ok': True})
        record.invalidate_recordset()
        self.assertTrue(record.revoked)
        self.assertTrue(self.jsonrpc('/copilot/mcp/keys', {})['result'][0]['revoked'])

    @mute_logger('odoo.http')
    def test_route_refusals(self):
        self.authenticate('copilot_user', 'copilot_user_pw')
        data = self.assertRpcError(self.jsonrpc('/copilot/mcp/key', {'name': '', 'scope': 'read'}), 'UserError')
        self.assertEqual(data['code'], 'bad_request:name')
        data = self.assertRpcError(self.jsonrpc('/copilot/mcp/key', {'name': 'C', 'scope': 'all'}), 'UserError')
        self.assertEqual(data['code'], 'bad_request:scope')
        data = self.assertRpcError(self.jsonrpc('/copilot/mcp/key', {'name': 'C', 'scope': 'read', 'days': 400}),
                                   'UserError')
        self.assertEqual(data['code'], 'bad_request:days')
        self.set_mcp(False)
        data = self.assertRpcError(self.jsonrpc('/copilot/mcp/key', {'name': 'C', 'scope': 'read'}), 'UserError')
        self.assertEqual(data['code'], 'mcp_disabled')
        self.set_mcp(True)
        # another user's key: not found, and not revoked
        other = self.record(self.make_key(user=self.restricted_user))
        data = self.assertRpcError(self.jsonrpc('/copilot/mcp/key/revoke', {'id': other.id}), 'UserError')
        self.assertEqual(data['code'], 'not_found')
        other.invalidate_recordset()
        self.assertFalse(other.revoked)
        self.assertRpcError(self.jsonrpc('/copilot/mcp/key/revoke', {'id': 'x'}), 'UserError')
        self.assertEqual(self.jsonrpc('/copilot/mcp/keys', {})['result'], [])
        # an administrator revokes anyone's
        self.authenticate('admin', 'admin')
        self.assertEqual(self.jsonrpc('/copilot/mcp/key/revoke', {'id': other.id})['result'], {'ok': True})
        other.invalidate_recordset()
        self.assertTrue(other.revoked)

    def test_exchange(self):
        Policy = self.env['copilot.tool.policy']
        Policy.search([('name', 'in', ('mcp_test_read', 'mcp_test_draft'))]).unlink()
        Policy.create([
            {'name': 'mcp_test_read', 'risk': 'read', 'mode': 'auto'},
            {'name': 'mcp_test_draft', 'risk': 'draft', 'mode': 'confirm'},
        ])
        read_policies = set(Policy.search([('risk', '=', 'read')]).mapped('name'))
        created = self.make_key(name='Claude Desktop', scope='read')
        status, answer = self.exchange_key(created['key'])
        self.assertEqual(status, 200, answer)
        self.assertEqual(set(answer), {'ok', 'key', 'user', 'tools', 'models', 'delegation', 'expires_in'})
        self.assertIs(answer['ok'], True)
        self.assertEqual(answer['key'], {'id': created['id'], 'name': 'Claude Desktop', 'scope': 'read'})
        Agent = self.env['copilot.agent'].with_user(self.user)
        self.assertEqual(answer['user'], Agent._get_agent_user())
        self.assertEqual(answer['user']['uid'], self.user.id)
        self.assertEqual(answer['models'], model_mapping(self.env))
        self.assertIn('mcp_test_read', answer['tools'])
        self.assertNotIn('mcp_test_draft', answer['tools'])
        self.assertLessEqual(set(answer['tools']), read_policies)
        self.assertEqual(answer['expires_in'], 300)
        payload = self.env['copilot.agent']._verify_delegation(answer['delegation'])
        self.assertEqual((payload['uid'], payload['kid'], payload['scope'], payload['sid']),
                         (self.user.id, created['id'], 'read', f"mcp_key_{created['id']}"))

        status, answer = self.exchange_key(self.make_key(name='Cursor', scope='write')['key'])
        self.assertEqual(status, 200, answer)
        self.assertEqual(answer['tools'], Policy.with_user(self.user)._get_user_tools())
        self.assertIn('mcp_test_draft', answer['tools'])
        self.assertEqual(self.env['copilot.agent']._verify_delegation(answer['delegation'])['scope'], 'write')

    def test_exchange_writes_last_used_once_a_minute(self):
        created = self.make_key()
        key = self.record(created)
        self.assertFalse(key.last_used)
        self.assertEqual(self.exchange_key(created['key'])[0], 200)
        key.invalidate_recordset()
        first = key.last_used
        self.assertTrue(first)
        self.assertEqual(self.exchange_key(created['key'])[0], 200)
        key.invalidate_recordset()
        self.assertEqual(key.last_used, first)
        self.env.cr.execute("UPDATE copilot_mcp_key SET last_used = last_used - interval '2 minutes' WHERE id = %s",
                            [key.id])
        key.invalidate_recordset()
        self.assertEqual(self.exchange_key(created['key'])[0], 200)
        key.invalidate_recordset()
        self.assertGreaterEqual(key.last_used, first)

    @mute_logger('odoo.addons.copilot.models.copilot_mcp')
    def test_exchange_refusals(self):
        created = self.make_key()
        body = {'db': self.env.cr.dbname, 'key': created['key']}
        forbidden = {'ok': False, 'code': 'forbidden'}
        self.assertEqual(self.exchange(body, secret='not-the-secret'), (403, forbidden))
        self.assertEqual(self.exchange(body, timestamp=int(time.time()) - 3600), (403, forbidden))
        self.assertEqual(self.exchange(dict(body, db='another_db')), (403, forbidden))
        self.assertEqual(self.exchange(['not', 'an', 'object']), (403, forbidden))

        def refused(key, code='invalid_key'):
            status, answer = self.exchange_key(key)
            self.assertEqual(status, 401, answer)
            self.assertEqual((answer['ok'], answer['code']), (False, code))
            self.assertTrue(answer['message'])
            self.assertNotIn('delegation', answer)
            return answer

        answer = refused('ocmcp_' + 'a' * 64 + created['key'][70:])
        self.assertIn('unknown, revoked or expired', answer['message'])
        refused(None)
        refused(created['key'].upper())
        # a key of another database
        refused(created['key'][:71] + base64.urlsafe_b64encode(b'other_db').decode().rstrip('='))

        self.set_mcp(False)
        answer = refused(created['key'], 'mcp_disabled')
        self.assertIn('turned off', answer['message'])
        self.set_mcp(True)

        expiring = self.make_key(name='Expiring')
        self.record(expiring).sudo().write({'expires_at': fields.Datetime.now() - timedelta(seconds=1)})
        refused(expiring['key'])

        self.record(created).with_user(self.user).action_revoke()
        refused(created['key'])

        inactive = self.make_key(user=self.restricted_user)
        self.restricted_user.active = False
        refused(inactive['key'])

    @mute_logger('odoo.addons.copilot.models.copilot_mcp')
    def test_refusal_in_the_users_language(self):
        self.env['res.lang']._activate_lang('fr_FR')
        french = new_test_user(self.env, login='copilot_mcp_fr', groups='base.group_user', lang='fr_FR')
        created = self.make_key(user=french)
        self.record(created).with_user(french).action_revoke()
        status, answer = self.exchange_key(created['key'])
        self.assertEqual(status, 401)
        self.assertIn('révoquée', answer['message'])

    def rpc(self, token, model, method, args, kwargs=None, meta=None):
        return self.jsonrpc('/copilot/rpc', {
            'token': token, 'model': model, 'method': method, 'args': args, 'kwargs': kwargs or {},
            'meta': meta or {},
        })

    @mute_logger('odoo.http', 'odoo.addons.copilot.models.copilot_mcp')
    def test_gateway_with_exchanged_tokens(self):
        if 'sale.order' not in self.env.registry:
            self.skipTest("sale is not installed")
        self.user.write({compat.USER_GROUPS_FIELD: [(4, self.env.ref('sales_team.group_sale_salesman').id)]})
        customer = self.env['res.partner'].create({'name': 'MCP Customer'})

        read_key = self.make_key(name='Reader', scope='read')
        token = self.exchange_key(read_key['key'])[1]['delegation']
        meta = {'session_id': f"mcp_key_{read_key['id']}", 'tool': 'create_quotation', 'action_id': 'act_mcp_r'}
        answer = self.rpc(token, 'sale.order', 'search_count', [[]], meta=meta)
        self.assertIn('result', answer)
        answer = self.rpc(token, 'sale.order', 'create', [{'partner_id': customer.id}], meta=meta)
        data = self.assertRpcError(answer, 'AccessError', 'can only read')
        self.assertEqual(data['code'], 'forbidden:read_only')
        self.assertFalse(self.env['sale.order'].search([('partner_id', '=', customer.id)]))
        # bound to its key's conversation
        self.assertRpcError(self.rpc(token, 'sale.order', 'search_count', [[]], meta={'session_id': 'session1'}),
                            'AccessDenied')

        write_key = self.make_key(name='Claude Desktop', scope='write')
        token = self.exchange_key(write_key['key'])[1]['delegation']
        meta = {'session_id': f"mcp_key_{write_key['id']}", 'tool': 'create_quotation', 'action_id': 'act_mcp_w'}
        answer = self.rpc(token, 'sale.order', 'create', [{'partner_id': customer.id}], meta=meta)
        order = self.env['sale.order'].browse(answer['result'])
        self.assertEqual(order.create_uid, self.user)
        log = self.env['copilot.action.log'].search([('action_id', '=', 'act_mcp_w')])
        self.assertEqual((log.user_id, log.client, log.method), (self.user, 'Claude Desktop', 'create'))
        # undone as any copilot action
        result = self.env['copilot.action.log'].with_user(self.user).undo_action('act_mcp_w')
        self.assertTrue(result['undone'])
        self.assertTrue(log.undone_date)
        self.assertFalse(self.env['copilot.action.log'].with_user(self.admin)._verify_chain())

        # revoked: its token stops at once
        self.record(write_key).with_user(self.user).action_revoke()
        data = self.assertRpcError(self.rpc(token, 'sale.order', 'search_count', [[]], meta=meta), 'AccessDenied')
        self.assertEqual(data['code'], 'invalid_key')

    @mute_logger('odoo.http')
    def test_token_has_its_users_rights_only(self):
        if 'sale.order' not in self.env.registry:
            self.skipTest("sale is not installed")
        # the restricted user may not read quotations: neither may their key
        created = self.make_key(user=self.restricted_user, scope='write')
        status, answer = self.exchange_key(created['key'])
        self.assertEqual(answer['user']['uid'], self.restricted_user.id)
        meta = {'session_id': f"mcp_key_{created['id']}"}
        self.assertRpcError(self.rpc(answer['delegation'], 'sale.order', 'search_read', [[]], {'fields': ['name']},
                                     meta=meta), 'AccessError')
        # while the salesman's key reads them
        self.user.write({compat.USER_GROUPS_FIELD: [(4, self.env.ref('sales_team.group_sale_salesman').id)]})
        created = self.make_key(scope='read')
        status, answer = self.exchange_key(created['key'])
        self.assertEqual(answer['user']['uid'], self.user.id)
        answer = self.rpc(answer['delegation'], 'sale.order', 'search_read', [[]], {'fields': ['name'], 'limit': 1},
                          meta={'session_id': f"mcp_key_{created['id']}"})
        self.assertIn('result', answer)
