# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

#: Lists the agent caches (its webhook retires them at once when they change).
CACHED_MODELS = frozenset({'project.project', 'project.task.type', 'stock.warehouse'})
#: Records the open panel shows: a change is pushed to it on Odoo's bus.
LIVE_MODELS = frozenset({'project.project', 'project.task', 'sale.order'})
WATCHED_MODELS = CACHED_MODELS | LIVE_MODELS
#: The bus notification the panel subscribes to.
BUS_TYPE = 'copilot/record_changed'


# The patched methods are made by functions, each call a new closure, so that a method's
# ``origin`` is its own (as in base_automation's _register_hook).
def _make_create():
    @api.model_create_multi
    def create(self, vals_list):
        records = create.origin(self, vals_list)
        if records:
            self.env['copilot.watch']._copilot_changed(records)
        return records
    return create


def _make_write():
    def write(self, vals):
        result = write.origin(self, vals)
        if self:
            self.env['copilot.watch']._copilot_changed(self)
        return result
    return write


def _make_unlink():
    def unlink(self):
        if self:
            self.env['copilot.watch']._copilot_changed(self)
        return unlink.origin(self)
    return unlink


def _make_automation_register_hook():
    def _register_hook(self):
        _register_hook.origin(self)
        self.env['copilot.watch']._patch_watched_models()
    return _register_hook


#: The methods patched on the class of each watched model.
MODEL_PATCHES = {'create': _make_create, 'write': _make_write, 'unlink': _make_unlink}


def _is_patched(method):
    """Whether ``method`` is a patch of the watch, or wraps one (a patch made after it)."""
    while method is not None:
        if getattr(method, 'copilot_watch', False):
            return True
        method = getattr(method, 'origin', None)
    return False


def _patch(model_class, name, make):
    """Wrap ``name`` of a registry class with ``make()``, unless it wraps the watch already."""
    if _is_patched(getattr(model_class, name)):
        return
    method = make()
    method.origin = getattr(model_class, name)
    method.copilot_watch = True
    setattr(model_class, name, method)


def _unpatch(model_class, name):
    """Take the watch's patch out of ``name`` of a registry class, wherever it is wrapped."""
    outer, method = None, model_class.__dict__.get(name)
    while method is not None and not getattr(method, 'copilot_watch', False):
        outer, method = method, getattr(method, 'origin', None)
    if method is None:
        return
    if outer is not None:
        # a patch made after ours (base_automation's): it now calls what ours called
        outer.origin = method.origin
        return
    delattr(model_class, name)
    if getattr(model_class, name) is not method.origin:
        # ours wrapped a patch set on the class before it: keep that one
        setattr(model_class, name, method.origin)


class CopilotWatch(models.AbstractModel):
    """Tells the copilot when a record it caches or shows changes, whatever made the change.

    The watched models belong to apps the addon does not depend on (project, sale, stock), so
    it cannot inherit them: when the registry is ready, ``create``, ``write`` and ``unlink``
    of the class of each watched model that is installed are wrapped, the way base_automation
    patches the models of its rules; no other model is touched. After the transaction
    commits: the agent's signed webhook (cache), and a bus notification to the users concerned
    (the open panel refreshes). Nothing is sent for a rolled-back change.
    """

    _name = 'copilot.watch'
    _description = 'Copilot Record Watch'

    # ------------------------------------------------------------
    # Registry hooks
    # ------------------------------------------------------------

    def _register_hook(self):
        """Patch the watched models (called on every setup of the registry: idempotent)."""
        super()._register_hook()
        self._patch_watched_models()
        automation_class = self.env.registry.get('base.automation')
        if automation_class is not None:
            # base_automation's _unregister_hook deletes create, write and unlink from the class
            # of every model, our patches included, and saving a rule runs it, then patches back
            # only its own (_update_registry): patch ours back after it
            _patch(automation_class, '_register_hook', _make_automation_register_hook)

    def _unregister_hook(self):
        """Remove the patches (before the registry is set up again)."""
        for model_name in WATCHED_MODELS:
            model_class = self.env.registry.get(model_name)
            if model_class is not None:
                for name in MODEL_PATCHES:
                    _unpatch(model_class, name)
        automation_class = self.env.registry.get('base.automation')
        if automation_class is not None:
            _unpatch(automation_class, '_register_hook')
        super()._unregister_hook()

    @api.model
    def _patch_watched_models(self):
        for model_name in sorted(WATCHED_MODELS):
            model_class = self.env.registry.get(model_name)
            if model_class is None:
                continue  # its app is not installed
            for name, make in MODEL_PATCHES.items():
                _patch(model_class, name, make)

    # ------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------

    @api.model
    def _copilot_changed(self, records):
        """Queue a change of ``records`` for the commit (the bus notification, the webhook)."""
        pending = self.env.cr.precommit.data.setdefault('copilot.changed', {})
        first = not pending
        entry = pending.setdefault(records._name, {'ids': set(), 'partners': set()})
        entry['ids'].update(records.ids)
        entry['partners'].add(self.env.user.partner_id.id)
        for field in ('user_id', 'user_ids'):
            if field in records._fields:
                # sudo: the assignee's partner, to notify them; no data goes to the writer
                entry['partners'].update(records.sudo()[field].partner_id.ids)
        if first:
            self.env.cr.precommit.add(self._copilot_notify_bus)
            # the models are read at the commit: every model the transaction changed
            self.env['copilot.agent']._post_after_commit(
                'copilot.webhook', '/v1/webhooks/odoo', lambda: self._copilot_webhook_payload(pending),
            )

    @api.model
    def _copilot_notify_bus(self):
        """Bus notifications are written in the transaction and sent by Odoo once it commits."""
        pending = self.env.cr.precommit.data.get('copilot.changed', {})
        for model, entry in pending.items():
            if model not in LIVE_MODELS:
                continue
            payload = {'model': model, 'ids': sorted(entry['ids'])}
            for partner in self.env['res.partner'].browse(sorted(entry['partners'])).exists():
                self.env['bus.bus']._sendone(partner, BUS_TYPE, payload)

    @api.model
    def _copilot_webhook_payload(self, pending):
        """The webhook's body: the cached models the transaction changed, or ``None``."""
        models_changed = sorted(model for model in pending if model in CACHED_MODELS)
        return {'db': self.env.cr.dbname, 'models': models_changed} if models_changed else None
